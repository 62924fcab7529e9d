#include "app_presence.h"

#include "auto_lock.h"
#include "platform_services.h"

#include <QGuiApplication>
#include <QInputMethod>
#include <QQmlEngine>

namespace {

// The engine keeps its presence as a property, as it keeps its AppServices.
constexpr const char* kPresenceProperty = "amicusPresence";

} // namespace

AppPresence::AppPresence(std::unique_ptr<amicus::platform::ScreenPrivacy> privacy,
                         amicus::app::AutoLock* autoLock, QObject* parent)
    : QObject(parent), privacy_(std::move(privacy)), autoLock_(autoLock)
{
}

AppPresence::~AppPresence() = default;

AppPresence* AppPresence::create(QQmlEngine* engine, QJSEngine*)
{
    auto* provided = engine ? engine->property(kPresenceProperty).value<AppPresence*>() : nullptr;
    if (provided) {
        // Owned by whoever made it (AppInstance, a test): several engines may share it.
        QJSEngine::setObjectOwnership(provided, QJSEngine::CppOwnership);
        return provided;
    }
    return new AppPresence(amicus::platform::createScreenPrivacy());
}

void AppPresence::provideTo(QQmlEngine& engine)
{
    engine.setProperty(kPresenceProperty, QVariant::fromValue(this));
}

void AppPresence::watchApplication()
{
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) { applicationStateChanged(state); });
}

void AppPresence::applicationStateChanged(int state)
{
    const auto applicationState = static_cast<Qt::ApplicationState>(state);
    const bool away = applicationState != Qt::ApplicationActive;
    if (away) {
        saveNow();
    }
    // Hidden before the OS takes its snapshot, which follows Inactive on iOS and onPause on
    // Android; shown again once back in front.
    privacy_->setContentHidden(away);
    if (autoLock_) {
        autoLock_->applicationStateChanged(applicationState);
    }
    if (away != away_) {
        away_ = away;
        emit awayChanged();
    }
}

void AppPresence::leaving()
{
    saveNow();
}

void AppPresence::saveNow()
{
    // A word the keyboard is still composing (predictive text) is not yet in the field: commit
    // it, so that the field's text, and then the vault, has it.
    QGuiApplication::inputMethod()->commit();
    emit saveRequested();
}
