// AeadFieldSealer: the FieldSealer of an unlocked vault, ChaCha20-Poly1305 under a key that
// lock() wipes; also usable on its own with any 32-byte key (tests, other stores).
#pragma once

#include "crypto/field_sealer.h"
#include "crypto/secret_bytes.h"

#include <mutex>

namespace amicus::crypto {

class AeadFieldSealer : public FieldSealer {
public:
    static constexpr std::uint8_t formatVersion = 1;
    static constexpr std::size_t nonceSize = 12;
    static constexpr std::size_t tagSize = 16;
    static constexpr std::size_t overhead = 1 + nonceSize + tagSize;

    AeadFieldSealer() = default; // locked until setKey()
    explicit AeadFieldSealer(std::span<const std::uint8_t> key) { setKey(key); }

    // Installs a 32-byte key (unlocks). Keys of another size leave the sealer locked.
    void setKey(std::span<const std::uint8_t> key);
    // Wipes the key; seal() and open() then fail with SealError::Locked.
    void lock();
    [[nodiscard]] bool isLocked() const;

    // version 0x01 || 12-byte random nonce || ciphertext || 16-byte tag; the associated data
    // authenticated is the version byte followed by `associatedData`.
    [[nodiscard]] Result<std::vector<std::uint8_t>, SealError>
    seal(std::span<const std::uint8_t> plaintext, std::string_view associatedData) const override;
    [[nodiscard]] Result<std::vector<std::uint8_t>, SealError>
    open(std::span<const std::uint8_t> sealed, std::string_view associatedData) const override;

private:
    mutable std::mutex mutex_;
    SecretBytes key_;
};

} // namespace amicus::crypto
