// SyncError: the typed reasons a tus exchange or an outbox attempt can fail, as the outbox
// records them and the UI translates them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace amicus::sync {

enum class SyncErrorCode {
    Offline,          // no route, host not resolved, connection refused
    NetworkDown,      // the connection broke mid-exchange
    Timeout,          // connecting or the whole exchange took too long
    Stalled,          // connected, but the link carried (almost) nothing for too long
    ServerError,      // 5xx
    TooLarge,         // 413: the envelope exceeds what the endpoint accepts
    Conflict,         // 409 on PATCH: the server's offset is not ours (re-HEAD)
    Gone,             // 404/410 on HEAD/PATCH: the upload expired or was swept
    Refused,          // any other 4xx (bad metadata, unknown call, ...)
    Duplicate,        // 409 duplicate_submission on creation (comes with a receipt)
    TlsPinMismatch,   // the server's public key matches none of the call's pins
    TlsFailure,       // TLS handshake or certificate verification failed
    CaptivePortal,    // an HTML page, a redirect elsewhere, or 511 instead of the endpoint
    UnexpectedAnswer, // a status or header the protocol does not allow here
    ReceiptInvalid,   // the receipt is malformed, badly signed, or not for our bytes
    Cancelled,        // the caller asked to stop
    LocalIo,          // the envelope file could not be read
    CallWithdrawn,    // the catalog no longer has the submission's call: nowhere to send it
    EndpointBusy,     // 429/507: the endpoint holds all the unfinished uploads it may for now
};

// A typed failure; `httpStatus` when the server answered, `detail` for logs only.
struct SyncError {
    SyncErrorCode code = SyncErrorCode::UnexpectedAnswer;
    long httpStatus = 0;
    std::string detail;
};

// A short stable name ("captive_portal"), stored in the outbox and shown in logs.
[[nodiscard]] std::string_view syncErrorName(SyncErrorCode code);
[[nodiscard]] std::optional<SyncErrorCode> parseSyncErrorName(std::string_view name);

// True for failures that may go away by themselves (retry with backoff); false for those the
// user must act on.
[[nodiscard]] bool isTransient(SyncErrorCode code);

} // namespace amicus::sync
