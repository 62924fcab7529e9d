// WithdrawingRepository: an OutboxRepository in front of another that lets the user take
// submissions back (their draft deleted) while the engine may be sending them on another
// thread: a withdrawn submission is no longer listed, and every save of it is refused, so the
// engine stops at its next save (before the first byte of a new upload, after the chunk under
// way otherwise) and can never write it back.
#pragma once

#include "sync/outbox.h"

#include <mutex>
#include <set>
#include <string>

namespace amicus::sync {

class WithdrawingRepository : public OutboxRepository {
public:
    // `inner` must outlive this.
    explicit WithdrawingRepository(OutboxRepository& inner) : inner_(inner) {}

    // Thread-safe. From now on submission `submissionId` is hidden and never saved again; when
    // this returns, no save of it is under way either, so its rows may be deleted at once.
    void withdraw(const std::string& submissionId);
    // Thread-safe: undoes withdraw() when the deletion it prepared failed, so the submission is
    // listed and saved again (the user still sees it waiting).
    void restore(const std::string& submissionId);
    // Thread-safe: whether `submissionId` was withdrawn (and is still in the inner repository).
    [[nodiscard]] bool withdrawn(const std::string& submissionId) const;

    // The inner repository's records without the withdrawn ones. A withdrawn submission the
    // inner repository no longer holds is forgotten here too.
    [[nodiscard]] Result<std::vector<OutboxRecord>, SyncError> list() override;
    // Cancelled (nothing written) for a withdrawn submission; the inner save otherwise.
    [[nodiscard]] Result<void, SyncError> save(const OutboxRecord& record) override;
    // The inner repository's remove (the outbox's own "remove from the outbox").
    [[nodiscard]] Result<void, SyncError> remove(std::int64_t id) override;

private:
    OutboxRepository& inner_;
    mutable std::mutex mutex_; // guards withdrawn_; held through each save
    std::set<std::string> withdrawn_;
};

} // namespace amicus::sync
