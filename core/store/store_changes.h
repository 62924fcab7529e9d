// StoreChange: what a vault connection says after it committed a change, so that whatever shows
// the vault (the app's lists, its review screen) follows by itself instead of being told by
// whoever made the change. A connection announces to the ChangeListener its session gives every
// connection it opens (VaultSession::setChangeListener), on the thread that made the change.
#pragma once

#include <cstdint>

namespace amicus::store {

enum class ChangeKind {
    DraftChanged,  // made, saved (a field, an answer, a file, a choice), copied or finalized
    DraftDeleted,  // gone with its answers, files and outbox entry
    OutboxChanged, // the draft's outbox entry was added, changed or removed
};

struct StoreChange {
    ChangeKind kind = ChangeKind::DraftChanged;
    std::int64_t draftId = 0;
    friend bool operator==(const StoreChange&, const StoreChange&) = default;
};

// Told of every committed change, on the thread of the connection that made it: an
// implementation shared by several connections must be thread-safe. Never called inside a
// transaction, and never for a change that failed.
class ChangeListener {
public:
    ChangeListener() = default;
    ChangeListener(const ChangeListener&) = delete;
    ChangeListener& operator=(const ChangeListener&) = delete;
    virtual ~ChangeListener() = default;

    virtual void changed(const StoreChange& change) = 0;
};

} // namespace amicus::store
