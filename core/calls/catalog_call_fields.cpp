#include "calls/catalog_call_fields.h"

#include "calls/age_recipient.h"
#include "calls/catalog_texts.h"
#include "calls/catalog_urls.h"
#include "calls/rfc3339.h"
#include "crypto/base64.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

namespace amicus::calls::catalog_json {
namespace {

constexpr std::size_t maxIdLength = 64;

// Padded base64 of exactly 32 bytes.
std::optional<std::array<std::uint8_t, 32>> decodeKey32(std::string_view text)
{
    auto decoded = crypto::base64Decode(text, crypto::Base64Padding::Padded);
    if (!decoded || decoded->size() != 32) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 32> key{};
    std::copy(decoded->begin(), decoded->end(), key.begin());
    return key;
}

// A string that `isValid` accepts; `badCode` otherwise.
template <typename IsValid>
std::string checkedString(const json& value, const std::string& path, IsValid isValid,
                          CatalogErrorCode badCode)
{
    const std::string& text = stringValue(value, path);
    if (!isValid(text)) {
        reject(badCode, path);
    }
    return text;
}

// One plain address: what a mailto: link and a person can both use, nothing that could add
// a second recipient or a header.
bool isPlainEmail(std::string_view address)
{
    constexpr std::size_t maxLength = 254;
    const std::size_t at = address.find('@');
    if (address.size() > maxLength || at == 0 || at == std::string_view::npos ||
        address.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    constexpr std::string_view localExtra = ".!#$%&'*+/=?^_{|}~-";
    for (char c : address.substr(0, at)) {
        const bool alphanumeric =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric && localExtra.find(c) == std::string_view::npos) {
            return false;
        }
    }
    const std::string_view domain = address.substr(at + 1);
    if (domain.empty() || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
        domain.back() == '.' || domain.find("..") != std::string_view::npos) {
        return false;
    }
    for (char c : domain) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

DocumentFormat documentFormat(const json& name, const std::string& namePath)
{
    static constexpr std::array<std::pair<std::string_view, DocumentFormat>, 3> formats{{
        {"word", DocumentFormat::Word},
        {"pdf", DocumentFormat::Pdf},
        {"odt", DocumentFormat::Odt},
    }};
    return oneOf(name, namePath, formats, CatalogErrorCode::BadDocument);
}

} // namespace

std::string stableId(const json& value, const std::string& path)
{
    const auto isStable = [](std::string_view id) {
        if (id.empty() || id.size() > maxIdLength) {
            return false;
        }
        for (std::size_t i = 0; i < id.size(); ++i) {
            const char c = id[i];
            const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            const bool punctuation = c == '-' || c == '_' || c == '.';
            if (!alphanumeric && !(punctuation && i > 0)) {
                return false;
            }
        }
        return true;
    };
    return checkedString(value, path, isStable, CatalogErrorCode::BadId);
}

Timestamp timestamp(const json& value, const std::string& path)
{
    const std::string& text = stringValue(value, path);
    const auto seconds = parseRfc3339(text);
    if (!seconds) {
        reject(CatalogErrorCode::BadTimestamp, path);
    }
    return Timestamp{text, *seconds};
}

CallStatus callStatus(const json& value, const std::string& path)
{
    static constexpr std::array<std::pair<std::string_view, CallStatus>, 2> statuses{{
        {"open", CallStatus::Open},
        {"closed", CallStatus::Closed},
    }};
    return oneOf(value, path, statuses, CatalogErrorCode::BadStatus);
}

std::vector<std::string> recipients(const json& value, const std::string& path)
{
    auto result = arrayOf(value, path, [](const json& recipient, const std::string& itemPath) {
        return checkedString(
            recipient, itemPath, [](const std::string& text) { return !!decodeAgeRecipient(text); },
            CatalogErrorCode::BadRecipient);
    });
    if (result.empty()) {
        reject(CatalogErrorCode::NoRecipients, path);
    }
    return result;
}

std::array<std::uint8_t, 32> receiptKey(const std::string& base64, const std::string& path)
{
    const auto key = decodeKey32(base64);
    if (!key) {
        reject(CatalogErrorCode::BadReceiptKey, path);
    }
    return *key;
}

std::vector<std::string> tlsPins(const json& value, const std::string& path)
{
    const auto isPin = [](std::string_view pin) {
        constexpr std::string_view pinPrefix = "sha256//";
        return pin.starts_with(pinPrefix) && decodeKey32(pin.substr(pinPrefix.size()));
    };
    return arrayOf(value, path, [&](const json& pin, const std::string& pinPath) {
        return checkedString(pin, pinPath, isPin, CatalogErrorCode::BadTlsPin);
    });
}

CallLimits limits(const json* value, const std::string& path)
{
    CallLimits result;
    if (value == nullptr) {
        return result;
    }
    objectValue(*value, path);
    const auto limit = [](const json& number, const std::string& numberPath) {
        return countValue(number, numberPath, CatalogErrorCode::BadLimit);
    };
    if (const auto words = optionalField(*value, "words_per_answer", path, limit)) {
        if (*words == 0) {
            reject(CatalogErrorCode::BadLimit, child(path, "words_per_answer"));
        }
        result.wordsPerAnswer = *words;
        result.wordsPerAnswerSet = true;
    }
    if (const auto bytes = optionalField(*value, "bytes_per_attachment", path, limit)) {
        result.bytesPerAttachment = *bytes;
        result.bytesPerAttachmentSet = true;
    }
    if (const auto files = optionalField(*value, "attachments_per_submission", path, limit)) {
        result.attachmentsPerSubmission = *files;
        result.attachmentsPerSubmissionSet = true;
    }
    return result;
}

std::vector<CallDocument> documents(const json& value, const std::string& path)
{
    return arrayOf(value, path, [&](const json& entry, const std::string& entryPath) {
        objectValue(entry, entryPath);
        CallDocument document;
        document.language = field(entry, "language", entryPath, languageValue);
        document.format = field(entry, "format", entryPath, documentFormat);
        document.url = field(entry, "url", entryPath, webUrl);
        return document;
    });
}

std::vector<CallDocument> documentsOnPage(const json& value, const std::string& path)
{
    return arrayOf(value, path, [&](const json& entry, const std::string& entryPath) {
        objectValue(entry, entryPath);
        CallDocument document;
        document.language = field(entry, "language", entryPath, languageValue);
        document.format = field(entry, "format", entryPath, documentFormat);
        return document;
    });
}

CallContact contact(const json& value, const std::string& path)
{
    objectValue(value, path);
    CallContact result;
    result.email = field(value, "email", path, [](const json& email, const std::string& emailPath) {
        return checkedString(email, emailPath, isPlainEmail, CatalogErrorCode::BadEmail);
    });
    const auto subjectLine = [](const json& subject, const std::string& subjectPath) {
        const std::string& text = visibleText(subject, subjectPath);
        if (text.find_first_of("\n\r") != std::string::npos) {
            reject(CatalogErrorCode::WrongType, subjectPath); // one line only
        }
        return text;
    };
    result.subject = optionalField(value, "subject", path, subjectLine).value_or("");
    return result;
}

} // namespace amicus::calls::catalog_json
