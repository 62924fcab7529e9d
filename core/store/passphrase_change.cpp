#include "store/passphrase_change.h"

#include "store/data_layout.h"

namespace amicus::store {

LoginResult<void> changeVaultPassphrase(const std::filesystem::path& dataDir,
                                        std::string_view current, std::string_view next,
                                        const crypto::VaultOptions& options)
{
    auto vault = crypto::Vault::open(DataLayout::vaultDir(dataDir), options);
    if (!vault) {
        return fail(loginErrorFromVault(vault.error()));
    }
    if (auto changed = (*vault)->changePassphrase(current, next); !changed) {
        return fail(loginErrorFromVault(changed.error()));
    }
    return {};
}

} // namespace amicus::store
