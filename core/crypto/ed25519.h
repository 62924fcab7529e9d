// Ed25519 (RFC 8032) signing keys and public keys, for the signed catalog and receipts.
#pragma once

#include "common/result.h"
#include "crypto/crypto_error.h"
#include "crypto/secret_bytes.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace amicus::crypto {

using Ed25519Signature = std::array<std::uint8_t, 64>;

// A public key that verifies signatures; 32 raw bytes, exchanged as padded base64.
class Ed25519PublicKey {
public:
    static constexpr std::size_t size = 32;

    // Accepts exactly 32 bytes that decode to a point on the curve.
    [[nodiscard]] static Result<Ed25519PublicKey, CryptoError>
    fromRaw(std::span<const std::uint8_t> raw);
    // Accepts the padded standard base64 of the 32 raw bytes.
    [[nodiscard]] static Result<Ed25519PublicKey, CryptoError> fromBase64(std::string_view text);

    [[nodiscard]] const std::array<std::uint8_t, size>& raw() const { return raw_; }
    [[nodiscard]] std::string toBase64() const;

    // True only when `signature` is a valid RFC 8032 signature of `message` by this key.
    [[nodiscard]] bool verify(std::span<const std::uint8_t> message,
                              std::span<const std::uint8_t> signature) const;
    [[nodiscard]] bool verify(std::string_view message,
                              std::span<const std::uint8_t> signature) const;

    friend bool operator==(const Ed25519PublicKey&, const Ed25519PublicKey&) = default;

private:
    explicit Ed25519PublicKey(const std::array<std::uint8_t, size>& raw) : raw_(raw) {}
    std::array<std::uint8_t, size> raw_{};
};

// A signing key: the 32-byte RFC 8032 seed (wiped on destruction) and its public key.
class Ed25519KeyPair {
public:
    static constexpr std::size_t seedSize = 32;

    [[nodiscard]] static Result<Ed25519KeyPair, CryptoError> generate();
    [[nodiscard]] static Result<Ed25519KeyPair, CryptoError>
    fromSeed(std::span<const std::uint8_t> seed);

    [[nodiscard]] const Ed25519PublicKey& publicKey() const { return publicKey_; }
    // The secret seed; callers that store it must protect it (e.g. seal it in the vault).
    [[nodiscard]] std::span<const std::uint8_t> seed() const { return seed_.span(); }

    [[nodiscard]] Result<Ed25519Signature, CryptoError>
    sign(std::span<const std::uint8_t> message) const;
    [[nodiscard]] Result<Ed25519Signature, CryptoError> sign(std::string_view message) const;

private:
    Ed25519KeyPair(SecretBytes seed, Ed25519PublicKey publicKey)
        : seed_(std::move(seed)), publicKey_(publicKey)
    {
    }
    SecretBytes seed_;
    Ed25519PublicKey publicKey_;
};

} // namespace amicus::crypto
