#include "screenshot.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>
#include <cstdio>

namespace amicus::app {

namespace {

// A couple of frames lets fonts, images and the first layout pass settle.
constexpr int kFramesBeforeCapture = 2;
// Then no frame for this long: a popup's opening transition or a switch's knob has finished.
constexpr int kQuietMs = 250;
// Some platforms swap no frames for hidden windows, and a running animation (a busy
// indicator) never stops drawing; grab anyway after this delay.
constexpr int kFallbackDelayMs = 5000;

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

} // namespace

Screenshot::Screenshot(QQuickWindow* window, QString path, QObject* parent)
    : QObject(parent), window_(window), path_(std::move(path))
{
    quiet_.setSingleShot(true);
    quiet_.setInterval(kQuietMs);
    connect(&quiet_, &QTimer::timeout, this, [this] {
        if (framesSeen_ >= kFramesBeforeCapture) {
            capture();
        } else {
            window_->update();
        }
    });
}

void Screenshot::start()
{
    connect(window_, &QQuickWindow::frameSwapped, this, &Screenshot::frameDrawn);
    QTimer::singleShot(kFallbackDelayMs, this, &Screenshot::capture);
    window_->update();
}

void Screenshot::frameDrawn()
{
    if (++framesSeen_ < kFramesBeforeCapture) {
        window_->update();
    }
    quiet_.start();
}

void Screenshot::capture()
{
    if (done_) {
        return;
    }
    done_ = true;
    const QImage image = window_->grabWindow();
    if (image.isNull() || !image.save(path_, "PNG")) {
        std::fprintf(stderr, "amicus: could not write the screenshot to %s\n", qPrintable(path_));
        QCoreApplication::exit(1);
        return;
    }
    std::printf("%s\n", qPrintable(describeShown(window_)));
    std::fflush(stdout);
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
