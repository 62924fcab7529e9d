#include "store/vault_session.h"

#include <system_error>

namespace amicus::store {

StoreError fromVaultFailure(const crypto::VaultFailure& failure)
{
    StoreError error;
    error.detail = "vault: " + failure.detail;
    switch (failure.code) {
    case crypto::VaultError::AlreadyExists:
        error.code = StoreErrc::AlreadyExists;
        break;
    case crypto::VaultError::NotFound:
        error.code = StoreErrc::NoVault;
        break;
    case crypto::VaultError::Corrupt:
        error.code = StoreErrc::Corrupt;
        break;
    case crypto::VaultError::WrongPassphrase:
        error.code = StoreErrc::WrongPassphrase;
        break;
    case crypto::VaultError::RateLimited:
        error.code = StoreErrc::RateLimited;
        break;
    case crypto::VaultError::Locked:
        error.code = StoreErrc::Locked;
        break;
    case crypto::VaultError::Io:
        error.code = StoreErrc::Io;
        break;
    case crypto::VaultError::Backend:
        error.code = StoreErrc::Internal;
        break;
    }
    return error;
}

StoreResult<std::unique_ptr<VaultSession>>
VaultSession::finishOpening(std::unique_ptr<crypto::Vault> vault,
                            const std::filesystem::path& dataDir, StoreOptions storeOptions)
{
    std::unique_ptr<VaultSession> session(new VaultSession());
    session->dataDir_ = dataDir;
    session->storeOptions_ = std::move(storeOptions);
    session->blobs_ = std::make_unique<AgeBlobEncryptor>(vault->recipient());
    session->vault_ = std::move(vault);
    auto store = session->openConnection();
    if (!store) {
        return fail(store.error());
    }
    session->store_.emplace(std::move(*store));
    // What the sender learnt while the vault was locked goes back into the sealed columns.
    if (const auto* identity = session->vault_->identity()) {
        if (auto merged = session->store_->outbox().mergeLockedNotes(*identity); !merged) {
            return fail(merged.error());
        }
    }
    // The app unlocks on a worker and uses the session on its UI thread.
    session->store_->releaseThread();
    return session;
}

StoreResult<VaultStore> VaultSession::openConnection() const
{
    auto store = VaultStore::open(DataLayout::storePaths(dataDir_), vault_->fieldSealer(), *blobs_,
                                  storeOptions_);
    if (store) {
        store->database().setChangeListener(changes_.load());
    }
    return store;
}

void VaultSession::setChangeListener(ChangeListener* listener)
{
    changes_.store(listener);
    store_->database().setChangeListener(listener);
}

StoreResult<std::unique_ptr<VaultSession>>
VaultSession::create(const std::filesystem::path& dataDir, std::string_view passphrase,
                     crypto::VaultOptions vaultOptions, StoreOptions storeOptions)
{
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec) {
        return fail(StoreError{StoreErrc::Io, "create data directory: " + ec.message()});
    }
    // Only the user may list or read the data directory.
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    if (std::filesystem::exists(DataLayout::storePaths(dataDir).database)) {
        return fail(StoreError{StoreErrc::AlreadyExists, "a database is already there"});
    }
    auto vault =
        crypto::Vault::create(DataLayout::vaultDir(dataDir), passphrase, std::move(vaultOptions));
    if (!vault) {
        return fail(fromVaultFailure(vault.error()));
    }
    return finishOpening(std::move(*vault), dataDir, std::move(storeOptions));
}

StoreResult<std::unique_ptr<VaultSession>> VaultSession::open(const std::filesystem::path& dataDir,
                                                              std::string_view passphrase,
                                                              crypto::VaultOptions vaultOptions,
                                                              StoreOptions storeOptions)
{
    if (!crypto::Vault::exists(DataLayout::vaultDir(dataDir))) {
        return fail(StoreError{StoreErrc::NoVault, "no vault in " + dataDir.string()});
    }
    auto vault = crypto::Vault::open(DataLayout::vaultDir(dataDir), std::move(vaultOptions));
    if (!vault) {
        return fail(fromVaultFailure(vault.error()));
    }
    auto unlocked = (*vault)->unlock(passphrase);
    if (!unlocked) {
        return fail(fromVaultFailure(unlocked.error()));
    }
    return finishOpening(std::move(*vault), dataDir, std::move(storeOptions));
}

StoreResult<void> VaultSession::eraseDataDirectory(const std::filesystem::path& dataDir)
{
    const auto vaultDir = DataLayout::vaultDir(dataDir);
    if (crypto::Vault::exists(vaultDir)) {
        auto erased = crypto::Vault::erase(vaultDir);
        if (!erased) {
            return fail(fromVaultFailure(erased.error()));
        }
    }
    const auto paths = DataLayout::storePaths(dataDir);
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(paths.database.string() + suffix, ec);
        if (ec) {
            return fail(StoreError{StoreErrc::Io, "erase database: " + ec.message()});
        }
    }
    std::filesystem::remove_all(paths.blobDir, ec);
    if (ec) {
        return fail(StoreError{StoreErrc::Io, "erase blobs: " + ec.message()});
    }
    std::filesystem::remove_all(vaultDir, ec);
    return {};
}

} // namespace amicus::store
