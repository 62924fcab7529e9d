#include "system/boot_time_clock.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX) || defined(Q_OS_DARWIN)
#include <time.h>
#endif

namespace amicus::platform {

std::chrono::milliseconds BootTimeClock::now() const
{
#if defined(Q_OS_LINUX) || defined(Q_OS_DARWIN)
#if defined(Q_OS_LINUX) // Android included
    constexpr clockid_t clock = CLOCK_BOOTTIME;
#else
    // Darwin's CLOCK_MONOTONIC goes on while the machine sleeps (CLOCK_UPTIME_RAW does not).
    constexpr clockid_t clock = CLOCK_MONOTONIC;
#endif
    timespec value{};
    if (clock_gettime(clock, &value) == 0) {
        return std::chrono::seconds(value.tv_sec) +
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::nanoseconds(value.tv_nsec));
    }
#endif
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
}

} // namespace amicus::platform
