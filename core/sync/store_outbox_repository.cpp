#include "sync/store_outbox_repository.h"

#include <fstream>
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

Result<std::vector<OutboxRecord>, SyncError> StoreOutboxRepository::list()
{
    auto entries = store_.listOutbox();
    if (!entries) {
        return storeFailure(entries.error());
    }
    std::vector<OutboxRecord> records;
    for (const auto& entry : *entries) {
        if (!entry.envelopeName || !entry.envelopeSize) {
            continue; // not finalized yet
        }
        auto draft = store_.draft(entry.draftId);
        if (!draft) {
            return storeFailure(draft.error());
        }
        OutboxRecord record;
        record.id = entry.draftId;
        record.submissionId = draft->submissionId;
        record.callId = draft->callId;
        record.fileName = *entry.envelopeName;
        record.envelopePath = (envelopeDir_ / *entry.envelopeName).string();
        record.envelopeSize = *entry.envelopeSize;
        auto digest = digestOf(record.envelopePath, record.envelopeSize);
        if (!digest) {
            return fail(digest.error());
        }
        record.envelopeSha256 = *digest;
        record.state = fromStore(entry.state);
        record.waitReason = record.state == OutboxState::Waiting && entry.nextTryAt
                                ? WaitReason::Backoff
                                : WaitReason::None;
        record.uploadUrl = entry.uploadUrl;
        record.offset = entry.uploadOffset;
        record.attempts = entry.attempts;
        record.nextTryAtMs = entry.nextTryAt;
        if (entry.lastErrorCode) {
            record.lastError = parseSyncErrorName(*entry.lastErrorCode);
        }
        record.lastErrorDetail = entry.lastErrorDetail.value_or("");
        record.receipt = entry.receipt;
        records.push_back(std::move(record));
    }
    return records;
}

Result<void, SyncError> StoreOutboxRepository::save(const OutboxRecord& record)
{
    auto existing = store_.outboxEntry(record.id);
    if (!existing) {
        return storeFailure(existing.error());
    }
    store::OutboxEntry entry = *existing;
    entry.state = toStore(record.state);
    entry.uploadUrl = record.uploadUrl;
    entry.uploadOffset = record.offset;
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
    if (auto saved = store_.putOutboxEntry(entry); !saved) {
        return storeFailure(saved.error());
    }
    return {};
}

} // namespace amicus::sync
