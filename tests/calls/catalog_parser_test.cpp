// parseCatalog: required members, types, keys, texts and fallbacks, each refusal typed and
// located by a JSON pointer.
#include "calls/builtin_catalog.h"
#include "calls/catalog_parser.h"

#include <array>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace amicus::calls {
namespace {

using nlohmann::json;
using Mutation = std::function<void(json&)>;

json builtinDocument()
{
    return json::parse(builtinCatalogBytes());
}

Result<Catalog, CatalogError> parseMutated(const Mutation& mutate)
{
    json document = builtinDocument();
    mutate(document);
    return parseCatalog(document.dump());
}

void expectRefused(const Mutation& mutate, CatalogErrorCode code, const std::string& path)
{
    const auto result = parseMutated(mutate);
    ASSERT_FALSE(result.ok()) << "expected " << catalogErrorName(code) << " at " << path;
    EXPECT_EQ(result.error().code, code)
        << catalogErrorName(result.error().code) << " at " << result.error().path;
    EXPECT_EQ(result.error().path, path);
}

json& firstCall(json& document)
{
    return document["calls"][0];
}

TEST(CatalogParser, ParsesTheBuiltInCatalog)
{
    const auto result = parseCatalog(builtinCatalogBytes());
    ASSERT_TRUE(result.ok()) << catalogErrorName(result.error().code) << " " << result.error().path;
    EXPECT_EQ(result->format, "amicus-catalog/1");
    ASSERT_EQ(result->calls.size(), 1u);
}

TEST(CatalogParser, ToleratesUnknownMembersEverywhere)
{
    const auto result = parseMutated([](json& document) {
        document["publisher_note"] = {{"anything", 1}};
        firstCall(document)["future_field"] = json::array({1, 2});
        firstCall(document)["title"]["de"] = "Polizeiarbeit neu denken";
        firstCall(document)["questions"][0]["hint"] = "extra";
        firstCall(document)["limits"] = {{"minutes_of_audio", 5}};
    });
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->fallbacks.empty());
}

TEST(CatalogParser, RefusesWhatIsNotJson)
{
    for (std::string_view bytes : {"", "{", "[1,2", "{\"format\": }", "\xff\xfe{}", "nul"}) {
        const auto result = parseCatalog(bytes);
        ASSERT_FALSE(result.ok()) << bytes;
        EXPECT_EQ(result.error().code, CatalogErrorCode::NotJson) << bytes;
    }
}

TEST(CatalogParser, RefusesInvalidUtf8InsideStrings)
{
    std::string bytes(builtinCatalogBytes());
    const std::size_t at = bytes.find("Reimagining");
    ASSERT_NE(at, std::string::npos);
    bytes[at] = '\xc3'; // a lead byte followed by ASCII
    const auto result = parseCatalog(bytes);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CatalogErrorCode::NotJson);
}

TEST(CatalogParser, RefusesOversizedInput)
{
    const std::string bytes(maxCatalogBytes + 1, ' ');
    const auto result = parseCatalog(bytes);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CatalogErrorCode::TooLarge);
}

TEST(CatalogParser, RefusesANonObjectDocument)
{
    const auto result = parseCatalog("[]");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, CatalogErrorCode::WrongType);
    EXPECT_EQ(result.error().path, "");
}

TEST(CatalogParser, RefusesAnotherFormat)
{
    expectRefused([](json& d) { d["format"] = "amicus-catalog/2"; },
                  CatalogErrorCode::UnsupportedFormat, "/format");
}

TEST(CatalogParser, EnforcesEveryRequiredTopLevelMember)
{
    for (const char* name : {"format", "sequence", "issued_at", "calls"}) {
        expectRefused([&](json& d) { d.erase(name); }, CatalogErrorCode::MissingField,
                      std::string("/") + name);
    }
}

TEST(CatalogParser, EnforcesEveryRequiredCallMember)
{
    for (const char* name : {"id", "issuing_body", "title", "purpose", "questions", "use_of_inputs",
                             "status", "endpoint", "recipients", "receipt_key"}) {
        expectRefused([&](json& d) { firstCall(d).erase(name); }, CatalogErrorCode::MissingField,
                      std::string("/calls/0/") + name);
    }
}

// The seed call states no limits: the app then applies Amicus's defaults and says so.
TEST(CatalogParser, LimitsTheCatalogLeavesOutAreAmicusDefaults)
{
    const CallLimits& none = builtinCatalog().calls.at(0).limits;
    EXPECT_EQ(none.wordsPerAnswer, defaultWordsPerAnswer);
    EXPECT_EQ(none.bytesPerAttachment, defaultBytesPerAttachment);
    EXPECT_EQ(none.attachmentsPerSubmission, defaultAttachmentsPerSubmission);
    EXPECT_FALSE(none.wordsPerAnswerSet || none.bytesPerAttachmentSet ||
                 none.attachmentsPerSubmissionSet);

    const auto some = parseMutated([](json& d) {
        firstCall(d)["limits"] = {{"words_per_answer", 800}};
    });
    ASSERT_TRUE(some.ok());
    EXPECT_EQ(some->calls[0].limits.wordsPerAnswer, 800u);
    EXPECT_TRUE(some->calls[0].limits.wordsPerAnswerSet);
    EXPECT_FALSE(some->calls[0].limits.bytesPerAttachmentSet);
    EXPECT_EQ(some->calls[0].limits.bytesPerAttachment, defaultBytesPerAttachment);
}

TEST(CatalogParser, EnforcesQuestionMembers)
{
    expectRefused([](json& d) { firstCall(d)["questions"][2].erase("id"); },
                  CatalogErrorCode::MissingField, "/calls/0/questions/2/id");
    expectRefused([](json& d) { firstCall(d)["questions"][1].erase("text"); },
                  CatalogErrorCode::MissingField, "/calls/0/questions/1/text");
    expectRefused([](json& d) { firstCall(d)["questions"] = json::array(); },
                  CatalogErrorCode::NoQuestions, "/calls/0/questions");
    expectRefused([](json& d) { firstCall(d)["questions"][3]["id"] = "use-of-force-framework"; },
                  CatalogErrorCode::DuplicateId, "/calls/0/questions/3/id");
}

TEST(CatalogParser, RefusesWrongTypes)
{
    expectRefused([](json& d) { d["calls"] = json::object(); }, CatalogErrorCode::WrongType,
                  "/calls");
    expectRefused([](json& d) { d["sequence"] = "3"; }, CatalogErrorCode::WrongType, "/sequence");
    expectRefused([](json& d) { d["sequence"] = 1.5; }, CatalogErrorCode::WrongType, "/sequence");
    expectRefused([](json& d) { firstCall(d)["title"] = "just English"; },
                  CatalogErrorCode::WrongType, "/calls/0/title");
    expectRefused([](json& d) { firstCall(d)["title"]["fr"] = 3; }, CatalogErrorCode::WrongType,
                  "/calls/0/title/fr");
    expectRefused([](json& d) { firstCall(d)["recipients"] = "age1..."; },
                  CatalogErrorCode::WrongType, "/calls/0/recipients");
    expectRefused(
        [](json& d) {
            firstCall(d)["limits"] = {{"words_per_answer", "2500"}};
        },
        CatalogErrorCode::WrongType, "/calls/0/limits/words_per_answer");
    expectRefused([](json& d) { d["calls"][0] = 7; }, CatalogErrorCode::WrongType, "/calls/0");
}

TEST(CatalogParser, SequenceMustBeANonNegativeSafeInteger)
{
    expectRefused([](json& d) { d["sequence"] = -1; }, CatalogErrorCode::BadSequence, "/sequence");
    expectRefused([](json& d) { d["sequence"] = std::uint64_t{1} << 53; },
                  CatalogErrorCode::BadSequence, "/sequence");
    const auto largest =
        parseMutated([](json& d) { d["sequence"] = (std::uint64_t{1} << 53) - 1; });
    ASSERT_TRUE(largest.ok());
    EXPECT_EQ(largest->sequence, (std::uint64_t{1} << 53) - 1);
    const auto whole = parseMutated([](json& d) { d["sequence"] = 42.0; });
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(whole->sequence, 42u);
}

TEST(CatalogParser, RefusesEmptyTexts)
{
    expectRefused([](json& d) { firstCall(d)["title"]["en"] = ""; }, CatalogErrorCode::EmptyText,
                  "/calls/0/title/en");
    expectRefused([](json& d) { firstCall(d)["purpose"]["es"] = " \n\t"; },
                  CatalogErrorCode::EmptyText, "/calls/0/purpose/es");
    expectRefused([](json& d) { firstCall(d)["title"].erase("en"); },
                  CatalogErrorCode::MissingField, "/calls/0/title/en");
}

TEST(CatalogParser, MissingTranslationsFallBackToEnglishAndSaySo)
{
    const auto result = parseMutated([](json& d) {
        firstCall(d)["title"].erase("fr");
        firstCall(d)["questions"][2]["text"].erase("es");
        firstCall(d)["use_of_inputs"].erase("fr");
        firstCall(d)["use_of_inputs"].erase("es");
    });
    ASSERT_TRUE(result.ok());
    const Call& call = result->calls.at(0);
    EXPECT_EQ(call.title.text(Language::Fr), call.title.text(Language::En));
    EXPECT_TRUE(call.title.isFallback(Language::Fr));
    EXPECT_FALSE(call.title.isFallback(Language::Es));
    EXPECT_FALSE(call.title.isFallback(Language::En));
    EXPECT_EQ(call.questions[2].textIn(Language::Es), call.questions[2].textIn(Language::En));
    EXPECT_TRUE(call.questions[2].text.isFallback(Language::Es));
    EXPECT_TRUE(call.useOfInputs.isFallback(Language::Fr));
    EXPECT_TRUE(call.useOfInputs.isFallback(Language::Es));

    ASSERT_EQ(result->fallbacks.size(), 4u);
    EXPECT_EQ(result->fallbacks[0].path, "/calls/0/title");
    EXPECT_EQ(result->fallbacks[0].language, Language::Fr);
    EXPECT_EQ(result->fallbacks[1].path, "/calls/0/questions/2/text");
    EXPECT_EQ(result->fallbacks[1].language, Language::Es);
    EXPECT_EQ(result->fallbacks[2].path, "/calls/0/use_of_inputs");
    EXPECT_EQ(result->fallbacks[3].language, Language::Es);
}

TEST(CatalogParser, RefusesMalformedAgeRecipients)
{
    const std::string good = builtinDocument()["calls"][0]["recipients"][0];
    std::string badChecksum = good;
    badChecksum.back() = badChecksum.back() == 'q' ? 'p' : 'q';
    std::string badCharacter = good;
    badCharacter[10] = 'b'; // not in the Bech32 alphabet
    std::string mixedCase = good;
    const std::size_t letter = mixedCase.find_first_of("abcdefghijklmnopqrstuvwxyz", 4);
    mixedCase[letter] = static_cast<char>(mixedCase[letter] - 'a' + 'A');
    const std::string otherPrefix = "agf" + good.substr(3);
    const std::string truncated = good.substr(0, good.size() - 1);
    // A valid Bech32 string, but an identity (of a throwaway key), not a recipient.
    const std::string secretKey =
        "AGE-SECRET-KEY-1L36NCJAWSSYG0Q97YK2WHQZ943TK9F59SHJT66EST3Z2CPNWWEWSS4M99Q";
    for (const std::string& bad : {badChecksum, badCharacter, mixedCase, otherPrefix, truncated,
                                   secretKey, std::string("age1"), std::string("")}) {
        expectRefused([&](json& d) { firstCall(d)["recipients"][0] = bad; },
                      CatalogErrorCode::BadRecipient, "/calls/0/recipients/0");
    }
    expectRefused([](json& d) { firstCall(d)["recipients"] = json::array(); },
                  CatalogErrorCode::NoRecipients, "/calls/0/recipients");
    expectRefused([&](json& d) { firstCall(d)["recipients"].push_back(badChecksum); },
                  CatalogErrorCode::BadRecipient, "/calls/0/recipients/1");
}

TEST(CatalogParser, RefusesAnUpperCaseRecipient)
{
    // Valid Bech32, but not what age-keygen prints nor what the age writer parses.
    std::string upper = builtinDocument()["calls"][0]["recipients"][0];
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    expectRefused([&](json& d) { firstCall(d)["recipients"][0] = upper; },
                  CatalogErrorCode::BadRecipient, "/calls/0/recipients/0");
}

TEST(CatalogParser, RefusesMalformedReceiptKeys)
{
    const std::string good = builtinDocument()["calls"][0]["receipt_key"];
    for (const std::string& bad : {
             good.substr(0, 43),                    // padding dropped
             good.substr(0, 40) + "====",           // wrong length
             std::string(good).replace(42, 1, "B"), // stray bits in the last character
             std::string(
                 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), // 47 bytes
             std::string(good).replace(5, 1, "-"), // URL-safe alphabet
             std::string(" ") + good,
         }) {
        expectRefused([&](json& d) { firstCall(d)["receipt_key"] = bad; },
                      CatalogErrorCode::BadReceiptKey, "/calls/0/receipt_key");
    }
}

TEST(CatalogParser, ChecksTlsPins)
{
    const std::string key = builtinDocument()["calls"][0]["receipt_key"];
    const auto ok = parseMutated([&](json& d) { firstCall(d)["tls_pins"] = {"sha256//" + key}; });
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->calls[0].tlsPins, std::vector<std::string>{"sha256//" + key});
    expectRefused([&](json& d) { firstCall(d)["tls_pins"] = {"sha1//" + key}; },
                  CatalogErrorCode::BadTlsPin, "/calls/0/tls_pins/0");
    expectRefused(
        [&](json& d) {
            firstCall(d)["tls_pins"] = {"sha256//" + key, "sha256//abc"};
        },
        CatalogErrorCode::BadTlsPin, "/calls/0/tls_pins/1");
}

TEST(CatalogParser, ChecksIds)
{
    for (const std::string& bad :
         {std::string(""), std::string("Upper"), std::string("-lead"), std::string("with space"),
          std::string("é"), std::string(65, 'a')}) {
        expectRefused([&](json& d) { firstCall(d)["id"] = bad; }, CatalogErrorCode::BadId,
                      "/calls/0/id");
        expectRefused([&](json& d) { firstCall(d)["questions"][0]["id"] = bad; },
                      CatalogErrorCode::BadId, "/calls/0/questions/0/id");
    }
    expectRefused([](json& d) { d["calls"].push_back(d["calls"][0]); },
                  CatalogErrorCode::DuplicateId, "/calls/1/id");
}

TEST(CatalogParser, ChecksTimestamps)
{
    for (const std::string good : {"2026-02-28T23:59:59Z", "2024-02-29T00:00:00+05:30",
                                   "2026-01-01t00:00:00.123z", "2026-06-30T23:59:60Z"}) {
        EXPECT_TRUE(parseMutated([&](json& d) { firstCall(d)["deadline"] = good; }).ok()) << good;
    }
    for (const std::string bad :
         {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01", "2026-01-01T24:00:00Z",
          "2026-01-01T00:00:00", "2026-01-01T00:00:00+0100", "2026-01-01 00:00:00Z",
          "2026-01-01T00:00:00.Z", "26-01-01T00:00:00Z"}) {
        expectRefused([&](json& d) { firstCall(d)["deadline"] = bad; },
                      CatalogErrorCode::BadTimestamp, "/calls/0/deadline");
    }
    expectRefused([](json& d) { d["issued_at"] = "yesterday"; }, CatalogErrorCode::BadTimestamp,
                  "/issued_at");
}

TEST(CatalogParser, TimestampsCarryTheirOffset)
{
    const auto result =
        parseMutated([](json& d) { firstCall(d)["deadline"] = "2026-12-01T01:30:00+02:00"; });
    ASSERT_TRUE(result.ok());
    ASSERT_TRUE(result->calls[0].deadline.has_value());
    EXPECT_EQ(result->calls[0].deadline->unixSeconds, 1796081400);
    EXPECT_EQ(result->calls[0].deadline->text, "2026-12-01T01:30:00+02:00");
}

TEST(CatalogParser, ChecksStatus)
{
    expectRefused([](json& d) { firstCall(d)["inputs_published"] = "yes"; },
                  CatalogErrorCode::WrongType, "/calls/0/inputs_published");
    expectRefused([](json& d) { firstCall(d)["status"] = "paused"; }, CatalogErrorCode::BadStatus,
                  "/calls/0/status");
    const auto closed = parseMutated([](json& d) { firstCall(d)["status"] = "closed"; });
    ASSERT_TRUE(closed.ok());
    EXPECT_EQ(closed->calls[0].status, CallStatus::Closed);
}

TEST(CatalogParser, ChecksEndpoints)
{
    for (const std::string good :
         {"https://inputs.example.org/files", "https://inputs.example.org:8443/tus/files",
          "http://127.0.0.1:1080/files", "http://localhost/files", "http://[::1]:1080/files"}) {
        const auto result = parseMutated([&](json& d) { firstCall(d)["endpoint"] = good; });
        EXPECT_TRUE(result.ok()) << good;
    }
    for (const std::string bad :
         {"http://inputs.example.org/files", "ftp://example.org/files", "https:///files",
          "https://user:pw@example.org/files", "https://example.org/files?x=1",
          "https://exa mple.org/files", "http://127.0.0.1.example.org/files", "files"}) {
        expectRefused([&](json& d) { firstCall(d)["endpoint"] = bad; },
                      CatalogErrorCode::BadEndpoint, "/calls/0/endpoint");
    }
}

TEST(CatalogParser, ChecksLimits)
{
    expectRefused(
        [](json& d) {
            firstCall(d)["limits"] = {{"words_per_answer", 0}};
        },
        CatalogErrorCode::BadLimit, "/calls/0/limits/words_per_answer");
    expectRefused(
        [](json& d) {
            firstCall(d)["limits"] = {{"bytes_per_attachment", -5}};
        },
        CatalogErrorCode::BadLimit, "/calls/0/limits/bytes_per_attachment");
    expectRefused([](json& d) { firstCall(d)["limits"] = json::array(); },
                  CatalogErrorCode::WrongType, "/calls/0/limits");
    const auto noAttachments = parseMutated([](json& d) {
        firstCall(d)["limits"] = {{"attachments_per_submission", 0}};
    });
    ASSERT_TRUE(noAttachments.ok());
    EXPECT_EQ(noAttachments->calls[0].limits.attachmentsPerSubmission, 0u);
}

TEST(CatalogParser, ReadsTheCallsPageDocumentsContactAndOfficialLanguages)
{
    const auto result = parseMutated([](json& d) {
        firstCall(d)["page"] = {{"en", "https://www.ohchr.org/en/call"},
                                {"fr", "https://www.ohchr.org/fr/call?x=1#top"}};
        firstCall(d)["documents"] = json::array(
            {{{"language", "es"}, {"format", "word"}, {"url", "https://www.ohchr.org/c-es.docx"}},
             {{"language", "en"}, {"format", "pdf"}, {"url", "http://127.0.0.1:1080/c.pdf"}}});
        firstCall(d)["contact"] = {{"email", "ohchr-emler@un.org"}, {"subject", "Report 2023"}};
        firstCall(d)["official_languages"] = {"en", "es"};
    });
    ASSERT_TRUE(result.ok()) << catalogErrorName(result.error().code) << " " << result.error().path;
    const Call& call = result->calls[0];
    ASSERT_TRUE(call.page.has_value());
    EXPECT_EQ(call.page->text(Language::Fr), "https://www.ohchr.org/fr/call?x=1#top");
    EXPECT_EQ(call.page->text(Language::Es), "https://www.ohchr.org/en/call");
    EXPECT_TRUE(call.page->isFallback(Language::Es));
    ASSERT_EQ(call.documents.size(), 2u);
    ASSERT_NE(call.document(Language::Es), nullptr);
    EXPECT_EQ(call.document(Language::Es)->format, DocumentFormat::Word);
    EXPECT_EQ(call.document(Language::En)->format, DocumentFormat::Pdf);
    EXPECT_EQ(call.document(Language::Fr), nullptr);
    ASSERT_TRUE(call.contact.has_value());
    EXPECT_EQ(call.contact->email, "ohchr-emler@un.org");
    EXPECT_EQ(call.contact->subject, "Report 2023");
    EXPECT_FALSE(call.isUnofficialTranslation(Language::En));
    EXPECT_TRUE(call.isUnofficialTranslation(Language::Fr));
    EXPECT_FALSE(call.isUnofficialTranslation(Language::Es));
    EXPECT_TRUE(result->fallbacks.empty()); // an untranslated page is not an untranslated text
}

TEST(CatalogParser, RefusesBadPagesDocumentsContactsAndLanguages)
{
    for (const std::string bad :
         {"http://www.ohchr.org/en/call", "javascript:alert(1)", "https://", "https://a@b.org/",
          "https://www.ohchr.org/a b", "https://www.ohchr.org/\"onclick", "https://x.org/<a>",
          "file:///etc/passwd", "https://www.ohchr.org/caf\xc3\xa9"}) {
        expectRefused(
            [&](json& d) {
                firstCall(d)["page"] = {{"en", bad}};
            },
            CatalogErrorCode::BadUrl, "/calls/0/page/en");
        expectRefused(
            [&](json& d) {
                firstCall(d)["documents"] =
                    json::array({{{"language", "en"}, {"format", "word"}, {"url", bad}}});
            },
            CatalogErrorCode::BadUrl, "/calls/0/documents/0/url");
    }
    expectRefused(
        [](json& d) {
            firstCall(d)["page"] = {{"fr", "https://x.org/fr"}};
        },
        CatalogErrorCode::MissingField, "/calls/0/page/en");
    expectRefused(
        [](json& d) {
            firstCall(d)["documents"] = json::array(
                {{{"language", "de"}, {"format", "word"}, {"url", "https://x.org/c.docx"}}});
        },
        CatalogErrorCode::BadLanguage, "/calls/0/documents/0/language");
    expectRefused(
        [](json& d) {
            firstCall(d)["documents"] = json::array(
                {{{"language", "en"}, {"format", "exe"}, {"url", "https://x.org/c.exe"}}});
        },
        CatalogErrorCode::BadDocument, "/calls/0/documents/0/format");
    expectRefused(
        [](json& d) {
            firstCall(d)["documents"] = {{"language", "en"}};
        },
        CatalogErrorCode::WrongType, "/calls/0/documents");
    for (const std::string bad :
         {"", "ohchr-emler", "@un.org", "a@b@un.org", "a@un", "a@.un.org", "a@un..org",
          "a b@un.org", "a@un.org,b@un.org", "a@un.org?cc=x@y.org", "ä@un.org"}) {
        expectRefused(
            [&](json& d) {
                firstCall(d)["contact"] = {{"email", bad}};
            },
            CatalogErrorCode::BadEmail, "/calls/0/contact/email");
    }
    expectRefused(
        [](json& d) {
            firstCall(d)["contact"] = {{"subject", "Report"}};
        },
        CatalogErrorCode::MissingField, "/calls/0/contact/email");
    expectRefused(
        [](json& d) {
            firstCall(d)["contact"] = {{"email", "a@un.org"}, {"subject", "Report\nBcc: x@y.org"}};
        },
        CatalogErrorCode::WrongType, "/calls/0/contact/subject");
    expectRefused(
        [](json& d) {
            firstCall(d)["contact"] = {{"email", "a@un.org"}, {"subject", " "}};
        },
        CatalogErrorCode::EmptyText, "/calls/0/contact/subject");
    expectRefused(
        [](json& d) {
            firstCall(d)["official_languages"] = {"en", "pt"};
        },
        CatalogErrorCode::BadLanguage, "/calls/0/official_languages/1");
    expectRefused([](json& d) { firstCall(d)["official_languages"] = "en"; },
                  CatalogErrorCode::WrongType, "/calls/0/official_languages");
}

// The seed page offers the call in Word in three languages without the catalog knowing their
// addresses: they are listed as offered on the call's page, which a call listing any must give.
TEST(CatalogParser, ReadsDocumentsOfferedOnTheCallsPage)
{
    const auto builtin = parseCatalog(builtinCatalogBytes());
    ASSERT_TRUE(builtin.ok());
    const Call& seed = builtin->calls[0];
    EXPECT_TRUE(seed.documents.empty()); // no address is made up
    ASSERT_EQ(seed.documentsOnPage.size(), 3u);
    const std::array languages{Language::En, Language::Fr, Language::Es};
    for (std::size_t i = 0; i < languages.size(); ++i) {
        EXPECT_EQ(seed.documentsOnPage[i].language, languages[i]);
        EXPECT_EQ(seed.documentsOnPage[i].format, DocumentFormat::Word);
        EXPECT_TRUE(seed.documentsOnPage[i].url.empty());
    }
    ASSERT_TRUE(seed.page.has_value());

    const auto pdf = parseMutated([](json& d) {
        firstCall(d)["documents_on_page"] = json::array({{{"language", "fr"}, {"format", "pdf"}}});
    });
    ASSERT_TRUE(pdf.ok());
    ASSERT_EQ(pdf->calls[0].documentsOnPage.size(), 1u);
    EXPECT_EQ(pdf->calls[0].documentsOnPage[0].format, DocumentFormat::Pdf);

    expectRefused([](json& d) { firstCall(d).erase("page"); }, CatalogErrorCode::MissingField,
                  "/calls/0/page");
    expectRefused(
        [](json& d) {
            firstCall(d)["documents_on_page"] =
                json::array({{{"language", "en"}, {"format", "docx"}}});
        },
        CatalogErrorCode::BadDocument, "/calls/0/documents_on_page/0/format");
    expectRefused(
        [](json& d) {
            firstCall(d)["documents_on_page"] =
                json::array({{{"language", "pt"}, {"format", "word"}}});
        },
        CatalogErrorCode::BadLanguage, "/calls/0/documents_on_page/0/language");
    expectRefused(
        [](json& d) {
            firstCall(d)["documents_on_page"] = json::array({{{"format", "word"}}});
        },
        CatalogErrorCode::MissingField, "/calls/0/documents_on_page/0/language");
    expectRefused([](json& d) { firstCall(d)["documents_on_page"] = "word"; },
                  CatalogErrorCode::WrongType, "/calls/0/documents_on_page");
}

// A catalog written before these fields (status open, every limit, nothing else) still reads,
// and says nothing it does not know: no page, no contact, official languages not stated.
TEST(CatalogParser, ReadsTheOlderFormat)
{
    const auto result = parseMutated([](json& d) {
        json& call = firstCall(d);
        for (const char* name : {"inputs_published", "page", "documents", "documents_on_page",
                                 "contact", "official_languages"}) {
            call.erase(name);
        }
        call["status"] = "open";
        call["limits"] = {{"words_per_answer", 2500},
                          {"bytes_per_attachment", 26214400},
                          {"attachments_per_submission", 10}};
    });
    ASSERT_TRUE(result.ok());
    const Call& call = result->calls[0];
    EXPECT_EQ(call.status, CallStatus::Open);
    EXPECT_FALSE(call.inputsPublished);
    EXPECT_FALSE(call.page.has_value());
    EXPECT_TRUE(call.documents.empty());
    EXPECT_TRUE(call.documentsOnPage.empty());
    EXPECT_FALSE(call.contact.has_value());
    EXPECT_FALSE(call.officialLanguages.has_value());
    EXPECT_FALSE(call.isUnofficialTranslation(Language::Fr));
    EXPECT_TRUE(call.limits.wordsPerAnswerSet && call.limits.bytesPerAttachmentSet &&
                call.limits.attachmentsPerSubmissionSet);
}

TEST(CatalogParser, AnEmptyCallListIsACatalog)
{
    const auto result = parseMutated([](json& d) { d["calls"] = json::array(); });
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->calls.empty());
}

TEST(CatalogModel, LooksUpCallsAndQuestionsWithTypedMisses)
{
    const Catalog& catalog = builtinCatalog();
    const auto call = catalog.call("hrc54-emler-reimagining-policing");
    ASSERT_TRUE(call.ok());
    const auto missing = catalog.call("withdrawn-call");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(), LookupError::NoSuchCall);

    const auto question = (*call)->question("prevention-accountability");
    ASSERT_TRUE(question.ok());
    EXPECT_EQ((*question)->id, "prevention-accountability");
    const auto noQuestion = (*call)->question("no-such-question");
    ASSERT_FALSE(noQuestion.ok());
    EXPECT_EQ(noQuestion.error(), LookupError::NoSuchQuestion);
}

TEST(CatalogModel, TextLookupByLanguageTag)
{
    const Call& call = builtinCatalog().calls.at(0);
    EXPECT_EQ(&call.title.text("fr"), &call.title.text(Language::Fr));
    EXPECT_EQ(&call.title.text("fr-CA"), &call.title.text(Language::Fr));
    EXPECT_EQ(&call.title.text("es_419"), &call.title.text(Language::Es));
    EXPECT_EQ(&call.title.text("ES"), &call.title.text(Language::Es));
    EXPECT_EQ(&call.title.text("de"), &call.title.text(Language::En));
    EXPECT_EQ(&call.title.text(""), &call.title.text(Language::En));
    EXPECT_EQ(&call.title.text("fra"), &call.title.text(Language::En));
    EXPECT_NE(call.title.text(Language::Fr), call.title.text(Language::En));
}

TEST(CatalogModel, OriginAndReceiptUrl)
{
    Call call = builtinCatalog().calls.at(0);
    EXPECT_EQ(call.origin(), "http://127.0.0.1:1080");
    EXPECT_EQ(call.receiptUrl("3f2c"), "http://127.0.0.1:1080/receipts/3f2c");
    EXPECT_EQ(call.receiptUrl("a/b c"), "http://127.0.0.1:1080/receipts/a%2Fb%20c");
    call.endpoint = "https://inputs.example.org:8443/tus/files";
    EXPECT_EQ(call.origin(), "https://inputs.example.org:8443");
}

// Only a closed call stops sending; after the deadline a submission still goes, late.
TEST(CatalogModel, AcceptsSubmissionsUntilClosedAndKnowsWhenTheyAreLate)
{
    Call call = builtinCatalog().calls.at(0);
    EXPECT_EQ(call.status, CallStatus::Closed);
    EXPECT_FALSE(call.acceptsSubmissionsAt(0));
    call.status = CallStatus::Open;
    EXPECT_TRUE(call.acceptsSubmissionsAt(4'000'000'000));
    EXPECT_FALSE(call.deadlinePassedAt(4'000'000'000)); // no deadline, never late
    call.deadline = Timestamp{"2026-12-01T00:00:00Z", 1796083200};
    EXPECT_FALSE(call.deadlinePassedAt(1796083199));
    EXPECT_TRUE(call.deadlinePassedAt(1796083200));
    EXPECT_TRUE(call.acceptsSubmissionsAt(1796083200));
}

} // namespace
} // namespace amicus::calls
