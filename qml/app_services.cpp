#include "app_services.h"

#include "app_context.h"
#include "draft_autosave.h"
#include "platform_services.h"
#include "submission_finalizer.h"
#include "sync_service.h"

#include <QQmlEngine>

namespace amicus::app {

namespace {

// The engine keeps its services as a property, as QML keeps its own per-engine state.
constexpr const char* kServicesProperty = "amicusServices";

} // namespace

AppServices::AppServices(AppContext& context, SyncService* sync, QObject* parent)
    : QObject(parent), context_(context), autosave_(std::make_unique<DraftAutosave>(context)),
      finalizer_(std::make_unique<SubmissionFinalizer>(*this)),
      sharedFiles_(platform::createSharedFiles()), documentExport_(platform::createDocumentExport())
{
    setSync(sync);
    // Every session's connections announce what they commit to the notifier; a session is
    // handed the notifier as it is adopted, before anything else uses it.
    connect(&context_, &AppContext::sessionChanged, this, &AppServices::listenToSession);
    listenToSession();
}

AppServices::~AppServices()
{
    // A finalize still running is cancelled and waited for first: no connection is left that
    // could announce to the notifier going away with these services.
    finalizer_.reset();
    autosave_.reset(); // the text still waiting is saved, and announced
    if (auto* session = context_.session()) {
        session->setChangeListener(nullptr);
    }
}

void AppServices::listenToSession()
{
    if (auto* session = context_.session()) {
        session->setChangeListener(&changes_);
    }
}

SyncService* AppServices::sync() const
{
    return sync_.data();
}

void AppServices::setSync(SyncService* sync)
{
    if (sync_) {
        disconnect(sync_, nullptr, &changes_, nullptr);
    }
    sync_ = sync;
    if (sync_) {
        // What the sender saves on its own thread reaches the lists as any other change.
        connect(sync_, &SyncService::outboxChanged, &changes_, &ChangeNotifier::senderReported);
        connect(sync_, &SyncService::outboxChanged, &changes_, &ChangeNotifier::outboxChanged);
    }
}

void AppServices::setSharedFiles(std::unique_ptr<platform::SharedFiles> sharedFiles)
{
    sharedFiles_ = sharedFiles ? std::move(sharedFiles) : platform::createSharedFiles();
}

void AppServices::setDocumentExport(std::unique_ptr<platform::DocumentExport> documentExport)
{
    documentExport_ = documentExport ? std::move(documentExport) : platform::createDocumentExport();
}

void AppServices::provideTo(QQmlEngine& engine)
{
    engine.setProperty(kServicesProperty, QVariant::fromValue(this));
}

AppServices* AppServices::of(const QQmlEngine* engine)
{
    return engine ? engine->property(kServicesProperty).value<AppServices*>() : nullptr;
}

AppServices* AppServices::of(const QObject* object)
{
    return of(qmlEngine(object));
}

} // namespace amicus::app
