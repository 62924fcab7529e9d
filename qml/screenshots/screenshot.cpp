#include "screenshot.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>
#include <algorithm>
#include <cstdio>

namespace amicus::app {

namespace {

// A couple of frames lets fonts, images and the first layout pass settle.
constexpr int kFramesBeforeCapture = 2;
// Then no frame for this long (a switch's knob has come to rest), and no transition running.
constexpr int kQuietMs = 250;
// Some platforms swap no frames for hidden windows, and a running animation (a busy
// indicator) never stops drawing; grab anyway after this delay once no transition runs...
constexpr int kFallbackDelayMs = 5000;
// ...or, should one never end, after this one.
constexpr int kGiveUpMs = 60000;

QString nameOrDash(const QStringList& names)
{
    return names.isEmpty() ? QStringLiteral("-") : names.join(QLatin1Char(','));
}

// The objectNames of the visible list views under `item` with their row counts.
void collectLists(const QQuickItem* item, QStringList& lists)
{
    for (const QQuickItem* child : item->childItems()) {
        if (!child->isVisible()) {
            continue;
        }
        if (child->inherits("QQuickListView") && !child->objectName().isEmpty()) {
            lists.append(QStringLiteral("%1:%2").arg(child->objectName(),
                                                     child->property("count").toString()));
        }
        collectLists(child, lists);
    }
}

// The visible item named `objectName` under `item`, through the visual tree (a Repeater's
// delegates are not QObject children of anything findChild walks).
QQuickItem* findVisible(QQuickItem* item, const QString& objectName)
{
    for (QQuickItem* child : item->childItems()) {
        if (!child->isVisible()) {
            continue;
        }
        if (child->objectName() == objectName) {
            return child;
        }
        if (QQuickItem* found = findVisible(child, objectName)) {
            return found;
        }
    }
    return nullptr;
}

// A screen sliding in or out, or a popup fading in or out: Popup.opened turns true only once
// its enter transition has finished, and false as its exit transition starts. Frames come
// slowly on a loaded machine, so a quiet moment alone once caught a dialog half faded in.
bool transitionRunning(const QQuickWindow* window)
{
    const QObject* screens = window->findChild<QObject*>(QStringLiteral("screens"));
    if (screens && screens->property("busy").toBool()) {
        return true;
    }
    const auto objects = window->findChildren<QObject*>();
    return std::any_of(objects.begin(), objects.end(), [](const QObject* object) {
        return object->inherits("QQuickPopup") && object->property("visible").toBool() &&
               !object->property("opened").toBool();
    });
}

} // namespace

Screenshot::Screenshot(QQuickWindow* window, QString path, QObject* parent)
    : QObject(parent), window_(window), path_(std::move(path))
{
    quiet_.setSingleShot(true);
    quiet_.setInterval(kQuietMs);
    connect(&quiet_, &QTimer::timeout, this, [this] {
        if (framesSeen_ >= kFramesBeforeCapture && !transitionRunning(window_)) {
            capture();
        } else {
            window_->update();
        }
    });
}

void Screenshot::start()
{
    connect(window_, &QQuickWindow::frameSwapped, this, &Screenshot::frameDrawn);
    started_.start();
    QTimer::singleShot(kFallbackDelayMs, this, &Screenshot::captureOnceSettled);
    window_->update();
}

void Screenshot::captureOnceSettled()
{
    if (!transitionRunning(window_) || started_.elapsed() > kGiveUpMs) {
        capture();
    } else {
        QTimer::singleShot(50, this, &Screenshot::captureOnceSettled);
    }
}

void Screenshot::frameDrawn()
{
    if (++framesSeen_ == 1 && !scrollTarget_.isEmpty()) {
        scrollToTarget();
    }
    if (framesSeen_ == 1 && !pressTarget_.isEmpty()) {
        pressTarget();
    }
    if (framesSeen_ < kFramesBeforeCapture) {
        window_->update();
    }
    quiet_.start();
}

void Screenshot::scrollToTarget()
{
    QQuickItem* target = findVisible(window_->contentItem(), scrollTarget_);
    QQuickItem* view = target ? target->parentItem() : nullptr;
    while (view && !view->inherits("QQuickFlickable")) {
        view = view->parentItem();
    }
    const auto* content = view ? view->property("contentItem").value<QQuickItem*>() : nullptr;
    if (!content) {
        fail("scroll to", scrollTarget_);
        return;
    }
    // What comes just before (a heading, a line or two) stays in view, as a user scrolling
    // there sees it.
    constexpr double kAbove = 100;
    const double top = target->mapToItem(content, QPointF(0, 0)).y() - kAbove;
    const double bottom = view->property("contentHeight").toDouble() - view->height();
    view->setProperty("contentY", std::clamp(top, 0.0, std::max(bottom, 0.0)));
}

void Screenshot::pressTarget()
{
    if (done_) {
        return;
    }
    QQuickItem* button = findVisible(window_->contentItem(), pressTarget_);
    if (!button || !QMetaObject::invokeMethod(button, "clicked")) {
        fail("press", pressTarget_);
    }
}

void Screenshot::fail(const char* what, const QString& objectName)
{
    (void)std::fprintf(stderr, "amicus: nothing named %s to %s\n", qPrintable(objectName), what);
    done_ = true;
    QCoreApplication::exit(1);
}

void Screenshot::capture()
{
    if (done_) {
        return;
    }
    done_ = true;
    const QImage image = window_->grabWindow();
    if (image.isNull() || !image.save(path_, "PNG")) {
        (void)std::fprintf(stderr, "amicus: could not write the screenshot to %s\n",
                           qPrintable(path_));
        QCoreApplication::exit(1);
        return;
    }
    (void)std::printf("%s\n", qPrintable(describeShown(window_)));
    (void)std::fflush(stdout);
    QCoreApplication::exit(0);
}

QString Screenshot::describeShown(QQuickWindow* window)
{
    const QObject* screens = window->findChild<QObject*>(QStringLiteral("screens"));
    const auto* screen = screens ? screens->property("currentItem").value<QQuickItem*>() : nullptr;
    QStringList tab;
    if (const QObject* tabs = window->findChild<QObject*>(QStringLiteral("homeTabs"));
        tabs && screen && screen->objectName() == QStringLiteral("homeScreen")) {
        if (const auto* current = tabs->property("currentItem").value<QObject*>()) {
            tab.append(current->objectName());
        }
    }
    QStringList popups;
    for (const QObject* object : window->findChildren<QObject*>()) {
        if (object->inherits("QQuickPopup") && object->property("opened").toBool()) {
            popups.append(object->objectName());
        }
    }
    QStringList lists;
    if (screen) {
        collectLists(screen, lists);
    }
    return QStringLiteral("shown screen=%1 tab=%2 popup=%3 lists=%4")
        .arg(screen ? screen->objectName() : QStringLiteral("-"), nameOrDash(tab),
             nameOrDash(popups), nameOrDash(lists));
}

} // namespace amicus::app
