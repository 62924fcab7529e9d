// KeyStore: the OS's own key store wrapping the vault key, so a copy of the data directory
// taken off the phone cannot be attacked with the passphrase alone (Android Keystore, iOS
// Keychain with the Secure Enclave; docs/mobile.md). The desktop has none: there the
// passphrase alone protects the vault, and wrapping leaves the bytes as they are.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace amicus::platform {

enum class KeyStoreError {
    Refused,     // the user or the OS declined (authentication cancelled, device locked)
    Invalidated, // the wrapping key is gone (forgotten, device lock removed, app reinstalled)
    Corrupt,     // the wrapped bytes were not made by this key store, or were changed
    Backend,     // the OS key store failed
};

struct KeyStoreFailure {
    KeyStoreError code = KeyStoreError::Backend;
    QString detail;
};

template <typename T>
using KeyStoreResult = Result<T, KeyStoreFailure>;

// One wrapping key per app, kept by the OS. One implementation per OS, a fake for tests.
class KeyStore {
public:
    KeyStore() = default;
    KeyStore(const KeyStore&) = delete;
    KeyStore& operator=(const KeyStore&) = delete;
    virtual ~KeyStore() = default;

    // True when wrap() really encrypts under a key the OS keeps (a phone); false when the
    // passphrase alone protects the vault (the desktop), and wrap() returns its input.
    [[nodiscard]] virtual bool protectsAtRest() const = 0;

    // Encrypts `secret` (the passphrase-sealed vault identity) under the OS-held key. The
    // result is what the vault stores; only unwrap() on this device can read it back.
    [[nodiscard]] virtual KeyStoreResult<QByteArray> wrap(const QByteArray& secret) = 0;

    // Reverses wrap(). Fails with Corrupt on bytes it did not make (or that were altered),
    // Invalidated after forget(), Refused when the user declines.
    [[nodiscard]] virtual KeyStoreResult<QByteArray> unwrap(const QByteArray& wrapped) = 0;

    // Deletes the OS-held key: everything it wrapped becomes unreadable (erasing the vault).
    [[nodiscard]] virtual KeyStoreResult<void> forget() = 0;
};

} // namespace amicus::platform
