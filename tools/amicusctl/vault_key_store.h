// The vault's second lock as the app has it: this OS's key store (platform::createKeyStore,
// platform_services.h) wraps the vault key, so a vault the app made where the key store
// protects at rest opens here too, and a vault made or opened here is wrapped as the app's is.
// Built without the Qt parts (AMICUS_BUILD_APP=OFF: the sanitizer, fuzz and arm64 core
// builds) there is no platform layer, and the passphrase alone opens the vault, as with the
// desktop's key store.
#pragma once

#include "crypto/vault.h"

namespace amicus::amicusctl {

// The options every command opens or creates the vault with (its key wrap, when there is one).
[[nodiscard]] crypto::VaultOptions vaultOptions();

} // namespace amicus::amicusctl
