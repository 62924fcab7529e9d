#include "sync/withdrawing_repository.h"

#include <algorithm>

namespace amicus::sync {

void WithdrawingRepository::withdraw(const std::string& submissionId)
{
    // Taking the lock waits for a save under way (saves hold it), so none follows this.
    std::lock_guard lock(mutex_);
    withdrawn_.insert(submissionId);
}

void WithdrawingRepository::restore(const std::string& submissionId)
{
    std::lock_guard lock(mutex_);
    withdrawn_.erase(submissionId);
}

bool WithdrawingRepository::withdrawn(const std::string& submissionId) const
{
    std::lock_guard lock(mutex_);
    return withdrawn_.contains(submissionId);
}

Result<std::vector<OutboxRecord>, SyncError> WithdrawingRepository::list()
{
    auto records = inner_.list();
    if (!records) {
        return records;
    }
    std::lock_guard lock(mutex_);
    std::set<std::string> present;
    for (const auto& record : *records) {
        present.insert(record.submissionId);
    }
    // Gone from the inner repository (the draft was deleted): nothing left to hide.
    std::erase_if(withdrawn_, [&](const std::string& id) { return !present.contains(id); });
    std::erase_if(*records, [this](const OutboxRecord& record) {
        return withdrawn_.contains(record.submissionId);
    });
    return records;
}

Result<void, SyncError> WithdrawingRepository::save(const OutboxRecord& record)
{
    std::lock_guard lock(mutex_);
    if (withdrawn_.contains(record.submissionId)) {
        return fail(SyncError{SyncErrorCode::Cancelled, 0, "the submission was withdrawn"});
    }
    return inner_.save(record);
}

Result<void, SyncError> WithdrawingRepository::remove(std::int64_t id)
{
    std::lock_guard lock(mutex_);
    return inner_.remove(id);
}

} // namespace amicus::sync
