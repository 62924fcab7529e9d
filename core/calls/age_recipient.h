// Validation of age X25519 recipient strings ("age1..."), as the catalog carries them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace amicus::calls {

// Decodes an age X25519 recipient: Bech32 (BIP 173, not Bech32m) with human-readable part
// "age" and exactly 32 data bytes, checksum verified, one case throughout. Returns the 32-byte
// public key, or nothing when any of that fails. age itself imposes no 90-character limit.
[[nodiscard]] std::optional<std::array<std::uint8_t, 32>>
decodeAgeRecipient(std::string_view recipient);

// The canonical (lower-case) spelling of a valid recipient.
[[nodiscard]] std::string canonicalAgeRecipient(std::string_view recipient);

} // namespace amicus::calls
