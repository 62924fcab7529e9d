#include "store/attachments.h"

#include "crypto/age_format.h"
#include "crypto/age_reader.h"
#include "crypto/sha256.h"
#include "store/store_files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace amicus::store {

namespace {

StoreError noAttachment(std::int64_t attachmentId)
{
    return StoreError{StoreErrc::NotFound, "no attachment " + std::to_string(attachmentId)};
}

// Passes plaintext on while counting and hashing it, and keeps the errno of a failed write.
class CheckingSink : public crypto::ByteSink {
public:
    explicit CheckingSink(crypto::ByteSink& next) : next_(next) {}
    Result<void, crypto::IoError> write(std::span<const std::uint8_t> bytes) override
    {
        size_ += bytes.size();
        hash_.update(bytes);
        auto written = next_.write(bytes);
        if (!written) {
            lastErrno_ = written.error().systemError;
        }
        return written;
    }
    std::uint64_t size() const { return size_; }
    crypto::Sha256Digest digest() { return hash_.finish(); }
    int lastErrno() const { return lastErrno_; }

private:
    crypto::ByteSink& next_;
    crypto::Sha256 hash_;
    std::uint64_t size_ = 0;
    int lastErrno_ = 0;
};

// A sealed SHA-256 column opened back into a digest; Corrupt when missing or of a bad size.
StoreResult<void> readDigest(const StoreResult<std::optional<std::string>>& sealed,
                             std::array<std::uint8_t, 32>& digest, const char* what)
{
    if (!sealed) {
        return fail(sealed.error());
    }
    if (!sealed->has_value() || (*sealed)->size() != digest.size()) {
        return fail(StoreError{StoreErrc::Corrupt, std::string(what) + " without a valid hash"});
    }
    std::memcpy(digest.data(), (*sealed)->data(), digest.size());
    return {};
}

// A sealed blob MAC column opened back: none when NULL (a blob written before migration 7),
// Corrupt when of a bad size.
StoreResult<void> readBlobMac(const StoreResult<std::optional<std::string>>& sealed,
                              std::optional<std::array<std::uint8_t, 32>>& mac)
{
    if (!sealed) {
        return fail(sealed.error());
    }
    if (!sealed->has_value()) {
        mac.reset();
        return {};
    }
    std::array<std::uint8_t, 32> bytes{};
    if ((*sealed)->size() != bytes.size()) {
        return fail(StoreError{StoreErrc::Corrupt, "attachment with a bad blob MAC"});
    }
    std::memcpy(bytes.data(), (*sealed)->data(), bytes.size());
    mac = bytes;
    return {};
}

// The MAC in the age header of the blob just written, read back from the file.
StoreResult<std::array<std::uint8_t, 32>> readHeaderMac(const std::filesystem::path& blob)
{
    auto file = crypto::FileSource::open(blob.string());
    if (!file) {
        return fail(ioError("read back blob header", file.error().systemError));
    }
    crypto::BufferedSource buffered(**file);
    auto header = crypto::parseAgeHeader(buffered);
    if (!header) {
        return fail(StoreError{StoreErrc::Internal,
                               "blob just written has no age header: " + header.error().detail});
    }
    return header->mac;
}

// The sealed form of an optional blob MAC (NULL when none).
StoreResult<std::optional<std::vector<std::uint8_t>>>
sealBlobMac(const VaultDatabase& db, const std::optional<std::array<std::uint8_t, 32>>& mac,
            const std::string& place)
{
    if (!mac) {
        return std::optional<std::vector<std::uint8_t>>();
    }
    auto sealed = db.seal(std::span<const std::uint8_t>(*mac), place);
    if (!sealed) {
        return fail(sealed.error());
    }
    return std::optional<std::vector<std::uint8_t>>(std::move(sealed).value());
}

} // namespace

StoreResult<std::vector<AttachmentInfo>> Attachments::attachmentsWhere(std::string_view condition,
                                                                       std::int64_t value)
{
    auto stmt = db_->db().query(
        "SELECT a.id, a.draft_id, a.blob_name, a.size, a.sha256_sealed, a.file_name_sealed, "
        "a.media_type_sealed, a.created_at, r.blob_name, r.size, r.sha256_sealed, "
        "r.media_type_sealed, r.created_at, a.blob_mac_sealed, r.blob_mac_sealed "
        "FROM attachments a "
        "LEFT JOIN attachment_reductions r ON r.attachment_id = a.id WHERE " +
            std::string(condition) + " ORDER BY a.id",
        value);
    if (!stmt) {
        return fail(stmt.error());
    }
    std::vector<AttachmentInfo> list;
    auto read = stmt->forEachRow([&](const Statement& row) -> StoreResult<void> {
        AttachmentInfo info;
        info.id = row.int64(0);
        info.draftId = row.int64(1);
        info.blobName = row.text(2);
        info.size = static_cast<std::uint64_t>(row.int64(3));
        info.createdAt = row.int64(7);
        // The hash opens only at this row of this draft: a row whose plain draft_id was
        // rewritten (moved to another draft) is refused here, so nothing packs it.
        auto sha = db_->unsealColumn(row, 4, attachmentHashPlace(info.id, info.draftId));
        if (!sha && sha.error().code == StoreErrc::Corrupt) {
            return fail(StoreError{StoreErrc::Corrupt,
                                   "attachment " + std::to_string(info.id) +
                                       " is not sealed to draft " + std::to_string(info.draftId) +
                                       " (moved from another draft, or damaged)"});
        }
        auto name = db_->unsealColumn(row, 5, sealingPlace("attachments", "file_name", info.id));
        auto type = db_->unsealColumn(row, 6, sealingPlace("attachments", "media_type", info.id));
        for (const auto* part : {&sha, &name, &type}) {
            if (!*part) {
                return fail(part->error());
            }
        }
        if (auto digest = readDigest(sha, info.sha256, "attachment"); !digest) {
            return fail(digest.error());
        }
        if (auto mac = readBlobMac(
                db_->unsealColumn(row, 13, sealingPlace("attachments", "blob_mac", info.id)),
                info.blobMac);
            !mac) {
            return fail(mac.error());
        }
        info.fileName = name->value_or("");
        info.mediaType = type->value_or("");
        if (!row.isNull(8)) {
            ReducedCopy reduced;
            reduced.blobName = row.text(8);
            reduced.size = static_cast<std::uint64_t>(row.int64(9));
            reduced.createdAt = row.int64(12);
            auto reducedSha = db_->unsealColumn(
                row, 10, sealingPlace("attachment_reductions", "sha256", info.id));
            auto reducedType = db_->unsealColumn(
                row, 11, sealingPlace("attachment_reductions", "media_type", info.id));
            for (const auto* part : {&reducedSha, &reducedType}) {
                if (!*part) {
                    return fail(part->error());
                }
            }
            if (auto digest = readDigest(reducedSha, reduced.sha256, "reduced copy"); !digest) {
                return fail(digest.error());
            }
            if (auto mac = readBlobMac(
                    db_->unsealColumn(row, 14,
                                      sealingPlace("attachment_reductions", "blob_mac", info.id)),
                    reduced.blobMac);
                !mac) {
                return fail(mac.error());
            }
            reduced.mediaType = reducedType->value_or("");
            info.reduced = std::move(reduced);
        }
        list.push_back(std::move(info));
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    return list;
}

StoreResult<std::vector<AttachmentInfo>> Attachments::of(std::int64_t draftId)
{
    return attachmentsWhere("a.draft_id = ?1", draftId);
}

StoreResult<AttachmentInfo> Attachments::get(std::int64_t attachmentId)
{
    auto found = attachmentsWhere("a.id = ?1", attachmentId);
    if (!found) {
        return fail(found.error());
    }
    if (found->empty()) {
        return fail(noAttachment(attachmentId));
    }
    return std::move(found->front());
}

StoreResult<AttachmentInfo> Attachments::addFile(std::int64_t draftId,
                                                 const std::filesystem::path& file,
                                                 std::string_view fileName,
                                                 std::string_view mediaType, std::uint64_t maxBytes)
{
    std::ifstream input(file, std::ios::binary);
    if (!input) {
        return fail(ioError("open attachment source", errno != 0 ? errno : ENOENT));
    }
    return add(draftId, input, fileName, mediaType, maxBytes);
}

StoreResult<Attachments::WrittenBlob> Attachments::writeBlob(std::istream& input,
                                                             std::uint64_t maxBytes)
{
    auto name = randomHexName(16, ".age");
    if (!name) {
        return fail(name.error());
    }
    WrittenBlob blob;
    blob.name = *name;
    const auto& blobDir = db_->paths().blobDir;
    const auto partial = blobDir / (blob.name + ".part");
    const auto finalPath = blobDir / blob.name;

    crypto::Sha256 hash;
    std::uint64_t size = 0;
    auto written = db_->blobs().encryptToFile(
        input, partial, [&](std::span<const std::uint8_t> chunk, StoreError& error) {
            size += chunk.size();
            if (size > maxBytes) {
                error = StoreError{StoreErrc::TooLarge, "attachment over the limit of " +
                                                            std::to_string(maxBytes) + " bytes"};
                return false;
            }
            hash.update(chunk);
            return true;
        });
    if (!written) {
        removeQuietly(partial);
        return fail(written.error());
    }
    blob.sha256 = hash.finish();
    blob.size = size;
    auto mac = readHeaderMac(partial);
    if (!mac) {
        removeQuietly(partial);
        return fail(mac.error());
    }
    blob.mac = *mac;
    if (auto placed = placeDurably(partial, finalPath); !placed) {
        return fail(placed.error());
    }
    return blob;
}

StoreResult<void>
Attachments::sealDetails(std::int64_t attachmentId, std::int64_t draftId,
                         const std::array<std::uint8_t, 32>& sha256,
                         const std::optional<std::array<std::uint8_t, 32>>& blobMac,
                         std::string_view fileName, std::string_view mediaType)
{
    auto sha = db_->seal(std::span<const std::uint8_t>(sha256),
                         attachmentHashPlace(attachmentId, draftId));
    auto name = db_->seal(fileName, sealingPlace("attachments", "file_name", attachmentId));
    auto type = db_->seal(mediaType, sealingPlace("attachments", "media_type", attachmentId));
    for (const auto* part : {&sha, &name, &type}) {
        if (!*part) {
            return fail(part->error());
        }
    }
    auto mac = sealBlobMac(*db_, blobMac, sealingPlace("attachments", "blob_mac", attachmentId));
    if (!mac) {
        return fail(mac.error());
    }
    return db_->db().run("UPDATE attachments SET sha256_sealed = ?1, file_name_sealed = ?2, "
                         "media_type_sealed = ?3, blob_mac_sealed = ?4 WHERE id = ?5",
                         *sha, *name, *type, *mac, attachmentId);
}

StoreResult<void>
Attachments::putReduction(std::int64_t attachmentId, const std::string& blobName,
                          std::uint64_t size, const std::array<std::uint8_t, 32>& sha256,
                          const std::optional<std::array<std::uint8_t, 32>>& blobMac,
                          std::string_view mediaType, std::int64_t createdAt)
{
    auto sha = db_->seal(std::span<const std::uint8_t>(sha256),
                         sealingPlace("attachment_reductions", "sha256", attachmentId));
    auto type =
        db_->seal(mediaType, sealingPlace("attachment_reductions", "media_type", attachmentId));
    for (const auto* part : {&sha, &type}) {
        if (!*part) {
            return fail(part->error());
        }
    }
    auto mac =
        sealBlobMac(*db_, blobMac, sealingPlace("attachment_reductions", "blob_mac", attachmentId));
    if (!mac) {
        return fail(mac.error());
    }
    return db_->db().run(
        "INSERT INTO attachment_reductions (attachment_id, blob_name, size, sha256_sealed, "
        "media_type_sealed, created_at, blob_mac_sealed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (attachment_id) DO UPDATE SET blob_name = excluded.blob_name, "
        "size = excluded.size, sha256_sealed = excluded.sha256_sealed, "
        "media_type_sealed = excluded.media_type_sealed, created_at = excluded.created_at, "
        "blob_mac_sealed = excluded.blob_mac_sealed",
        attachmentId, blobName, size, *sha, *type, createdAt, *mac);
}

StoreResult<AttachmentInfo> Attachments::add(std::int64_t draftId, std::istream& input,
                                             std::string_view fileName, std::string_view mediaType,
                                             std::uint64_t maxBytes)
{
    if (auto editable = db_->requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    auto blob = writeBlob(input, maxBytes);
    if (!blob) {
        return fail(blob.error());
    }
    AttachmentInfo info;
    info.draftId = draftId;
    info.blobName = blob->name;
    info.fileName = std::string(fileName);
    info.mediaType = std::string(mediaType);
    info.sha256 = blob->sha256;
    info.blobMac = blob->mac;
    info.size = blob->size;

    auto recorded = [&]() -> StoreResult<void> {
        auto tx = Transaction::begin(db_->db());
        if (!tx) {
            return fail(tx.error());
        }
        // Again inside the transaction: the draft may have been finalized while the blob was
        // being written.
        if (auto editable = db_->requireEditable(draftId); !editable) {
            return fail(editable.error());
        }
        info.createdAt = db_->now();
        if (auto touched = db_->touchDraft(draftId, info.createdAt); !touched) {
            return fail(touched.error());
        }
        auto inserted = db_->db().run("INSERT INTO attachments (draft_id, blob_name, size, "
                                      "created_at) VALUES (?1, ?2, ?3, ?4)",
                                      draftId, info.blobName, info.size, info.createdAt);
        if (!inserted) {
            return fail(inserted.error());
        }
        info.id = db_->db().lastInsertRowid();
        if (auto sealed = sealDetails(info.id, draftId, info.sha256, info.blobMac, info.fileName,
                                      info.mediaType);
            !sealed) {
            return fail(sealed.error());
        }
        return tx->commit();
    }();
    if (!recorded) {
        removeQuietly(db_->paths().blobDir / info.blobName);
        return fail(recorded.error());
    }
    db_->announce(ChangeKind::DraftChanged, draftId);
    return info;
}

StoreResult<AttachmentInfo> Attachments::addReducedCopy(std::int64_t attachmentId,
                                                        std::istream& input,
                                                        std::string_view mediaType,
                                                        std::uint64_t maxBytes)
{
    auto original = get(attachmentId);
    if (!original) {
        return fail(original.error());
    }
    if (auto editable = db_->requireEditable(original->draftId); !editable) {
        return fail(editable.error());
    }
    auto blob = writeBlob(input, maxBytes);
    if (!blob) {
        return fail(blob.error());
    }
    std::optional<std::string> replaced;
    const std::int64_t when = db_->now();
    auto recorded = [&]() -> StoreResult<void> {
        auto tx = Transaction::begin(db_->db());
        if (!tx) {
            return fail(tx.error());
        }
        if (auto editable = db_->requireEditable(original->draftId); !editable) {
            return fail(editable.error());
        }
        auto previous = db_->db().queryRow(
            "SELECT blob_name FROM attachment_reductions WHERE attachment_id = ?1", attachmentId);
        if (!previous) {
            return fail(previous.error());
        }
        if (*previous) {
            replaced = (*previous)->text(0);
        }
        previous->reset();
        if (auto put = putReduction(attachmentId, blob->name, blob->size, blob->sha256, blob->mac,
                                    mediaType, when);
            !put) {
            return fail(put.error());
        }
        if (auto touched = db_->touchDraft(original->draftId, when); !touched) {
            return fail(touched.error());
        }
        return tx->commit();
    }();
    if (!recorded) {
        removeQuietly(db_->paths().blobDir / blob->name);
        return fail(recorded.error());
    }
    db_->announce(ChangeKind::DraftChanged, original->draftId);
    if (replaced) {
        removeBlobFiles({*replaced});
    }
    ReducedCopy reduced;
    reduced.blobName = blob->name;
    reduced.mediaType = std::string(mediaType);
    reduced.size = blob->size;
    reduced.sha256 = blob->sha256;
    reduced.blobMac = blob->mac;
    reduced.createdAt = when;
    original->reduced = std::move(reduced);
    return std::move(*original);
}

StoreResult<std::vector<std::string>> Attachments::deleteRows(std::int64_t attachmentId,
                                                              bool onlyReducedCopy)
{
    auto tx = Transaction::begin(db_->db());
    if (!tx) {
        return fail(tx.error());
    }
    auto found = db_->db().queryRow(
        "SELECT a.draft_id, a.blob_name, r.blob_name FROM attachments a "
        "LEFT JOIN attachment_reductions r ON r.attachment_id = a.id WHERE a.id = ?1",
        attachmentId);
    if (!found) {
        return fail(found.error());
    }
    if (!*found) {
        return fail(noAttachment(attachmentId));
    }
    const std::int64_t draftId = (*found)->int64(0);
    std::vector<std::string> blobNames;
    if (!onlyReducedCopy) {
        blobNames.push_back((*found)->text(1));
    }
    if (!(*found)->isNull(2)) {
        blobNames.push_back((*found)->text(2));
    }
    found->reset(); // ends the statement before the writes
    if (auto editable = db_->requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    if (blobNames.empty()) {
        return blobNames; // no reduced copy: nothing to change
    }
    // The reduction goes with its attachment by cascade.
    if (auto ran = db_->db().run(onlyReducedCopy
                                     ? "DELETE FROM attachment_reductions WHERE attachment_id = ?1"
                                     : "DELETE FROM attachments WHERE id = ?1",
                                 attachmentId);
        !ran) {
        return fail(ran.error());
    }
    if (auto touched = db_->touchDraft(draftId, db_->now()); !touched) {
        return fail(touched.error());
    }
    if (auto committed = tx->commit(); !committed) {
        return fail(committed.error());
    }
    db_->announce(ChangeKind::DraftChanged, draftId);
    return blobNames;
}

StoreResult<void> Attachments::removeReducedCopy(std::int64_t attachmentId)
{
    auto removed = deleteRows(attachmentId, true);
    if (!removed) {
        return fail(removed.error());
    }
    removeBlobFiles(*removed);
    return {};
}

StoreResult<void> Attachments::remove(std::int64_t attachmentId)
{
    auto removed = deleteRows(attachmentId, false);
    if (!removed) {
        return fail(removed.error());
    }
    // The rows went first; a crash here leaves orphans for the sweep.
    removeBlobFiles(*removed);
    return {};
}

std::filesystem::path Attachments::blobPath(const AttachmentInfo& attachment) const
{
    return db_->paths().blobDir / attachment.blobName;
}

std::filesystem::path Attachments::reducedBlobPath(const AttachmentInfo& attachment) const
{
    return attachment.reduced ? db_->paths().blobDir / attachment.reduced->blobName
                              : std::filesystem::path();
}

StoreResult<void> Attachments::decryptBlob(const std::string& blobName, std::uint64_t size,
                                           const std::array<std::uint8_t, 32>& sha256,
                                           const crypto::AgeIdentity& identity,
                                           crypto::ByteSink& sink) const
{
    auto source = crypto::FileSource::open((db_->paths().blobDir / blobName).string());
    if (!source) {
        const int err = source.error().systemError;
        if (err == ENOENT) {
            return fail(StoreError{StoreErrc::Corrupt, "attachment blob is missing"});
        }
        return fail(ioError("open attachment blob", err));
    }
    CheckingSink checking(sink);
    const crypto::AgeIdentity* identities[] = {&identity};
    auto decrypted = crypto::ageDecrypt(**source, identities, checking);
    if (!decrypted) {
        if (checking.lastErrno() != 0) {
            return fail(ioError("write attachment", checking.lastErrno()));
        }
        if (decrypted.error().code == crypto::AgeErrorCode::Io) {
            return fail(StoreError{StoreErrc::Io, "read attachment blob"});
        }
        return fail(
            StoreError{StoreErrc::Corrupt, std::string("attachment blob: ") +
                                               crypto::ageErrorName(decrypted.error().code)});
    }
    if (checking.size() != size || checking.digest() != sha256) {
        return fail(StoreError{StoreErrc::Corrupt, "attachment does not match its record"});
    }
    return {};
}

StoreResult<void> Attachments::decrypt(const AttachmentInfo& attachment,
                                       const crypto::AgeIdentity& identity,
                                       crypto::ByteSink& sink) const
{
    return decryptBlob(attachment.blobName, attachment.size, attachment.sha256, identity, sink);
}

StoreResult<void> Attachments::decryptReducedCopy(const AttachmentInfo& attachment,
                                                  const crypto::AgeIdentity& identity,
                                                  crypto::ByteSink& sink) const
{
    if (!attachment.reduced) {
        return fail(StoreError{StoreErrc::InvalidArgument, "attachment has no reduced copy"});
    }
    const ReducedCopy& reduced = *attachment.reduced;
    return decryptBlob(reduced.blobName, reduced.size, reduced.sha256, identity, sink);
}

StoreResult<int> Attachments::sweepOrphans(std::chrono::seconds minAge)
{
    std::error_code ec;
    std::filesystem::directory_iterator it(db_->paths().blobDir, ec);
    if (ec) {
        return fail(ioError("list blob directory", ec.value()));
    }
    auto known =
        db_->db().prepare("SELECT 1 FROM attachments WHERE blob_name = ?1 UNION ALL "
                          "SELECT 1 FROM attachment_reductions WHERE blob_name = ?1 UNION ALL "
                          "SELECT 1 FROM outbox WHERE envelope_name = ?1");
    if (!known) {
        return fail(known.error());
    }
    const auto cutoff = std::filesystem::file_time_type::clock::now() - minAge;
    int removed = 0;
    for (const auto& entry : it) {
        if (!entry.is_regular_file(ec)) {
            continue;
        }
        const auto modified = entry.last_write_time(ec);
        if (ec || modified > cutoff) {
            continue;
        }
        known->bind(1, entry.path().filename().string());
        auto row = known->step();
        known->reset();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            removeQuietly(entry.path());
            ++removed;
        }
    }
    return removed;
}

StoreResult<std::vector<std::string>> Attachments::blobNamesOf(std::int64_t draftId)
{
    auto stmt = db_->db().query("SELECT blob_name FROM attachments WHERE draft_id = ?1 UNION ALL "
                                "SELECT r.blob_name FROM attachment_reductions r JOIN attachments "
                                "a ON a.id = r.attachment_id WHERE a.draft_id = ?1",
                                draftId);
    if (!stmt) {
        return fail(stmt.error());
    }
    std::vector<std::string> names;
    auto read = stmt->forEachRow([&](const Statement& row) -> StoreResult<void> {
        names.push_back(row.text(0));
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    return names;
}

void Attachments::removeBlobFiles(const std::vector<std::string>& blobNames)
{
    for (const auto& name : blobNames) {
        removeQuietly(db_->paths().blobDir / name);
    }
    if (!blobNames.empty()) {
        (void)syncPath(db_->paths().blobDir, true);
    }
}

StoreResult<std::string> Attachments::copyBlob(const std::string& blobName)
{
    // The file stays an age file to the vault's own recipient: no plaintext is made.
    auto name = randomHexName(16, ".age");
    if (!name) {
        return fail(name.error());
    }
    const auto& dir = db_->paths().blobDir;
    const auto partial = dir / (*name + ".part");
    std::error_code ec;
    std::filesystem::copy_file(dir / blobName, partial, ec);
    if (ec) {
        removeQuietly(partial);
        return fail(ioError("copy blob", ec.value()));
    }
    if (auto placed = placeDurably(partial, dir / *name, false); !placed) {
        return fail(placed.error());
    }
    return *name;
}

StoreResult<void> Attachments::recordCopy(std::int64_t draftId, const AttachmentInfo& original,
                                          const std::string& blobName,
                                          const std::optional<std::string>& reducedBlobName)
{
    auto inserted = db_->db().run("INSERT INTO attachments (draft_id, blob_name, size, "
                                  "created_at) VALUES (?1, ?2, ?3, ?4)",
                                  draftId, blobName, original.size, original.createdAt);
    if (!inserted) {
        return fail(inserted.error());
    }
    const std::int64_t attachmentId = db_->db().lastInsertRowid();
    // The copy's blob is the original's file byte for byte: the same header, the same MAC.
    if (auto sealed = sealDetails(attachmentId, draftId, original.sha256, original.blobMac,
                                  original.fileName, original.mediaType);
        !sealed) {
        return fail(sealed.error());
    }
    if (!original.reduced || !reducedBlobName) {
        return {};
    }
    const ReducedCopy& reduced = *original.reduced;
    return putReduction(attachmentId, *reducedBlobName, reduced.size, reduced.sha256,
                        reduced.blobMac, reduced.mediaType, reduced.createdAt);
}

} // namespace amicus::store
