#include "crypto/aead_field_sealer.h"

#include "crypto/primitives.h"
#include "crypto/random.h"

namespace amicus::crypto {

namespace {
std::vector<std::uint8_t> associated(std::string_view associatedData)
{
    std::vector<std::uint8_t> aad;
    aad.reserve(1 + associatedData.size());
    aad.push_back(AeadFieldSealer::formatVersion);
    aad.insert(aad.end(), associatedData.begin(), associatedData.end());
    return aad;
}
} // namespace

void AeadFieldSealer::setKey(std::span<const std::uint8_t> key)
{
    std::lock_guard guard(mutex_);
    key_.clear();
    if (key.size() == ChaCha20Poly1305::keySize) {
        key_ = SecretBytes(key);
    }
}

void AeadFieldSealer::lock()
{
    std::lock_guard guard(mutex_);
    key_.clear();
}

bool AeadFieldSealer::isLocked() const
{
    std::lock_guard guard(mutex_);
    return key_.empty();
}

Result<std::vector<std::uint8_t>, SealError>
AeadFieldSealer::seal(std::span<const std::uint8_t> plaintext,
                      std::string_view associatedData) const
{
    std::lock_guard guard(mutex_);
    if (key_.empty()) {
        return fail(SealError::Locked);
    }
    auto aead = ChaCha20Poly1305::create(key_.span());
    if (!aead) {
        return fail(SealError::Locked);
    }
    std::vector<std::uint8_t> out(overhead + plaintext.size());
    out[0] = formatVersion;
    const auto nonce = std::span(out).subspan(1, nonceSize);
    // A random 96-bit nonce per value: fields are small and few, far from the birthday bound.
    if (!fillRandom(nonce)) {
        return fail(SealError::Locked);
    }
    if (!aead->seal(nonce, plaintext, associated(associatedData),
                    std::span(out).subspan(1 + nonceSize))) {
        return fail(SealError::Locked);
    }
    return out;
}

Result<std::vector<std::uint8_t>, SealError>
AeadFieldSealer::open(std::span<const std::uint8_t> sealed, std::string_view associatedData) const
{
    std::lock_guard guard(mutex_);
    if (key_.empty()) {
        return fail(SealError::Locked);
    }
    if (sealed.size() < overhead || sealed[0] != formatVersion) {
        return fail(SealError::Malformed);
    }
    auto aead = ChaCha20Poly1305::create(key_.span());
    if (!aead) {
        return fail(SealError::Locked);
    }
    std::vector<std::uint8_t> out(sealed.size() - overhead);
    if (!aead->open(sealed.subspan(1, nonceSize), sealed.subspan(1 + nonceSize),
                    associated(associatedData), out)) {
        return fail(SealError::Unauthentic);
    }
    return out;
}

} // namespace amicus::crypto
