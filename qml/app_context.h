// AppContext: the core objects the view models share — the data directory, the open vault
// session and the catalog. Made by whoever starts the app (main, a test) and reached through
// AppServices; not visible to QML.
#pragma once

#include "calls/catalog.h"
#include "crypto/vault.h"
#include "store/vault_session.h"

#include <QObject>
#include <filesystem>
#include <memory>

namespace amicus::platform {
class KeyStore;
class KeyStoreVaultWrap;
} // namespace amicus::platform

namespace amicus::app {

class AppContext : public QObject {
    Q_OBJECT

public:
    // Holds the built-in catalog and no data directory until configure().
    AppContext();
    ~AppContext() override;
    AppContext(const AppContext&) = delete;
    AppContext& operator=(const AppContext&) = delete;

    // Where the vault and the database live, and how the vault is made (tests lower the
    // scrypt cost). Call before the view models are made. The options' key wrap is always the
    // context's key store (below).
    void configure(std::filesystem::path dataDir, crypto::VaultOptions vaultOptions = {});

    // The OS key store that also wraps the vault key (platform_services.h: none on the
    // desktop), used by every vault opened with vaultOptions(). A test sets a fake (nullptr
    // puts this OS's back); set it before a session is opened.
    [[nodiscard]] platform::KeyStore& keyStore() const { return *keyStore_; }
    void setKeyStore(std::unique_ptr<platform::KeyStore> keyStore);

    [[nodiscard]] const std::filesystem::path& dataDir() const { return dataDir_; }
    [[nodiscard]] const crypto::VaultOptions& vaultOptions() const { return vaultOptions_; }

    // The open session, or nullptr while locked or before set-up.
    [[nodiscard]] store::VaultSession* session() const { return session_.get(); }
    // Where the vault of the data directory stands: none yet (first run), locked, or open.
    enum class VaultState { None, Locked, Open };
    [[nodiscard]] VaultState vaultState() const;
    // Takes over a freshly unlocked session (announced by sessionChanged).
    void adoptSession(std::unique_ptr<store::VaultSession> session);
    // Why a session closes. Locking leaves the sender delivering what is already in the
    // outbox (sync/README.md, "Sending while locked"); leaving the data directory (erase
    // everything, another directory) stops everything that uses it first.
    enum class CloseReason { Lock, LeaveDataDirectory };
    // Wipes the keys from memory and closes the store (announced by sessionChanged).
    void closeSession(CloseReason reason = CloseReason::Lock);
    // "Erase everything": whatever uses the data directory stops (the sender too: locking alone
    // would leave it sending), the vault keys are destroyed first (the OS key store forgets its
    // key: KeyStore::forget), then every draft, file and
    // outbox entry (VaultSession::eraseDataDirectory); the directory is then taken as new
    // (sessionChanged: no vault any more, set-up follows). Returns how the erasing went.
    store::StoreResult<void> eraseEverything();

    // The calls the app offers: the built-in catalog until a signed refresh replaces it.
    // Holders keep the catalog they were given alive; catalogChanged says a newer one is here.
    [[nodiscard]] std::shared_ptr<const calls::Catalog> catalog() const { return catalog_; }
    void setCatalog(std::shared_ptr<const calls::Catalog> catalog);

signals:
    // Before the session is locked: whoever uses its store or keys on another thread stops now.
    void aboutToCloseSession();
    // Before the data directory is erased or left: whoever uses its files stops now, even
    // while locked (the sender does).
    void aboutToLeaveDataDirectory();
    void sessionChanged();
    void catalogChanged();

private:
    std::filesystem::path dataDir_;
    crypto::VaultOptions vaultOptions_;
    std::unique_ptr<platform::KeyStore> keyStore_;
    std::unique_ptr<platform::KeyStoreVaultWrap> keyWrap_;
    std::unique_ptr<store::VaultSession> session_;
    std::shared_ptr<const calls::Catalog> catalog_;
};

// The default data directory: $AMICUS_DATA_DIR, else the platform's app data location.
[[nodiscard]] std::filesystem::path defaultDataDir();

} // namespace amicus::app
