#include "sync/outbox_sender.h"

#include "store/data_layout.h"

#include <chrono>
#include <utility>

namespace amicus::sync {

namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::uint64_t freshSeed()
{
    std::random_device seed;
    return (static_cast<std::uint64_t>(seed()) << 32) | seed();
}

} // namespace

store::StoreResult<std::unique_ptr<OutboxSender>>
OutboxSender::open(const std::filesystem::path& dataDir, const crypto::FieldSealer& sealer,
                   const crypto::X25519Recipient& vaultRecipient, const calls::Catalog& catalog,
                   const EndpointOverrides& overrides)
{
    auto blobs = std::make_unique<store::AgeBlobEncryptor>(vaultRecipient);
    // A connection of its own: SQLite transactions must not interleave with another thread's.
    auto store = store::VaultStore::open(store::DataLayout::storePaths(dataDir), sealer, *blobs);
    if (!store) {
        return fail(store.error());
    }
    return std::unique_ptr<OutboxSender>(new OutboxSender(
        std::move(blobs), std::move(*store), dataDir, vaultRecipient, catalog, overrides));
}

OutboxSender::OutboxSender(std::unique_ptr<store::AgeBlobEncryptor> blobs, store::VaultStore store,
                           const std::filesystem::path& dataDir,
                           const crypto::X25519Recipient& vaultRecipient,
                           const calls::Catalog& catalog, const EndpointOverrides& overrides)
    : blobs_(std::move(blobs)), store_(std::move(store)),
      stored_(store_, store::DataLayout::outboxDir(dataDir), vaultRecipient), repository_(stored_),
      endpoints_(catalog), random_(freshSeed()),
      engine_(repository_, endpoints_, nowMs, [this] { return random_(); })
{
    if (overrides.creationUrl) {
        endpoints_.overrideCreationUrl(*overrides.creationUrl);
    }
    if (overrides.receiptKey) {
        endpoints_.overrideReceiptKey(*overrides.receiptKey);
    }
    if (!overrides.caFile.empty()) {
        endpoints_.setCaFile(overrides.caFile);
    }
    if (overrides.sendToClosedCalls) {
        endpoints_.sendToClosedCalls();
    }
}

} // namespace amicus::sync
