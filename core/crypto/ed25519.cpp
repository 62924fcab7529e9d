#include "crypto/ed25519.h"

#include "crypto/base64.h"
#include "crypto/random.h"

#include <memory>
#include <openssl/evp.h>

namespace amicus::crypto {

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

PkeyPtr privateKey(std::span<const std::uint8_t> seed)
{
    return PkeyPtr(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
}

} // namespace

Result<Ed25519PublicKey, CryptoError> Ed25519PublicKey::fromRaw(std::span<const std::uint8_t> raw)
{
    if (raw.size() != size) {
        return fail(CryptoError::InvalidLength);
    }
    // OpenSSL only copies the bytes here; the point is decoded (and rejected) at verify time.
    PkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw.data(), raw.size()));
    if (!key) {
        return fail(CryptoError::InvalidKey);
    }
    std::array<std::uint8_t, size> bytes{};
    std::copy(raw.begin(), raw.end(), bytes.begin());
    return Ed25519PublicKey(bytes);
}

Result<Ed25519PublicKey, CryptoError> Ed25519PublicKey::fromBase64(std::string_view text)
{
    auto raw = base64Decode(text, Base64Padding::Padded);
    if (!raw) {
        return fail(raw.error());
    }
    return fromRaw(*raw);
}

std::string Ed25519PublicKey::toBase64() const
{
    return base64Encode(raw_, Base64Padding::Padded);
}

bool Ed25519PublicKey::verify(std::span<const std::uint8_t> message,
                              std::span<const std::uint8_t> signature) const
{
    if (signature.size() != 64) {
        return false;
    }
    PkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw_.data(), raw_.size()));
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!key || !ctx) {
        return false;
    }
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        return false;
    }
    return EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                            message.size()) == 1;
}

bool Ed25519PublicKey::verify(std::string_view message,
                              std::span<const std::uint8_t> signature) const
{
    return verify(std::span(reinterpret_cast<const std::uint8_t*>(message.data()), message.size()),
                  signature);
}

Result<Ed25519KeyPair, CryptoError> Ed25519KeyPair::generate()
{
    SecretBytes seed(seedSize);
    auto filled = fillRandom(seed.mutableSpan());
    if (!filled) {
        return fail(filled.error());
    }
    return fromSeed(seed.span());
}

Result<Ed25519KeyPair, CryptoError> Ed25519KeyPair::fromSeed(std::span<const std::uint8_t> seed)
{
    if (seed.size() != seedSize) {
        return fail(CryptoError::InvalidLength);
    }
    PkeyPtr key = privateKey(seed);
    if (!key) {
        return fail(CryptoError::Backend);
    }
    std::array<std::uint8_t, Ed25519PublicKey::size> raw{};
    std::size_t length = raw.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), raw.data(), &length) != 1 || length != raw.size()) {
        return fail(CryptoError::Backend);
    }
    auto publicKey = Ed25519PublicKey::fromRaw(raw);
    if (!publicKey) {
        return fail(publicKey.error());
    }
    return Ed25519KeyPair(SecretBytes(seed), *publicKey);
}

Result<Ed25519Signature, CryptoError>
Ed25519KeyPair::sign(std::span<const std::uint8_t> message) const
{
    PkeyPtr key = privateKey(seed_.span());
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!key || !ctx) {
        return fail(CryptoError::Backend);
    }
    if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        return fail(CryptoError::Backend);
    }
    Ed25519Signature signature{};
    std::size_t length = signature.size();
    if (EVP_DigestSign(ctx.get(), signature.data(), &length, message.data(), message.size()) != 1 ||
        length != signature.size()) {
        return fail(CryptoError::Backend);
    }
    return signature;
}

Result<Ed25519Signature, CryptoError> Ed25519KeyPair::sign(std::string_view message) const
{
    return sign(std::span(reinterpret_cast<const std::uint8_t*>(message.data()), message.size()));
}

} // namespace amicus::crypto
