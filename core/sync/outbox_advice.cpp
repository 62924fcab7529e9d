#include "sync/outbox_advice.h"

#include "sync/sync_error.h"

namespace amicus::sync {

namespace {

using store::OutboxState;

std::optional<SyncErrorCode> lastErrorOf(const store::OutboxEntry& entry)
{
    if (!entry.lastErrorCode) {
        return std::nullopt;
    }
    // A name this version does not know is an answer it did not expect.
    return parseSyncErrorName(*entry.lastErrorCode).value_or(SyncErrorCode::UnexpectedAnswer);
}

// An entry that needs the user: what its error means.
HoldUp holdUpOfFailure(SyncErrorCode code)
{
    switch (code) {
    case SyncErrorCode::TooLarge:
        return HoldUp::TooLarge;
    case SyncErrorCode::TlsPinMismatch:
    case SyncErrorCode::TlsFailure:
        return HoldUp::EndpointUnsafe;
    case SyncErrorCode::CaptivePortal:
        return HoldUp::CaptivePortal;
    case SyncErrorCode::ReceiptInvalid:
        return HoldUp::ReceiptInvalid;
    case SyncErrorCode::LocalIo:
        return HoldUp::LocalFileDamaged;
    case SyncErrorCode::CallWithdrawn:
        return HoldUp::CallWithdrawn;
    default:
        return HoldUp::Refused;
    }
}

HoldUp holdUpOf(const store::OutboxEntry& entry, const EntrySurroundings& surroundings)
{
    // Held back by the sender, or about to be (the catalog closed the call since its last run).
    if (entry.state != OutboxState::Delivered && entry.state != OutboxState::Uploading &&
        (entry.waitReason == waitReasonName(WaitReason::CallClosed) || surroundings.callClosed)) {
        return HoldUp::CallClosed;
    }
    const auto error = lastErrorOf(entry);
    if (entry.state == OutboxState::NeedsAttention && error) {
        return holdUpOfFailure(*error);
    }
    if (entry.state != OutboxState::Waiting && entry.state != OutboxState::Queued) {
        return HoldUp::None;
    }
    if (const auto& sending = surroundings.sending) {
        if (!sending->network.reachable) {
            return HoldUp::Offline;
        }
        if (sending->policy == SyncPolicy::Manual) {
            return HoldUp::WaitingForUser;
        }
        if (sending->policy == SyncPolicy::UnmeteredOnly && sending->network.metered) {
            return HoldUp::WaitingForWiFi;
        }
    }
    if (!entry.nextTryAt) {
        return HoldUp::None;
    }
    // A sign-in page is transient for the engine (it retries), but only the user can sign in.
    if (error == SyncErrorCode::CaptivePortal) {
        return HoldUp::CaptivePortal;
    }
    return error == SyncErrorCode::EndpointBusy ? HoldUp::EndpointBusy : HoldUp::RetryLater;
}

OutboxActions actionsOf(OutboxState state, HoldUp holdUp)
{
    OutboxActions actions;
    // A sign-in page makes the engine wait and retry; only the user can sign in, then retry.
    actions.tryAgain = holdUp == HoldUp::Refused || holdUp == HoldUp::EndpointUnsafe ||
                       holdUp == HoldUp::ReceiptInvalid || holdUp == HoldUp::CaptivePortal;
    // Too large, or its package damaged: the same package can never go, a copy is packed again.
    actions.copy = holdUp == HoldUp::TooLarge || holdUp == HoldUp::LocalFileDamaged;
    // No call to send to: the draft stays, to read or export.
    actions.openDraft = holdUp == HoldUp::CallWithdrawn || holdUp == HoldUp::CallClosed;
    actions.remove = state == OutboxState::NeedsAttention || holdUp == HoldUp::CallClosed;
    return actions;
}

} // namespace

OutboxAdvice adviceFor(const store::OutboxEntry& entry, const EntrySurroundings& surroundings)
{
    const HoldUp holdUp = holdUpOf(entry, surroundings);
    return {holdUp, actionsOf(entry.state, holdUp)};
}

} // namespace amicus::sync
