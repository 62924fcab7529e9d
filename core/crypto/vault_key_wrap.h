// VaultKeyWrap: a second lock on the vault's passphrase-sealed identity file, whose key the OS
// keeps (a phone's key store: platform::KeyStore through platform::KeyStoreVaultWrap). With one,
// a copy of the data directory taken off the device cannot be attacked with guessed
// passphrases. The vault stays plain C++; the app hands its OS's wrap in VaultOptions.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace amicus::crypto {

enum class KeyWrapError {
    Refused,     // the user or the OS declined (authentication cancelled, device locked)
    Invalidated, // the wrapping key is gone: the vault cannot be opened on this device any more
    Corrupt,     // the wrapped bytes were not made by this key, or were changed
    Backend,     // the OS key store failed
};

struct KeyWrapFailure {
    KeyWrapError code = KeyWrapError::Backend;
    std::string detail;
};

template <typename T>
using KeyWrapResult = Result<T, KeyWrapFailure>;

class VaultKeyWrap {
public:
    VaultKeyWrap() = default;
    VaultKeyWrap(const VaultKeyWrap&) = delete;
    VaultKeyWrap& operator=(const VaultKeyWrap&) = delete;
    virtual ~VaultKeyWrap() = default;

    // False when this device has no key store (the desktop): the vault is then written as the
    // passphrase alone seals it, exactly as before key stores existed.
    [[nodiscard]] virtual bool protectsAtRest() const = 0;
    [[nodiscard]] virtual KeyWrapResult<std::vector<std::uint8_t>>
    wrap(std::span<const std::uint8_t> sealedIdentity) = 0;
    [[nodiscard]] virtual KeyWrapResult<std::vector<std::uint8_t>>
    unwrap(std::span<const std::uint8_t> wrapped) = 0;
};

} // namespace amicus::crypto
