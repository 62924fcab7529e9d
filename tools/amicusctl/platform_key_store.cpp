#include "platform_key_store.h"

#include "key_store_vault_wrap.h"
#include "platform_services.h"
#include "vault_key_store.h"

#include <memory>

namespace amicus::amicusctl {

namespace {

struct Protection {
    std::unique_ptr<platform::KeyStore> thisOs = platform::createKeyStore();
    std::unique_ptr<platform::KeyStoreVaultWrap> wrap =
        std::make_unique<platform::KeyStoreVaultWrap>(*thisOs);
};

Protection& protection()
{
    static Protection instance;
    return instance;
}

} // namespace

void useKeyStore(platform::KeyStore* keyStore)
{
    Protection& used = protection();
    used.wrap = std::make_unique<platform::KeyStoreVaultWrap>(keyStore ? *keyStore : *used.thisOs);
}

crypto::VaultOptions vaultOptions()
{
    crypto::VaultOptions options;
    options.keyWrap = protection().wrap.get();
    return options;
}

} // namespace amicus::amicusctl
