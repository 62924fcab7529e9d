#include "package/submission_document.h"

#include "common/utf8.h"
#include "crypto/sha256.h"
#include "package/readable_layout.h"

#include <array>
#include <cstdint>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

namespace amicus::package {

namespace {

constexpr std::size_t maxNameBytes = 200;
constexpr std::size_t maxExtensionBytes = 20;

// Characters that must not reach a file name: controls (C0, DEL, C1), characters Windows
// reserves, and the bidirectional overrides that make a name display as something else.
bool isForbidden(char32_t c)
{
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
        return true;
    }
    switch (c) {
    case U'<':
    case U'>':
    case U':':
    case U'"':
    case U'|':
    case U'?':
    case U'*':
    case U'/':
    case U'\\':
        return true;
    default:
        break;
    }
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0xFEFF;
}

// Cuts `s` to at most `limit` bytes without splitting a UTF-8 sequence (s is valid UTF-8).
std::string cutUtf8(std::string_view s, std::size_t limit)
{
    if (s.size() <= limit) {
        return std::string(s);
    }
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
        --end;
    }
    return std::string(s.substr(0, end));
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

bool isDeviceName(std::string_view name)
{
    const std::size_t dot = name.find('.');
    std::string stem = asciiLower(name.substr(0, dot));
    while (!stem.empty() && stem.back() == ' ') {
        stem.pop_back();
    }
    static const std::set<std::string> devices = {
        "con",  "prn",  "aux",  "nul",  "com1", "com2", "com3", "com4", "com5", "com6", "com7",
        "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
    return devices.count(stem) != 0;
}

// Splits "name.ext" into stem and ".ext" when the extension is short and the stem non-empty.
std::pair<std::string, std::string> splitExtension(const std::string& name)
{
    const std::size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0 || name.size() - dot > maxExtensionBytes) {
        return {name, ""};
    }
    return {name.substr(0, dot), name.substr(dot)};
}

nlohmann::ordered_json optionalText(const std::string& value)
{
    if (value.empty()) {
        return nullptr;
    }
    return value;
}

} // namespace

std::string sanitizeFileName(std::string_view name)
{
    // Keep only the last component, whichever separator the sender's system used.
    const std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) {
        name = name.substr(slash + 1);
    }
    std::string clean;
    for (std::size_t i = 0; i < name.size();) {
        char32_t c = 0;
        const std::size_t length = decodeUtf8(name, i, c);
        if (length == 0) {
            clean.push_back('_');
            ++i;
            continue;
        }
        if (isForbidden(c)) {
            clean.push_back('_');
        } else {
            clean.append(name.substr(i, length));
        }
        i += length;
    }
    // No hidden files, no "." or "..", and no trailing dots or spaces (Windows drops them).
    const std::size_t first = clean.find_first_not_of(". ");
    clean = first == std::string::npos ? std::string() : clean.substr(first);
    while (!clean.empty() && (clean.back() == '.' || clean.back() == ' ')) {
        clean.pop_back();
    }
    if (clean.empty()) {
        clean = "attachment";
    }
    if (isDeviceName(clean)) {
        clean.insert(0, "_");
    }
    if (clean.size() > maxNameBytes) {
        auto [stem, extension] = splitExtension(clean);
        clean = cutUtf8(stem, maxNameBytes - extension.size()) + extension;
    }
    return clean;
}

std::vector<std::string> uniqueFileNames(const std::vector<std::string>& names)
{
    std::vector<std::string> out;
    std::set<std::string> taken;
    out.reserve(names.size());
    for (const std::string& original : names) {
        std::string name = sanitizeFileName(original);
        if (taken.count(asciiLower(name)) != 0) {
            auto [stem, extension] = splitExtension(name);
            for (int n = 2;; ++n) {
                const std::string suffix = " (" + std::to_string(n) + ")";
                std::string candidate =
                    cutUtf8(stem, maxNameBytes - suffix.size() - extension.size());
                candidate += suffix;
                candidate += extension;
                if (taken.count(asciiLower(candidate)) == 0) {
                    name = std::move(candidate);
                    break;
                }
            }
        }
        taken.insert(asciiLower(name));
        out.push_back(std::move(name));
    }
    return out;
}

std::string formatUtc(std::chrono::system_clock::time_point time)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 32> buffer{};
    const std::size_t n = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(buffer.data(), n);
}

std::string buildManifest(const SubmissionPackage& submission,
                          const std::vector<std::string>& attachmentNames)
{
    nlohmann::ordered_json json;
    json["format"] = submissionFormat;
    json["version"] = submissionFormatVersion;
    json["call_id"] = submission.callId;
    json["submission_id"] = submission.submissionId;
    json["language"] = submission.language;
    json["created_at"] = formatUtc(submission.createdAt);
    json["submitter"] = {
        {"organization", optionalText(submission.submitter.organization)},
        {"organization_kind", optionalText(submission.submitter.organizationKind)},
        {"country", optionalText(submission.submitter.country)},
        {"contact", optionalText(submission.submitter.contact)},
    };
    json["publication_consent"] = publicationConsentName(submission.consent);
    json["answers"] = nlohmann::ordered_json::object();
    for (const PackageAnswer& answer : submission.answers) {
        json["answers"][answer.questionId] = answer.text;
    }
    json["attachments"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < submission.attachments.size(); ++i) {
        const PackageAttachment& attachment = submission.attachments[i];
        json["attachments"].push_back({
            {"path", std::string(attachmentsDir) + "/" + attachmentNames[i]},
            {"name", attachment.fileName},
            {"media_type", attachment.mediaType},
            {"sha256", crypto::toHex(attachment.sha256)},
            {"size", attachment.size},
        });
    }
    // Invalid UTF-8 in user text becomes U+FFFD rather than an exception.
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string renderSubmission(const SubmissionPackage& submission,
                             const std::vector<std::string>& attachmentNames)
{
    return layoutToMarkdown(layoutSubmission(submission, attachmentNames));
}

} // namespace amicus::package
