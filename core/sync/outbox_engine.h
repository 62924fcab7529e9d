// OutboxEngine: sends finalized submissions with tus, exactly once, through drops, kills and
// expiry, and records each one's state in an OutboxRepository.
#pragma once

#include "sync/outbox.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <set>

namespace amicus::sync {

struct OutboxEngineOptions {
    TusOptions tus;
    // Full-jitter exponential backoff: the n-th failed attempt waits a uniformly random time in
    // [0, min(backoffCap, backoffBase * 2^(n-1))].
    std::chrono::milliseconds backoffBase{5'000};
    std::chrono::milliseconds backoffCap{3'600'000};
    int maxConflictRetries = 3; // 409s in a row within one attempt before giving up
};

class OutboxEngine {
public:
    using Clock = std::function<std::int64_t()>;   // milliseconds since the Unix epoch
    using Random = std::function<std::uint64_t()>; // uniformly distributed 64-bit values

    OutboxEngine(OutboxRepository& repository, const EndpointDirectory& endpoints, Clock clock,
                 Random random, OutboxEngineOptions options = {});

    void setObserver(OutboxObserver* observer) { observer_ = observer; }
    // Thread-safe. The policy and network decide what runDue() may send.
    void setPolicy(SyncPolicy policy);
    // Thread-safe; the platform layer pushes every change. When the network becomes usable,
    // every waiting entry is tried at the next runDue() whatever its backoff; when it stops
    // being usable, the transfer under way is stopped and its entry waits.
    void setNetworkState(NetworkState state);
    // Thread-safe: stops the transfer under way (its entry waits, reason Manual).
    void cancel();
    // Thread-safe: stops the transfer of entry `id` if it is the one under way (nothing
    // otherwise). With WithdrawingRepository, what the user deletes stops at once.
    void cancelTransferOf(std::int64_t id);
    // Thread-safe: the user is taking entry `id` out of the outbox. From now on runDue() passes
    // it by, even in a run already going through the list, and its transfer under way stops;
    // remove() then forgets it. Without this, an entry due later in the same run could still be
    // sent after the user was told it would not be.
    void holdBack(std::int64_t id);
    // True when setNetworkState made entries due since the last runDue() (wake the worker).
    [[nodiscard]] bool wakeRequested() const { return wake_.load(); }

    // Adds a new submission (state Queued).
    [[nodiscard]] Result<void, SyncError> enqueue(OutboxRecord record);

    // The user's "try again now" for entry `id`: one that needs attention is queued again
    // (error and attempts cleared; its upload URL kept, so what the server already holds is
    // resumed, never sent twice); one waiting for its backoff is made due. The next
    // runDue(true) sends it. False when there is no such entry or it is delivered or being
    // sent. Call on the thread that calls runDue(), between runs.
    [[nodiscard]] Result<bool, SyncError> retry(std::int64_t id);
    // Takes entry `id` out of the outbox for good: the repository forgets it, then its envelope
    // file is deleted. A partial upload on the server is left to expire (never completed, so
    // it never becomes a submission). False when there is no such entry. Call on the thread
    // that calls runDue(), between runs, so no transfer of it is under way.
    [[nodiscard]] Result<bool, SyncError> remove(std::int64_t id);

    // Tries every entry that is due now, one after the other, blocking. `userRequested` is the
    // user's "send now": it overrides the Manual policy and backoff (not offline, nor a call
    // the directory says is closed: those entries wait, reason CallClosed). Returns the
    // time of the next scheduled try, if any. Errors are repository failures only; transfer
    // failures end up in the records.
    [[nodiscard]] Result<std::optional<std::int64_t>, SyncError> runDue(bool userRequested = false);

    // Envelope bytes handed to the network by this engine so far, re-sent bytes included (what
    // a metered link is charged for).
    [[nodiscard]] std::uint64_t bytesSent() const { return bytesSent_.load(); }

    // Backoff delay for the n-th failed attempt (n >= 1), exposed for tests.
    [[nodiscard]] std::int64_t backoffDelayMs(int attempts);

private:
    enum class Gate { Open, Offline, UnmeteredOnly, Manual };
    // Why deliver() ended without a receipt: the transfer failed (recorded in the entry, tried
    // again later) or the repository did (the run stops and reports it).
    struct DeliveryFailure {
        enum class Source { Transfer, Repository };
        DeliveryFailure() = default;
        DeliveryFailure(SyncError failure, Source from = Source::Transfer)
            : error(std::move(failure)), source(from)
        {
        }
        SyncError error;
        Source source = Source::Transfer;
    };
    [[nodiscard]] Gate gate(bool userRequested) const;
    [[nodiscard]] bool isHeldBack(std::int64_t id) const;
    [[nodiscard]] Result<void, SyncError> attempt(OutboxRecord& record, bool userRequested);
    // Waiting (CallClosed), unsent: its upload URL and offset are kept for a reopened call.
    [[nodiscard]] Result<void, SyncError> holdForClosedCall(OutboxRecord& record);
    [[nodiscard]] Result<SignedReceipt, DeliveryFailure>
    deliver(OutboxRecord& record, TusUpload& tus, const CallEndpoint& endpoint, int fd);
    [[nodiscard]] Result<void, SyncError> save(OutboxRecord& record, bool notify);
    void finishFailed(OutboxRecord& record, const SyncError& error);

    OutboxRepository& repository_;
    const EndpointDirectory& endpoints_;
    Clock clock_;
    Random random_;
    OutboxEngineOptions options_;
    OutboxObserver* observer_ = nullptr;

    mutable std::mutex mutex_; // guards policy_, network_, active_, pausedFor_, heldBack_
    SyncPolicy policy_ = SyncPolicy::AnyNetwork;
    NetworkState network_;
    TusUpload* active_ = nullptr;
    std::int64_t activeId_ = 0; // the entry active_ sends
    WaitReason pausedFor_ = WaitReason::None;
    std::set<std::int64_t> heldBack_; // entries being taken out of the outbox
    std::atomic<bool> wake_{false};
    std::atomic<std::uint64_t> bytesSent_{0};
};

} // namespace amicus::sync
