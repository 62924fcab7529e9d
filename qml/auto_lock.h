// AutoLock: locks the vault when the app has been in the background for the chosen delay, so
// a phone left unlocked on a table does not leave drafts readable.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

namespace amicus::app {

class AutoLock : public QObject {
    Q_OBJECT

public:
    // `delayMinutes` is asked each time the app goes to the background (the setting may change).
    explicit AutoLock(std::function<int()> delayMinutes, QObject* parent = nullptr);

    // Follows the application state (active, inactive, hidden, suspended).
    void watchApplication();
    // The app left the foreground: start counting (locks at once for a zero delay).
    void enteredBackground();
    // The app is back: lock if it was away for at least the delay, then stop counting.
    void returnedToForeground();

private:
    void lockNow();

    std::function<int()> delayMinutes_;
    QTimer timer_;
    QElapsedTimer away_;
};

} // namespace amicus::app
