#include "session.h"

#include "app_context.h"
#include "app_services.h"
#include "passphrase_bytes.h"
#include "passphrase_strength.h"
#include "store/vault_session.h"

#include <memory>
#include <string>

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::store::VaultSession;

Session::Session(AppServices& services, QObject* parent)
    : QObject(parent), context_(services.context())
{
    worker_.setMaxThreadCount(1);
    connect(&context_, &AppContext::sessionChanged, this, &Session::refreshState);
    refreshState();
}

Session* Session::create(QQmlEngine* engine, QJSEngine*)
{
    AppServices* services = AppServices::of(engine);
    Q_ASSERT_X(services, "Session", "the engine was handed no AppServices");
    return new Session(*services);
}

Session::~Session()
{
    // A derivation still running posts its result back to this object: let it end first.
    worker_.waitForDone();
}

int Session::minimumPassphraseLength() const
{
    return amicus::app::minimumPassphraseLength;
}

void Session::create(const QString& passphrase, const QString& confirmation)
{
    if (busy_) {
        return;
    }
    if (passphrase.size() < amicus::app::minimumPassphraseLength) {
        setProblem(Problem::PassphraseTooShort);
        return;
    }
    if (passphrase != confirmation) {
        setProblem(Problem::PassphrasesDiffer);
        return;
    }
    openOnWorker(passphrase, &VaultSession::create);
}

void Session::unlock(const QString& passphrase)
{
    if (busy_) {
        return;
    }
    openOnWorker(passphrase, &VaultSession::open);
}

void Session::openOnWorker(const QString& passphrase, Opener opener)
{
    setProblem(Problem::None);
    setBusy(true);
    auto secret = std::make_shared<PassphraseBytes>(passphrase);
    const auto dataDir = context_.dataDir();
    const auto options = context_.vaultOptions();
    worker_.start([this, secret, dataDir, options, opener] {
        auto result = std::make_shared<OpenResult>(opener(dataDir, secret->view(), options, {}));
        QMetaObject::invokeMethod(this, [this, result] { finish(std::move(*result)); });
    });
}

void Session::lock()
{
    context_.closeSession();
}

Session::Strength Session::strength(const QString& passphrase) const
{
    return static_cast<Strength>(amicus::app::estimatePassphraseStrength(passphrase));
}

void Session::finish(OpenResult result)
{
    setBusy(false);
    if (!result) {
        setProblem(Problem::fromLoginError(result.error()));
        refreshState();
        return;
    }
    context_.adoptSession(std::move(result).value());
}

void Session::refreshState()
{
    State next = State::Setup;
    switch (context_.vaultState()) {
    case AppContext::VaultState::Open:
        next = State::Unlocked;
        break;
    case AppContext::VaultState::Locked:
        next = State::Locked;
        break;
    case AppContext::VaultState::None:
        break;
    }
    if (next != state_) {
        state_ = next;
        emit stateChanged();
    }
}

void Session::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        emit busyChanged();
    }
}

void Session::setProblem(Problem::Code problem)
{
    if (problem != problem_) {
        problem_ = problem;
        emit problemChanged();
    }
}
