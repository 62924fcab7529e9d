// AppSettings: the settings screen — sending policy, auto-lock delay, passphrase change,
// erasing everything, and what the app is built from (versions and licences).
#pragma once

#include "problem.h"
#include "sync/outbox.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace amicus::app {
class AppServices;
}
class QQmlEngine;
class QJSEngine;

class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(SendingPolicy sendingPolicy READ sendingPolicy WRITE setSendingPolicy NOTIFY
                   sendingPolicyChanged)
    // Minutes in the background before the vault locks itself; 0 locks at once.
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY
                   autoLockMinutesChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Why the last passphrase change or erase failed (Problem.None after a good one).
    Q_PROPERTY(Problem::Code problem READ problem NOTIFY problemChanged)
    Q_PROPERTY(QString appVersion READ appVersion CONSTANT)
    // [{name, version, licence}] of the libraries inside the app.
    Q_PROPERTY(QVariantList components READ components CONSTANT)

public:
    // The core's sync::SyncPolicy, value for value (kept in DeviceSettings).
    enum class SendingPolicy {
        AnyNetwork = static_cast<int>(amicus::sync::SyncPolicy::AnyNetwork),
        UnmeteredOnly = static_cast<int>(amicus::sync::SyncPolicy::UnmeteredOnly),
        Manual = static_cast<int>(amicus::sync::SyncPolicy::Manual),
    };
    Q_ENUM(SendingPolicy)

    explicit AppSettings(amicus::app::AppServices& services, QObject* parent = nullptr);
    ~AppSettings() override;
    // The engine's one AppSettings, over the services it was handed (AppServices::provideTo).
    static AppSettings* create(QQmlEngine* engine, QJSEngine* scriptEngine);

    SendingPolicy sendingPolicy() const;
    void setSendingPolicy(SendingPolicy policy);
    int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);
    bool busy() const { return busy_; }
    Problem::Code problem() const { return problem_; }
    QString appVersion() const;
    QVariantList components() const;

    // Re-protects the vault under a new passphrase; nothing else is re-encrypted.
    Q_INVOKABLE void changePassphrase(const QString& current, const QString& next,
                                      const QString& confirmation);
    // Destroys the vault keys first, then every draft, file and outbox entry on this device.
    Q_INVOKABLE void eraseEverything();

signals:
    void sendingPolicyChanged();
    void autoLockMinutesChanged();
    void busyChanged();
    void problemChanged();
    void passphraseChanged();
    void erased();

private:
    void setBusy(bool busy);
    void setProblem(Problem::Code problem);

    amicus::app::AppServices& services_;
    bool busy_ = false;
    Problem::Code problem_ = Problem::None;
    QThreadPool worker_;
};
