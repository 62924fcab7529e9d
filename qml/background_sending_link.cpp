#include "background_sending_link.h"

#include "background_sending.h"
#include "sync_service.h"

namespace amicus::app {

BackgroundSendingLink::BackgroundSendingLink(SyncService& sync, platform::BackgroundSending& os,
                                             QObject* parent)
    : QObject(parent), sync_(sync), os_(os)
{
    connect(&sync_, &SyncService::passFinished, this, &BackgroundSendingLink::passFinished);
    connect(&os_, &platform::BackgroundSending::runGranted, this,
            &BackgroundSendingLink::runGranted);
}

void BackgroundSendingLink::passFinished(bool moreToSend)
{
    if (inGrantedRun_) {
        // The pass the grant started (or one already under way): the OS's time is given back,
        // and a request stays standing when something is left.
        inGrantedRun_ = false;
        os_.finishRun(moreToSend);
        return;
    }
    if (moreToSend && !os_.sendingRequested()) {
        // A metered network is asked for only when the user lets the app send on one.
        os_.requestSending(sync_.policy() == sync::SyncPolicy::AnyNetwork);
    } else if (!moreToSend && os_.sendingRequested()) {
        os_.cancelSending();
    }
}

void BackgroundSendingLink::runGranted()
{
    inGrantedRun_ = true;
    // What is due now, as when a new entry arrives (the engine's backoff and policy still hold).
    sync_.outboxAdded();
}

} // namespace amicus::app
