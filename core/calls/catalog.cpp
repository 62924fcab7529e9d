#include "calls/catalog.h"

namespace amicus::calls {
namespace {

std::size_t indexOf(Language language)
{
    return static_cast<std::size_t>(language);
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string_view languageCode(Language language)
{
    switch (language) {
    case Language::Fr:
        return "fr";
    case Language::Es:
        return "es";
    case Language::En:
        break;
    }
    return "en";
}

Language languageFromTag(std::string_view tag)
{
    const std::size_t end = tag.find_first_of("-_");
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() != 2) {
        return Language::En;
    }
    const std::string lower{asciiLower(primary[0]), asciiLower(primary[1])};
    if (lower == "fr") {
        return Language::Fr;
    }
    if (lower == "es") {
        return Language::Es;
    }
    return Language::En;
}

const std::string& LocalizedText::text(Language language) const
{
    return texts_[indexOf(language)];
}

bool LocalizedText::isFallback(Language language) const
{
    return fallback_[indexOf(language)];
}

void LocalizedText::set(Language language, std::string text, bool fallback)
{
    texts_[indexOf(language)] = std::move(text);
    fallback_[indexOf(language)] = fallback;
}

Result<const KeyQuestion*, LookupError> Call::question(std::string_view questionId) const
{
    for (const KeyQuestion& candidate : questions) {
        if (candidate.id == questionId) {
            return &candidate;
        }
    }
    return fail(LookupError::NoSuchQuestion);
}

std::string Call::origin() const
{
    // The parser guarantees scheme "http://" or "https://" followed by an authority.
    const std::size_t schemeEnd = endpoint.find("://");
    if (schemeEnd == std::string::npos) {
        return endpoint;
    }
    const std::size_t pathStart = endpoint.find('/', schemeEnd + 3);
    return endpoint.substr(0, pathStart);
}

std::string Call::receiptUrl(std::string_view submissionId) const
{
    // Ids are UUIDs today; percent-encoding keeps any other id inside its path segment.
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string url = origin() + "/receipts/";
    for (char c : submissionId) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            url += c;
        } else {
            url += '%';
            url += hex[byte >> 4];
            url += hex[byte & 0x0f];
        }
    }
    return url;
}

bool Call::acceptsSubmissionsAt(std::int64_t /*nowUnixSeconds*/) const
{
    return status == CallStatus::Open;
}

bool Call::deadlinePassedAt(std::int64_t nowUnixSeconds) const
{
    return deadline && nowUnixSeconds >= deadline->unixSeconds;
}

bool Call::isUnofficialTranslation(Language language) const
{
    return officialLanguages && !(*officialLanguages)[indexOf(language)];
}

const CallDocument* Call::document(Language language) const
{
    for (const CallDocument& candidate : documents) {
        if (candidate.language == language) {
            return &candidate;
        }
    }
    return nullptr;
}

Result<const Call*, LookupError> Catalog::call(std::string_view callId) const
{
    for (const Call& candidate : calls) {
        if (candidate.id == callId) {
            return &candidate;
        }
    }
    return fail(LookupError::NoSuchCall);
}

} // namespace amicus::calls
