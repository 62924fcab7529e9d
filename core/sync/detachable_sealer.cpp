#include "sync/detachable_sealer.h"

#include <mutex>

namespace amicus::sync {

void DetachableSealer::attach(const crypto::FieldSealer& sealer)
{
    std::unique_lock lock(mutex_);
    inner_ = &sealer;
}

void DetachableSealer::detach()
{
    std::unique_lock lock(mutex_);
    inner_ = nullptr;
}

bool DetachableSealer::attached() const
{
    std::shared_lock lock(mutex_);
    return inner_ != nullptr;
}

Result<std::vector<std::uint8_t>, crypto::SealError>
DetachableSealer::seal(std::span<const std::uint8_t> plaintext,
                       std::string_view associatedData) const
{
    std::shared_lock lock(mutex_);
    if (!inner_) {
        return fail(crypto::SealError::Locked);
    }
    return inner_->seal(plaintext, associatedData);
}

Result<std::vector<std::uint8_t>, crypto::SealError>
DetachableSealer::open(std::span<const std::uint8_t> sealed, std::string_view associatedData) const
{
    std::shared_lock lock(mutex_);
    if (!inner_) {
        return fail(crypto::SealError::Locked);
    }
    return inner_->open(sealed, associatedData);
}

} // namespace amicus::sync
