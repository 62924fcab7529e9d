// The outbox model: one record per finalized submission, its sending state (DESIGN.md:
// queued → waiting → uploading → delivered | needs_attention) and the interfaces the engine
// persists through and reports to.
#pragma once

#include "common/result.h"
#include "crypto/sha256.h"
#include "sync/sync_error.h"
#include "sync/tus_upload.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::sync {

enum class OutboxState { Queued, Waiting, Uploading, Delivered, NeedsAttention };
// Why a waiting entry waits. CallClosed: the catalog marks its call closed, so the sender holds
// it back (a catalog that opens the call again lets it go).
enum class WaitReason { None, Offline, UnmeteredOnly, Backoff, Manual, CallClosed };
// When the user lets the app send.
enum class SyncPolicy { AnyNetwork, UnmeteredOnly, Manual };

[[nodiscard]] std::string_view outboxStateName(OutboxState state);
[[nodiscard]] std::optional<OutboxState> parseOutboxStateName(std::string_view name);
[[nodiscard]] std::string_view waitReasonName(WaitReason reason);
[[nodiscard]] std::optional<WaitReason> parseWaitReasonName(std::string_view name);

// What the platform layer knows about connectivity (QNetworkInformation on the phone).
struct NetworkState {
    bool reachable = true;
    bool metered = false;
    friend bool operator==(const NetworkState&, const NetworkState&) = default;
};

// One submission on its way out.
struct OutboxRecord {
    std::int64_t id = 0;
    std::string submissionId;
    std::string callId;
    std::string fileName;     // sent as tus metadata (e.g. "<submission id>.age")
    std::string envelopePath; // the age envelope the packaging step wrote
    std::uint64_t envelopeSize = 0;
    crypto::Sha256Digest envelopeSha256{};

    OutboxState state = OutboxState::Queued;
    WaitReason waitReason = WaitReason::None;
    std::optional<std::string> uploadUrl; // stored before the first byte is sent
    std::uint64_t offset = 0;             // the server's offset after the last chunk
    int attempts = 0;                     // failed attempts since the last progress
    std::optional<std::int64_t> nextTryAtMs;
    std::optional<std::int64_t> uploadExpiresAtMs; // Upload-Expires, when the server gave it
    std::optional<SyncErrorCode> lastError;
    std::string lastErrorDetail;        // for logs, never shown as is
    std::optional<std::string> receipt; // encodeReceiptDocument() of the verified receipt
};

// Where outbox records live. Implementations must make save() durable before returning: the
// engine relies on it for "the upload URL is stored before the first byte".
class OutboxRepository {
public:
    virtual ~OutboxRepository() = default;
    // Every record, in a stable order (oldest first).
    [[nodiscard]] virtual Result<std::vector<OutboxRecord>, SyncError> list() = 0;
    // Inserts or replaces the record with the same id, durably.
    [[nodiscard]] virtual Result<void, SyncError> save(const OutboxRecord& record) = 0;
    // Forgets the record with `id`, durably: it is never listed, sent or saved again by this
    // repository. Ok (nothing changed) when there is no such record.
    [[nodiscard]] virtual Result<void, SyncError> remove(std::int64_t id) = 0;
};

// How a call's endpoint is reached and its receipts verified (from the calls catalog).
struct CallEndpoint {
    TusEndpoint tus;
    std::array<std::uint8_t, 32> receiptKey{}; // raw Ed25519 public key
};

// Looks up the endpoint of a call.
class EndpointDirectory {
public:
    virtual ~EndpointDirectory() = default;
    // The endpoint of `callId`, or nullopt when the catalog no longer has the call.
    [[nodiscard]] virtual std::optional<CallEndpoint>
    endpointFor(const std::string& callId) const = 0;
    // True when the call no longer takes submissions: its entries wait (CallClosed), unsent.
    [[nodiscard]] virtual bool isClosed(const std::string& /*callId*/) const { return false; }
};

// Receives what the engine does; called on the engine's thread.
class OutboxObserver {
public:
    virtual ~OutboxObserver() = default;
    // After every state change has been saved.
    virtual void onStateChanged(const OutboxRecord& record) = 0;
    // During a transfer, several times per second at most.
    virtual void onProgress(std::int64_t id, const TransferProgress& progress) = 0;
};

} // namespace amicus::sync
