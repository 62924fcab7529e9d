// Cryptographically secure random bytes from OpenSSL's DRBG.
#pragma once

#include "common/result.h"
#include "crypto/crypto_error.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace amicus::crypto {

// Fills `out` with random bytes (RAND_bytes). Fails only if the DRBG cannot be seeded.
[[nodiscard]] Result<void, CryptoError> fillRandom(std::span<std::uint8_t> out);

// Returns `count` random bytes.
[[nodiscard]] Result<std::vector<std::uint8_t>, CryptoError> randomBytes(std::size_t count);

// A fresh random UUID v4 (RFC 9562), lower-case, e.g. a submission id.
[[nodiscard]] Result<std::string, CryptoError> randomUuid();

} // namespace amicus::crypto
