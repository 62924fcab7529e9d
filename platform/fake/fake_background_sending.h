// FakeBackgroundSending: a BackgroundSending whose OS a test plays: it grants a run by hand
// (grant()), as WorkManager or BGTaskScheduler would once a network appears.
#pragma once

#include "background_sending.h"

#include <QList>

namespace amicus::platform {

class FakeBackgroundSending : public BackgroundSending {
    Q_OBJECT

public:
    explicit FakeBackgroundSending(bool continuesAfterExit = true, QObject* parent = nullptr)
        : BackgroundSending(parent), continuesAfterExit_(continuesAfterExit)
    {
    }

    [[nodiscard]] bool continuesAfterExit() const override { return continuesAfterExit_; }
    void requestSending(bool allowMetered) override
    {
        requested_ = true;
        allowMetered_ = allowMetered;
        ++requestCount_;
    }
    void cancelSending() override { requested_ = false; }
    [[nodiscard]] bool sendingRequested() const override { return requested_; }
    void finishRun(bool moreToSend) override
    {
        running_ = false;
        requested_ = moreToSend;
        finishedRuns_.append(moreToSend);
    }

    // The OS grants a run: only while a request stands and no run is going, as a real
    // scheduler does. Returns whether it granted one.
    bool grant()
    {
        if (!requested_ || running_) {
            return false;
        }
        running_ = true;
        emit runGranted();
        return true;
    }

    [[nodiscard]] bool allowMetered() const { return allowMetered_; }
    [[nodiscard]] int requestCount() const { return requestCount_; }
    [[nodiscard]] bool running() const { return running_; }
    // The `moreToSend` of each finished run, oldest first.
    [[nodiscard]] const QList<bool>& finishedRuns() const { return finishedRuns_; }

private:
    bool continuesAfterExit_;
    bool requested_ = false;
    bool allowMetered_ = false;
    bool running_ = false;
    int requestCount_ = 0;
    QList<bool> finishedRuns_;
};

} // namespace amicus::platform
