#include "sync/outbox_engine.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::sync {
namespace {

constexpr std::array<std::pair<OutboxState, std::string_view>, 5> kStates{{
    {OutboxState::Queued, "queued"},
    {OutboxState::Waiting, "waiting"},
    {OutboxState::Uploading, "uploading"},
    {OutboxState::Delivered, "delivered"},
    {OutboxState::NeedsAttention, "needs_attention"},
}};
constexpr std::array<std::pair<WaitReason, std::string_view>, 6> kReasons{{
    {WaitReason::None, "none"},
    {WaitReason::Offline, "offline"},
    {WaitReason::UnmeteredOnly, "unmetered_only"},
    {WaitReason::Backoff, "backoff"},
    {WaitReason::Manual, "manual"},
    {WaitReason::CallClosed, "call_closed"},
}};

template <typename Table, typename Value>
std::string_view nameIn(const Table& table, Value value)
{
    for (const auto& [v, name] : table) {
        if (v == value) {
            return name;
        }
    }
    return "unknown";
}

template <typename Value, typename Table>
std::optional<Value> valueIn(const Table& table, std::string_view name)
{
    for (const auto& [v, text] : table) {
        if (text == name) {
            return v;
        }
    }
    return std::nullopt;
}

// Closes the envelope's descriptor whatever path the attempt takes.
struct FdGuard {
    int fd = -1;
    ~FdGuard()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

std::optional<std::int64_t> parseHttpDateMs(const std::optional<std::string>& text)
{
    if (!text) {
        return std::nullopt;
    }
    const time_t seconds = curl_getdate(text->c_str(), nullptr);
    if (seconds < 0) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(seconds) * 1000;
}

} // namespace

std::string_view outboxStateName(OutboxState state)
{
    return nameIn(kStates, state);
}
std::optional<OutboxState> parseOutboxStateName(std::string_view name)
{
    return valueIn<OutboxState>(kStates, name);
}
std::string_view waitReasonName(WaitReason reason)
{
    return nameIn(kReasons, reason);
}
std::optional<WaitReason> parseWaitReasonName(std::string_view name)
{
    return valueIn<WaitReason>(kReasons, name);
}

OutboxEngine::OutboxEngine(OutboxRepository& repository, const EndpointDirectory& endpoints,
                           Clock clock, Random random, OutboxEngineOptions options)
    : repository_(repository), endpoints_(endpoints), clock_(std::move(clock)),
      random_(std::move(random)), options_(options)
{
}

void OutboxEngine::setPolicy(SyncPolicy policy)
{
    std::lock_guard lock(mutex_);
    const bool wasRestricted = policy_ != SyncPolicy::AnyNetwork;
    policy_ = policy;
    if (active_ && policy == SyncPolicy::UnmeteredOnly && network_.metered) {
        pausedFor_ = WaitReason::UnmeteredOnly;
        active_->cancel();
    }
    if (wasRestricted && policy == SyncPolicy::AnyNetwork) {
        wake_.store(true);
    }
}

void OutboxEngine::setNetworkState(NetworkState state)
{
    std::lock_guard lock(mutex_);
    const auto usable = [this](const NetworkState& s) {
        return s.reachable && !(policy_ == SyncPolicy::UnmeteredOnly && s.metered);
    };
    const bool wasUsable = usable(network_);
    network_ = state;
    if (!usable(state) && active_) {
        pausedFor_ = state.reachable ? WaitReason::UnmeteredOnly : WaitReason::Offline;
        active_->cancel();
    }
    if (!wasUsable && usable(state)) {
        wake_.store(true); // an immediate try when connectivity returns
    }
}

void OutboxEngine::cancel()
{
    std::lock_guard lock(mutex_);
    if (active_) {
        pausedFor_ = WaitReason::Manual;
        active_->cancel();
    }
}

void OutboxEngine::cancelTransferOf(std::int64_t id)
{
    std::lock_guard lock(mutex_);
    if (active_ && activeId_ == id) {
        pausedFor_ = WaitReason::Manual;
        active_->cancel();
    }
}

void OutboxEngine::holdBack(std::int64_t id)
{
    std::lock_guard lock(mutex_);
    heldBack_.insert(id);
    if (active_ && activeId_ == id) {
        pausedFor_ = WaitReason::Manual;
        active_->cancel();
    }
}

bool OutboxEngine::isHeldBack(std::int64_t id) const
{
    std::lock_guard lock(mutex_);
    return heldBack_.contains(id);
}

OutboxEngine::Gate OutboxEngine::gate(bool userRequested) const
{
    std::lock_guard lock(mutex_);
    if (!network_.reachable) {
        return Gate::Offline;
    }
    if (policy_ == SyncPolicy::UnmeteredOnly && network_.metered) {
        return Gate::UnmeteredOnly;
    }
    if (policy_ == SyncPolicy::Manual && !userRequested) {
        return Gate::Manual;
    }
    return Gate::Open;
}

std::int64_t OutboxEngine::backoffDelayMs(int attempts)
{
    const std::int64_t base = options_.backoffBase.count();
    const std::int64_t cap = options_.backoffCap.count();
    const int shift = std::clamp(attempts - 1, 0, 40);
    std::int64_t ceiling = cap;
    if (base <= (cap >> shift)) {
        ceiling = std::min(cap, base << shift);
    }
    if (ceiling <= 0) {
        return 0;
    }
    return static_cast<std::int64_t>(random_() % static_cast<std::uint64_t>(ceiling + 1));
}

Result<void, SyncError> OutboxEngine::save(OutboxRecord& record, bool notify)
{
    if (auto saved = repository_.save(record); !saved) {
        return saved;
    }
    if (notify && observer_) {
        observer_->onStateChanged(record);
    }
    return {};
}

Result<void, SyncError> OutboxEngine::enqueue(OutboxRecord record)
{
    record.state = OutboxState::Queued;
    record.waitReason = WaitReason::None;
    return save(record, true);
}

Result<bool, SyncError> OutboxEngine::retry(std::int64_t id)
{
    auto records = repository_.list();
    if (!records) {
        return fail(records.error());
    }
    const auto found = std::find_if(records->begin(), records->end(),
                                    [id](const OutboxRecord& r) { return r.id == id; });
    if (found == records->end() || found->state == OutboxState::Delivered ||
        found->state == OutboxState::Uploading) {
        return false;
    }
    OutboxRecord& record = *found;
    if (record.state == OutboxState::NeedsAttention) {
        record.state = OutboxState::Queued;
        record.attempts = 0;
        record.lastError.reset();
        record.lastErrorDetail.clear();
    }
    record.waitReason =
        record.state == OutboxState::Waiting ? WaitReason::Manual : WaitReason::None;
    record.nextTryAtMs.reset();
    if (auto saved = save(record, true); !saved) {
        return fail(saved.error());
    }
    return true;
}

Result<bool, SyncError> OutboxEngine::remove(std::int64_t id)
{
    auto records = repository_.list();
    if (!records) {
        return fail(records.error());
    }
    const auto found = std::find_if(records->begin(), records->end(),
                                    [id](const OutboxRecord& r) { return r.id == id; });
    if (found == records->end()) {
        return false;
    }
    if (auto removed = repository_.remove(id); !removed) {
        return fail(removed.error());
    }
    {
        std::lock_guard lock(mutex_);
        heldBack_.erase(id);
    }
    // Only once the record is gone: a crash in between leaves an envelope nothing points to,
    // never a record without its envelope.
    if (!found->envelopePath.empty()) {
        ::unlink(found->envelopePath.c_str());
    }
    if (observer_) {
        OutboxRecord gone = *found;
        observer_->onStateChanged(gone);
    }
    return true;
}

Result<std::optional<std::int64_t>, SyncError> OutboxEngine::runDue(bool userRequested)
{
    const bool woken = wake_.exchange(false);
    auto records = repository_.list();
    if (!records) {
        return fail(records.error());
    }
    for (auto& record : *records) {
        if (record.state == OutboxState::Delivered || record.state == OutboxState::NeedsAttention) {
            continue;
        }
        if (isHeldBack(record.id)) {
            continue;
        }
        // A call closed by a refreshed catalog holds its entries back at once, whatever their
        // backoff; "send now" does not override it.
        if (endpoints_.isClosed(record.callId)) {
            if (auto held = holdForClosedCall(record); !held) {
                return fail(held.error());
            }
            continue;
        }
        const std::int64_t now = clock_();
        bool due = record.state == OutboxState::Queued || record.state == OutboxState::Uploading;
        if (record.state == OutboxState::Waiting) {
            due = userRequested || woken || record.waitReason != WaitReason::Backoff ||
                  !record.nextTryAtMs || *record.nextTryAtMs <= now;
        }
        if (!due) {
            continue;
        }
        if (auto done = attempt(record, userRequested); !done) {
            return fail(done.error());
        }
    }
    // The next try: the earliest backoff among the entries still waiting for time.
    auto after = repository_.list();
    if (!after) {
        return fail(after.error());
    }
    std::optional<std::int64_t> next;
    for (const auto& record : *after) {
        if (record.state == OutboxState::Waiting && record.waitReason == WaitReason::Backoff &&
            record.nextTryAtMs) {
            next = next ? std::min(*next, *record.nextTryAtMs) : *record.nextTryAtMs;
        }
    }
    return next;
}

Result<void, SyncError> OutboxEngine::holdForClosedCall(OutboxRecord& record)
{
    if (record.state == OutboxState::Waiting && record.waitReason == WaitReason::CallClosed) {
        return {};
    }
    record.state = OutboxState::Waiting;
    record.waitReason = WaitReason::CallClosed;
    record.nextTryAtMs.reset();
    return save(record, true);
}

void OutboxEngine::finishFailed(OutboxRecord& record, const SyncError& error)
{
    record.lastError = error.code;
    record.lastErrorDetail = error.detail;
    if (error.code == SyncErrorCode::Cancelled) {
        std::lock_guard lock(mutex_);
        record.state = OutboxState::Waiting;
        record.waitReason = pausedFor_ == WaitReason::None ? WaitReason::Manual : pausedFor_;
        record.nextTryAtMs.reset();
        return;
    }
    if (isTransient(error.code)) {
        record.attempts += 1;
        record.state = OutboxState::Waiting;
        record.waitReason = WaitReason::Backoff;
        record.nextTryAtMs = clock_() + backoffDelayMs(record.attempts);
        return;
    }
    record.state = OutboxState::NeedsAttention;
    record.waitReason = WaitReason::None;
    record.nextTryAtMs.reset();
}

Result<void, SyncError> OutboxEngine::attempt(OutboxRecord& record, bool userRequested)
{
    const Gate g = gate(userRequested);
    if (g != Gate::Open) {
        const WaitReason reason = g == Gate::Offline         ? WaitReason::Offline
                                  : g == Gate::UnmeteredOnly ? WaitReason::UnmeteredOnly
                                                             : WaitReason::Manual;
        if (record.state == OutboxState::Waiting && record.waitReason == reason) {
            return {};
        }
        record.state = OutboxState::Waiting;
        record.waitReason = reason;
        return save(record, true);
    }

    const auto endpoint = endpoints_.endpointFor(record.callId);
    if (!endpoint) {
        finishFailed(record, {SyncErrorCode::CallWithdrawn, 0, "the catalog has no such call"});
        return save(record, true);
    }
    FdGuard envelope{::open(record.envelopePath.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat info {};
    if (envelope.fd < 0 || ::fstat(envelope.fd, &info) != 0 ||
        static_cast<std::uint64_t>(info.st_size) != record.envelopeSize) {
        const std::string why =
            envelope.fd < 0 ? std::strerror(errno) : "size differs from the record";
        finishFailed(record, {SyncErrorCode::LocalIo, 0, "envelope: " + why});
        return save(record, true);
    }

    TusUpload tus(endpoint->tus, options_.tus);
    // libcurl reports progress very often; the observer hears of it ten times a second.
    tus.setProgressCallback([this, id = record.id, last = std::chrono::steady_clock::time_point{}](
                                const TransferProgress& progress) mutable {
        const auto now = std::chrono::steady_clock::now();
        if (observer_ &&
            (now - last >= std::chrono::milliseconds(100) || progress.offset == progress.size)) {
            last = now;
            observer_->onProgress(id, progress);
        }
    });
    {
        std::lock_guard lock(mutex_);
        active_ = &tus;
        activeId_ = record.id;
        pausedFor_ = WaitReason::None;
    }
    record.state = OutboxState::Uploading;
    record.waitReason = WaitReason::None;
    record.nextTryAtMs.reset();
    auto started = save(record, true);
    Result<SignedReceipt, DeliveryFailure> delivered =
        started ? deliver(record, tus, *endpoint, envelope.fd)
                : Result<SignedReceipt, DeliveryFailure>(fail(started.error()));
    {
        std::lock_guard lock(mutex_);
        active_ = nullptr;
    }
    bytesSent_ += tus.bytesSent();
    if (!started) {
        return started;
    }
    if (delivered) {
        record.state = OutboxState::Delivered;
        record.waitReason = WaitReason::None;
        record.offset = record.envelopeSize;
        record.receipt = encodeReceiptDocument(*delivered);
        record.lastError.reset();
        record.lastErrorDetail.clear();
        record.nextTryAtMs.reset();
        return save(record, true);
    }
    if (delivered.error().source == DeliveryFailure::Source::Repository) {
        return fail(delivered.error().error); // the repository itself failed mid-transfer
    }
    finishFailed(record, delivered.error().error);
    return save(record, true);
}

Result<SignedReceipt, OutboxEngine::DeliveryFailure>
OutboxEngine::deliver(OutboxRecord& record, TusUpload& tus, const CallEndpoint& endpoint, int fd)
{
    auto key = crypto::Ed25519PublicKey::fromRaw(endpoint.receiptKey);
    if (!key) {
        return fail(
            SyncError{SyncErrorCode::ReceiptInvalid, 0, "the call's receipt key is invalid"});
    }
    const ExpectedEnvelope expected{record.submissionId, record.envelopeSize,
                                    record.envelopeSha256};
    const auto accept =
        [&](const SignedReceipt& receipt) -> Result<SignedReceipt, DeliveryFailure> {
        auto verified = verifyReceipt(receipt, *key, expected);
        if (!verified) {
            return fail(verified.error());
        }
        return receipt;
    };
    const auto persist = [&]() -> Result<void, DeliveryFailure> {
        if (auto saved = repository_.save(record); !saved) {
            return fail(DeliveryFailure(saved.error(), DeliveryFailure::Source::Repository));
        }
        return {};
    };
    // The server no longer knows the upload: delivered already (receipt), or start again.
    // Only here may a stored upload URL be dropped, so a submission is never sent twice.
    const auto recoverGone = [&]() -> Result<std::optional<SignedReceipt>, DeliveryFailure> {
        auto known = tus.fetchReceipt(record.submissionId);
        if (!known) {
            return fail(known.error());
        }
        if (*known) {
            auto accepted = accept(**known);
            if (!accepted) {
                return fail(accepted.error());
            }
            return std::optional<SignedReceipt>(*accepted);
        }
        record.uploadUrl.reset();
        record.uploadExpiresAtMs.reset();
        record.offset = 0;
        if (auto saved = persist(); !saved) {
            return fail(saved.error());
        }
        return std::optional<SignedReceipt>();
    };

    int conflicts = 0;
    for (int round = 0; round < 8; ++round) {
        std::uint64_t offset = 0;
        if (!record.uploadUrl) {
            auto created = tus.create({record.submissionId, record.callId, record.fileName},
                                      record.envelopeSize);
            if (!created) {
                return fail(created.error());
            }
            if (created->receipt) {
                return accept(*created->receipt); // empty envelope, or already delivered
            }
            record.uploadUrl = created->uploadUrl;
            record.uploadExpiresAtMs = parseHttpDateMs(created->expires);
            record.offset = 0;
            if (auto saved = persist(); !saved) { // before the first byte
                return fail(saved.error());
            }
        } else {
            const bool expired = record.uploadExpiresAtMs && record.offset < record.envelopeSize &&
                                 *record.uploadExpiresAtMs <= clock_();
            auto server =
                expired ? Result<ServerOffset, SyncError>(
                              fail(SyncError{SyncErrorCode::Gone, 0, "Upload-Expires has passed"}))
                        : tus.head(*record.uploadUrl, record.envelopeSize);
            if (!server && server.error().code == SyncErrorCode::Gone) {
                auto recovered = recoverGone();
                if (!recovered) {
                    return fail(recovered.error());
                }
                if (*recovered) {
                    return **recovered;
                }
                continue; // create again
            }
            if (!server) {
                return fail(server.error());
            }
            offset = server->offset;
            if (auto expires = parseHttpDateMs(server->expires)) {
                record.uploadExpiresAtMs = expires;
            }
            if (offset != record.offset) {
                record.offset = offset;
                if (auto saved = persist(); !saved) {
                    return fail(saved.error());
                }
            }
        }

        bool restart = false;
        while (true) {
            const std::uint64_t length =
                offset < record.envelopeSize
                    ? std::min(tus.nextChunkSize(), record.envelopeSize - offset)
                    : 0; // at the end without a receipt: a zero-length PATCH asks for it
            auto answer = tus.patch(*record.uploadUrl, fd, offset, length, record.envelopeSize);
            if (!answer) {
                const auto code = answer.error().code;
                bool gone = code == SyncErrorCode::Gone;
                if (code == SyncErrorCode::Conflict) {
                    // Someone else's bytes, a lost answer or a connection that died unanswered
                    // (tus_transfer.cpp) left the offset unknown: ask again.
                    if (++conflicts > options_.maxConflictRetries) {
                        return fail(answer.error());
                    }
                    auto server = tus.head(*record.uploadUrl, record.envelopeSize);
                    if (server) {
                        offset = server->offset;
                        record.offset = offset;
                        if (auto saved = persist(); !saved) {
                            return fail(saved.error());
                        }
                        continue;
                    }
                    if (server.error().code != SyncErrorCode::Gone) {
                        return fail(server.error());
                    }
                    gone = true;
                }
                if (!gone) {
                    return fail(answer.error());
                }
                auto recovered = recoverGone();
                if (!recovered) {
                    return fail(recovered.error());
                }
                if (*recovered) {
                    return **recovered;
                }
                restart = true;
                break;
            }
            offset = answer->offset;
            record.offset = offset;
            if (auto expires = parseHttpDateMs(answer->expires)) {
                record.uploadExpiresAtMs = expires;
            }
            if (answer->receipt) {
                return accept(*answer->receipt);
            }
            if (auto saved = persist(); !saved) {
                return fail(saved.error());
            }
            if (length == 0) {
                // Complete, yet no receipt with the answer: ask the receipts route.
                auto known = tus.fetchReceipt(record.submissionId);
                if (!known) {
                    return fail(known.error());
                }
                if (!*known) {
                    return fail(SyncError{SyncErrorCode::UnexpectedAnswer, 204,
                                          "upload complete but the endpoint has no receipt"});
                }
                return accept(**known);
            }
        }
        if (!restart) {
            break;
        }
    }
    return fail(SyncError{SyncErrorCode::UnexpectedAnswer, 0, "the upload kept disappearing"});
}

} // namespace amicus::sync
