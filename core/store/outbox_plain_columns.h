// The outbox columns stored in the clear, read the same way by OutboxTable::list() (unlocked, with
// the sealed ones after them) and listPlain() (what the sender may read while locked).
#pragma once

#include "store/sqlite_db.h"
#include "store/store_records.h"

namespace amicus::store {

// Selected first, in this order, by both queries over `outbox o`.
inline constexpr const char* outboxPlainColumns =
    "o.draft_id, o.state, o.envelope_name, o.envelope_size, o.upload_offset, o.attempts, "
    "o.next_try_at, o.last_error_code, o.updated_at, o.envelope_sha256, o.wait_reason, "
    "o.upload_expires_at";
// The index of the first column a query selects after them.
inline constexpr int outboxPlainColumnCount = 12;

// Fills the plain fields of `entry` from the current row of `stmt`; Corrupt for an unknown
// state or an envelope hash of the wrong size.
[[nodiscard]] StoreResult<void> readOutboxPlainColumns(const Statement& stmt, OutboxEntry& entry);

} // namespace amicus::store
