// Screenshot: renders the app's window once, saves it as a PNG and quits (for tests and docs).
#pragma once

#include <QObject>
#include <QString>

class QQuickWindow;

namespace amicus::app {

class Screenshot : public QObject {
    Q_OBJECT

public:
    Screenshot(QQuickWindow* window, QString path, QObject* parent = nullptr);

    // Waits for the first frames to be on screen, grabs the window, saves it and exits the
    // event loop with 0, or with 1 (and a message on stderr) if the file cannot be written.
    void start();

private:
    void capture();

    QQuickWindow* window_;
    QString path_;
    int framesSeen_ = 0;
    bool done_ = false;
};

} // namespace amicus::app
