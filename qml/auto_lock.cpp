#include "auto_lock.h"

#include "app_context.h"
#include "platform_services.h"

#include <algorithm>

namespace amicus::app {

namespace {

#if defined(Q_OS_ANDROID) || defined(Q_OS_IOS)
constexpr bool kUnfocusedCountsAsAway = false;
#else
constexpr bool kUnfocusedCountsAsAway = true;
#endif

// A desktop window loses the focus for a moment to copy a sentence from another document or
// to pick a file in the system's chooser: even "lock at once" waits this long for that.
constexpr std::chrono::milliseconds kShortestUnfocusedDelay = std::chrono::minutes(1);

} // namespace

AutoLock::AutoLock(AppContext& context, std::function<int()> delayMinutes,
                   std::unique_ptr<platform::ElapsedClock> clock, QObject* parent)
    : QObject(parent), context_(context), delayMinutes_(std::move(delayMinutes)),
      clock_(std::move(clock)), unfocusedCountsAsAway_(kUnfocusedCountsAsAway)
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &AutoLock::measureAbsence);
}

std::unique_ptr<platform::ElapsedClock> AutoLock::defaultClock()
{
    return platform::createElapsedClock();
}

void AutoLock::applicationStateChanged(Qt::ApplicationState state)
{
    switch (state) {
    case Qt::ApplicationActive:
        returnedToForeground();
        break;
    case Qt::ApplicationInactive:
        if (unfocusedCountsAsAway_) {
            startAbsence(Absence::Unfocused);
        }
        break;
    case Qt::ApplicationHidden:
    case Qt::ApplicationSuspended:
        startAbsence(Absence::Hidden);
        break;
    }
}

void AutoLock::enteredBackground()
{
    startAbsence(Absence::Hidden);
}

void AutoLock::startAbsence(Absence absence)
{
    // Unfocused, then hidden: the absence began when the focus left, and hiding is the
    // stronger of the two (a zero delay locks now).
    if (!awaySince_) {
        awaySince_ = clock_->now();
        absence_ = absence;
    } else if (absence == Absence::Hidden) {
        absence_ = Absence::Hidden;
    }
    measureAbsence();
}

void AutoLock::returnedToForeground()
{
    timer_.stop();
    // Measured now, not left to the timer: it runs on a clock that stopped while the device
    // slept, so it may not have fired yet after an hour asleep.
    if (awaySince_ && absenceLastedTheDelay()) {
        lockNow();
    }
    awaySince_.reset();
}

void AutoLock::measureAbsence()
{
    if (!awaySince_) {
        return;
    }
    if (absenceLastedTheDelay()) {
        lockNow();
        return;
    }
    const auto left = delay() - (clock_->now() - *awaySince_);
    timer_.start(std::clamp(left, std::chrono::milliseconds(1), recheckInterval_));
}

bool AutoLock::absenceLastedTheDelay() const
{
    const auto away = clock_->now() - *awaySince_;
    // A clock gone backwards (a wall clock set back) cannot say how long it was: lock.
    return away < std::chrono::milliseconds::zero() || away >= delay();
}

std::chrono::milliseconds AutoLock::delay() const
{
    const std::chrono::milliseconds chosen = std::chrono::minutes(std::max(0, delayMinutes_()));
    return absence_ == Absence::Unfocused ? std::max(chosen, kShortestUnfocusedDelay) : chosen;
}

void AutoLock::lockNow()
{
    timer_.stop();
    awaySince_.reset();
    context_.closeSession();
}

} // namespace amicus::app
