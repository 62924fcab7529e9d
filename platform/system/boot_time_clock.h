// BootTimeClock: the OS clock that keeps running while the device sleeps.
#pragma once

#include "elapsed_clock.h"

namespace amicus::platform {

// CLOCK_BOOTTIME on Linux and Android, CLOCK_MONOTONIC on Apple systems (which counts sleep
// there), the wall clock elsewhere.
class BootTimeClock : public ElapsedClock {
public:
    [[nodiscard]] std::chrono::milliseconds now() const override;
};

} // namespace amicus::platform
