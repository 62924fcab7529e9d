#include "running_app_background_sending.h"

#include <QTimer>

namespace amicus::platform {

void RunningAppBackgroundSending::requestSending(bool /*allowMetered*/)
{
    // The metered choice is the outbox engine's own on the desktop: it watches Connectivity.
    requested_ = true;
    if (!running_) {
        grantSoon();
    }
}

void RunningAppBackgroundSending::cancelSending()
{
    requested_ = false;
}

void RunningAppBackgroundSending::finishRun(bool moreToSend)
{
    running_ = false;
    requested_ = moreToSend;
    // What is left is retried by the outbox engine's own timers while the app runs; a new
    // grant would only start the same run again at once.
}

void RunningAppBackgroundSending::grantSoon()
{
    if (grantQueued_) {
        return;
    }
    grantQueued_ = true;
    // Queued, so the caller finishes its own work before the run starts, as on a phone.
    QTimer::singleShot(0, this, [this] {
        grantQueued_ = false;
        if (!requested_ || running_) {
            return;
        }
        running_ = true;
        emit runGranted();
    });
}

} // namespace amicus::platform
