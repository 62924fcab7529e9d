#include "store/vault_session.h"

#include <system_error>
#include <utility>

namespace amicus::store {

namespace {

LoginError loginError(LoginErrc code, std::string detail)
{
    LoginError error;
    error.code = code;
    error.detail = std::move(detail);
    return error;
}

} // namespace

LoginResult<std::unique_ptr<VaultSession>>
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
        return fail(loginErrorFromStore(store.error()));
    }
    session->store_.emplace(std::move(*store));
    // What the sender learnt while the vault was locked goes back into the sealed columns.
    if (const auto* identity = session->vault_->identity()) {
        if (auto merged = session->store_->outbox().mergeLockedNotes(*identity); !merged) {
            return fail(loginErrorFromStore(merged.error()));
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

LoginResult<std::unique_ptr<VaultSession>>
VaultSession::create(const std::filesystem::path& dataDir, std::string_view passphrase,
                     crypto::VaultOptions vaultOptions, StoreOptions storeOptions)
{
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec) {
        return fail(loginErrorFromStore(
            StoreError{StoreErrc::Io, "create data directory: " + ec.message()}));
    }
    // Only the user may list or read the data directory.
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    if (std::filesystem::exists(DataLayout::storePaths(dataDir).database)) {
        return fail(loginError(LoginErrc::AlreadyExists, "a database is already there"));
    }
    auto vault =
        crypto::Vault::create(DataLayout::vaultDir(dataDir), passphrase, std::move(vaultOptions));
    if (!vault) {
        return fail(loginErrorFromVault(vault.error()));
    }
    return finishOpening(std::move(*vault), dataDir, std::move(storeOptions));
}

LoginResult<std::unique_ptr<VaultSession>> VaultSession::open(const std::filesystem::path& dataDir,
                                                              std::string_view passphrase,
                                                              crypto::VaultOptions vaultOptions,
                                                              StoreOptions storeOptions)
{
    if (!crypto::Vault::exists(DataLayout::vaultDir(dataDir))) {
        return fail(loginError(LoginErrc::NoVault, "no vault in " + dataDir.string()));
    }
    auto vault = crypto::Vault::open(DataLayout::vaultDir(dataDir), std::move(vaultOptions));
    if (!vault) {
        return fail(loginErrorFromVault(vault.error()));
    }
    auto unlocked = (*vault)->unlock(passphrase);
    if (!unlocked) {
        return fail(loginErrorFromVault(unlocked.error()));
    }
    return finishOpening(std::move(*vault), dataDir, std::move(storeOptions));
}

StoreResult<void> VaultSession::eraseDataDirectory(const std::filesystem::path& dataDir)
{
    const auto vaultDir = DataLayout::vaultDir(dataDir);
    if (crypto::Vault::exists(vaultDir)) {
        auto erased = crypto::Vault::erase(vaultDir);
        if (!erased) {
            return fail(loginErrorFromVault(erased.error()).store);
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
