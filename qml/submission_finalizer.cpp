#include "submission_finalizer.h"

#include "app_context.h"
#include "app_services.h"
#include "draft_autosave.h"
#include "sync_service.h"

#include <QPointer>
#include <memory>

namespace amicus::app {

SubmissionFinalizer::SubmissionFinalizer(AppServices& services, QObject* parent)
    : QObject(parent), services_(services)
{
    worker_.setMaxThreadCount(1);
    // Locking destroys the session a finalize is reading: stop the finalize and wait for it.
    connect(&services_.context(), &AppContext::aboutToCloseSession, this,
            &SubmissionFinalizer::cancelAndWait);
}

SubmissionFinalizer::~SubmissionFinalizer()
{
    cancelAndWait();
}

void SubmissionFinalizer::cancelAndWait()
{
    cancelled_ = true;
    worker_.waitForDone();
    cancelled_ = false;
}

bool SubmissionFinalizer::start(std::int64_t draftId, const calls::Call& call, QObject* receiver,
                                std::function<void(const Outcome&)> done)
{
    auto* session = services_.context().session();
    if (!session || busy_) {
        return false;
    }
    services_.autosave().flush(); // what is sealed is everything typed
    busy_ = true;
    const auto dataDir = services_.context().dataDir();
    QPointer<QObject> target(receiver);
    worker_.start([this, session, call, dataDir, draftId, target, done = std::move(done)] {
        package::PackageWriteOptions options;
        options.isCancelled = [this] { return cancelled_.load(); };
        auto envelope =
            submission::finalizeDraft(*session, dataDir, draftId, call, call.recipients, options);
        const Outcome outcome = envelope ? Outcome() : Outcome(envelope.error());
        QMetaObject::invokeMethod(this, [this, outcome, target, done] {
            busy_ = false;
            if (!outcome) {
                if (auto* sender = services_.sync()) {
                    sender->outboxAdded();
                }
            }
            if (target) {
                done(outcome);
            }
        });
    });
    return true;
}

} // namespace amicus::app
