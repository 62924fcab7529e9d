// Screenshot: renders the app's window once it has come to rest, saves it as a PNG and quits
// (for tests and docs), saying on stdout what the picture shows.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

class QQuickWindow;

namespace amicus::app {

class Screenshot : public QObject {
    Q_OBJECT

public:
    Screenshot(QQuickWindow* window, QString path, QObject* parent = nullptr);

    // Waits until the window has drawn a few frames and then none for a moment, with no screen
    // or popup transition running (popups fully open), grabs it, saves it, prints describeShown()
    // on stdout and exits the event loop with 0, or with 1 (and a message on stderr) if the file
    // cannot be written.
    void start();

    // Before the capture, scrolls the item with this objectName to the top of the view it
    // scrolls in (done after the first frame: layouts have placed it by then).
    void scrollTo(const QString& objectName) { scrollTarget_ = objectName; }
    // After the first frame, presses the visible button with this objectName as a tap does (a
    // list's row button, which exists only once the list is laid out).
    void press(const QString& objectName) { pressTarget_ = objectName; }

    // What the window shows, for tests to check against the screen asked for, as one line:
    // "shown screen=<objectName of the stack's top screen> tab=<home tab or -> popup=<objectName
    // of each open popup, comma-separated, or -> lists=<objectName>:<rows>,... of the lists on
    // screen, or ->".
    [[nodiscard]] static QString describeShown(QQuickWindow* window);

private:
    void frameDrawn();
    void scrollToTarget();
    void pressTarget();
    void fail(const char* what, const QString& objectName);
    void capture();
    // The fallback: captures unless a transition still runs, then looks again shortly.
    void captureOnceSettled();

    QQuickWindow* window_;
    QString path_;
    QString scrollTarget_;
    QString pressTarget_;
    QTimer quiet_;
    QElapsedTimer started_;
    int framesSeen_ = 0;
    bool done_ = false;
};

} // namespace amicus::app
