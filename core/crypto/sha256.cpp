#include "crypto/sha256.h"

#include <cstdlib>
#include <openssl/evp.h>
#include <utility>

namespace amicus::crypto {

namespace {
// SHA-256 on a live context cannot fail short of memory corruption; stop rather than return
// a digest that would be wrong.
void check(int rc)
{
    if (rc != 1) {
        std::abort();
    }
}
} // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new())
{
    if (ctx_ == nullptr) {
        std::abort();
    }
    check(EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr));
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(ctx_);
}

Sha256::Sha256(Sha256&& other) noexcept : ctx_(std::exchange(other.ctx_, nullptr))
{
}

Sha256& Sha256::operator=(Sha256&& other) noexcept
{
    if (this != &other) {
        EVP_MD_CTX_free(ctx_);
        ctx_ = std::exchange(other.ctx_, nullptr);
    }
    return *this;
}

void Sha256::update(std::span<const std::uint8_t> bytes)
{
    if (!bytes.empty()) {
        check(EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()));
    }
}

void Sha256::update(std::string_view text)
{
    if (!text.empty()) {
        check(EVP_DigestUpdate(ctx_, text.data(), text.size()));
    }
}

Sha256Digest Sha256::finish()
{
    Sha256Digest out{};
    unsigned int length = 0;
    check(EVP_DigestFinal_ex(ctx_, out.data(), &length));
    check(EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr));
    return out;
}

Sha256Digest Sha256::digest(std::span<const std::uint8_t> bytes)
{
    Sha256 hasher;
    hasher.update(bytes);
    return hasher.finish();
}

Sha256Digest Sha256::digest(std::string_view text)
{
    Sha256 hasher;
    hasher.update(text);
    return hasher.finish();
}

std::string toHex(std::span<const std::uint8_t> bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

} // namespace amicus::crypto
