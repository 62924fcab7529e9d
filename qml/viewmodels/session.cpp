#include "session.h"

#include "app_context.h"
#include "passphrase_bytes.h"
#include "passphrase_strength.h"
#include "store/vault_session.h"

#include <memory>
#include <string>

using amicus::app::AppContext;
using amicus::store::VaultSession;

Session::Session(QObject* parent) : QObject(parent)
{
    worker_.setMaxThreadCount(1);
    connect(&AppContext::instance(), &AppContext::sessionChanged, this, &Session::refreshState);
    refreshState();
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
    const auto dataDir = AppContext::instance().dataDir();
    const auto options = AppContext::instance().vaultOptions();
    worker_.start([this, secret, dataDir, options, opener] {
        auto result = std::make_shared<OpenResult>(opener(dataDir, secret->view(), options, {}));
        QMetaObject::invokeMethod(this, [this, result] { finish(std::move(*result)); });
    });
}

void Session::lock()
{
    AppContext::instance().closeSession();
}

Session::Strength Session::strength(const QString& passphrase) const
{
    return static_cast<Strength>(amicus::app::estimatePassphraseStrength(passphrase));
}

void Session::finish(amicus::store::StoreResult<std::unique_ptr<VaultSession>> result)
{
    setBusy(false);
    if (!result) {
        setProblem(Problem::fromStoreError(result.error().code));
        refreshState();
        return;
    }
    AppContext::instance().adoptSession(std::move(result).value());
}

void Session::refreshState()
{
    const AppContext& context = AppContext::instance();
    State next = State::Setup;
    if (context.session()) {
        next = State::Unlocked;
    } else if (amicus::crypto::Vault::exists(
                   amicus::store::DataLayout::vaultDir(context.dataDir()))) {
        next = State::Locked;
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
