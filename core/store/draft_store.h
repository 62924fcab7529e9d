// DraftStore: the encrypted vault database of drafts, attachments, outbox, cached calls and
// settings. Every personal value is sealed with the vault's FieldSealer; every save is one
// transaction that survives kill -9 and power loss once the call has returned.
#pragma once

#include "crypto/age_keys.h"
#include "crypto/byte_stream.h"
#include "crypto/field_sealer.h"
#include "store/sqlite_db.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <span>
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
    std::string status; // "editing" or "finalized"
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
    std::string status;
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

// Writes an attachment's bytes, encrypted to the vault's own recipient, into a file. The
// store uses it so attachments never touch the disk in plain text.
class BlobEncryptor {
public:
    virtual ~BlobEncryptor() = default;

    // Streams `input` to the end into `destination` (created, must not exist), encrypted, in
    // constant memory. Calls `onChunk` with each plaintext chunk before it is encrypted;
    // when `onChunk` returns false the copy stops and returns the error it set.
    [[nodiscard]] virtual StoreResult<void> encryptToFile(
        std::istream& input, const std::filesystem::path& destination,
        const std::function<bool(std::span<const std::uint8_t>, StoreError&)>& onChunk) const = 0;
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

// One connection, used only on the thread that opened it (checked in debug builds, see
// OwnerThread in sqlite_db.h); another thread opens a connection of its own.
class DraftStore {
public:
    // Opens (creating if missing) the database, refuses a newer schema (NewerVersion) or a
    // damaged file (Corrupt) without changing it, sets WAL, synchronous=FULL, foreign keys,
    // secure_delete and in-memory temp storage, then runs pending migrations. `sealer` and
    // `blobs` must outlive the store; when the vault locks, sealing fails with Locked.
    [[nodiscard]] static StoreResult<DraftStore> open(const StorePaths& paths,
                                                      const crypto::FieldSealer& sealer,
                                                      const BlobEncryptor& blobs,
                                                      StoreOptions options = {});

    DraftStore(DraftStore&&) noexcept = default;
    DraftStore& operator=(DraftStore&&) noexcept = default;

    // Hands the connection to another thread, which owns it from its first use on: for a store
    // opened on a worker for the thread that will use it. The opener must not touch it again.
    void releaseThread() { db_.releaseThread(); }

    [[nodiscard]] StoreResult<int> schemaVersion();

    // Drafts. Each save is one committed transaction; when it returns ok the edit is durable.
    // Once a draft is in the outbox (finalized: its envelope was sealed from what it said then,
    // whether it is waiting, uploading or delivered), every call below that would change it,
    // its answers or its attachments fails with Finalized and changes nothing.
    [[nodiscard]] StoreResult<std::int64_t> createDraft(std::string_view callId);
    [[nodiscard]] StoreResult<void> saveField(std::int64_t draftId, DraftField field,
                                              std::string_view value);
    [[nodiscard]] StoreResult<void> saveAnswer(std::int64_t draftId, std::string_view questionId,
                                               std::string_view text);
    [[nodiscard]] StoreResult<void> removeAnswer(std::int64_t draftId, std::string_view questionId);
    [[nodiscard]] StoreResult<void> setStatus(std::int64_t draftId, std::string_view status);
    [[nodiscard]] StoreResult<Draft> draft(std::int64_t draftId);
    // Newest first. Opens only the organization of each draft.
    [[nodiscard]] StoreResult<std::vector<DraftSummary>> listDrafts();
    // Deletes the draft, its answers, attachments (and their blobs) and outbox entry.
    [[nodiscard]] StoreResult<void> deleteDraft(std::int64_t draftId);

    // Attachments. Streams `input` into an age file to the vault recipient, hashing and
    // counting on the way; over `maxBytes` it stops with TooLarge and leaves nothing behind.
    [[nodiscard]] StoreResult<AttachmentInfo>
    importAttachment(std::int64_t draftId, std::istream& input, std::string_view fileName,
                     std::string_view mediaType, std::uint64_t maxBytes);
    [[nodiscard]] StoreResult<AttachmentInfo>
    importAttachmentFile(std::int64_t draftId, const std::filesystem::path& file,
                         std::string_view fileName, std::string_view mediaType,
                         std::uint64_t maxBytes);
    // Removes the attachment and its reduced copy, rows and blobs.
    [[nodiscard]] StoreResult<void> removeAttachment(std::int64_t attachmentId);
    // Stores `input` (a re-encoded smaller copy of attachment `attachmentId`, of `mediaType`)
    // as an age blob like an attachment, and records it as what will be sent instead of the
    // original, replacing an earlier reduced copy. Over `maxBytes` it stops with TooLarge and
    // leaves everything as it was. Returns the attachment with its new `reduced`.
    [[nodiscard]] StoreResult<AttachmentInfo> importReducedCopy(std::int64_t attachmentId,
                                                                std::istream& input,
                                                                std::string_view mediaType,
                                                                std::uint64_t maxBytes);
    // Goes back to sending the original: deletes the reduced copy's row and blob. Ok (no
    // change) when there is none; NotFound when there is no such attachment.
    [[nodiscard]] StoreResult<void> removeReducedCopy(std::int64_t attachmentId);
    // The attachment `attachmentId` as recorded (NotFound when none).
    [[nodiscard]] StoreResult<AttachmentInfo> attachment(std::int64_t attachmentId);
    [[nodiscard]] std::filesystem::path blobPath(const AttachmentInfo& attachment) const;
    // Decrypts an attachment's blob with the vault identity into `sink`, streaming, and checks
    // that its size and SHA-256 are the recorded ones (Corrupt otherwise). Plaintext reaches
    // the sink before the final check: on any error the caller must discard what it got.
    [[nodiscard]] StoreResult<void> decryptAttachment(const AttachmentInfo& attachment,
                                                      const crypto::AgeIdentity& identity,
                                                      crypto::ByteSink& sink) const;
    // The same for the reduced copy (InvalidArgument when the attachment has none).
    [[nodiscard]] StoreResult<void> decryptReducedCopy(const AttachmentInfo& attachment,
                                                       const crypto::AgeIdentity& identity,
                                                       crypto::ByteSink& sink) const;
    [[nodiscard]] std::filesystem::path reducedBlobPath(const AttachmentInfo& attachment) const;

    // Outbox. putOutboxEntry also drops the entry's locked note: the values given are newer.
    [[nodiscard]] StoreResult<void> putOutboxEntry(const OutboxEntry& entry);
    [[nodiscard]] StoreResult<OutboxEntry> outboxEntry(std::int64_t draftId);
    [[nodiscard]] StoreResult<std::vector<OutboxEntry>> listOutbox();
    // The outbox without opening any sealed value: works while the vault is locked.
    [[nodiscard]] StoreResult<std::vector<OutboxPlainEntry>> listOutboxPlain();
    // Saves an entry while the vault is locked (the sender goes on after locking): its plain
    // columns in place and, when `noteRecipient` is given, its sealed values (upload URL, error
    // detail, receipt) as one note encrypted to that recipient (the vault's own), replacing the
    // entry's earlier note, in one transaction. The sealed columns keep their older values until
    // mergeLockedOutboxNotes. NotFound when the entry does not exist.
    [[nodiscard]] StoreResult<void>
    putOutboxEntryWhileLocked(const OutboxEntry& entry,
                              const crypto::X25519Recipient* noteRecipient);
    // At unlock: opens each locked note with `identity`, seals its values into its entry's
    // columns and deletes it, in one transaction; returns how many were merged. A note that does
    // not open (damaged, or moved to another entry) is dropped: the sender then asks the
    // endpoint again, which answers by submission id, so nothing is sent twice.
    [[nodiscard]] StoreResult<int> mergeLockedOutboxNotes(const crypto::AgeIdentity& identity);
    // Takes draft `draftId` out of the outbox: deletes its entry and any note saved while
    // locked, in one transaction; the draft itself stays as it is. Needs no key. NotFound when
    // the draft has no entry.
    [[nodiscard]] StoreResult<void> removeOutboxEntry(std::int64_t draftId);
    // A new editable draft (status editing, a new submission id) holding a copy of draft
    // `draftId`'s call, language, submitter, publication choice, answers and attachments
    // (their encrypted files copied, smaller copies included), whatever the original's status:
    // what a user changes and sends again when a finalized submission cannot go as it is. The
    // original is not changed. All or nothing. Returns the new draft's id (NotFound when none).
    [[nodiscard]] StoreResult<std::int64_t> copyDraftAsNew(std::int64_t draftId);

    // Calls catalog cache (public documents, stored plain).
    [[nodiscard]] StoreResult<void> cacheCall(std::string_view callId, std::string_view document);
    [[nodiscard]] StoreResult<std::optional<std::string>> cachedCall(std::string_view callId);

    // Settings: sealed unless the app must read them while locked (e.g. the sync policy).
    enum class Sealing { Sealed, Plain };
    [[nodiscard]] StoreResult<void> putSetting(std::string_view key, std::string_view value,
                                               Sealing sealing);
    [[nodiscard]] StoreResult<std::optional<std::string>> setting(std::string_view key);

    // Reads a connection setting such as "synchronous" or "foreign_keys" (diagnostics, tests).
    [[nodiscard]] StoreResult<std::int64_t> pragmaValue(std::string_view name);

    // Checks the whole file (PRAGMA integrity_check); ok when SQLite says "ok".
    [[nodiscard]] StoreResult<void> checkIntegrity();

    // Deletes blob files no row points to (left by a crash mid-import or mid-delete) that are
    // older than `minAge`, so an import running in another process is not disturbed.
    [[nodiscard]] StoreResult<int> sweepOrphanBlobs(std::chrono::seconds minAge);

private:
    DraftStore(Database db, StorePaths paths, const crypto::FieldSealer& sealer,
               const BlobEncryptor& blobs, StoreOptions options);

    [[nodiscard]] StoreResult<std::vector<std::uint8_t>> seal(std::span<const std::uint8_t> plain,
                                                              const std::string& place) const;
    [[nodiscard]] StoreResult<std::vector<std::uint8_t>> seal(std::string_view plaintext,
                                                              const std::string& place) const;
    [[nodiscard]] StoreResult<std::string> unseal(const std::vector<std::uint8_t>& sealed,
                                                  const std::string& place) const;
    [[nodiscard]] StoreResult<std::optional<std::string>>
    unsealColumn(const Statement& row, int column, const std::string& place) const;
    [[nodiscard]] StoreResult<void> touchDraft(std::int64_t draftId, std::int64_t now);
    // Ok when draft `draftId` may still change; Finalized once it is in the outbox, NotFound
    // when there is no such draft.
    [[nodiscard]] StoreResult<void> requireEditable(std::int64_t draftId);
    [[nodiscard]] StoreResult<std::vector<AttachmentInfo>>
    attachmentsWhere(std::string_view condition, std::int64_t value);
    [[nodiscard]] StoreResult<std::vector<AttachmentInfo>> attachmentsOf(std::int64_t draftId);
    // A new blob from `input` (encrypted, hashed, counted, synced, renamed into place).
    struct WrittenBlob {
        std::string name;
        std::uint64_t size = 0;
        std::array<std::uint8_t, 32> sha256{};
    };
    [[nodiscard]] StoreResult<WrittenBlob> writeBlob(std::istream& input, std::uint64_t maxBytes);
    [[nodiscard]] StoreResult<void> decryptBlob(const std::string& blobName, std::uint64_t size,
                                                const std::array<std::uint8_t, 32>& sha256,
                                                const crypto::AgeIdentity& identity,
                                                crypto::ByteSink& sink) const;
    [[nodiscard]] std::int64_t now() const { return options_.clock(); }

    Database db_;
    StorePaths paths_;
    const crypto::FieldSealer* sealer_;
    const BlobEncryptor* blobs_;
    StoreOptions options_;
};

} // namespace amicus::store
