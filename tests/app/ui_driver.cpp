#include "ui_driver.h"

#include <QGuiApplication>
#include <QTest>
#include <QWheelEvent>
#include <algorithm>
#include <ctime>
#include <functional>

namespace {

void collect(QQuickItem* item, const QString& name, QList<QQuickItem*>& found)
{
    if (item->objectName() == name) {
        found.append(item);
    }
    for (QQuickItem* child : item->childItems()) {
        collect(child, name, found);
    }
}

bool isFlickable(const QQuickItem* item)
{
    return item->inherits("QQuickFlickable");
}

void setReason(QString* why, const QString& reason)
{
    if (why) {
        *why = reason;
    }
}

std::chrono::nanoseconds processCpuTime()
{
    timespec now{};
    (void)clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

// How much of this process's CPU time the driver waits for a popup to close, a screen or a
// list to come to rest, or a field to take the focus: far more than any needs on a quiet machine.
constexpr std::chrono::seconds kDriverCpu(5);

} // namespace

bool waitWhileWorking(const std::function<bool()>& done, std::chrono::milliseconds cpuBudget,
                      std::chrono::milliseconds wallCap)
{
    const auto cpuStart = processCpuTime();
    const auto wallStart = std::chrono::steady_clock::now();
    while (!done()) {
        if (processCpuTime() - cpuStart > cpuBudget ||
            std::chrono::steady_clock::now() - wallStart > wallCap) {
            return done();
        }
        QTest::qWait(20);
    }
    return true;
}

QQuickItem* UiDriver::findAny(const QString& objectName) const
{
    if (!window_) {
        return nullptr;
    }
    QList<QQuickItem*> found;
    collect(window_->contentItem(), objectName, found);
    return found.isEmpty() ? nullptr : found.constFirst();
}

QQuickItem* UiDriver::find(const QString& objectName) const
{
    if (!window_) {
        return nullptr;
    }
    QList<QQuickItem*> found;
    collect(window_->contentItem(), objectName, found);
    for (QQuickItem* item : found) {
        if (item->isVisible() && item->width() > 0 && item->height() > 0) {
            return item;
        }
    }
    return nullptr;
}

bool UiDriver::scrollIntoView(QQuickItem* item) const
{
    for (QQuickItem* flickable = item->parentItem(); flickable;
         flickable = flickable->parentItem()) {
        if (!isFlickable(flickable)) {
            continue;
        }
        for (int step = 0; step < 400; ++step) {
            const QRectF viewport =
                flickable->mapRectToScene(QRectF(0, 0, flickable->width(), flickable->height()));
            const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
            const qreal margin = std::min<qreal>(24, viewport.height() / 4);
            if (centre.y() >= viewport.top() + margin && centre.y() <= viewport.bottom() - margin) {
                break;
            }
            // One notch of the wheel at the middle of the list: below means scroll down.
            const int notch = centre.y() > viewport.bottom() - margin ? -120 : 120;
            // Near an edge the list cannot scroll past, inside the viewport is enough.
            const bool atEdge = flickable->property(notch > 0 ? "atYBeginning" : "atYEnd").toBool();
            if (atEdge && centre.y() >= viewport.top() && centre.y() <= viewport.bottom()) {
                break;
            }
            const QPointF at = viewport.center();
            QWheelEvent wheel(at, window_->mapToGlobal(at.toPoint()), QPoint(), QPoint(0, notch),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            // Flickable reads the wheel's speed from the events' times: a hand's pace.
            static quint64 wheelTime = 1'000'000;
            wheelTime += 150;
            wheel.setTimestamp(wheelTime);
            QGuiApplication::sendEvent(window_, &wheel);
            QTest::qWait(10);
            // Let a flick started by the wheel come to rest before looking again (a tap on a
            // moving list only stops it).
            (void)waitWhileWorking([flickable] { return !flickable->property("moving").toBool(); },
                                   kDriverCpu);
            if (step == 399) {
                qInfo("scroll failed: %s contentY=%f contentHeight=%f height=%f centre=%f "
                      "viewport=%f..%f",
                      qPrintable(flickable->objectName()),
                      flickable->property("contentY").toDouble(),
                      flickable->property("contentHeight").toDouble(), flickable->height(),
                      centre.y(), viewport.top(), viewport.bottom());
                return false;
            }
        }
    }
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    return QRectF(0, 0, window_->width(), window_->height()).contains(centre);
}

bool UiDriver::clickItem(QQuickItem* item, QString* why) const
{
    if (!item) {
        setReason(why, QStringLiteral("no such item is visible"));
        return false;
    }
    if (!item->isVisible()) {
        setReason(why, QStringLiteral("%1 is not visible").arg(item->objectName()));
        return false;
    }
    if (!item->isEnabled()) {
        setReason(why, QStringLiteral("%1 is not enabled").arg(item->objectName()));
        return false;
    }
    // A user taps once a closing popup has gone (unless the item is in a popup)...
    QQuickItem* overlay = nullptr;
    for (QQuickItem* child : window_->contentItem()->childItems()) {
        if (child->inherits("QQuickOverlay")) {
            overlay = child;
        }
    }
    bool inPopup = false;
    for (QQuickItem* parent = item; parent; parent = parent->parentItem()) {
        inPopup = inPopup || parent == overlay;
    }
    if (overlay && !inPopup) {
        const bool popupsGone = waitWhileWorking(
            [overlay] {
                const auto children = overlay->childItems();
                return std::none_of(children.begin(), children.end(),
                                    [](QQuickItem* child) { return child->isVisible(); });
            },
            kDriverCpu);
        if (!popupsGone) {
            setReason(why, QStringLiteral("a popup covers %1").arg(item->objectName()));
            return false;
        }
    }
    // ...and the screen has stopped sliding in.
    if (QQuickItem* screens = findAny(QStringLiteral("screens"))) {
        if (!waitWhileWorking([screens] { return !screens->property("busy").toBool(); },
                              kDriverCpu)) {
            setReason(why, QStringLiteral("the screens are still changing"));
            return false;
        }
    }
    if (!scrollIntoView(item)) {
        setReason(why, QStringLiteral("%1 cannot be scrolled into view").arg(item->objectName()));
        return false;
    }
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window_, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

bool UiDriver::click(const QString& objectName, QString* why) const
{
    QQuickItem* item = find(objectName);
    if (!item) {
        setReason(why, QStringLiteral("%1 is not visible").arg(objectName));
        return false;
    }
    return clickItem(item, why);
}

bool UiDriver::type(const QString& objectName, const QString& text, QString* why) const
{
    QQuickItem* item = find(objectName);
    if (!clickItem(item, why)) {
        if (!item) {
            setReason(why, QStringLiteral("%1 is not visible").arg(objectName));
        }
        return false;
    }
    if (!waitWhileWorking([item] { return item->hasActiveFocus(); }, kDriverCpu)) {
        setReason(why, QStringLiteral("%1 did not take the keyboard focus").arg(objectName));
        return false;
    }
    QTest::keyClick(window_, Qt::Key_End, Qt::ControlModifier);
    typeText(text);
    return true;
}

void UiDriver::typeText(const QString& text) const
{
    for (const QChar c : text) {
        // The key a keyboard would report (letters by their capital), with the character typed.
        const auto key = static_cast<Qt::Key>(c.isLetter() ? c.toUpper().unicode() : c.unicode());
        QTest::sendKeyEvent(QTest::Press, window_, key, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, window_, key, QString(c), Qt::NoModifier);
    }
}
