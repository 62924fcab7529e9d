// StoreOutboxRepository: the OutboxRepository of the app, over the vault store's outbox table
// (store/draft_store.h), so outbox state lives sealed in the same SQLite file as the drafts.
//
// The table lacks three things the engine keeps (see the sync report): the envelope's SHA-256
// (recomputed here from the file once per process, then cached), the wait reason (Backoff is
// inferred from next_try_at; other reasons are re-derived by the engine at each run) and the
// upload's expiry time (dropped: the engine then learns of expiry from the server's 410).
#pragma once

#include "store/draft_store.h"
#include "sync/outbox.h"

#include <filesystem>
#include <map>

namespace amicus::sync {

class StoreOutboxRepository : public OutboxRepository {
public:
    // `store` must outlive this. Envelopes are files named by the entry under `envelopeDir`.
    StoreOutboxRepository(store::DraftStore& store, std::filesystem::path envelopeDir)
        : store_(store), envelopeDir_(std::move(envelopeDir))
    {
    }

    // Entries with an envelope, by draft id (the record id is the draft id).
    [[nodiscard]] Result<std::vector<OutboxRecord>, SyncError> list() override;
    // Updates the entry of record.id; it must exist (finalize creates it).
    [[nodiscard]] Result<void, SyncError> save(const OutboxRecord& record) override;

private:
    [[nodiscard]] Result<crypto::Sha256Digest, SyncError>
    digestOf(const std::filesystem::path& path, std::uint64_t size);

    store::DraftStore& store_;
    std::filesystem::path envelopeDir_;
    std::map<std::string, std::pair<std::uint64_t, crypto::Sha256Digest>> digests_;
};

} // namespace amicus::sync
