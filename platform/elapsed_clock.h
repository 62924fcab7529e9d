// ElapsedClock: measures how long the app was away, counting the time the device slept.
#pragma once

#include <chrono>

namespace amicus::platform {

// A clock for durations that include suspend. Qt's QElapsedTimer, QDeadlineTimer and QTimer
// all run on CLOCK_MONOTONIC on Linux and Android, which stops while the device sleeps: an
// hour asleep in a pocket would count as nothing.
class ElapsedClock {
public:
    virtual ~ElapsedClock() = default;

    // Time since an origin fixed for the life of the process, including any time the device
    // spent asleep. Never decreases on Linux, Android and Apple systems; elsewhere it is the
    // wall clock, which the user can set back, so callers must treat a decrease as unknown.
    [[nodiscard]] virtual std::chrono::milliseconds now() const = 0;
};

} // namespace amicus::platform
