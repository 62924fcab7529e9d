#include "draft_deletion.h"

#include "app_context.h"
#include "submission/draft_finalizer.h"
#include "sync_service.h"

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

namespace amicus::app {

DraftDeletion deleteDraft(AppContext& context, SyncService* sender, std::int64_t draftId)
{
    auto* session = context.session();
    if (!session) {
        return DraftDeletion::Failed;
    }
    store::VaultStore& drafts = session->store();
    auto draft = drafts.drafts().get(draftId);
    if (!draft) {
        return DraftDeletion::Failed;
    }
    auto entry = drafts.outbox().entry(draftId);
    const std::optional<std::string> uploadToEnd =
        entry && entry->state != store::OutboxState::Delivered ? entry->uploadUrl : std::nullopt;
    if (entry && sender) {
        // Stopped first: once withdrawn, the sending thread neither sends nor saves it.
        sender->withdraw(draftId, draft->submissionId, draft->callId, uploadToEnd);
    }
    if (!drafts.drafts().remove(draftId)) {
        // Still there (a full disk, say): it goes on being sent as before.
        if (entry && sender) {
            sender->unwithdraw(draft->submissionId, uploadToEnd);
        }
        return DraftDeletion::Failed;
    }
    if (entry && entry->envelopeName) {
        // The envelope is sealed to the secretariat, but nothing of a deleted draft stays.
        std::error_code ignored;
        std::filesystem::remove(
            store::DataLayout::outboxDir(context.dataDir()) / *entry->envelopeName, ignored);
    }
    return entry ? DraftDeletion::DeletedEntry : DraftDeletion::Deleted;
}

} // namespace amicus::app
