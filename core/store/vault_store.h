// VaultStore: the encrypted vault database of drafts, attachments, outbox, cached calls and
// settings, as one connection. Every personal value is sealed with the vault's FieldSealer;
// every save is one transaction that survives kill -9 and power loss once the call has
// returned. The tables are views: store.drafts().saveAnswer(...), store.outbox().list().
//
// One connection, used only on the thread that opened it (checked in debug builds, see
// OwnerThread in sqlite_db.h); another thread opens a connection of its own.
#pragma once

#include "store/attachments.h"
#include "store/drafts.h"
#include "store/outbox_table.h"
#include "store/settings.h"
#include "store/vault_database.h"

#include <memory>

namespace amicus::store {

class VaultStore {
public:
    // VaultDatabase::open, then a sweep of orphan blobs older than an hour (best effort).
    [[nodiscard]] static StoreResult<VaultStore> open(const StorePaths& paths,
                                                      const crypto::FieldSealer& sealer,
                                                      const BlobEncryptor& blobs,
                                                      StoreOptions options = {});

    [[nodiscard]] Drafts drafts() const { return Drafts(*db_); }
    [[nodiscard]] Attachments attachments() const { return Attachments(*db_); }
    [[nodiscard]] OutboxTable outbox() const { return OutboxTable(*db_); }
    [[nodiscard]] Settings settings() const { return Settings(*db_); }
    [[nodiscard]] VaultDatabase& database() const { return *db_; }

    // Hands the connection to another thread, which owns it from its first use on: for a store
    // opened on a worker for the thread that will use it. The opener must not touch it again.
    void releaseThread() { db_->db().releaseThread(); }

    [[nodiscard]] StoreResult<int> schemaVersion() { return db_->schemaVersion(); }
    [[nodiscard]] StoreResult<std::int64_t> pragmaValue(std::string_view name)
    {
        return db_->pragmaValue(name);
    }
    [[nodiscard]] StoreResult<void> checkIntegrity() { return db_->checkIntegrity(); }

private:
    explicit VaultStore(std::unique_ptr<VaultDatabase> db) : db_(std::move(db)) {}

    // Owned through a pointer so that the views (and a store moved elsewhere) stay valid.
    std::unique_ptr<VaultDatabase> db_;
};

} // namespace amicus::store
