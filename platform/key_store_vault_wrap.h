// KeyStoreVaultWrap: this OS's KeyStore as the vault's second lock (crypto::VaultKeyWrap), so
// core's vault, which knows no Qt, wraps its identity file with whatever key store the
// platform has. The desktop's (PassphraseOnlyKeyStore) does not protect at rest: the vault is
// then written exactly as the passphrase alone seals it.
#pragma once

#include "crypto/vault_key_wrap.h"
#include "key_store.h"

namespace amicus::platform {

class KeyStoreVaultWrap : public crypto::VaultKeyWrap {
public:
    // `keyStore` must outlive this wrap.
    explicit KeyStoreVaultWrap(KeyStore& keyStore) : keyStore_(keyStore) {}

    [[nodiscard]] bool protectsAtRest() const override { return keyStore_.protectsAtRest(); }
    [[nodiscard]] crypto::KeyWrapResult<std::vector<std::uint8_t>>
    wrap(std::span<const std::uint8_t> sealedIdentity) override;
    [[nodiscard]] crypto::KeyWrapResult<std::vector<std::uint8_t>>
    unwrap(std::span<const std::uint8_t> wrapped) override;

private:
    KeyStore& keyStore_;
};

} // namespace amicus::platform
