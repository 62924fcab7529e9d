// FieldSealer: seals small personal values (draft text, submitter fields) for storage at rest.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace amicus::crypto {

enum class SealError {
    Locked,      // the vault is locked: no key to seal or open with
    Malformed,   // too short or of an unknown version
    Unauthentic, // the AEAD tag did not verify: tampered, or bound to another place
};

// A place-binding AEAD. The associated data names where the value lives
// (e.g. "drafts/answer/42/q1"), so a sealed value moved to another row does not open.
class FieldSealer {
public:
    virtual ~FieldSealer() = default;

    // Returns version byte || nonce || ciphertext || tag. Fails only when locked.
    virtual Result<std::vector<std::uint8_t>, SealError>
    seal(std::span<const std::uint8_t> plaintext, std::string_view associatedData) const = 0;

    // Returns the plaintext only when the tag verifies for exactly this associated data.
    virtual Result<std::vector<std::uint8_t>, SealError>
    open(std::span<const std::uint8_t> sealed, std::string_view associatedData) const = 0;
};

} // namespace amicus::crypto
