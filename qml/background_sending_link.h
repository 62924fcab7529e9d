// BackgroundSendingLink: the sender and the OS's BackgroundSending (platform/) working together.
// While submissions wait to be sent it keeps a request for sending time standing with the OS
// (on a phone: WorkManager or BGTaskScheduler wake the app for it once a network is there), and
// withdraws it when nothing waits; when the OS grants time, the sender goes through the outbox
// at once and the run is reported finished after that pass. On the desktop the running app is
// that time (RunningAppBackgroundSending), and the sender keeps its own timers as before.
#pragma once

#include <QObject>

namespace amicus::platform {
class BackgroundSending;
}

namespace amicus::app {

class SyncService;

class BackgroundSendingLink : public QObject {
    Q_OBJECT

public:
    // Both must outlive the link.
    BackgroundSendingLink(SyncService& sync, platform::BackgroundSending& os,
                          QObject* parent = nullptr);

private:
    void passFinished(bool moreToSend);
    void runGranted();

    SyncService& sync_;
    platform::BackgroundSending& os_;
    bool inGrantedRun_ = false; // the OS granted time and waits for finishRun()
};

} // namespace amicus::app
