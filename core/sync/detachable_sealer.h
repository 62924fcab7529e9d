// DetachableSealer: the sender's handle on the vault's FieldSealer. The sender's thread seals
// through it; the lock path detaches it before the vault wipes its keys, so no sealing runs
// while (or after) the keys go, and every later call fails with Locked until the next unlock
// attaches the new session's sealer.
#pragma once

#include "crypto/field_sealer.h"

#include <shared_mutex>

namespace amicus::sync {

class DetachableSealer : public crypto::FieldSealer {
public:
    // Starts detached (Locked).
    DetachableSealer() = default;

    // `sealer` must stay valid until detach() returns.
    void attach(const crypto::FieldSealer& sealer);
    // Waits for a seal or open under way, then fails every later one with Locked.
    void detach();
    [[nodiscard]] bool attached() const;

    Result<std::vector<std::uint8_t>, crypto::SealError>
    seal(std::span<const std::uint8_t> plaintext, std::string_view associatedData) const override;
    Result<std::vector<std::uint8_t>, crypto::SealError>
    open(std::span<const std::uint8_t> sealed, std::string_view associatedData) const override;

private:
    mutable std::shared_mutex mutex_;
    const crypto::FieldSealer* inner_ = nullptr;
};

} // namespace amicus::sync
