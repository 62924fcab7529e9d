// adviceFor: why an outbox entry is not moving and what the user may do about it.
#include "sync/outbox_advice.h"

#include <gtest/gtest.h>

namespace amicus::sync {
namespace {

using store::OutboxState;

store::OutboxEntry entry(OutboxState state, std::optional<SyncErrorCode> error = std::nullopt,
                         bool retryLater = false)
{
    store::OutboxEntry made;
    made.state = state;
    if (error) {
        made.lastErrorCode = std::string(syncErrorName(*error));
    }
    if (retryLater) {
        made.nextTryAt = 1'700'000'000'000;
    }
    return made;
}

// The sender's conditions, and a call the catalog still has open.
EntrySurroundings sendingOn(NetworkState network, SyncPolicy policy)
{
    return {SendingConditions{network, policy}, false};
}

const EntrySurroundings online = sendingOn({true, false}, SyncPolicy::AnyNetwork);

TEST(OutboxAdvice, AFailureThatNeedsTheUserSaysWhatCanBeDone)
{
    struct Case {
        SyncErrorCode error;
        HoldUp holdUp;
        OutboxActions actions;
    };
    const Case cases[] = {
        {SyncErrorCode::TooLarge, HoldUp::TooLarge, {false, true, false, true}},
        {SyncErrorCode::LocalIo, HoldUp::LocalFileDamaged, {false, true, false, true}},
        {SyncErrorCode::Refused, HoldUp::Refused, {true, false, false, true}},
        {SyncErrorCode::TlsPinMismatch, HoldUp::EndpointUnsafe, {true, false, false, true}},
        {SyncErrorCode::TlsFailure, HoldUp::EndpointUnsafe, {true, false, false, true}},
        {SyncErrorCode::CaptivePortal, HoldUp::CaptivePortal, {true, false, false, true}},
        {SyncErrorCode::ReceiptInvalid, HoldUp::ReceiptInvalid, {true, false, false, true}},
        {SyncErrorCode::CallWithdrawn, HoldUp::CallWithdrawn, {false, false, true, true}},
        {SyncErrorCode::UnexpectedAnswer, HoldUp::Refused, {true, false, false, true}},
    };
    for (const auto& c : cases) {
        const auto advice = adviceFor(entry(OutboxState::NeedsAttention, c.error), online);
        EXPECT_EQ(advice.holdUp, c.holdUp) << syncErrorName(c.error);
        EXPECT_EQ(advice.actions, c.actions) << syncErrorName(c.error);
    }
    // Stopped without a recorded error: nothing to explain, but it can still be removed.
    const auto bare = adviceFor(entry(OutboxState::NeedsAttention), online);
    EXPECT_EQ(bare.holdUp, HoldUp::None);
    EXPECT_EQ(bare.actions, (OutboxActions{false, false, false, true}));
}

TEST(OutboxAdvice, AnErrorNameFromANewerVersionIsARefusal)
{
    auto stored = entry(OutboxState::NeedsAttention);
    stored.lastErrorCode = "something_new";
    EXPECT_EQ(adviceFor(stored, online).holdUp, HoldUp::Refused);
}

TEST(OutboxAdvice, AWaitIsExplainedByTheSendersConditionsFirst)
{
    const auto waiting = entry(OutboxState::Waiting, SyncErrorCode::CaptivePortal, true);
    EXPECT_EQ(adviceFor(waiting, sendingOn({false, false}, SyncPolicy::AnyNetwork)).holdUp,
              HoldUp::Offline);
    EXPECT_EQ(adviceFor(waiting, sendingOn({true, false}, SyncPolicy::Manual)).holdUp,
              HoldUp::WaitingForUser);
    EXPECT_EQ(adviceFor(waiting, sendingOn({true, true}, SyncPolicy::UnmeteredOnly)).holdUp,
              HoldUp::WaitingForWiFi);
    // Unmetered network, or any network allowed: the entry's own wait.
    EXPECT_EQ(adviceFor(waiting, sendingOn({true, false}, SyncPolicy::UnmeteredOnly)).holdUp,
              HoldUp::CaptivePortal);
    // A sign-in page the engine keeps retrying: only the user can sign in, then try again.
    const auto signIn = adviceFor(waiting, online);
    EXPECT_EQ(signIn.holdUp, HoldUp::CaptivePortal);
    EXPECT_EQ(signIn.actions, (OutboxActions{true, false, false, false}));
}

TEST(OutboxAdvice, ABackoffSaysWhetherTheEndpointIsBusy)
{
    EXPECT_EQ(
        adviceFor(entry(OutboxState::Queued, SyncErrorCode::EndpointBusy, true), online).holdUp,
        HoldUp::EndpointBusy);
    const auto later = adviceFor(entry(OutboxState::Waiting, SyncErrorCode::Timeout, true), online);
    EXPECT_EQ(later.holdUp, HoldUp::RetryLater);
    EXPECT_EQ(later.actions, OutboxActions{});
    // The error of an earlier attempt, with no next try planned: nothing holds it up.
    EXPECT_EQ(adviceFor(entry(OutboxState::Queued, SyncErrorCode::EndpointBusy), online).holdUp,
              HoldUp::None);
}

TEST(OutboxAdvice, WithNothingSendingOnlyTheEntrySpeaks)
{
    EXPECT_EQ(adviceFor(entry(OutboxState::Waiting), EntrySurroundings{}).holdUp, HoldUp::None);
    EXPECT_EQ(
        adviceFor(entry(OutboxState::Waiting, SyncErrorCode::Timeout, true), EntrySurroundings{})
            .holdUp,
        HoldUp::RetryLater);
}

TEST(OutboxAdvice, MovingOrDeliveredEntriesAreNotHeldUp)
{
    const auto offline = sendingOn({false, false}, SyncPolicy::AnyNetwork);
    for (const auto state : {OutboxState::Uploading, OutboxState::Delivered}) {
        const auto advice = adviceFor(entry(state, SyncErrorCode::Timeout, true), offline);
        EXPECT_EQ(advice.holdUp, HoldUp::None);
        EXPECT_EQ(advice.actions, OutboxActions{});
    }
}

TEST(OutboxAdvice, AClosedCallHoldsTheEntryBackUntilItIsUploadingOrDelivered)
{
    // Held back by the sender ...
    auto held = entry(OutboxState::Waiting);
    held.waitReason = std::string(waitReasonName(WaitReason::CallClosed));
    auto advice = adviceFor(held, online);
    EXPECT_EQ(advice.holdUp, HoldUp::CallClosed);
    EXPECT_EQ(advice.actions, (OutboxActions{false, false, true, true}));
    // ... or about to be: the catalog the app holds closed it since the sender's last run,
    // whatever else the entry waits for.
    EntrySurroundings closed = sendingOn({false, false}, SyncPolicy::AnyNetwork);
    closed.callClosed = true;
    for (const auto state :
         {OutboxState::Queued, OutboxState::Waiting, OutboxState::NeedsAttention}) {
        advice = adviceFor(entry(state, SyncErrorCode::TooLarge, true), closed);
        EXPECT_EQ(advice.holdUp, HoldUp::CallClosed);
        EXPECT_EQ(advice.actions, (OutboxActions{false, false, true, true}));
    }
    // What is on its way or arrived is not held back.
    for (const auto state : {OutboxState::Uploading, OutboxState::Delivered}) {
        EXPECT_EQ(adviceFor(entry(state), closed).holdUp, HoldUp::None);
    }
}

} // namespace
} // namespace amicus::sync
