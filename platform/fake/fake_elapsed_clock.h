// FakeElapsedClock: an ElapsedClock that tests move by hand (a night asleep in a second).
#pragma once

#include "elapsed_clock.h"

namespace amicus::platform {

class FakeElapsedClock : public ElapsedClock {
public:
    [[nodiscard]] std::chrono::milliseconds now() const override { return now_; }

    // Moves the clock; a negative step is a wall clock set back by the user.
    void advance(std::chrono::milliseconds step) { now_ += step; }

private:
    std::chrono::milliseconds now_{1'000'000};
};

} // namespace amicus::platform
