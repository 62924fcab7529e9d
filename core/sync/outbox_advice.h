// OutboxAdvice: what the outbox says about one entry — why it is not moving and what the user
// can do about it — decided from the entry's state, its last error and the sender's conditions.
// Plain data, so the rule is tested on its own; the app only shows it (roles such as canTryAgain).
#pragma once

#include "store/store_records.h"
#include "sync/outbox.h"

#include <optional>

namespace amicus::sync {

// Why an entry is not moving, as the user is told it.
enum class HoldUp {
    None,
    Offline,          // no network
    WaitingForWiFi,   // the policy allows unmetered networks only
    WaitingForUser,   // the policy is manual: "Send now"
    RetryLater,       // backoff after a transient failure (see the entry's nextTryAt)
    EndpointBusy,     // backoff because the endpoint answered 429/507 (its caps are reached)
    TooLarge,         // the endpoint refuses the size
    Refused,          // the endpoint refused the submission
    EndpointUnsafe,   // TLS pin mismatch or certificate failure
    CaptivePortal,    // a sign-in page is in the way
    ReceiptInvalid,   // the answer could not be verified
    CallWithdrawn,    // the catalog no longer has the call: nowhere to send it
    LocalFileDamaged, // the envelope on this device cannot be read
    CallClosed,       // the catalog closed the call: the sender holds it back, unsent
};

// What the user can do about an entry.
struct OutboxActions {
    bool tryAgain = false;  // "Try again now": a new attempt may go through
    bool copy = false;      // "Make an editable copy": only a changed copy can go
    bool openDraft = false; // "Open the draft": it cannot be sent at all, the draft stays
    bool remove = false;    // "Remove from the outbox": it needs the user
    friend bool operator==(const OutboxActions&, const OutboxActions&) = default;
};

// What the sender works under, as the outbox explains a wait.
struct SendingConditions {
    NetworkState network;
    SyncPolicy policy = SyncPolicy::AnyNetwork;
};

// What the app knows about an entry besides the entry itself.
struct EntrySurroundings {
    // The sender's conditions; nullopt when nothing sends.
    std::optional<SendingConditions> sending;
    // The catalog the app holds marks the entry's call closed (the sender may not have held it
    // back yet).
    bool callClosed = false;
};

struct OutboxAdvice {
    HoldUp holdUp = HoldUp::None;
    OutboxActions actions;
};

// The advice for `entry` in `surroundings`.
[[nodiscard]] OutboxAdvice adviceFor(const store::OutboxEntry& entry,
                                     const EntrySurroundings& surroundings);

} // namespace amicus::sync
