// OutboxSender: the outbox sender of one data directory, put together one way for the app's
// SyncService (on its worker thread) and for `amicusctl sync`: a store connection of its own,
// the outbox table with the envelopes under DataLayout::outboxDir (sending on while the vault is
// locked), the user's withdrawals stopping a transfer at once, the catalog's endpoints with the
// overrides of a local endpoint, and the engine on the system clock with random jitter.
#pragma once

#include "calls/catalog.h"
#include "crypto/age_keys.h"
#include "crypto/field_sealer.h"
#include "store/age_blob_encryptor.h"
#include "store/vault_store.h"
#include "sync/catalog_endpoints.h"
#include "sync/outbox_engine.h"
#include "sync/store_outbox_repository.h"
#include "sync/withdrawing_repository.h"

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>

namespace amicus::sync {

// What a local or test endpoint changes in the catalog's endpoints (CatalogEndpoints).
struct EndpointOverrides {
    std::optional<std::string> creationUrl;
    std::optional<std::array<std::uint8_t, 32>> receiptKey;
    std::string caFile; // empty: the system's trust store
    bool sendToClosedCalls = false;
};

class OutboxSender {
public:
    // Opens the sender's own store connection, for the calling thread (the thread that then
    // runs the engine), sealed through `sealer`. `sealer` and `catalog` must outlive the sender;
    // `vaultRecipient` seals what is learnt while the sealer says Locked (merged at unlock).
    [[nodiscard]] static store::StoreResult<std::unique_ptr<OutboxSender>>
    open(const std::filesystem::path& dataDir, const crypto::FieldSealer& sealer,
         const crypto::X25519Recipient& vaultRecipient, const calls::Catalog& catalog,
         const EndpointOverrides& overrides = {});

    OutboxSender(const OutboxSender&) = delete;
    OutboxSender& operator=(const OutboxSender&) = delete;

    [[nodiscard]] OutboxEngine& engine() { return engine_; }
    // Where the engine sends; useCatalog() follows a refreshed catalog between runs.
    [[nodiscard]] CatalogEndpoints& endpoints() { return endpoints_; }
    // The outbox as the engine sees it: withdraw() takes a submission back while it is sent.
    [[nodiscard]] WithdrawingRepository& repository() { return repository_; }

private:
    OutboxSender(std::unique_ptr<store::AgeBlobEncryptor> blobs, store::VaultStore store,
                 const std::filesystem::path& dataDir,
                 const crypto::X25519Recipient& vaultRecipient, const calls::Catalog& catalog,
                 const EndpointOverrides& overrides);

    std::unique_ptr<store::AgeBlobEncryptor> blobs_; // the store points at it
    store::VaultStore store_;
    StoreOutboxRepository stored_;
    WithdrawingRepository repository_;
    CatalogEndpoints endpoints_;
    std::mt19937_64 random_;
    OutboxEngine engine_;
};

} // namespace amicus::sync
