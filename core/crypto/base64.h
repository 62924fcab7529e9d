// Base64 (RFC 4648 standard alphabet), strict: the age header needs canonical, unpadded
// encodings, and keys exchanged as text (Ed25519 public keys) use the padded form.
#pragma once

#include "common/result.h"
#include "crypto/crypto_error.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::crypto {

enum class Base64Padding { Padded, Unpadded };

[[nodiscard]] std::string base64Encode(std::span<const std::uint8_t> bytes,
                                       Base64Padding padding = Base64Padding::Padded);

// Decodes only canonical input: the given padding rule, no whitespace, no stray bits set in
// the last character. Anything else is CryptoError::Malformed.
[[nodiscard]] Result<std::vector<std::uint8_t>, CryptoError>
base64Decode(std::string_view text, Base64Padding padding = Base64Padding::Padded);

} // namespace amicus::crypto
