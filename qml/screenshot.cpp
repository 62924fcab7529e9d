#include "screenshot.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

namespace amicus::app {

namespace {

// A couple of frames lets fonts, images and the first layout pass settle.
constexpr int kFramesBeforeCapture = 2;
// Some platforms swap no frames for hidden windows; grab anyway after this delay.
constexpr int kFallbackDelayMs = 3000;

} // namespace

Screenshot::Screenshot(QQuickWindow* window, QString path, QObject* parent)
    : QObject(parent), window_(window), path_(std::move(path))
{
}

void Screenshot::start()
{
    connect(window_, &QQuickWindow::frameSwapped, this, [this] {
        if (++framesSeen_ == kFramesBeforeCapture) {
            QTimer::singleShot(0, this, &Screenshot::capture);
        } else {
            window_->update();
        }
    });
    QTimer::singleShot(kFallbackDelayMs, this, &Screenshot::capture);
    window_->update();
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
    QCoreApplication::exit(0);
}

} // namespace amicus::app
