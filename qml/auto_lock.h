// AutoLock: locks the vault when the app has been away for the chosen delay, so a phone left
// unlocked on a table, or asleep in a pocket, does not leave drafts readable.
#pragma once

#include "elapsed_clock.h"

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace amicus::app {

class AppContext;

class AutoLock : public QObject {
    Q_OBJECT

public:
    // `delayMinutes` is asked again at every check (the setting may change meanwhile); the
    // absence is measured on `clock`, which must count the time the device sleeps.
    // Locks `context`'s session.
    AutoLock(AppContext& context, std::function<int()> delayMinutes,
             std::unique_ptr<platform::ElapsedClock> clock = defaultClock(),
             QObject* parent = nullptr);

    // The OS clock that counts sleep (platform::createElapsedClock()).
    static std::unique_ptr<platform::ElapsedClock> defaultClock();

    // What an application state (AppPresence passes each one on) means for the lock: Active
    // ends an absence (locking if it lasted the delay), Hidden and Suspended start one,
    // Inactive starts one only where unfocused windows count (see setUnfocusedCountsAsAway).
    void applicationStateChanged(Qt::ApplicationState state);

    // Whether a window that lost the focus (Inactive) counts as away. True on desktops, where a
    // window left behind others is as unattended as a hidden one; false on phones, where
    // Inactive is a passing state (the notification shade, the app switcher, a call).
    void setUnfocusedCountsAsAway(bool counts) { unfocusedCountsAsAway_ = counts; }
    // How often, at most, the absence is measured again while it lasts. Timers run on a clock
    // that stops in sleep, so after a night asleep a single timer for the delay would only fire
    // the delay after waking; checking again bounds that lag.
    void setRecheckInterval(std::chrono::milliseconds interval) { recheckInterval_ = interval; }

    // The app was hidden or suspended: starts counting (locks at once for a zero delay).
    void enteredBackground();
    // The app is back in front: locks if it was away for the delay, then stops counting.
    void returnedToForeground();

private:
    enum class Absence { Unfocused, Hidden };

    void startAbsence(Absence absence);
    // Locks if the absence has lasted its delay, else checks again later.
    void measureAbsence();
    [[nodiscard]] bool absenceLastedTheDelay() const;
    [[nodiscard]] std::chrono::milliseconds delay() const;
    void lockNow();

    AppContext& context_;
    std::function<int()> delayMinutes_;
    std::unique_ptr<platform::ElapsedClock> clock_;
    bool unfocusedCountsAsAway_;
    std::chrono::milliseconds recheckInterval_ = std::chrono::minutes(1);
    QTimer timer_;
    // When the current absence began on clock_, and how the app is away.
    std::optional<std::chrono::milliseconds> awaySince_;
    Absence absence_ = Absence::Hidden;
};

} // namespace amicus::app
