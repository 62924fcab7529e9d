#include "crypto/primitives.h"

#include <climits>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <utility>
#include <vector>

namespace amicus::crypto {

namespace {

struct KdfFree {
    void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};
struct MacFree {
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacCtxFree {
    void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};
struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};

// OpenSSL's parameter API takes non-const pointers for input buffers it only reads.
void* mutableData(std::span<const std::uint8_t> bytes)
{
    return const_cast<std::uint8_t*>(bytes.data());
}

Result<SecretBytes, CryptoError> deriveWith(const char* algorithm, const OSSL_PARAM* params,
                                            std::size_t length)
{
    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, algorithm, nullptr));
    if (!kdf) {
        return fail(CryptoError::Backend);
    }
    std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx) {
        return fail(CryptoError::Backend);
    }
    SecretBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) {
        return fail(CryptoError::Backend);
    }
    return out;
}

} // namespace

Result<SecretBytes, CryptoError> hkdfSha256(std::span<const std::uint8_t> ikm,
                                            std::span<const std::uint8_t> salt,
                                            std::string_view info, std::size_t length)
{
    if (length == 0 || length > 255 * 32) {
        return fail(CryptoError::InvalidLength);
    }
    char digest[] = "SHA256";
    std::vector<OSSL_PARAM> params;
    params.push_back(OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0));
    params.push_back(
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, mutableData(ikm), ikm.size()));
    // Leaving the salt out makes OpenSSL use HashLen zeros, RFC 5869's default for "no salt".
    if (!salt.empty()) {
        params.push_back(
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mutableData(salt), salt.size()));
    }
    params.push_back(OSSL_PARAM_construct_octet_string(
        OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()), info.size()));
    params.push_back(OSSL_PARAM_construct_end());
    return deriveWith("HKDF", params.data(), length);
}

Result<Key32, CryptoError> hmacSha256(std::span<const std::uint8_t> key,
                                      std::span<const std::uint8_t> data)
{
    std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac) {
        return fail(CryptoError::Backend);
    }
    std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx) {
        return fail(CryptoError::Backend);
    }
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    // An empty HMAC key is valid in RFC 2104; OpenSSL wants a non-null pointer for it.
    static const std::uint8_t emptyKey[1] = {0};
    const std::uint8_t* keyData = key.empty() ? emptyKey : key.data();
    if (EVP_MAC_init(ctx.get(), keyData, key.size(), params) != 1 ||
        EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1) {
        return fail(CryptoError::Backend);
    }
    Key32 out{};
    std::size_t length = 0;
    if (EVP_MAC_final(ctx.get(), out.data(), &length, out.size()) != 1 || length != out.size()) {
        return fail(CryptoError::Backend);
    }
    return out;
}

bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<Key32, CryptoError> x25519(std::span<const std::uint8_t> scalar,
                                  std::span<const std::uint8_t> point)
{
    if (scalar.size() != 32 || point.size() != 32) {
        return fail(CryptoError::InvalidLength);
    }
    std::unique_ptr<EVP_PKEY, PkeyFree> ours(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, scalar.data(), scalar.size()));
    std::unique_ptr<EVP_PKEY, PkeyFree> theirs(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, point.data(), point.size()));
    if (!ours || !theirs) {
        return fail(CryptoError::Backend);
    }
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new(ours.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), theirs.get()) != 1) {
        return fail(CryptoError::Backend);
    }
    Key32 out{};
    std::size_t length = out.size();
    // OpenSSL refuses to derive an all-zero secret: that is the low-order point case.
    if (EVP_PKEY_derive(ctx.get(), out.data(), &length) != 1 || length != out.size()) {
        wipe(std::span(out));
        return fail(CryptoError::InvalidKey);
    }
    static const Key32 zero{};
    if (constantTimeEqual(out, zero)) {
        return fail(CryptoError::InvalidKey);
    }
    return out;
}

Result<Key32, CryptoError> x25519PublicKey(std::span<const std::uint8_t> scalar)
{
    if (scalar.size() != 32) {
        return fail(CryptoError::InvalidLength);
    }
    std::unique_ptr<EVP_PKEY, PkeyFree> key(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, scalar.data(), scalar.size()));
    if (!key) {
        return fail(CryptoError::Backend);
    }
    Key32 out{};
    std::size_t length = out.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), out.data(), &length) != 1 || length != 32) {
        return fail(CryptoError::Backend);
    }
    return out;
}

Result<SecretBytes, CryptoError> scrypt(std::span<const std::uint8_t> password,
                                        std::span<const std::uint8_t> salt, unsigned logN,
                                        std::uint32_t r, std::uint32_t p, std::size_t length)
{
    if (logN == 0 || logN > 40 || r == 0 || p == 0) {
        return fail(CryptoError::InvalidLength);
    }
    std::uint64_t n = std::uint64_t{1} << logN;
    // scrypt needs 128 * r * (N + p) bytes; OpenSSL refuses anything over 32 MiB unless told.
    std::uint64_t maxMemory = 128ull * r * (n + p + 2) + (16ull << 20);
    std::uint32_t rValue = r;
    std::uint32_t pValue = p;
    // OpenSSL wants a non-null pointer even for an empty password.
    static const std::uint8_t empty[1] = {0};
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_PASSWORD,
            const_cast<std::uint8_t*>(password.empty() ? empty : password.data()), password.size()),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<std::uint8_t*>(salt.empty() ? empty : salt.data()),
            salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &rValue),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &pValue),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
        OSSL_PARAM_construct_end(),
    };
    return deriveWith("SCRYPT", params, length);
}

Result<ChaCha20Poly1305, CryptoError> ChaCha20Poly1305::create(std::span<const std::uint8_t> key)
{
    if (key.size() != keySize) {
        return fail(CryptoError::InvalidLength);
    }
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    if (ctx == nullptr) {
        return fail(CryptoError::Backend);
    }
    ChaCha20Poly1305 aead(ctx);
    if (EVP_CipherInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, key.data(), nullptr, 1) != 1) {
        return fail(CryptoError::Backend);
    }
    return aead;
}

ChaCha20Poly1305::~ChaCha20Poly1305()
{
    EVP_CIPHER_CTX_free(ctx_);
}

ChaCha20Poly1305::ChaCha20Poly1305(ChaCha20Poly1305&& other) noexcept
    : ctx_(std::exchange(other.ctx_, nullptr))
{
}

ChaCha20Poly1305& ChaCha20Poly1305::operator=(ChaCha20Poly1305&& other) noexcept
{
    if (this != &other) {
        EVP_CIPHER_CTX_free(ctx_);
        ctx_ = std::exchange(other.ctx_, nullptr);
    }
    return *this;
}

Result<void, CryptoError> ChaCha20Poly1305::seal(std::span<const std::uint8_t> nonce,
                                                 std::span<const std::uint8_t> plaintext,
                                                 std::span<const std::uint8_t> aad,
                                                 std::span<std::uint8_t> out)
{
    if (nonce.size() != nonceSize || out.size() != plaintext.size() + tagSize ||
        plaintext.size() > INT_MAX || aad.size() > INT_MAX) {
        return fail(CryptoError::InvalidLength);
    }
    int length = 0;
    if (EVP_CipherInit_ex(ctx_, nullptr, nullptr, nullptr, nonce.data(), 1) != 1) {
        return fail(CryptoError::Backend);
    }
    if (!aad.empty() &&
        EVP_CipherUpdate(ctx_, nullptr, &length, aad.data(), static_cast<int>(aad.size())) != 1) {
        return fail(CryptoError::Backend);
    }
    if (!plaintext.empty() && EVP_CipherUpdate(ctx_, out.data(), &length, plaintext.data(),
                                               static_cast<int>(plaintext.size())) != 1) {
        return fail(CryptoError::Backend);
    }
    if (EVP_CipherFinal_ex(ctx_, out.data() + plaintext.size(), &length) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_GET_TAG, tagSize, out.data() + plaintext.size()) !=
            1) {
        return fail(CryptoError::Backend);
    }
    return {};
}

Result<void, CryptoError> ChaCha20Poly1305::open(std::span<const std::uint8_t> nonce,
                                                 std::span<const std::uint8_t> ciphertext,
                                                 std::span<const std::uint8_t> aad,
                                                 std::span<std::uint8_t> out)
{
    if (nonce.size() != nonceSize || ciphertext.size() < tagSize ||
        out.size() != ciphertext.size() - tagSize || ciphertext.size() > INT_MAX ||
        aad.size() > INT_MAX) {
        return fail(CryptoError::InvalidLength);
    }
    const std::size_t bodySize = ciphertext.size() - tagSize;
    std::array<std::uint8_t, tagSize> tag{};
    std::copy(ciphertext.begin() + static_cast<std::ptrdiff_t>(bodySize), ciphertext.end(),
              tag.begin());
    int length = 0;
    if (EVP_CipherInit_ex(ctx_, nullptr, nullptr, nullptr, nonce.data(), 0) != 1) {
        return fail(CryptoError::Backend);
    }
    if (!aad.empty() &&
        EVP_CipherUpdate(ctx_, nullptr, &length, aad.data(), static_cast<int>(aad.size())) != 1) {
        return fail(CryptoError::Backend);
    }
    if (bodySize > 0 && EVP_CipherUpdate(ctx_, out.data(), &length, ciphertext.data(),
                                         static_cast<int>(bodySize)) != 1) {
        return fail(CryptoError::Backend);
    }
    if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, tagSize, tag.data()) != 1) {
        return fail(CryptoError::Backend);
    }
    std::uint8_t finalBlock[16];
    if (EVP_CipherFinal_ex(ctx_, finalBlock, &length) != 1) {
        wipe(out);
        return fail(CryptoError::Unauthentic);
    }
    return {};
}

} // namespace amicus::crypto
