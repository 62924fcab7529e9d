// Validation of age X25519 recipient strings ("age1..."), as the catalog carries them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace amicus::calls {

// Decodes an age X25519 recipient with the same parser the age writer uses
// (crypto::X25519Recipient::parse: Bech32 checksum, human-readable part "age", 32 bytes,
// lower case). Returns the raw public key, or nothing when the text is not such a recipient.
[[nodiscard]] std::optional<std::array<std::uint8_t, 32>>
decodeAgeRecipient(std::string_view recipient);

} // namespace amicus::calls
