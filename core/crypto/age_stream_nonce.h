// The STREAM nonce of age's payload: an 11-byte big-endian chunk counter and a last-chunk flag.
#pragma once

#include "crypto/primitives.h"

#include <array>
#include <cstdint>

namespace amicus::crypto {

[[nodiscard]] inline std::array<std::uint8_t, ChaCha20Poly1305::nonceSize>
ageStreamNonce(std::uint64_t counter, bool last)
{
    std::array<std::uint8_t, ChaCha20Poly1305::nonceSize> nonce{};
    for (int i = 0; i < 8; ++i) {
        nonce[10 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
    }
    nonce[11] = last ? 1 : 0;
    return nonce;
}

} // namespace amicus::crypto
