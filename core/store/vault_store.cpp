#include "store/vault_store.h"

namespace amicus::store {

StoreResult<VaultStore> VaultStore::open(const StorePaths& paths, const crypto::FieldSealer& sealer,
                                         const BlobEncryptor& blobs, StoreOptions options)
{
    auto db = VaultDatabase::open(paths, sealer, blobs, std::move(options));
    if (!db) {
        return fail(db.error());
    }
    VaultStore store(std::move(*db));
    // Best effort: leftovers of a crash mid-import only waste space, they hold no plain text.
    (void)store.attachments().sweepOrphans(std::chrono::hours(1));
    return store;
}

} // namespace amicus::store
