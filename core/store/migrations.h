// The numbered schema migrations of the vault database, run in order at start-up.
#pragma once

#include "store/sqlite_db.h"

#include <functional>
#include <span>

namespace amicus::store {

// One schema step: running `sql` on a database at version - 1 brings it to `version`.
struct Migration {
    int version;
    const char* sql;
    // Also needs the vault's key (it seals): run by migrate's `keyedStep`, after `sql` and in
    // the same transaction.
    bool needsKey = false;
};

// Runs the keyed part of migration `version` on `db` inside its transaction. Returns false when
// it cannot run now (the vault is locked): migrating stops before that step, and the database
// stays usable at the version before it, to be migrated at the next opening with the key.
using KeyedMigrationStep = std::function<StoreResult<bool>(Database& db, int version)>;

// Every migration, oldest first; versions are 1, 2, 3, ... without gaps.
[[nodiscard]] std::span<const Migration> migrations();

// The schema version this build writes (the last migration's version).
[[nodiscard]] int latestSchemaVersion();

// Brings the database up to `targetVersion` (each step in its own transaction, together
// with `PRAGMA user_version`), so a crash mid-way leaves it at the last completed step.
// Refuses (NewerVersion) a database whose version is above `targetVersion`, untouched.
[[nodiscard]] StoreResult<void> migrate(Database& db, int targetVersion,
                                        const KeyedMigrationStep& keyedStep = {});

} // namespace amicus::store
