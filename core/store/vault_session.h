// VaultSession: an Amicus data directory (DataLayout) opened for use — the vault unlocked with
// the user's passphrase and the store on top of it. The one way the app, amicusctl and the
// tests open the data.
#pragma once

#include "crypto/vault.h"
#include "store/age_blob_encryptor.h"
#include "store/data_layout.h"
#include "store/login_error.h"
#include "store/vault_store.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

namespace amicus::store {

// The session's store() is a connection for one thread: the first that uses it once the session
// is open (the app unlocks on a worker and hands the session to its UI thread); work on another
// thread opens its own with openConnection(). The vault itself (its sealer and identity) may be
// used from several threads while the session lives.
class VaultSession {
public:
    // Sets up a new data directory: a vault sealed under `passphrase` and an empty database.
    // AlreadyExists when the directory already holds a vault.
    [[nodiscard]] static LoginResult<std::unique_ptr<VaultSession>>
    create(const std::filesystem::path& dataDir, std::string_view passphrase,
           crypto::VaultOptions vaultOptions = {}, StoreOptions storeOptions = {});

    // Unlocks the vault (WrongPassphrase, RateLimited, NoVault) and opens the store (Store, with
    // the VaultStore::open error). Nothing on disk changes when either fails.
    [[nodiscard]] static LoginResult<std::unique_ptr<VaultSession>>
    open(const std::filesystem::path& dataDir, std::string_view passphrase,
         crypto::VaultOptions vaultOptions = {}, StoreOptions storeOptions = {});

    // "Erase everything": crypto-shreds the vault key files first (so whatever survives on
    // the flash is unreadable), then deletes the database, its -wal and -shm, and the blobs.
    [[nodiscard]] static StoreResult<void> eraseDataDirectory(const std::filesystem::path& dataDir);

    VaultSession(const VaultSession&) = delete;
    VaultSession& operator=(const VaultSession&) = delete;

    [[nodiscard]] VaultStore& store() { return *store_; }
    // Who hears of the changes committed on the session's store and on every connection opened
    // after this call (nullptr: nobody). Set it before the session's store is used elsewhere
    // than on the thread setting it; `listener` must outlive those connections' use.
    void setChangeListener(ChangeListener* listener);
    // A new connection to the same database, sealed by the same vault, for the calling thread
    // (e.g. a finalize on a worker thread); it must not outlive the session.
    [[nodiscard]] StoreResult<VaultStore> openConnection() const;
    [[nodiscard]] const std::filesystem::path& dataDir() const { return dataDir_; }
    [[nodiscard]] crypto::Vault& vault() { return *vault_; }
    // The vault identity (to decrypt attachments); nullptr once locked.
    [[nodiscard]] const crypto::X25519Identity* identity() const { return vault_->identity(); }
    // Wipes the keys from memory; every later sealing or opening fails with Locked.
    void lock() { vault_->lock(); }

private:
    VaultSession() = default;
    [[nodiscard]] static LoginResult<std::unique_ptr<VaultSession>>
    finishOpening(std::unique_ptr<crypto::Vault> vault, const std::filesystem::path& dataDir,
                  StoreOptions storeOptions);

    std::filesystem::path dataDir_;
    StoreOptions storeOptions_;
    std::unique_ptr<crypto::Vault> vault_;
    std::unique_ptr<AgeBlobEncryptor> blobs_;
    std::optional<VaultStore> store_;
    std::atomic<ChangeListener*> changes_{nullptr}; // read by openConnection on any thread
};

} // namespace amicus::store
