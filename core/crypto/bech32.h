// Bech32 (BIP 173 checksum, without its 90-character limit, as age uses it) for
// `age1…` recipients and `AGE-SECRET-KEY-1…` identities.
#pragma once

#include "common/result.h"
#include "crypto/crypto_error.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::crypto {

struct Bech32Data {
    std::string hrp; // as written: age keeps the case (lower for age, upper for secret keys)
    std::vector<std::uint8_t> data;
};

// Encodes 8-bit `data` under `hrp`; the result is upper case when `upperCase` is set.
[[nodiscard]] std::string bech32Encode(std::string_view hrp, std::span<const std::uint8_t> data,
                                       bool upperCase);

// Decodes a Bech32 string; mixed case, bad characters, a bad checksum or non-zero padding
// bits are CryptoError::Malformed.
[[nodiscard]] Result<Bech32Data, CryptoError> bech32Decode(std::string_view text);

} // namespace amicus::crypto
