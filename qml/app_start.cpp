#include "app_start.h"

#include "app_context.h"
#include "app_setup.h"
#include "auto_lock.h"
#include "calls/builtin_catalog.h"
#include "catalog_updater.h"
#include "platform_services.h"
#include "sync_service.h"
#include "viewmodels/app_settings.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace amicus::app {

void chooseRenderer()
{
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen") {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
}

AppInstance::AppInstance(Options options, QObject* parent)
    : QObject(parent), options_(options),
      catalogUpdater_(std::make_unique<CatalogUpdater>(
          calls::builtinCatalogTrustedKeys(), AppContext::instance().dataDir() / "catalog")),
      syncService_(std::make_unique<SyncService>()),
      autoLock_(std::make_unique<AutoLock>(&AppSettings::storedAutoLockMinutes))
{
    catalogUpdater_->loadCached();
}

AppInstance::~AppInstance() = default;

bool AppInstance::load()
{
    engine_ = std::make_unique<QQmlApplicationEngine>();
    configureEngine(*engine_);
    connect(
        engine_.get(), &QQmlApplicationEngine::objectCreationFailed, this,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine_->load(QUrl(QStringLiteral("qrc:/qt/qml/Amicus/Main.qml")));
    QQuickWindow* shown = window();
    if (!shown) {
        return false;
    }

    // Nothing needs the network before the user has unlocked, which takes a frame on screen;
    // loading the OS's network backend before it cost the start-up about 4 ms CPU and 8 ms
    // wall (bench/app, cold start).
    connect(shown, &QQuickWindow::frameSwapped, this, &AppInstance::startNetwork,
            static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    syncService_->setPolicy(static_cast<sync::SyncPolicy>(AppSettings::storedSendingPolicy()));
    if (!options_.renderOnly) {
        syncService_->followSession();
    }
    autoLock_->watchApplication();
    return true;
}

QQuickWindow* AppInstance::window() const
{
    if (!engine_ || engine_->rootObjects().isEmpty()) {
        return nullptr;
    }
    return qobject_cast<QQuickWindow*>(engine_->rootObjects().constFirst());
}

void AppInstance::startNetwork()
{
    connectivity_ = platform::createConnectivity();
    if (!options_.renderOnly) {
        catalogUpdater_->watch(connectivity_.get());
    }
    syncService_->setConnectivity(connectivity_.get());
}

} // namespace amicus::app
