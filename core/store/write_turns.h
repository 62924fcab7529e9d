// WriteTurns: who may take the write lock of a database file next, among the connections of
// this process. SQLite's busy handler polls: a writer that commits back to back on another
// connection (autosave while the user types, the sender saving its offset) frees the lock only
// for microseconds between its transactions, and a waiting writer can miss every gap for the
// whole busy timeout. A write that must not be lost that way (finalize's last writes, which
// record the outbox entry and lock the draft) is marked urgent: while it waits, the other
// connections of this process wait at their next BEGIN (at most `kYieldLimit`), so it gets the
// lock at the end of the transaction under way. Another process does not take turns; against
// it, the urgent writer retries SQLITE_BUSY with a bounded back-off (Transaction::begin).
#pragma once

#include <chrono>
#include <string>

namespace amicus::store {

class WriteTurns {
public:
    // The longest an ordinary writer waits for urgent ones before it tries anyway: a bound,
    // so a stuck urgent writer slows the others but never stops them.
    static constexpr std::chrono::milliseconds kYieldLimit{5000};

    // Marks an urgent writer on `file` as waiting for the lock, until destroyed.
    class Urgent {
    public:
        explicit Urgent(std::string file);
        ~Urgent();
        Urgent(const Urgent&) = delete;
        Urgent& operator=(const Urgent&) = delete;

    private:
        std::string file_;
    };

    // Waits while an urgent writer on `file` waits for the lock (at most `limit`).
    static void yieldToUrgent(const std::string& file, std::chrono::milliseconds limit);
};

} // namespace amicus::store
