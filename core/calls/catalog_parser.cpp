#include "calls/catalog_parser.h"

#include "calls/catalog_call_fields.h"
#include "calls/catalog_json_reader.h"
#include "calls/catalog_texts.h"
#include "calls/catalog_urls.h"

#include <set>

namespace amicus::calls {
namespace {

using namespace catalog_json;

constexpr std::string_view supportedFormat = "amicus-catalog/1";

std::vector<KeyQuestion> keyQuestions(const json& value, const std::string& path,
                                      std::vector<TextFallback>& fallbacks)
{
    std::set<std::string> questionIds;
    auto questions = arrayOf(value, path, [&](const json& entry, const std::string& entryPath) {
        objectValue(entry, entryPath);
        KeyQuestion question;
        question.id = field(entry, "id", entryPath, stableId);
        if (!questionIds.insert(question.id).second) {
            reject(CatalogErrorCode::DuplicateId, child(entryPath, "id"));
        }
        question.text =
            localizedText(member(entry, "text", entryPath), child(entryPath, "text"), fallbacks);
        return question;
    });
    if (questions.empty()) {
        reject(CatalogErrorCode::NoQuestions, path);
    }
    return questions;
}

Call parseCall(const json& value, const std::string& path, std::vector<TextFallback>& fallbacks)
{
    objectValue(value, path);
    const auto text = [&](const json& member, const std::string& memberPath) {
        return localizedText(member, memberPath, fallbacks);
    };
    Call call;
    call.id = field(value, "id", path, stableId);
    call.issuingBody = field(value, "issuing_body", path, text);
    call.title = field(value, "title", path, text);
    call.purpose = field(value, "purpose", path, text);
    call.summary = optionalField(value, "summary", path, text);
    call.background = optionalField(value, "background", path, text);
    call.questionsIntro = optionalField(value, "questions_intro", path, text);
    call.questions =
        keyQuestions(member(value, "questions", path), child(path, "questions"), fallbacks);
    call.useOfInputs = field(value, "use_of_inputs", path, text);
    call.deadline = optionalField(value, "deadline", path, timestamp);
    call.status = field(value, "status", path, callStatus);
    call.endpoint = field(value, "endpoint", path, endpointUrl);
    call.recipients = field(value, "recipients", path, recipients);
    call.receiptKeyBase64 = field(value, "receipt_key", path, stringValue);
    call.receiptKey = receiptKey(call.receiptKeyBase64, child(path, "receipt_key"));
    call.tlsPins =
        optionalField(value, "tls_pins", path, tlsPins).value_or(std::vector<std::string>{});
    call.limits = limits(optionalMember(value, "limits"), child(path, "limits"));
    const auto boolean = [](const json& flag, const std::string& flagPath) {
        if (!flag.is_boolean()) {
            reject(CatalogErrorCode::WrongType, flagPath);
        }
        return flag.get<bool>();
    };
    call.inputsPublished = optionalField(value, "inputs_published", path, boolean).value_or(false);
    call.page = optionalField(value, "page", path, localizedUrl);
    call.documents =
        optionalField(value, "documents", path, documents).value_or(std::vector<CallDocument>{});
    call.documentsOnPage = optionalField(value, "documents_on_page", path, documentsOnPage)
                               .value_or(std::vector<CallDocument>{});
    if (optionalMember(value, "documents_on_page") != nullptr && !call.page) {
        reject(CatalogErrorCode::MissingField, child(path, "page")); // where they are offered
    }
    call.contact = optionalField(value, "contact", path, contact);
    call.officialLanguages = optionalField(value, "official_languages", path, officialLanguages);
    return call;
}

Catalog parseDocument(const json& document)
{
    const std::string root;
    objectValue(document, root);
    Catalog catalog;
    catalog.format = field(document, "format", root, stringValue);
    if (catalog.format != supportedFormat) {
        reject(CatalogErrorCode::UnsupportedFormat, "/format");
    }
    catalog.sequence =
        field(document, "sequence", root, [](const json& value, const std::string& path) {
            return countValue(value, path, CatalogErrorCode::BadSequence);
        });
    catalog.issuedAt = field(document, "issued_at", root, timestamp);

    std::set<std::string> callIds;
    catalog.calls = field(document, "calls", root, [&](const json& calls, const std::string& path) {
        return arrayOf(calls, path, [&](const json& entry, const std::string& callPath) {
            Call call = parseCall(entry, callPath, catalog.fallbacks);
            if (!callIds.insert(call.id).second) {
                reject(CatalogErrorCode::DuplicateId, child(callPath, "id"));
            }
            return call;
        });
    });
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
    } catch (const CatalogRejection& rejection) {
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
