// The numbered schema migrations of the vault database, run in order at start-up.
#pragma once

#include "store/sqlite_db.h"

#include <span>

namespace amicus::store {

// One schema step: running `sql` on a database at version - 1 brings it to `version`.
struct Migration {
    int version;
    const char* sql;
};

// Every migration, oldest first; versions are 1, 2, 3, ... without gaps.
[[nodiscard]] std::span<const Migration> migrations();

// The schema version this build writes (the last migration's version).
[[nodiscard]] int latestSchemaVersion();

// Brings the database up to `targetVersion` (each step in its own transaction, together
// with `PRAGMA user_version`), so a crash mid-way leaves it at the last completed step.
// Refuses (NewerVersion) a database whose version is above `targetVersion`, untouched.
[[nodiscard]] StoreResult<void> migrate(Database& db, int targetVersion);

} // namespace amicus::store
