#include "sync/store_outbox_repository.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <vector>

namespace amicus::sync {
namespace {

Failure<SyncError> storeFailure(const store::StoreError& error)
{
    return fail(
        SyncError{SyncErrorCode::LocalIo, 0,
                  std::string("store: ") + store::errcName(error.code) + " " + error.detail});
}

store::OutboxState toStore(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return store::OutboxState::Queued;
    case OutboxState::Waiting:
        return store::OutboxState::Waiting;
    case OutboxState::Uploading:
        return store::OutboxState::Uploading;
    case OutboxState::Delivered:
        return store::OutboxState::Delivered;
    case OutboxState::NeedsAttention:
        return store::OutboxState::NeedsAttention;
    }
    return store::OutboxState::Queued;
}

OutboxState fromStore(store::OutboxState state)
{
    switch (state) {
    case store::OutboxState::Queued:
        return OutboxState::Queued;
    case store::OutboxState::Waiting:
        return OutboxState::Waiting;
    case store::OutboxState::Uploading:
        return OutboxState::Uploading;
    case store::OutboxState::Delivered:
        return OutboxState::Delivered;
    case store::OutboxState::NeedsAttention:
        return OutboxState::NeedsAttention;
    }
    return OutboxState::Queued;
}

} // namespace

Result<crypto::Sha256Digest, SyncError>
StoreOutboxRepository::digestOf(const std::filesystem::path& path, std::uint64_t size)
{
    const auto cached = digests_.find(path.string());
    if (cached != digests_.end() && cached->second.first == size) {
        return cached->second.second;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        // The engine reports the missing file itself (LocalIo, needs attention).
        return crypto::Sha256Digest{};
    }
    crypto::Sha256 hasher;
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        hasher.update(std::span(reinterpret_cast<const std::uint8_t*>(buffer.data()),
                                static_cast<std::size_t>(in.gcount())));
    }
    const auto digest = hasher.finish();
    digests_[path.string()] = {size, digest};
    return digest;
}

StoreOutboxRepository::SealedValues StoreOutboxRepository::sealedOf(const OutboxRecord& record)
{
    return {record.uploadUrl, record.lastErrorDetail, record.receipt};
}

Result<OutboxRecord, SyncError>
StoreOutboxRepository::recordFrom(const store::OutboxPlainEntry& plain,
                                  const store::OutboxEntry* unsealed)
{
    const store::OutboxEntry& entry = plain.entry;
    OutboxRecord record;
    record.id = entry.draftId;
    record.submissionId = plain.submissionId;
    record.callId = plain.callId;
    record.fileName = *entry.envelopeName;
    record.envelopePath = (envelopeDir_ / *entry.envelopeName).string();
    record.envelopeSize = *entry.envelopeSize;
    if (entry.envelopeSha256) {
        record.envelopeSha256 = *entry.envelopeSha256;
    } else {
        // Finalized before the table kept it: hashed once, then saved with the next state.
        auto digest = digestOf(record.envelopePath, record.envelopeSize);
        if (!digest) {
            return fail(digest.error());
        }
        record.envelopeSha256 = *digest;
    }
    record.state = fromStore(entry.state);
    record.waitReason = WaitReason::None;
    if (record.state == OutboxState::Waiting) {
        const auto stored =
            entry.waitReason ? parseWaitReasonName(*entry.waitReason) : std::optional<WaitReason>();
        // Rows from before the table kept the reason: backoff when a time is set.
        record.waitReason =
            stored.value_or(entry.nextTryAt ? WaitReason::Backoff : WaitReason::None);
    }
    record.offset = entry.uploadOffset;
    record.attempts = entry.attempts;
    record.nextTryAtMs = entry.nextTryAt;
    record.uploadExpiresAtMs = entry.uploadExpiresAt;
    if (entry.lastErrorCode) {
        record.lastError = parseSyncErrorName(*entry.lastErrorCode);
    }
    if (unsealed) {
        record.uploadUrl = unsealed->uploadUrl;
        record.lastErrorDetail = unsealed->lastErrorDetail.value_or("");
        record.receipt = unsealed->receipt;
    }
    return record;
}

Result<std::vector<OutboxRecord>, SyncError> StoreOutboxRepository::list()
{
    auto plain = store_.outbox().listPlain();
    if (!plain) {
        return storeFailure(plain.error());
    }
    auto unsealed = store_.outbox().list();
    const bool locked = !unsealed && unsealed.error().code == store::StoreErrc::Locked;
    if (!unsealed && !locked) {
        return storeFailure(unsealed.error());
    }
    std::set<std::int64_t> present;
    std::vector<OutboxRecord> records;
    for (const auto& row : *plain) {
        const std::int64_t id = row.entry.draftId;
        present.insert(id);
        if (!row.entry.envelopeName || !row.entry.envelopeSize) {
            continue; // not finalized yet
        }
        const auto known = working_.find(id);
        if (row.hasLockedNote) {
            // Values saved while locked and not merged yet: only this repository's memory
            // has them. Unlocked again, it seals them now (which drops the note).
            if (known == working_.end()) {
                continue; // another process wrote the note: the next unlock merges it
            }
            const OutboxRecord latest = known->second;
            if (!locked) {
                if (auto saved = save(latest); !saved) {
                    return fail(saved.error());
                }
            }
            records.push_back(latest);
            continue;
        }
        if (locked) {
            if (known != working_.end()) {
                records.push_back(known->second); // this repository wrote the row last
                continue;
            }
            if (row.hasUploadUrl || row.hasReceipt) {
                continue; // its upload URL or receipt is sealed: it waits for the unlock
            }
            // Never started: nothing sealed to know, it can be sent from the plain columns.
            auto record = recordFrom(row, nullptr);
            if (!record) {
                return fail(record.error());
            }
            durable_[id] = sealedOf(*record);
            working_[id] = *record;
            records.push_back(std::move(*record));
            continue;
        }
        const auto full = std::find_if(unsealed->begin(), unsealed->end(),
                                       [id](const auto& e) { return e.draftId == id; });
        if (full == unsealed->end()) {
            continue; // finalized between the two reads: seen at the next list
        }
        auto record = recordFrom(row, &*full);
        if (!record) {
            return fail(record.error());
        }
        durable_[id] = sealedOf(*record);
        working_[id] = *record;
        records.push_back(std::move(*record));
    }
    // Deleted drafts leave the working set.
    std::erase_if(working_, [&](const auto& item) { return !present.contains(item.first); });
    std::erase_if(durable_, [&](const auto& item) { return !present.contains(item.first); });
    return records;
}

Result<void, SyncError> StoreOutboxRepository::remove(std::int64_t id)
{
    auto removed = store_.outbox().remove(id);
    if (!removed && removed.error().code != store::StoreErrc::NotFound) {
        return storeFailure(removed.error());
    }
    working_.erase(id);
    durable_.erase(id);
    return {};
}

Result<void, SyncError> StoreOutboxRepository::save(const OutboxRecord& record)
{
    store::OutboxEntry entry;
    entry.draftId = record.id;
    entry.state = toStore(record.state);
    entry.envelopeName = record.fileName;
    entry.envelopeSize = record.envelopeSize;
    if (record.envelopeSha256 != crypto::Sha256Digest{}) {
        entry.envelopeSha256 = record.envelopeSha256;
    }
    entry.waitReason =
        record.state == OutboxState::Waiting && record.waitReason != WaitReason::None
            ? std::optional<std::string>(std::string(waitReasonName(record.waitReason)))
            : std::nullopt;
    entry.uploadUrl = record.uploadUrl;
    entry.uploadOffset = record.offset;
    entry.uploadExpiresAt = record.uploadExpiresAtMs;
    entry.attempts = record.attempts;
    entry.nextTryAt =
        record.state == OutboxState::Waiting && record.waitReason == WaitReason::Backoff
            ? record.nextTryAtMs
            : std::nullopt;
    entry.lastErrorCode =
        record.lastError ? std::optional<std::string>(std::string(syncErrorName(*record.lastError)))
                         : std::nullopt;
    entry.lastErrorDetail = record.lastErrorDetail.empty()
                                ? std::nullopt
                                : std::optional<std::string>(record.lastErrorDetail);
    entry.receipt = record.receipt;

    const SealedValues sealed = sealedOf(record);
    auto saved = store_.outbox().put(entry);
    if (!saved && saved.error().code == store::StoreErrc::Locked && vaultRecipient_) {
        // Locked: the plain columns in place; the sealed values, when they changed since they
        // were last made durable, in a note to the vault's recipient (the upload URL is thus
        // durable before the first byte, as unlocked).
        const auto durable = durable_.find(record.id);
        const bool changed = durable == durable_.end() || !(durable->second == sealed);
        saved = store_.outbox().putWhileLocked(entry, changed ? &*vaultRecipient_ : nullptr);
    }
    if (!saved) {
        return storeFailure(saved.error());
    }
    durable_[record.id] = sealed;
    working_[record.id] = record;
    return {};
}

} // namespace amicus::sync
