#include "calls/catalog_parser.h"

#include "calls/age_recipient.h"
#include "crypto/base64.h"

#include <nlohmann/json.hpp>
#include <set>

namespace amicus::calls {
namespace {

using nlohmann::json;

constexpr std::string_view supportedFormat = "amicus-catalog/1";
// Integers a JavaScript reader (the reference server) still holds exactly.
constexpr std::uint64_t maxSafeInteger = (std::uint64_t{1} << 53) - 1;
constexpr std::size_t maxIdLength = 64;

// Thrown inside this file only, caught by parseCatalog: keeps every check a single line.
struct Reject {
    CatalogError error;
};

[[noreturn]] void reject(CatalogErrorCode code, std::string path)
{
    throw Reject{CatalogError{code, std::move(path)}};
}

std::string child(const std::string& path, std::string_view key)
{
    return path + "/" + std::string(key); // our keys need no JSON-pointer escaping
}

std::string child(const std::string& path, std::size_t index)
{
    return path + "/" + std::to_string(index);
}

const json& member(const json& object, std::string_view key, const std::string& path)
{
    const auto found = object.find(key);
    if (found == object.end()) {
        reject(CatalogErrorCode::MissingField, child(path, key));
    }
    return *found;
}

const json* optionalMember(const json& object, std::string_view key)
{
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

const std::string& stringValue(const json& value, const std::string& path)
{
    if (!value.is_string()) {
        reject(CatalogErrorCode::WrongType, path);
    }
    return value.get_ref<const std::string&>();
}

const json& objectValue(const json& value, const std::string& path)
{
    if (!value.is_object()) {
        reject(CatalogErrorCode::WrongType, path);
    }
    return value;
}

const json& arrayValue(const json& value, const std::string& path)
{
    if (!value.is_array()) {
        reject(CatalogErrorCode::WrongType, path);
    }
    return value;
}

// A non-negative integer no larger than 2^53 - 1; `badCode` for negatives and overflow.
std::uint64_t countValue(const json& value, const std::string& path, CatalogErrorCode badCode)
{
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > maxSafeInteger) {
            reject(badCode, path);
        }
        return number;
    }
    if (value.is_number_integer()) {
        reject(badCode, path); // a signed integer here is negative
    }
    if (value.is_number_float()) {
        // 3.0 is an integer to JSON Schema; accept it when it is exactly one.
        const double number = value.get<double>();
        if (number >= 0 && number <= static_cast<double>(maxSafeInteger) &&
            number == static_cast<double>(static_cast<std::uint64_t>(number))) {
            return static_cast<std::uint64_t>(number);
        }
        reject(number < 0 ? badCode : CatalogErrorCode::WrongType, path);
    }
    reject(CatalogErrorCode::WrongType, path);
}

bool hasVisibleCharacter(std::string_view text)
{
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return true;
        }
    }
    return false;
}

LocalizedText localizedText(const json& value, const std::string& path,
                            std::vector<TextFallback>& fallbacks)
{
    objectValue(value, path);
    const json& english = member(value, "en", path);
    const std::string& englishText = stringValue(english, child(path, "en"));
    if (!hasVisibleCharacter(englishText)) {
        reject(CatalogErrorCode::EmptyText, child(path, "en"));
    }
    LocalizedText text;
    text.set(Language::En, englishText, false);
    for (Language language : {Language::Fr, Language::Es}) {
        const std::string_view code = languageCode(language);
        const json* translated = optionalMember(value, code);
        if (translated == nullptr) {
            text.set(language, englishText, true);
            fallbacks.push_back(TextFallback{path, language});
            continue;
        }
        const std::string& translatedText = stringValue(*translated, child(path, code));
        if (!hasVisibleCharacter(translatedText)) {
            reject(CatalogErrorCode::EmptyText, child(path, code));
        }
        text.set(language, translatedText, false);
    }
    return text;
}

std::optional<LocalizedText> optionalLocalizedText(const json& object, std::string_view key,
                                                   const std::string& path,
                                                   std::vector<TextFallback>& fallbacks)
{
    const json* value = optionalMember(object, key);
    if (value == nullptr) {
        return std::nullopt;
    }
    return localizedText(*value, child(path, key), fallbacks);
}

std::string stableId(const json& value, const std::string& path)
{
    const std::string& id = stringValue(value, path);
    if (id.empty() || id.size() > maxIdLength) {
        reject(CatalogErrorCode::BadId, path);
    }
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool punctuation = c == '-' || c == '_' || c == '.';
        if (!alphanumeric && !(punctuation && i > 0)) {
            reject(CatalogErrorCode::BadId, path);
        }
    }
    return id;
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// RFC 3339 date-time with a mandatory offset; fractional seconds are kept in the text only.
std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    std::size_t pos = 0;
    auto digits = [&](std::size_t count) -> std::optional<int> {
        if (pos + count > text.size()) {
            return std::nullopt;
        }
        int number = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = text[pos + i];
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            number = number * 10 + (c - '0');
        }
        pos += count;
        return number;
    };
    auto expect = [&](std::string_view allowed) {
        if (pos < text.size() && allowed.find(text[pos]) != std::string_view::npos) {
            ++pos;
            return true;
        }
        return false;
    };

    const auto year = digits(4);
    if (!year || !expect("-")) {
        return std::nullopt;
    }
    const auto month = digits(2);
    if (!month || !expect("-")) {
        return std::nullopt;
    }
    const auto day = digits(2);
    if (!day || !expect("Tt")) {
        return std::nullopt;
    }
    const auto hour = digits(2);
    if (!hour || !expect(":")) {
        return std::nullopt;
    }
    const auto minute = digits(2);
    if (!minute || !expect(":")) {
        return std::nullopt;
    }
    const auto second = digits(2);
    if (!second) {
        return std::nullopt;
    }
    if (expect(".")) {
        const std::size_t fractionStart = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
        if (pos == fractionStart) {
            return std::nullopt;
        }
    }
    int offsetSeconds = 0;
    if (!expect("Zz")) {
        if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) {
            return std::nullopt;
        }
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        const auto offsetHour = digits(2);
        if (!offsetHour || !expect(":")) {
            return std::nullopt;
        }
        const auto offsetMinute = digits(2);
        if (!offsetMinute || *offsetHour > 23 || *offsetMinute > 59) {
            return std::nullopt;
        }
        offsetSeconds = sign * (*offsetHour * 3600 + *offsetMinute * 60);
    }
    if (pos != text.size()) {
        return std::nullopt;
    }

    static constexpr std::array<int, 12> daysInMonth{31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
    if (*month < 1 || *month > 12 || *day < 1) {
        return std::nullopt;
    }
    const int monthDays = daysInMonth[static_cast<std::size_t>(*month - 1)] +
                          ((*month == 2 && isLeapYear(*year)) ? 1 : 0);
    if (*day > monthDays || *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    const std::int64_t days =
        daysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    // A leap second (:60) counts as the next second's start, which is all we compare with.
    const std::int64_t secondsOfDay =
        std::int64_t{*hour} * 3600 + std::int64_t{*minute} * 60 + *second;
    return days * 86400 + secondsOfDay - offsetSeconds;
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

bool isLoopbackAuthority(std::string_view authority)
{
    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos) {
            return false;
        }
        const std::string_view rest = host.substr(close + 1);
        host = host.substr(0, close + 1);
        if (!rest.empty() && rest.front() != ':') {
            return false;
        }
    } else {
        host = host.substr(0, host.find(':'));
    }
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

// https://host[:port][/path], or http:// to a loopback host (the local reference endpoint):
// submissions are end-to-end encrypted anyway, but plain http over a real network would let
// anyone in the path drop or delay them without the app noticing why.
std::string endpointUrl(const json& value, const std::string& path)
{
    const std::string& url = stringValue(value, path);
    bool secure = false;
    std::string_view rest;
    if (url.rfind("https://", 0) == 0) {
        secure = true;
        rest = std::string_view(url).substr(8);
    } else if (url.rfind("http://", 0) == 0) {
        rest = std::string_view(url).substr(7);
    } else {
        reject(CatalogErrorCode::BadEndpoint, path);
    }
    const std::size_t pathStart = rest.find('/');
    const std::string_view authority = rest.substr(0, pathStart);
    if (authority.empty()) {
        reject(CatalogErrorCode::BadEndpoint, path);
    }
    for (char c : rest) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || c == '#' || c == '?' || c == '\\') {
            reject(CatalogErrorCode::BadEndpoint, path);
        }
    }
    if (authority.find('@') != std::string_view::npos) {
        reject(CatalogErrorCode::BadEndpoint, path); // no credentials in a published URL
    }
    if (!secure && !isLoopbackAuthority(authority)) {
        reject(CatalogErrorCode::BadEndpoint, path);
    }
    return url;
}

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

// Every limit is optional: one the catalog leaves out is Amicus's default, and the app says so.
CallLimits limits(const json* value, const std::string& path)
{
    CallLimits result;
    if (value == nullptr) {
        return result;
    }
    objectValue(*value, path);
    if (const json* words = optionalMember(*value, "words_per_answer")) {
        const std::string wordsPath = child(path, "words_per_answer");
        result.wordsPerAnswer = countValue(*words, wordsPath, CatalogErrorCode::BadLimit);
        if (result.wordsPerAnswer == 0) {
            reject(CatalogErrorCode::BadLimit, wordsPath);
        }
        result.wordsPerAnswerSet = true;
    }
    if (const json* bytes = optionalMember(*value, "bytes_per_attachment")) {
        result.bytesPerAttachment =
            countValue(*bytes, child(path, "bytes_per_attachment"), CatalogErrorCode::BadLimit);
        result.bytesPerAttachmentSet = true;
    }
    if (const json* files = optionalMember(*value, "attachments_per_submission")) {
        result.attachmentsPerSubmission = countValue(
            *files, child(path, "attachments_per_submission"), CatalogErrorCode::BadLimit);
        result.attachmentsPerSubmissionSet = true;
    }
    return result;
}

std::optional<Language> languageFromCode(std::string_view code)
{
    for (Language language : allLanguages) {
        if (code == languageCode(language)) {
            return language;
        }
    }
    return std::nullopt;
}

Language languageValue(const json& value, const std::string& path)
{
    const auto language = languageFromCode(stringValue(value, path));
    if (!language) {
        reject(CatalogErrorCode::BadLanguage, path);
    }
    return *language;
}

// A web page or document the app opens in the system browser: https, or http to a loopback
// host (a local demo). No credentials, no spaces or quotes that could break out of a link.
std::string webUrl(const json& value, const std::string& path)
{
    const std::string& url = stringValue(value, path);
    std::string_view rest;
    bool secure = false;
    if (url.rfind("https://", 0) == 0) {
        secure = true;
        rest = std::string_view(url).substr(8);
    } else if (url.rfind("http://", 0) == 0) {
        rest = std::string_view(url).substr(7);
    } else {
        reject(CatalogErrorCode::BadUrl, path);
    }
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.empty() || authority.find('@') != std::string_view::npos ||
        (!secure && !isLoopbackAuthority(authority))) {
        reject(CatalogErrorCode::BadUrl, path);
    }
    for (char c : rest) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || c == '\\' || c == '"' || c == '<' || c == '>' ||
            c == '`') {
            reject(CatalogErrorCode::BadUrl, path);
        }
    }
    return url;
}

// The page per language: English required, a missing fr/es opens the English page.
LocalizedText localizedUrl(const json& value, const std::string& path)
{
    objectValue(value, path);
    LocalizedText urls;
    const std::string english = webUrl(member(value, "en", path), child(path, "en"));
    urls.set(Language::En, english, false);
    for (Language language : {Language::Fr, Language::Es}) {
        const std::string_view code = languageCode(language);
        if (const json* translated = optionalMember(value, code)) {
            urls.set(language, webUrl(*translated, child(path, code)), false);
        } else {
            urls.set(language, english, true);
        }
    }
    return urls;
}

std::vector<CallDocument> documents(const json& value, const std::string& path)
{
    arrayValue(value, path);
    std::vector<CallDocument> result;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string documentPath = child(path, i);
        const json& entry = objectValue(value[i], documentPath);
        CallDocument document;
        document.language =
            languageValue(member(entry, "language", documentPath), child(documentPath, "language"));
        const std::string formatPath = child(documentPath, "format");
        const std::string& format = stringValue(member(entry, "format", documentPath), formatPath);
        if (format == "word") {
            document.format = DocumentFormat::Word;
        } else if (format == "pdf") {
            document.format = DocumentFormat::Pdf;
        } else if (format == "odt") {
            document.format = DocumentFormat::Odt;
        } else {
            reject(CatalogErrorCode::BadDocument, formatPath);
        }
        document.url = webUrl(member(entry, "url", documentPath), child(documentPath, "url"));
        result.push_back(std::move(document));
    }
    return result;
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

CallContact contact(const json& value, const std::string& path)
{
    objectValue(value, path);
    CallContact result;
    const std::string emailPath = child(path, "email");
    result.email = stringValue(member(value, "email", path), emailPath);
    if (!isPlainEmail(result.email)) {
        reject(CatalogErrorCode::BadEmail, emailPath);
    }
    if (const json* subject = optionalMember(value, "subject")) {
        const std::string subjectPath = child(path, "subject");
        result.subject = stringValue(*subject, subjectPath);
        if (!hasVisibleCharacter(result.subject)) {
            reject(CatalogErrorCode::EmptyText, subjectPath);
        }
        for (char c : result.subject) {
            if (c == '\n' || c == '\r') {
                reject(CatalogErrorCode::WrongType, subjectPath); // one line only
            }
        }
    }
    return result;
}

std::array<bool, 3> officialLanguages(const json& value, const std::string& path)
{
    arrayValue(value, path);
    std::array<bool, 3> official{};
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Language language = languageValue(value[i], child(path, i));
        official[static_cast<std::size_t>(language)] = true;
    }
    return official;
}

Call parseCall(const json& value, const std::string& path, std::vector<TextFallback>& fallbacks)
{
    objectValue(value, path);
    Call call;
    call.id = stableId(member(value, "id", path), child(path, "id"));
    call.issuingBody =
        localizedText(member(value, "issuing_body", path), child(path, "issuing_body"), fallbacks);
    call.title = localizedText(member(value, "title", path), child(path, "title"), fallbacks);
    call.purpose = localizedText(member(value, "purpose", path), child(path, "purpose"), fallbacks);
    call.summary = optionalLocalizedText(value, "summary", path, fallbacks);
    call.background = optionalLocalizedText(value, "background", path, fallbacks);
    call.questionsIntro = optionalLocalizedText(value, "questions_intro", path, fallbacks);

    const std::string questionsPath = child(path, "questions");
    const json& questions = arrayValue(member(value, "questions", path), questionsPath);
    if (questions.empty()) {
        reject(CatalogErrorCode::NoQuestions, questionsPath);
    }
    std::set<std::string> questionIds;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const std::string questionPath = child(questionsPath, i);
        const json& entry = objectValue(questions[i], questionPath);
        KeyQuestion question;
        question.id = stableId(member(entry, "id", questionPath), child(questionPath, "id"));
        if (!questionIds.insert(question.id).second) {
            reject(CatalogErrorCode::DuplicateId, child(questionPath, "id"));
        }
        question.text = localizedText(member(entry, "text", questionPath),
                                      child(questionPath, "text"), fallbacks);
        call.questions.push_back(std::move(question));
    }

    call.useOfInputs = localizedText(member(value, "use_of_inputs", path),
                                     child(path, "use_of_inputs"), fallbacks);
    if (const json* deadline = optionalMember(value, "deadline")) {
        call.deadline = timestamp(*deadline, child(path, "deadline"));
    }

    const std::string statusPath = child(path, "status");
    const std::string& status = stringValue(member(value, "status", path), statusPath);
    if (status == "open") {
        call.status = CallStatus::Open;
    } else if (status == "closed") {
        call.status = CallStatus::Closed;
    } else {
        reject(CatalogErrorCode::BadStatus, statusPath);
    }

    call.endpoint = endpointUrl(member(value, "endpoint", path), child(path, "endpoint"));

    const std::string recipientsPath = child(path, "recipients");
    const json& recipients = arrayValue(member(value, "recipients", path), recipientsPath);
    if (recipients.empty()) {
        reject(CatalogErrorCode::NoRecipients, recipientsPath);
    }
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        const std::string recipientPath = child(recipientsPath, i);
        const std::string& recipient = stringValue(recipients[i], recipientPath);
        if (!decodeAgeRecipient(recipient)) {
            reject(CatalogErrorCode::BadRecipient, recipientPath);
        }
        call.recipients.push_back(recipient);
    }

    const std::string receiptKeyPath = child(path, "receipt_key");
    call.receiptKeyBase64 = stringValue(member(value, "receipt_key", path), receiptKeyPath);
    const auto receiptKey = decodeKey32(call.receiptKeyBase64);
    if (!receiptKey) {
        reject(CatalogErrorCode::BadReceiptKey, receiptKeyPath);
    }
    call.receiptKey = *receiptKey;

    if (const json* pins = optionalMember(value, "tls_pins")) {
        const std::string pinsPath = child(path, "tls_pins");
        arrayValue(*pins, pinsPath);
        for (std::size_t i = 0; i < pins->size(); ++i) {
            const std::string pinPath = child(pinsPath, i);
            const std::string& pin = stringValue((*pins)[i], pinPath);
            constexpr std::string_view pinPrefix = "sha256//";
            if (pin.rfind(pinPrefix, 0) != 0 || !decodeKey32(pin.substr(pinPrefix.size()))) {
                reject(CatalogErrorCode::BadTlsPin, pinPath);
            }
            call.tlsPins.push_back(pin);
        }
    }

    call.limits = limits(optionalMember(value, "limits"), child(path, "limits"));

    if (const json* published = optionalMember(value, "inputs_published")) {
        if (!published->is_boolean()) {
            reject(CatalogErrorCode::WrongType, child(path, "inputs_published"));
        }
        call.inputsPublished = published->get<bool>();
    }
    if (const json* page = optionalMember(value, "page")) {
        call.page = localizedUrl(*page, child(path, "page"));
    }
    if (const json* list = optionalMember(value, "documents")) {
        call.documents = documents(*list, child(path, "documents"));
    }
    if (const json* address = optionalMember(value, "contact")) {
        call.contact = contact(*address, child(path, "contact"));
    }
    if (const json* official = optionalMember(value, "official_languages")) {
        call.officialLanguages = officialLanguages(*official, child(path, "official_languages"));
    }
    return call;
}

Catalog parseDocument(const json& document)
{
    const std::string root;
    objectValue(document, root);
    Catalog catalog;
    const std::string& format = stringValue(member(document, "format", root), "/format");
    if (format != supportedFormat) {
        reject(CatalogErrorCode::UnsupportedFormat, "/format");
    }
    catalog.format = format;
    catalog.sequence =
        countValue(member(document, "sequence", root), "/sequence", CatalogErrorCode::BadSequence);
    catalog.issuedAt = timestamp(member(document, "issued_at", root), "/issued_at");

    const json& calls = arrayValue(member(document, "calls", root), "/calls");
    std::set<std::string> callIds;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const std::string callPath = child("/calls", i);
        Call call = parseCall(calls[i], callPath, catalog.fallbacks);
        if (!callIds.insert(call.id).second) {
            reject(CatalogErrorCode::DuplicateId, child(callPath, "id"));
        }
        catalog.calls.push_back(std::move(call));
    }
    return catalog;
}

} // namespace

Result<Catalog, CatalogError> parseCatalog(std::string_view bytes)
{
    if (bytes.size() > maxCatalogBytes) {
        return fail(CatalogError{CatalogErrorCode::TooLarge, ""});
    }
    const json document = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (document.is_discarded()) {
        return fail(CatalogError{CatalogErrorCode::NotJson, ""});
    }
    try {
        return parseDocument(document);
    } catch (const Reject& rejection) {
        return fail(rejection.error);
    }
}

std::string_view catalogErrorName(CatalogErrorCode code)
{
    switch (code) {
    case CatalogErrorCode::TooLarge:
        return "too-large";
    case CatalogErrorCode::NotJson:
        return "not-json";
    case CatalogErrorCode::UnsupportedFormat:
        return "unsupported-format";
    case CatalogErrorCode::MissingField:
        return "missing-field";
    case CatalogErrorCode::WrongType:
        return "wrong-type";
    case CatalogErrorCode::EmptyText:
        return "empty-text";
    case CatalogErrorCode::BadId:
        return "bad-id";
    case CatalogErrorCode::DuplicateId:
        return "duplicate-id";
    case CatalogErrorCode::NoQuestions:
        return "no-questions";
    case CatalogErrorCode::BadSequence:
        return "bad-sequence";
    case CatalogErrorCode::BadTimestamp:
        return "bad-timestamp";
    case CatalogErrorCode::BadStatus:
        return "bad-status";
    case CatalogErrorCode::BadEndpoint:
        return "bad-endpoint";
    case CatalogErrorCode::NoRecipients:
        return "no-recipients";
    case CatalogErrorCode::BadRecipient:
        return "bad-recipient";
    case CatalogErrorCode::BadReceiptKey:
        return "bad-receipt-key";
    case CatalogErrorCode::BadTlsPin:
        return "bad-tls-pin";
    case CatalogErrorCode::BadLimit:
        return "bad-limit";
    case CatalogErrorCode::BadUrl:
        return "bad-url";
    case CatalogErrorCode::BadLanguage:
        return "bad-language";
    case CatalogErrorCode::BadDocument:
        return "bad-document";
    case CatalogErrorCode::BadEmail:
        return "bad-email";
    }
    return "unknown";
}

} // namespace amicus::calls
