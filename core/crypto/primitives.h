// Thin, typed wrappers over the OpenSSL 3 EVP primitives that age and the vault are built
// from: HKDF-SHA256, HMAC-SHA256, X25519, scrypt and ChaCha20-Poly1305.
#pragma once

#include "common/result.h"
#include "crypto/crypto_error.h"
#include "crypto/secret_bytes.h"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

struct evp_cipher_ctx_st;

namespace amicus::crypto {

using Key32 = std::array<std::uint8_t, 32>;

// RFC 5869 HKDF with SHA-256; an empty salt means HashLen zero bytes, as the RFC says.
[[nodiscard]] Result<SecretBytes, CryptoError> hkdfSha256(std::span<const std::uint8_t> ikm,
                                                          std::span<const std::uint8_t> salt,
                                                          std::string_view info,
                                                          std::size_t length);

// RFC 2104 HMAC with SHA-256.
[[nodiscard]] Result<Key32, CryptoError> hmacSha256(std::span<const std::uint8_t> key,
                                                    std::span<const std::uint8_t> data);

// Constant-time equality of two byte strings of the same length (CRYPTO_memcmp).
[[nodiscard]] bool constantTimeEqual(std::span<const std::uint8_t> a,
                                     std::span<const std::uint8_t> b);

// RFC 7748 X25519(scalar, point). Fails with InvalidKey when the result is all zeros
// (a low-order point), which age treats as an error.
[[nodiscard]] Result<Key32, CryptoError> x25519(std::span<const std::uint8_t> scalar,
                                                std::span<const std::uint8_t> point);
// X25519(scalar, 9): the public key of a secret scalar.
[[nodiscard]] Result<Key32, CryptoError> x25519PublicKey(std::span<const std::uint8_t> scalar);

// RFC 7914 scrypt with N = 2^logN.
[[nodiscard]] Result<SecretBytes, CryptoError> scrypt(std::span<const std::uint8_t> password,
                                                      std::span<const std::uint8_t> salt,
                                                      unsigned logN, std::uint32_t r,
                                                      std::uint32_t p, std::size_t length);

// RFC 8439 ChaCha20-Poly1305 bound to one key; reused for every chunk of a stream so the
// OpenSSL context is set up once.
class ChaCha20Poly1305 {
public:
    static constexpr std::size_t keySize = 32;
    static constexpr std::size_t nonceSize = 12;
    static constexpr std::size_t tagSize = 16;

    [[nodiscard]] static Result<ChaCha20Poly1305, CryptoError>
    create(std::span<const std::uint8_t> key);
    ~ChaCha20Poly1305();
    ChaCha20Poly1305(ChaCha20Poly1305&& other) noexcept;
    ChaCha20Poly1305& operator=(ChaCha20Poly1305&& other) noexcept;
    ChaCha20Poly1305(const ChaCha20Poly1305&) = delete;
    ChaCha20Poly1305& operator=(const ChaCha20Poly1305&) = delete;

    // Writes ciphertext || tag to `out`, which must hold plaintext.size() + tagSize bytes.
    // `out` may alias `plaintext` exactly (in-place).
    [[nodiscard]] Result<void, CryptoError> seal(std::span<const std::uint8_t> nonce,
                                                 std::span<const std::uint8_t> plaintext,
                                                 std::span<const std::uint8_t> aad,
                                                 std::span<std::uint8_t> out);
    // Writes the plaintext to `out` (ciphertext.size() - tagSize bytes) and fails with
    // Unauthentic when the tag does not verify; `out` is then wiped, never released.
    [[nodiscard]] Result<void, CryptoError> open(std::span<const std::uint8_t> nonce,
                                                 std::span<const std::uint8_t> ciphertext,
                                                 std::span<const std::uint8_t> aad,
                                                 std::span<std::uint8_t> out);

private:
    explicit ChaCha20Poly1305(evp_cipher_ctx_st* ctx) : ctx_(ctx) {}
    evp_cipher_ctx_st* ctx_ = nullptr;
};

} // namespace amicus::crypto
