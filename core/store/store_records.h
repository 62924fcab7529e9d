// The records the vault store reads and writes (drafts, attachments, outbox entries), their
// enumerations with their stable names, and where the store keeps its files.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::store {

// How the submitter lets the secretariat publish the submission.
enum class Consent { Public, Confidential, Anonymous };
[[nodiscard]] const char* consentName(Consent consent);
[[nodiscard]] std::optional<Consent> parseConsent(std::string_view name);

// The single-valued fields of a draft that are saved one at a time by autosave.
enum class DraftField { Language, Organization, OrganizationKind, Country, Contact, Consent };
[[nodiscard]] const char* draftFieldName(DraftField field);
[[nodiscard]] std::optional<DraftField> parseDraftField(std::string_view name);

// Editing until finalize has sealed it into an envelope; stored as "editing" / "finalized".
enum class DraftStatus { Editing, Finalized };
[[nodiscard]] const char* draftStatusName(DraftStatus status);
[[nodiscard]] std::optional<DraftStatus> parseDraftStatus(std::string_view name);

// Who submits: each value is absent until it has been saved once.
struct Submitter {
    std::optional<std::string> organization;
    std::optional<std::string> organizationKind; // e.g. NGO, national human rights institution
    std::optional<std::string> country;
    std::optional<std::string> contact;
};

// A smaller copy of a photo attachment, re-encoded on the device; while it exists, it is what
// gets sent instead of the original (the user's choice). Its bytes are an age file too.
struct ReducedCopy {
    std::string mediaType; // e.g. image/jpeg
    std::uint64_t size = 0;
    std::array<std::uint8_t, 32> sha256{};
    std::string blobName; // file name under the blob directory (random, not personal)
    // The MAC of the blob's age header, recorded when it was written (none for older blobs).
    std::optional<std::array<std::uint8_t, 32>> blobMac;
    std::int64_t createdAt = 0;
};

// One attachment as recorded in the vault; its bytes live in an age file under the blob dir.
struct AttachmentInfo {
    std::int64_t id = 0;
    std::int64_t draftId = 0;
    std::string fileName;
    std::string mediaType;
    std::uint64_t size = 0;
    std::array<std::uint8_t, 32> sha256{};
    std::string blobName; // file name under the blob directory (random, not personal)
    // The MAC of the blob's age header, recorded when it was written (none for older blobs):
    // a blob whose header carries it was written by the vault for this record, and its STREAM
    // tags then authenticate every chunk, their order and the end (draft_package.cpp).
    std::optional<std::array<std::uint8_t, 32>> blobMac;
    std::int64_t createdAt = 0;
    std::optional<ReducedCopy> reduced; // set when the user chose to send a smaller copy

    // What will be sent: the reduced copy's size when chosen, otherwise the original's.
    [[nodiscard]] std::uint64_t sentSize() const { return reduced ? reduced->size : size; }
};

// The name a reduced copy is sent under: the original's stem with the extension of
// `mediaType` (".jpg" for image/jpeg, ".png" for image/png), e.g. "IMG_0042.HEIC" ->
// "IMG_0042.jpg".
[[nodiscard]] std::string reducedFileName(std::string_view fileName, std::string_view mediaType);

// A whole draft as read back: exactly what was saved.
struct Draft {
    std::int64_t id = 0;
    std::string submissionId; // random UUID, stable for the life of the submission
    std::string callId;
    DraftStatus status = DraftStatus::Editing;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::optional<std::string> language;
    Submitter submitter;
    std::optional<Consent> consent;
    std::map<std::string, std::string> answers; // by key-question id
    std::vector<AttachmentInfo> attachments;
};

enum class OutboxState { Queued, Waiting, Uploading, Delivered, NeedsAttention };
[[nodiscard]] const char* outboxStateName(OutboxState state);
[[nodiscard]] std::optional<OutboxState> parseOutboxState(std::string_view name);

// What a list of drafts shows.
struct DraftSummary {
    std::int64_t id = 0;
    std::string submissionId;
    std::string callId;
    DraftStatus status = DraftStatus::Editing;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::optional<std::string> organization;
    int answerCount = 0;
    int attachmentCount = 0;
    // Its outbox entry's plain columns, when it has one (what deleting it would cancel).
    std::optional<OutboxState> outboxState;
    std::uint64_t uploadedBytes = 0; // the server's offset as last known
    std::uint64_t envelopeSize = 0;
};

// The sending state of one finalized draft, kept so a killed app resumes where it stopped.
struct OutboxEntry {
    std::int64_t draftId = 0;
    OutboxState state = OutboxState::Queued;
    std::optional<std::string> envelopeName; // file name of the age envelope (not personal)
    std::optional<std::uint64_t> envelopeSize;
    std::optional<std::string> uploadUrl; // sealed: it names the endpoint and the upload
    std::uint64_t uploadOffset = 0;
    int attempts = 0;
    std::optional<std::int64_t> nextTryAt;
    std::optional<std::string> lastErrorCode;   // typed code, plain
    std::optional<std::string> lastErrorDetail; // sealed
    std::optional<std::string> receipt;         // sealed (signed receipt as received)
    std::optional<std::array<std::uint8_t, 32>> envelopeSha256; // of the envelope file
    std::optional<std::string> waitReason;       // e.g. offline, unmetered_only, backoff, manual
    std::optional<std::int64_t> uploadExpiresAt; // the server's Upload-Expires, Unix ms
    std::int64_t updatedAt = 0;
};

// An outbox entry as the sender reads it while the vault is locked: the plain columns, the
// draft's plain ids, and which sealed values exist that cannot be opened now.
struct OutboxPlainEntry {
    OutboxEntry entry; // uploadUrl, lastErrorDetail and receipt are left empty
    std::string submissionId;
    std::string callId;
    bool hasUploadUrl = false;
    bool hasReceipt = false;
    bool hasLockedNote = false; // values saved while locked wait for the next unlock
};

// Where the store keeps its files.
struct StorePaths {
    std::filesystem::path database; // SQLite file; -wal and -shm sit next to it
    std::filesystem::path blobDir;  // one age file per attachment
};

struct StoreOptions {
    // Milliseconds since the Unix epoch; injected so tests control time.
    std::function<std::int64_t()> clock;
};

} // namespace amicus::store
