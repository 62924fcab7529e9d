// RunningAppBackgroundSending: the desktop's BackgroundSending. The app is not suspended while
// its window is hidden, so a request is granted at once (on the next turn of the event loop)
// and nothing is sent once the app is closed.
#pragma once

#include "background_sending.h"

namespace amicus::platform {

class RunningAppBackgroundSending : public BackgroundSending {
    Q_OBJECT

public:
    using BackgroundSending::BackgroundSending;

    [[nodiscard]] bool continuesAfterExit() const override { return false; }
    void requestSending(bool allowMetered) override;
    void cancelSending() override;
    [[nodiscard]] bool sendingRequested() const override { return requested_; }
    void finishRun(bool moreToSend) override;

private:
    void grantSoon();

    bool requested_ = false;
    bool running_ = false;
    bool grantQueued_ = false;
};

} // namespace amicus::platform
