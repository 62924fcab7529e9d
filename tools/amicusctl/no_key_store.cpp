// Without the platform layer (AMICUS_BUILD_APP=OFF) there is no key store: the passphrase alone.
#include "vault_key_store.h"

namespace amicus::amicusctl {

crypto::VaultOptions vaultOptions()
{
    return {};
}

} // namespace amicus::amicusctl
