// AppInstance: the running app as the `amicus` executable starts it, so that the UI tests
// start exactly the same thing and can stop it and start it again in one process.
#pragma once

#include <QObject>
#include <memory>

class AppPresence;
class QQmlEngine;
class QQuickWindow;

namespace amicus::platform {
class BackgroundSending;
class Connectivity;
} // namespace amicus::platform

namespace amicus::app {

// Off screen (no display, tests, screenshots) Qt Quick draws with the software renderer.
// Call before constructing QGuiApplication.
void chooseRenderer();

class AppContext;
class AppServices;
class AutoLock;
class BackgroundSendingLink;
class CatalogUpdater;
class SyncService;

class AppInstance : public QObject {
    Q_OBJECT

public:
    struct Options {
        // Only render (`--screenshot`): no catalog refresh and no sending.
        bool renderOnly = false;
    };

    // Takes the data directory and the catalog from `context` (configure it first; it outlives
    // the instance), puts the cached signed catalog in place and makes the services once, for
    // every engine load() makes; nothing is shown yet.
    AppInstance(AppContext& context, Options options, QObject* parent = nullptr);
    ~AppInstance() override;

    AppInstance(const AppInstance&) = delete;
    AppInstance& operator=(const AppInstance&) = delete;

    // Loads Main.qml into a new engine and starts the services; false when the window could
    // not be created. The network is looked at after the first frame (start-up cost).
    [[nodiscard]] bool load();

    // The app's window once load() succeeded, else nullptr.
    [[nodiscard]] QQuickWindow* window() const;
    [[nodiscard]] SyncService& syncService() const { return *syncService_; }
    [[nodiscard]] AppServices& services() const { return *services_; }

private:
    void startNetwork();

    AppContext& context_;
    Options options_;
    std::unique_ptr<CatalogUpdater> catalogUpdater_;
    std::unique_ptr<platform::Connectivity> connectivity_;
    std::unique_ptr<SyncService> syncService_;
    // The OS's time to send while the app is not in front, asked for by the sender's link.
    std::unique_ptr<platform::BackgroundSending> backgroundSending_;
    std::unique_ptr<BackgroundSendingLink> backgroundSendingLink_;
    std::unique_ptr<AppServices> services_;
    std::unique_ptr<AutoLock> autoLock_;
    std::unique_ptr<AppPresence> presence_;
    std::unique_ptr<QQmlEngine> engine_;
    // Main.qml's window; declared after the engine so that it goes first.
    std::unique_ptr<QObject> root_;
};

} // namespace amicus::app
