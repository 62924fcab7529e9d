// StreamControl: how a caller follows and stops a long encryption or decryption.
#pragma once

#include <cstdint>
#include <functional>

namespace amicus::crypto {

struct StreamControl {
    // Called after each 64 KiB chunk with the plaintext bytes processed so far.
    std::function<void(std::uint64_t plaintextBytes)> onProgress;
    // Polled before each chunk; returning true stops the work with AgeErrorCode::Cancelled.
    std::function<bool()> isCancelled;
};

} // namespace amicus::crypto
