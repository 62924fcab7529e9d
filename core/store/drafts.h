// Drafts: the drafts table and their answers — what autosave writes at each keystroke, what
// the lists and the editor read, and the editable copy of a finalized submission. A view over
// one VaultDatabase connection (cheap to make; use it on the connection's thread).
#pragma once

#include "store/vault_database.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace amicus::store {

class Drafts {
public:
    explicit Drafts(VaultDatabase& db) : db_(&db) {}

    // Each save is one committed transaction; when it returns ok the edit is durable. Once a
    // draft is in the outbox (finalized: its envelope was sealed from what it said then,
    // whether it is waiting, uploading or delivered), every call below that would change it or
    // its answers fails with Finalized and changes nothing.
    [[nodiscard]] StoreResult<std::int64_t> create(std::string_view callId);
    [[nodiscard]] StoreResult<void> saveField(std::int64_t draftId, DraftField field,
                                              std::string_view value);
    [[nodiscard]] StoreResult<void> saveAnswer(std::int64_t draftId, std::string_view questionId,
                                               std::string_view text);
    [[nodiscard]] StoreResult<void> removeAnswer(std::int64_t draftId, std::string_view questionId);
    [[nodiscard]] StoreResult<void> setStatus(std::int64_t draftId, DraftStatus status);
    // The whole draft with its answers and attachments (NotFound when none).
    [[nodiscard]] StoreResult<Draft> get(std::int64_t draftId);
    // Newest first. Opens only the organization of each draft.
    [[nodiscard]] StoreResult<std::vector<DraftSummary>> list();
    // The summary of draft `draftId` alone, as list() gives it (NotFound when none): what a list
    // reads again when a draft changed.
    [[nodiscard]] StoreResult<DraftSummary> summary(std::int64_t draftId);
    // Deletes the draft, its answers, attachments (and their blobs) and outbox entry.
    [[nodiscard]] StoreResult<void> remove(std::int64_t draftId);
    // A new editable draft (status editing, a new submission id) holding a copy of draft
    // `draftId`'s call, language, submitter, publication choice, answers and attachments
    // (their encrypted files copied, smaller copies included), whatever the original's status:
    // what a user changes and sends again when a finalized submission cannot go as it is. The
    // original is not changed. All or nothing. Returns the new draft's id (NotFound when none).
    [[nodiscard]] StoreResult<std::int64_t> copyAsNew(std::int64_t draftId);

private:
    // The new draft's row, unannounced (create() announces; a copy announces once committed).
    [[nodiscard]] StoreResult<std::int64_t> insert(std::string_view callId);
    // The summaries of the drafts `condition` selects (?1 bound to `draftId`), newest first.
    [[nodiscard]] StoreResult<std::vector<DraftSummary>> summariesWhere(std::string_view condition,
                                                                        std::int64_t draftId);

    VaultDatabase* db_;
};

} // namespace amicus::store
