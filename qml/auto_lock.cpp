#include "auto_lock.h"

#include "app_context.h"

#include <QGuiApplication>

namespace amicus::app {

AutoLock::AutoLock(std::function<int()> delayMinutes, QObject* parent)
    : QObject(parent), delayMinutes_(std::move(delayMinutes))
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &AutoLock::lockNow);
}

void AutoLock::watchApplication()
{
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive) {
                    returnedToForeground();
                } else if (state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended) {
                    enteredBackground();
                }
            });
}

void AutoLock::enteredBackground()
{
    const int minutes = delayMinutes_();
    if (minutes <= 0) {
        lockNow();
        return;
    }
    away_.start();
    // A suspended app's timers may not fire; returnedToForeground() checks the time as well.
    timer_.start(std::chrono::minutes(minutes));
}

void AutoLock::returnedToForeground()
{
    timer_.stop();
    if (away_.isValid() &&
        away_.elapsed() >=
            std::chrono::milliseconds(std::chrono::minutes(delayMinutes_())).count()) {
        lockNow();
    }
    away_.invalidate();
}

void AutoLock::lockNow()
{
    timer_.stop();
    AppContext::instance().closeSession();
}

} // namespace amicus::app
