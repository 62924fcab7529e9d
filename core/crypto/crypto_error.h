// CryptoError: the typed failures of the low-level primitives in core/crypto.
#pragma once

namespace amicus::crypto {

enum class CryptoError {
    Backend,       // OpenSSL refused or failed (out of memory, missing algorithm)
    InvalidLength, // a key, nonce or input has the wrong size
    InvalidKey,    // a key is malformed or degenerate (e.g. low-order X25519 point)
    Unauthentic,   // an AEAD tag or a MAC did not verify
    Malformed,     // an encoding (base64, Bech32) is not valid
};

} // namespace amicus::crypto
