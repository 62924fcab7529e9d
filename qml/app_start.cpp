#include "app_start.h"

#include "app_context.h"
#include "app_presence.h"
#include "app_services.h"
#include "app_setup.h"
#include "auto_lock.h"
#include "background_sending_link.h"
#include "calls/builtin_catalog.h"
#include "catalog_updater.h"
#include "device_settings.h"
#include "platform_services.h"
#include "sync_service.h"

#include <QCoreApplication>
#include <QDebug>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>

namespace amicus::app {

void chooseRenderer()
{
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen") {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
}

AppInstance::AppInstance(AppContext& context, Options options, QObject* parent)
    : QObject(parent), context_(context), options_(options),
      catalogUpdater_(std::make_unique<CatalogUpdater>(context, calls::builtinCatalogTrustedKeys(),
                                                       context.dataDir() / "catalog")),
      syncService_(std::make_unique<SyncService>(context)),
      services_(std::make_unique<AppServices>(context, syncService_.get())),
      autoLock_(std::make_unique<AutoLock>(context, &storedAutoLockMinutes)),
      presence_(std::make_unique<AppPresence>(platform::createScreenPrivacy(), autoLock_.get()))
{
    catalogUpdater_->loadCached();
}

AppInstance::~AppInstance() = default;

bool AppInstance::load()
{
    // A plain QQmlEngine rather than QQmlApplicationEngine: the latter also installs a file
    // selector that probes every QML file's URL for "+selector" variants (the app has none) and
    // loads Qt's translations for the system locale (UiLanguage loads the user's own); both
    // cost the start-up before the first frame (bench/app, cold start).
    engine_ = std::make_unique<QQmlEngine>();
    configureEngine(*engine_);
    services_->provideTo(*engine_);
    presence_->provideTo(*engine_);
    QQmlComponent main(engine_.get(), QUrl(QStringLiteral("qrc:/qt/qml/Amicus/Main.qml")));
    root_.reset(main.create());
    if (!root_) {
        for (const QQmlError& error : main.errors()) {
            qWarning().noquote() << error.toString();
        }
        return false;
    }
    QQuickWindow* shown = window();
    if (!shown) {
        return false;
    }

    // Nothing needs the network before the user has unlocked, which takes a frame on screen;
    // loading the OS's network backend before it cost the start-up about 4 ms CPU and 8 ms
    // wall (bench/app, cold start).
    connect(shown, &QQuickWindow::frameSwapped, this, &AppInstance::startNetwork,
            static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    syncService_->setPolicy(storedSendingPolicy());
    if (!options_.renderOnly) {
        syncService_->followSession();
        backgroundSending_ = platform::createBackgroundSending();
        backgroundSendingLink_ =
            std::make_unique<BackgroundSendingLink>(*syncService_, *backgroundSending_);
    }
    // Leaving the screen saves, hides the content and starts the auto-lock's count.
    presence_->watchApplication();
    return true;
}

QQuickWindow* AppInstance::window() const
{
    return qobject_cast<QQuickWindow*>(root_.get());
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
