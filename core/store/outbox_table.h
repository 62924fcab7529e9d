// OutboxTable: the sending state of each finalized draft (the outbox table), with its sealed
// values (upload URL, error detail, receipt) and the notes the sender writes while the vault is
// locked. A view over one VaultDatabase connection (cheap to make; use it on the connection's
// thread).
#pragma once

#include "crypto/age_keys.h"
#include "store/vault_database.h"

#include <cstdint>
#include <vector>

namespace amicus::store {

class OutboxTable {
public:
    explicit OutboxTable(VaultDatabase& db) : db_(&db) {}

    // Creates or replaces the entry of entry.draftId (NotFound when there is no such draft);
    // also drops the entry's locked note: the values given are newer.
    [[nodiscard]] StoreResult<void> put(const OutboxEntry& entry);
    [[nodiscard]] StoreResult<OutboxEntry> entry(std::int64_t draftId);
    [[nodiscard]] StoreResult<std::vector<OutboxEntry>> list();
    // The outbox without opening any sealed value: works while the vault is locked.
    [[nodiscard]] StoreResult<std::vector<OutboxPlainEntry>> listPlain();
    // Saves an entry while the vault is locked (the sender goes on after locking): its plain
    // columns in place and, when `noteRecipient` is given, its sealed values (upload URL, error
    // detail, receipt) as one note encrypted to that recipient (the vault's own), replacing the
    // entry's earlier note, in one transaction. The sealed columns keep their older values until
    // mergeLockedNotes. NotFound when the entry does not exist.
    [[nodiscard]] StoreResult<void> putWhileLocked(const OutboxEntry& entry,
                                                   const crypto::X25519Recipient* noteRecipient);
    // At unlock: opens each locked note with `identity`, seals its values into its entry's
    // columns and deletes it, in one transaction; returns how many were merged. A note that does
    // not open (damaged, or moved to another entry) is dropped: the sender then asks the
    // endpoint again, which answers by submission id, so nothing is sent twice.
    [[nodiscard]] StoreResult<int> mergeLockedNotes(const crypto::AgeIdentity& identity);
    // Takes draft `draftId` out of the outbox: deletes its entry and any note saved while
    // locked, in one transaction; the draft itself stays as it is. Needs no key. NotFound when
    // the draft has no entry.
    [[nodiscard]] StoreResult<void> remove(std::int64_t draftId);

private:
    VaultDatabase* db_;
};

} // namespace amicus::store
