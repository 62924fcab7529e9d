// AgeError: every way reading or writing an age file can fail, as a typed code plus a detail
// for logs (never shown to users as is; the UI translates the code).
#pragma once

#include <string>

namespace amicus::crypto {

enum class AgeErrorCode {
    Header,             // the header does not parse, or a stanza is malformed or forbidden
    NoMatchingIdentity, // the header parsed but no identity could unwrap the file key
    HeaderMac,          // a file key was unwrapped but the header MAC does not match
    Payload,            // a payload chunk failed to authenticate, or trailing data
    Truncated,          // the input ended before the file did (header, nonce or last chunk)
    Armor,              // the ASCII armor around the file is malformed
    Io,                 // the source or the sink failed
    Cancelled,          // the caller's cancellation was observed
    InvalidKey,         // a recipient or identity string or file is not valid
    InvalidRecipients,  // no recipients, or an scrypt recipient mixed with others
    Backend,            // the crypto library failed (out of memory, missing algorithm)
};

struct AgeError {
    AgeErrorCode code = AgeErrorCode::Backend;
    std::string detail;
};

// A stable English name for logs and the CLI.
[[nodiscard]] const char* ageErrorName(AgeErrorCode code);

} // namespace amicus::crypto
