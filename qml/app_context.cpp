#include "app_context.h"

#include "calls/builtin_catalog.h"
#include "key_store_vault_wrap.h"
#include "platform_services.h"

#include <QStandardPaths>

namespace amicus::app {

AppContext::AppContext()
    // The built-in catalog lives as long as the program: share it without owning it.
    : catalog_(std::shared_ptr<const calls::Catalog>(), &calls::builtinCatalog())
{
    setKeyStore(nullptr);
}

AppContext::~AppContext()
{
    // Whatever uses the data directory stops before the session's keys and store go.
    closeSession(CloseReason::LeaveDataDirectory);
}

void AppContext::configure(std::filesystem::path dataDir, crypto::VaultOptions vaultOptions)
{
    closeSession(CloseReason::LeaveDataDirectory);
    dataDir_ = std::move(dataDir);
    vaultOptions_ = std::move(vaultOptions);
    vaultOptions_.keyWrap = keyWrap_.get();
    emit sessionChanged(); // another directory may or may not hold a vault
}

void AppContext::setKeyStore(std::unique_ptr<platform::KeyStore> keyStore)
{
    keyStore_ = keyStore ? std::move(keyStore) : platform::createKeyStore();
    keyWrap_ = std::make_unique<platform::KeyStoreVaultWrap>(*keyStore_);
    vaultOptions_.keyWrap = keyWrap_.get();
}

AppContext::VaultState AppContext::vaultState() const
{
    if (session_) {
        return VaultState::Open;
    }
    return crypto::Vault::exists(store::DataLayout::vaultDir(dataDir_)) ? VaultState::Locked
                                                                        : VaultState::None;
}

void AppContext::adoptSession(std::unique_ptr<store::VaultSession> session)
{
    session_ = std::move(session);
    emit sessionChanged();
}

void AppContext::closeSession(CloseReason reason)
{
    if (reason == CloseReason::LeaveDataDirectory) {
        emit aboutToLeaveDataDirectory();
    }
    if (!session_) {
        return;
    }
    emit aboutToCloseSession();
    session_->lock();
    session_.reset();
    emit sessionChanged();
}

store::StoreResult<void> AppContext::eraseEverything()
{
    closeSession(CloseReason::LeaveDataDirectory);
    // The OS key store's key first: whatever it wrapped (the identity file, and any copy of it
    // kept elsewhere) can no longer be unwrapped. The data goes even if the key store fails.
    const auto forgotten = keyStore_->forget();
    auto erased = store::VaultSession::eraseDataDirectory(dataDir_);
    configure(dataDir_, vaultOptions_);
    if (erased && !forgotten) {
        return fail(
            store::StoreError{store::StoreErrc::Io, "the key store did not forget its key: " +
                                                        forgotten.error().detail.toStdString()});
    }
    return erased;
}

void AppContext::setCatalog(std::shared_ptr<const calls::Catalog> catalog)
{
    catalog_ = std::move(catalog);
    emit catalogChanged();
}

std::filesystem::path defaultDataDir()
{
    const QByteArray fromEnvironment = qgetenv("AMICUS_DATA_DIR");
    if (!fromEnvironment.isEmpty()) {
        return std::filesystem::path(fromEnvironment.toStdString());
    }
    const QString location = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return std::filesystem::path(location.toStdString()) / "data";
}

} // namespace amicus::app
