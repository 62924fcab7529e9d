// AppPresence: what the app does when it leaves the screen and when it comes back (the
// application state): what is being typed is saved at once, personal text is hidden from the
// task switcher's snapshot (platform::ScreenPrivacy), and the auto-lock counts the absence
// from that moment. The one place that follows QGuiApplication's state.
#pragma once

#include "screen_privacy.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace amicus::app {
class AutoLock;
} // namespace amicus::app

class AppPresence : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    // True from leaving the screen (any state but Active) until the app is back in front.
    Q_PROPERTY(bool away READ away NOTIFY awayChanged)
    // Whether the platform is keeping the window's content out of snapshots now.
    Q_PROPERTY(bool contentHidden READ contentHidden NOTIFY awayChanged)

public:
    // `autoLock` (may be null: screenshots, tests of other things) is told of every state.
    explicit AppPresence(std::unique_ptr<amicus::platform::ScreenPrivacy> privacy,
                         amicus::app::AutoLock* autoLock = nullptr, QObject* parent = nullptr);
    ~AppPresence() override;

    // The engine's AppPresence (provideTo); an engine handed none gets one that only emits
    // saveRequested (no privacy to keep, no lock to count).
    static AppPresence* create(QQmlEngine* engine, QJSEngine* scriptEngine);
    // Hands this presence to the screens `engine` makes (it stays owned by its maker).
    void provideTo(QQmlEngine& engine);

    // Follows QGuiApplication::applicationStateChanged from now on.
    void watchApplication();
    // What the OS says (Qt::ApplicationState): leaving saves, hides and starts the count; back
    // in front shows the content again and lets the auto-lock decide.
    Q_INVOKABLE void applicationStateChanged(int state);
    // The user leaves on purpose (the back action on the first screen, closing the window):
    // what is being typed is saved before the window goes.
    Q_INVOKABLE void leaving();

    bool away() const { return away_; }
    bool contentHidden() const { return privacy_->contentHidden(); }

signals:
    // Screens with text being typed save it now (a deferred save is finished, not dropped).
    void saveRequested();
    void awayChanged();

private:
    void saveNow();

    std::unique_ptr<amicus::platform::ScreenPrivacy> privacy_;
    amicus::app::AutoLock* autoLock_;
    bool away_ = false;
};
