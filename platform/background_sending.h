// BackgroundSending: asking the OS for time to send the outbox while the app is not in front
// (Android WorkManager, iOS BGTaskScheduler; docs/mobile.md). On the desktop the running app
// is that time: a request is granted at once and lasts as long as the app runs.
#pragma once

#include <QObject>

namespace amicus::platform {

// One implementation per OS, a fake for tests. The outbox asks when it holds something to send
// and withdraws when it is empty; it sends whenever runGranted() arrives.
class BackgroundSending : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~BackgroundSending() override = default;

    // True when the OS wakes the app to send after it left the screen or was closed (phones);
    // false when only the running app sends (the desktop).
    [[nodiscard]] virtual bool continuesAfterExit() const = 0;

    // Submissions wait: ask for time to send them once a network is there (on a metered one
    // too when `allowMetered`). A new request replaces the previous one.
    virtual void requestSending(bool allowMetered) = 0;
    // Nothing waits any more: withdraw the request.
    virtual void cancelSending() = 0;
    [[nodiscard]] virtual bool sendingRequested() const = 0;

    // The run that runGranted() started is over; `moreToSend` keeps the request standing.
    virtual void finishRun(bool moreToSend) = 0;

signals:
    // The OS grants time now: run the outbox, then call finishRun().
    void runGranted();
};

} // namespace amicus::platform
