// StoreOutboxRepository: the OutboxRepository of the app, over the vault store's outbox table
// (store/outbox_table.h), so outbox state lives sealed in the same SQLite file as the drafts.
//
// It keeps going after the vault locks (README, "Sending while locked"): it holds in memory
// the last record of each entry it has read or saved (the working set: envelope, ids, upload
// URL, offset), and while the store cannot seal it saves the plain columns in place and the
// sealed values (upload URL, error detail, receipt) as a note encrypted to the vault's own
// recipient, which the next unlock merges back (VaultSession::open).
#pragma once

#include "crypto/age_keys.h"
#include "store/vault_store.h"
#include "sync/outbox.h"

#include <filesystem>
#include <map>
#include <optional>

namespace amicus::sync {

class StoreOutboxRepository : public OutboxRepository {
public:
    // `store` must outlive this. Envelopes are files named by the entry under `envelopeDir`.
    // Without `vaultRecipient`, saving while the vault is locked fails (LocalIo) as before;
    // with it, the repository sends on while locked.
    StoreOutboxRepository(store::VaultStore& store, std::filesystem::path envelopeDir,
                          std::optional<crypto::X25519Recipient> vaultRecipient = std::nullopt)
        : store_(store), envelopeDir_(std::move(envelopeDir)),
          vaultRecipient_(std::move(vaultRecipient))
    {
    }

    // Entries with an envelope, by draft id (the record id is the draft id). While locked:
    // the entries of the working set, plus those that never had an upload URL; an entry whose
    // sealed upload URL was never seen by this repository waits for the next unlock.
    [[nodiscard]] Result<std::vector<OutboxRecord>, SyncError> list() override;
    // Updates the entry of record.id; it must exist (finalize creates it). Durable when it
    // returns, locked or not.
    [[nodiscard]] Result<void, SyncError> save(const OutboxRecord& record) override;
    // Deletes the entry's row (and any note saved while locked) and forgets it; the draft
    // stays. Needs no key: it works while locked too.
    [[nodiscard]] Result<void, SyncError> remove(std::int64_t id) override;

    // How many entries the repository holds in memory (tests).
    [[nodiscard]] std::size_t workingSetSize() const { return working_.size(); }

private:
    // The values the store seals, as last made durable (in the columns or in a locked note).
    struct SealedValues {
        std::optional<std::string> uploadUrl;
        std::string lastErrorDetail;
        std::optional<std::string> receipt;
        friend bool operator==(const SealedValues&, const SealedValues&) = default;
    };
    [[nodiscard]] static SealedValues sealedOf(const OutboxRecord& record);
    [[nodiscard]] Result<crypto::Sha256Digest, SyncError>
    digestOf(const std::filesystem::path& path, std::uint64_t size);
    [[nodiscard]] Result<OutboxRecord, SyncError> recordFrom(const store::OutboxPlainEntry& plain,
                                                             const store::OutboxEntry* unsealed);

    store::VaultStore& store_;
    std::filesystem::path envelopeDir_;
    std::optional<crypto::X25519Recipient> vaultRecipient_;
    std::map<std::string, std::pair<std::uint64_t, crypto::Sha256Digest>> digests_;
    std::map<std::int64_t, OutboxRecord> working_;
    std::map<std::int64_t, SealedValues> durable_;
};

} // namespace amicus::sync
