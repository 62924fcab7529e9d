// Deleting a draft the user chose to delete, whatever stage it is at. One in the outbox goes
// with its entry, receipt and envelope, and its sending is stopped first (SyncService::withdraw)
// so that it never leaves afterwards; if the deletion then fails, it is sent again as before.
#pragma once

#include <cstdint>

namespace amicus::app {

class AppContext;
class SyncService;

// What deleteDraft did, for the notifier.
enum class DraftDeletion {
    Failed,       // locked, no such draft, or the store refused (the draft is still there)
    Deleted,      // the draft is gone; it was never in the outbox
    DeletedEntry, // the draft is gone with its outbox entry
};

// Deletes draft `draftId` of `context`'s open session. `sender` is null when nothing sends.
[[nodiscard]] DraftDeletion deleteDraft(AppContext& context, SyncService* sender,
                                        std::int64_t draftId);

} // namespace amicus::app
