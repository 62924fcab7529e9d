// Changing the vault's passphrase from the app's settings: through a vault object of its own,
// so the session's may be locked (its keys wiped) while the key derivation runs on a worker.
#pragma once

#include "crypto/vault.h"
#include "store/login_error.h"

#include <filesystem>
#include <string_view>

namespace amicus::store {

// Re-protects the vault of `dataDir` under `next` (crypto::Vault::changePassphrase: nothing
// encrypted to the vault changes). `current` is checked as an unlock checks it: NoVault,
// WrongPassphrase (a failed attempt) and RateLimited as a login answers them.
[[nodiscard]] LoginResult<void> changeVaultPassphrase(const std::filesystem::path& dataDir,
                                                      std::string_view current,
                                                      std::string_view next,
                                                      const crypto::VaultOptions& options = {});

} // namespace amicus::store
