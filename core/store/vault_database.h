// VaultDatabase: one connection to the vault's SQLite file with what every table of the store
// needs — the vault's field sealer, the blob encryptor, the clock, the schema migrations run at
// opening, and the rule that a draft in the outbox no longer changes. The tables (Drafts,
// Attachments, OutboxTable, Settings) are views over it; VaultStore bundles them.
#pragma once

#include "crypto/field_sealer.h"
#include "store/blob_encryptor.h"
#include "store/sqlite_db.h"
#include "store/store_changes.h"
#include "store/store_records.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::store {

class VaultDatabase {
public:
    // Opens (creating if missing) the database, refuses a newer schema (NewerVersion) or a
    // damaged file (Corrupt) without changing it, sets WAL, synchronous=FULL, foreign keys,
    // secure_delete and in-memory temp storage, then runs pending migrations. `sealer` and
    // `blobs` must outlive it; when the vault locks, sealing fails with Locked.
    [[nodiscard]] static StoreResult<std::unique_ptr<VaultDatabase>>
    open(const StorePaths& paths, const crypto::FieldSealer& sealer, const BlobEncryptor& blobs,
         StoreOptions options);

    VaultDatabase(const VaultDatabase&) = delete;
    VaultDatabase& operator=(const VaultDatabase&) = delete;

    [[nodiscard]] Database& db() { return db_; }
    [[nodiscard]] const StorePaths& paths() const { return paths_; }
    [[nodiscard]] const BlobEncryptor& blobs() const { return *blobs_; }
    [[nodiscard]] std::int64_t now() const { return options_.clock(); }

    // Seals a value bound to `place` (sealingPlace: table/column/row); Locked when the vault is.
    [[nodiscard]] StoreResult<std::vector<std::uint8_t>> seal(std::span<const std::uint8_t> plain,
                                                              const std::string& place) const;
    [[nodiscard]] StoreResult<std::vector<std::uint8_t>> seal(std::string_view plaintext,
                                                              const std::string& place) const;
    // Corrupt when the value does not open at `place`; Locked when the vault is.
    [[nodiscard]] StoreResult<std::string> unseal(const std::vector<std::uint8_t>& sealed,
                                                  const std::string& place) const;
    // The sealed column `column` of the current row, opened; empty when NULL.
    [[nodiscard]] StoreResult<std::optional<std::string>>
    unsealColumn(const Statement& row, int column, const std::string& place) const;

    // Who hears of this connection's committed changes (nullptr: nobody); see store_changes.h.
    void setChangeListener(ChangeListener* listener) { listener_ = listener; }
    // Tells the listener that draft `draftId` changed as `kind` says: after the commit, never
    // inside a transaction. `result` (the committed change) is passed through; a failed one
    // is not announced.
    template <typename T>
    [[nodiscard]] StoreResult<T> announced(StoreResult<T> result, ChangeKind kind,
                                           std::int64_t draftId) const
    {
        if (result) {
            announce(kind, draftId);
        }
        return result;
    }
    void announce(ChangeKind kind, std::int64_t draftId) const;

    // Ok when draft `draftId` may still change; Finalized once it is in the outbox (its envelope
    // was sealed from what it says), NotFound when there is no such draft.
    [[nodiscard]] StoreResult<void> requireEditable(std::int64_t draftId);
    // Sets the draft's updated_at; NotFound when there is no such draft.
    [[nodiscard]] StoreResult<void> touchDraft(std::int64_t draftId, std::int64_t when);

    [[nodiscard]] StoreResult<int> schemaVersion();
    // Reads a connection setting such as "synchronous" or "foreign_keys" (diagnostics, tests).
    [[nodiscard]] StoreResult<std::int64_t> pragmaValue(std::string_view name);
    // Checks the whole file (PRAGMA integrity_check); ok when SQLite says "ok".
    [[nodiscard]] StoreResult<void> checkIntegrity();

private:
    VaultDatabase(Database db, StorePaths paths, const crypto::FieldSealer& sealer,
                  const BlobEncryptor& blobs, StoreOptions options);

    Database db_;
    StorePaths paths_;
    const crypto::FieldSealer* sealer_;
    const BlobEncryptor* blobs_;
    StoreOptions options_;
    ChangeListener* listener_ = nullptr;
};

} // namespace amicus::store
