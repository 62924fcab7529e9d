// Attachments: the files of a draft — each an age file to the vault's own recipient under the
// blob directory, its row holding the sealed name, type and hash — and the smaller copy of a
// photo sent instead of the original, the orphan sweep, and decrypting a blob back. A view over
// one VaultDatabase connection (cheap to make; use it on the connection's thread).
#pragma once

#include "crypto/age_keys.h"
#include "crypto/byte_stream.h"
#include "store/vault_database.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::store {

class Attachments {
public:
    explicit Attachments(VaultDatabase& db) : db_(&db) {}

    // Streams `input` into an age file to the vault recipient, hashing and counting on the
    // way; over `maxBytes` it stops with TooLarge and leaves nothing behind. Finalized once the
    // draft is in the outbox.
    [[nodiscard]] StoreResult<AttachmentInfo> add(std::int64_t draftId, std::istream& input,
                                                  std::string_view fileName,
                                                  std::string_view mediaType,
                                                  std::uint64_t maxBytes);
    [[nodiscard]] StoreResult<AttachmentInfo>
    addFile(std::int64_t draftId, const std::filesystem::path& file, std::string_view fileName,
            std::string_view mediaType, std::uint64_t maxBytes);
    // Removes the attachment and its reduced copy, rows and blobs.
    [[nodiscard]] StoreResult<void> remove(std::int64_t attachmentId);
    // Stores `input` (a re-encoded smaller copy of attachment `attachmentId`, of `mediaType`)
    // as an age blob like an attachment, and records it as what will be sent instead of the
    // original, replacing an earlier reduced copy. Over `maxBytes` it stops with TooLarge and
    // leaves everything as it was. Returns the attachment with its new `reduced`.
    [[nodiscard]] StoreResult<AttachmentInfo> addReducedCopy(std::int64_t attachmentId,
                                                             std::istream& input,
                                                             std::string_view mediaType,
                                                             std::uint64_t maxBytes);
    // Goes back to sending the original: deletes the reduced copy's row and blob. Ok (no
    // change) when there is none; NotFound when there is no such attachment.
    [[nodiscard]] StoreResult<void> removeReducedCopy(std::int64_t attachmentId);
    // The attachment `attachmentId` as recorded (NotFound when none).
    [[nodiscard]] StoreResult<AttachmentInfo> get(std::int64_t attachmentId);
    // The attachments of draft `draftId`, oldest first.
    [[nodiscard]] StoreResult<std::vector<AttachmentInfo>> of(std::int64_t draftId);

    [[nodiscard]] std::filesystem::path blobPath(const AttachmentInfo& attachment) const;
    // Empty when the attachment has no reduced copy.
    [[nodiscard]] std::filesystem::path reducedBlobPath(const AttachmentInfo& attachment) const;
    // Decrypts an attachment's blob with the vault identity into `sink`, streaming, and checks
    // that its size and SHA-256 are the recorded ones (Corrupt otherwise). Plaintext reaches
    // the sink before the final check: on any error the caller must discard what it got.
    [[nodiscard]] StoreResult<void> decrypt(const AttachmentInfo& attachment,
                                            const crypto::AgeIdentity& identity,
                                            crypto::ByteSink& sink) const;
    // The same for the reduced copy (InvalidArgument when the attachment has none).
    [[nodiscard]] StoreResult<void> decryptReducedCopy(const AttachmentInfo& attachment,
                                                       const crypto::AgeIdentity& identity,
                                                       crypto::ByteSink& sink) const;

    // Deletes blob files no row points to (left by a crash mid-import or mid-delete) that are
    // older than `minAge`, so an import running in another process is not disturbed.
    [[nodiscard]] StoreResult<int> sweepOrphans(std::chrono::seconds minAge);

    // For Drafts: the blob names of a draft's attachments and reduced copies; removing blob
    // files (after their rows went, durably); recording copies of attachments for a new draft
    // (copyBlob makes each file's copy first, under a new random name).
    [[nodiscard]] StoreResult<std::vector<std::string>> blobNamesOf(std::int64_t draftId);
    void removeBlobFiles(const std::vector<std::string>& blobNames);
    [[nodiscard]] StoreResult<std::string> copyBlob(const std::string& blobName);
    // Inside the caller's transaction: a row for `original` under draft `draftId` pointing at
    // `blobName` (and its reduced copy at `reducedBlobName`).
    [[nodiscard]] StoreResult<void> recordCopy(std::int64_t draftId, const AttachmentInfo& original,
                                               const std::string& blobName,
                                               const std::optional<std::string>& reducedBlobName);

private:
    struct WrittenBlob {
        std::string name;
        std::uint64_t size = 0;
        std::array<std::uint8_t, 32> sha256{};
        std::array<std::uint8_t, 32> mac{}; // of its age header
    };
    // A new blob from `input` (encrypted, hashed, counted, synced, renamed into place).
    [[nodiscard]] StoreResult<WrittenBlob> writeBlob(std::istream& input, std::uint64_t maxBytes);
    [[nodiscard]] StoreResult<void> decryptBlob(const std::string& blobName, std::uint64_t size,
                                                const std::array<std::uint8_t, 32>& sha256,
                                                const crypto::AgeIdentity& identity,
                                                crypto::ByteSink& sink) const;
    [[nodiscard]] StoreResult<std::vector<AttachmentInfo>>
    attachmentsWhere(std::string_view condition, std::int64_t value);
    // Seals and stores the name, type, hash and blob MAC of the attachment row `attachmentId`
    // of draft `draftId`; the hash is sealed bound to the draft too (attachmentHashPlace).
    [[nodiscard]] StoreResult<void>
    sealDetails(std::int64_t attachmentId, std::int64_t draftId,
                const std::array<std::uint8_t, 32>& sha256,
                const std::optional<std::array<std::uint8_t, 32>>& blobMac,
                std::string_view fileName, std::string_view mediaType);
    // In one transaction: checks that the draft may change, deletes the attachment's row (with
    // its reduced copy) or only its reduced copy's row, touches the draft. Returns the blob
    // names whose rows went (none when there was no reduced copy to remove).
    [[nodiscard]] StoreResult<std::vector<std::string>> deleteRows(std::int64_t attachmentId,
                                                                   bool onlyReducedCopy);
    // Inserts or replaces the reduced copy's row of `attachmentId`.
    [[nodiscard]] StoreResult<void>
    putReduction(std::int64_t attachmentId, const std::string& blobName, std::uint64_t size,
                 const std::array<std::uint8_t, 32>& sha256,
                 const std::optional<std::array<std::uint8_t, 32>>& blobMac,
                 std::string_view mediaType, std::int64_t createdAt);

    VaultDatabase* db_;
};

} // namespace amicus::store
