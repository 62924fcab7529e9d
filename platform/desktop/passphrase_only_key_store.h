// PassphraseOnlyKeyStore: the desktop's KeyStore. A desktop offers no key store the app can
// rely on (a headless account has no keyring), so the passphrase alone protects the vault:
// wrap() and unwrap() hand the bytes back unchanged and say so through protectsAtRest().
#pragma once

#include "key_store.h"

namespace amicus::platform {

class PassphraseOnlyKeyStore : public KeyStore {
public:
    [[nodiscard]] bool protectsAtRest() const override { return false; }
    [[nodiscard]] KeyStoreResult<QByteArray> wrap(const QByteArray& secret) override
    {
        return secret;
    }
    [[nodiscard]] KeyStoreResult<QByteArray> unwrap(const QByteArray& wrapped) override
    {
        return wrapped;
    }
    // Nothing is held outside the vault's own files, so there is nothing to delete.
    [[nodiscard]] KeyStoreResult<void> forget() override { return {}; }
};

} // namespace amicus::platform
