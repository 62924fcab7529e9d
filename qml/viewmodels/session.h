// Session: set-up, unlock and lock of the vault, for the first-run and unlock screens.
// Deriving the key takes about a second by design, so it runs off the UI thread.
#pragma once

#include "problem.h"
#include "store/vault_session.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QtQml/qqmlregistration.h>

namespace amicus::app {
class AppContext;
class AppServices;
} // namespace amicus::app
class QQmlEngine;
class QJSEngine;

class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // True while a passphrase is being checked or a vault made; the UI shows progress.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Why the last request failed, for the UI to say in the user's language.
    Q_PROPERTY(Problem::Code problem READ problem NOTIFY problemChanged)
    Q_PROPERTY(int minimumPassphraseLength READ minimumPassphraseLength CONSTANT)

public:
    enum class State {
        Setup,    // no vault yet: first run
        Locked,   // a vault exists, the passphrase is needed
        Unlocked, // drafts can be read and written
    };
    Q_ENUM(State)

    enum class Strength { TooShort, Weak, Fair, Good, Strong };
    Q_ENUM(Strength)

    explicit Session(amicus::app::AppServices& services, QObject* parent = nullptr);
    ~Session() override;
    // The engine's one Session, over the services it was handed (AppServices::provideTo).
    static Session* create(QQmlEngine* engine, QJSEngine* scriptEngine);

    State state() const { return state_; }
    bool busy() const { return busy_; }
    Problem::Code problem() const { return problem_; }
    int minimumPassphraseLength() const;

    // First run: makes the vault under `passphrase` (refused when too short or when the two
    // differ), then the session is unlocked.
    Q_INVOKABLE void create(const QString& passphrase, const QString& confirmation);
    // Opens the vault; a wrong passphrase slows the next attempts down.
    Q_INVOKABLE void unlock(const QString& passphrase);
    // Wipes the keys from memory; the passphrase is needed again.
    Q_INVOKABLE void lock();
    Q_INVOKABLE Strength strength(const QString& passphrase) const;

signals:
    void stateChanged();
    void busyChanged();
    void problemChanged();

private:
    using OpenResult = amicus::store::LoginResult<std::unique_ptr<amicus::store::VaultSession>>;
    // VaultSession::create or VaultSession::open.
    using Opener = OpenResult (*)(const std::filesystem::path&, std::string_view,
                                  amicus::crypto::VaultOptions, amicus::store::StoreOptions);

    // Runs the slow key derivation of `opener` off the UI thread, then finish().
    void openOnWorker(const QString& passphrase, Opener opener);
    void refreshState();
    void setBusy(bool busy);
    void setProblem(Problem::Code problem);
    void finish(OpenResult result);

    amicus::app::AppContext& context_;
    State state_ = State::Setup;
    bool busy_ = false;
    Problem::Code problem_ = Problem::None;
    QThreadPool worker_;
};
