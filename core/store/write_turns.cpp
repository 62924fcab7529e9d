#include "store/write_turns.h"

#include <condition_variable>
#include <map>
#include <mutex>

namespace amicus::store {

namespace {

struct Turns {
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::string, int> urgentWaiting; // by database file
};

Turns& turns()
{
    static Turns instance;
    return instance;
}

} // namespace

WriteTurns::Urgent::Urgent(std::string file) : file_(std::move(file))
{
    Turns& all = turns();
    const std::lock_guard lock(all.mutex);
    ++all.urgentWaiting[file_];
}

WriteTurns::Urgent::~Urgent()
{
    Turns& all = turns();
    {
        const std::lock_guard lock(all.mutex);
        auto waiting = all.urgentWaiting.find(file_);
        if (--waiting->second == 0) {
            all.urgentWaiting.erase(waiting);
        }
    }
    all.changed.notify_all();
}

void WriteTurns::yieldToUrgent(const std::string& file, std::chrono::milliseconds limit)
{
    Turns& all = turns();
    std::unique_lock lock(all.mutex);
    all.changed.wait_for(lock, limit, [&] { return all.urgentWaiting.count(file) == 0; });
}

} // namespace amicus::store
