// The calls catalog model: the calls for input an app offers, every human text in en/fr/es.
#pragma once

#include "common/result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::calls {

// The languages every human text of a catalog comes in.
enum class Language { En, Fr, Es };

inline constexpr std::array<Language, 3> allLanguages{Language::En, Language::Fr, Language::Es};

// "en", "fr" or "es".
[[nodiscard]] std::string_view languageCode(Language language);

// Maps a BCP 47 tag ("fr", "fr-CA", "es_419", "EN") to one of our languages by its primary
// subtag; anything else is English, the language every text is guaranteed to have.
[[nodiscard]] Language languageFromTag(std::string_view tag);

// One human text in the three languages. A text the publisher did not translate holds the
// English text, and isFallback() says so, so the UI can mark it as untranslated.
class LocalizedText {
public:
    LocalizedText() = default;

    // The text in `language`, or the English text when that language was missing.
    [[nodiscard]] const std::string& text(Language language) const;
    [[nodiscard]] const std::string& text(std::string_view languageTag) const
    {
        return text(languageFromTag(languageTag));
    }
    // True when `language` was missing from the catalog and text() gives English instead.
    [[nodiscard]] bool isFallback(Language language) const;

    void set(Language language, std::string text, bool fallback);

private:
    std::array<std::string, 3> texts_{};
    std::array<bool, 3> fallback_{};
};

// An RFC 3339 instant as written in the catalog, with its value in seconds since the epoch.
struct Timestamp {
    std::string text;
    std::int64_t unixSeconds = 0;
};

// One key question of a call. Its id is stable: answers in drafts are keyed by it.
struct KeyQuestion {
    std::string id;
    LocalizedText text;

    [[nodiscard]] const std::string& textIn(Language language) const { return text.text(language); }
};

// Only a closed call stops new sending; a passed deadline does not (the submission is late).
enum class CallStatus { Open, Closed };

// Amicus's own limits, used where the catalog sets none (the seed call states none).
inline constexpr std::uint64_t defaultWordsPerAnswer = 2500;
inline constexpr std::uint64_t defaultBytesPerAttachment = std::uint64_t{25} * 1024 * 1024;
inline constexpr std::uint64_t defaultAttachmentsPerSubmission = 10;

// What the endpoint accepts for one submission. Each *Set flag says whether the catalog set
// that limit ("limit set for this call") or it is Amicus's default.
struct CallLimits {
    std::uint64_t wordsPerAnswer = defaultWordsPerAnswer;
    std::uint64_t bytesPerAttachment = defaultBytesPerAttachment;
    std::uint64_t attachmentsPerSubmission = defaultAttachmentsPerSubmission;
    bool wordsPerAnswerSet = false;
    bool bytesPerAttachmentSet = false;
    bool attachmentsPerSubmissionSet = false;
};

// The file format of an official document of the call.
enum class DocumentFormat { Word, Pdf, Odt };

// One official document of the call (the call itself, in one language), opened in the
// system browser. `url` is empty for a document the call's page offers whose own address the
// catalog does not give (Call::documentsOnPage): the app then opens the call's page.
struct CallDocument {
    Language language = Language::En;
    DocumentFormat format = DocumentFormat::Word;
    std::string url;
};

// Where the secretariat takes submissions by e-mail, and the subject line it asks for.
struct CallContact {
    std::string email;
    std::string subject; // empty when the call asks for none
};

enum class LookupError {
    NoSuchCall,     // the catalog has no call with that id (withdrawn, or never existed)
    NoSuchQuestion, // the call has no key question with that id
};

// One call for input, as the catalog describes it.
struct Call {
    std::string id;
    LocalizedText issuingBody;
    LocalizedText title;
    LocalizedText purpose;
    std::optional<LocalizedText> summary;
    std::optional<LocalizedText> background;
    std::optional<LocalizedText> questionsIntro;
    std::vector<KeyQuestion> questions;
    LocalizedText useOfInputs; // says that contributions are published unless told otherwise
    std::optional<Timestamp> deadline;
    CallStatus status = CallStatus::Open;
    bool inputsPublished = false;        // the secretariat has put the inputs it received online
    std::optional<LocalizedText> page;   // the call's web page (a missing language: English)
    std::vector<CallDocument> documents; // the official documents, in the catalog's order
    // Official documents the call's page offers without the catalog giving their addresses
    // (url empty); a call with any has a `page`.
    std::vector<CallDocument> documentsOnPage;
    std::optional<CallContact> contact;
    // Languages whose texts are the secretariat's official ones; the others are our own
    // translations. Not stated (nullopt) by catalogs older than the field.
    std::optional<std::array<bool, 3>> officialLanguages;
    std::string endpoint;                      // the tus creation URL
    std::vector<std::string> recipients;       // age X25519 recipients, lower-case Bech32
    std::array<std::uint8_t, 32> receiptKey{}; // raw Ed25519 public key
    std::string receiptKeyBase64;              // the same key as the catalog wrote it
    std::vector<std::string> tlsPins;          // "sha256//<base64>", may be empty
    CallLimits limits;

    // The question with `questionId`, or LookupError::NoSuchQuestion.
    [[nodiscard]] Result<const KeyQuestion*, LookupError>
    question(std::string_view questionId) const;

    // scheme://host[:port] of the endpoint.
    [[nodiscard]] std::string origin() const;
    // Where the endpoint serves the signed receipt of an upload: <origin>/receipts/<id>.
    [[nodiscard]] std::string receiptUrl(std::string_view submissionId) const;

    // True unless the call is closed. A passed deadline does not stop sending: the submission
    // then arrives late (deadlinePassedAt), which the secretariat may still take.
    [[nodiscard]] bool acceptsSubmissionsAt(std::int64_t nowUnixSeconds) const;
    [[nodiscard]] bool deadlinePassedAt(std::int64_t nowUnixSeconds) const;

    // True when the catalog says the texts in `language` are our translation, not official.
    [[nodiscard]] bool isUnofficialTranslation(Language language) const;
    // The official document in `language`, or nullptr.
    [[nodiscard]] const CallDocument* document(Language language) const;
};

// Where a missing translation was replaced by English: a JSON pointer and the language.
struct TextFallback {
    std::string path; // e.g. "/calls/0/questions/2/text"
    Language language;
};

// A parsed, validated catalog (format amicus-catalog/1).
class Catalog {
public:
    std::string format;
    std::uint64_t sequence = 0;
    Timestamp issuedAt;
    std::vector<Call> calls;
    std::vector<TextFallback> fallbacks; // empty when every text came in every language

    // The call with `callId`, or LookupError::NoSuchCall (e.g. withdrawn by a refresh; drafts
    // of such a call stay with the store).
    [[nodiscard]] Result<const Call*, LookupError> call(std::string_view callId) const;
};

} // namespace amicus::calls
