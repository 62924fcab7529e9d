// TusUpload: a tus 1.0 client for one endpoint over one libcurl easy handle (HTTP/1.1, HTTPS
// with optional public-key pinning), with strict checking of every answer: anything that is
// not exactly what the protocol allows at that step is a typed error, never success.
#pragma once

#include "common/result.h"
#include "sync/receipt.h"
#include "sync/sync_error.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace amicus::net {
class CurlExchange;
}

namespace amicus::sync {

// Where a call's uploads go and how its server is trusted.
struct TusEndpoint {
    std::string creationUrl;          // the tus creation URL (POST), e.g. https://host/files
    std::string receiptUrlPrefix;     // GET <prefix><submission id>, e.g. https://host/receipts/
    std::vector<std::string> tlsPins; // "sha256//<base64>" SPKI pins; empty: no pinning
    std::string caFile;               // PEM bundle instead of the system store (tests, private CAs)
};

// Timeouts and chunking. Defaults suit a phone on a poor link.
struct TusOptions {
    std::chrono::milliseconds connectTimeout{15'000};
    // Requests without a body (HEAD, POST, DELETE, GET) must finish within this.
    std::chrono::milliseconds requestTimeout{60'000};
    // Stall detection: abort when no byte moves for stallWindow, or when libcurl measures fewer
    // than stallBytesPerSecond over it.
    long stallBytesPerSecond = 512;
    std::chrono::seconds stallWindow{30};
    // Chunk sizing: the next chunk aims at targetChunkTime at the rate measured on the last
    // one, within [minChunk, maxChunk]; fixedChunk > 0 disables adaptation.
    std::uint64_t initialChunk = 1024 * 1024;
    std::uint64_t minChunk = 256 * 1024;
    std::uint64_t maxChunk = 32 * 1024 * 1024;
    std::chrono::milliseconds targetChunkTime{3'000};
    std::uint64_t fixedChunk = 0;
    // libcurl's upload buffer: what one write hands to the socket.
    long uploadBufferSize = 64 * 1024;
    // TCP_NOTSENT_LOWAT: the socket takes the next upload buffer only when fewer than this
    // many bytes wait unsent in it (so at most this plus one buffer wait). The kernel still
    // sizes the send window for the link; what it stops is megabytes queued locally that are
    // lost (and sent again) when the link drops. 0 leaves the OS default. Lower (16 KiB, with a
    // 16 KiB buffer) sent no fewer bytes again through cuts, the far end's receive queue taking
    // what left ours, and looked slower against curl -T (bench/README.md, "resume after a cut").
    int notSentLowWater = 64 * 1024;
};

// What the creation step names in Upload-Metadata.
struct UploadMetadata {
    std::string submissionId;
    std::string callId;
    std::string fileName; // optional: empty is not sent
};

// A successful creation: the upload URL, or (empty upload, or the submission is already
// delivered) the receipt straight away.
struct Creation {
    std::string uploadUrl; // empty when `receipt` came instead (duplicate)
    std::optional<std::string> expires;
    std::optional<SignedReceipt> receipt;
    bool duplicate = false; // 409 duplicate_submission: the endpoint already holds a receipt
};

// The server's view of an upload (HEAD).
struct ServerOffset {
    std::uint64_t offset = 0;
    std::optional<std::uint64_t> length;
    std::optional<std::string> expires;
};

// The answer to one PATCH.
struct PatchAnswer {
    std::uint64_t offset = 0; // the server's new offset, checked to be ours + what we sent
    std::optional<std::string> expires;
    std::optional<SignedReceipt> receipt; // with the final PATCH
};

// Live figures of the transfer under way.
struct TransferProgress {
    std::uint64_t offset = 0;  // bytes the server holds, estimated from what was sent
    std::uint64_t size = 0;    // envelope size
    double bytesPerSecond = 0; // smoothed over recent chunks
};

class TusUpload {
public:
    TusUpload(TusEndpoint endpoint, TusOptions options = {});
    ~TusUpload();
    TusUpload(const TusUpload&) = delete;
    TusUpload& operator=(const TusUpload&) = delete;

    // Called during PATCH transfers (from the calling thread); keep it cheap.
    void setProgressCallback(std::function<void(const TransferProgress&)> callback);
    // May be called from any thread: the exchange under way stops with Cancelled.
    void cancel() { cancelled_.store(true); }
    void resetCancel() { cancelled_.store(false); }

    // POST: creates an upload of `size` bytes. 201 gives the URL; 409 duplicate_submission
    // gives the existing receipt (duplicate=true); 413 is TooLarge; other 4xx Refused.
    [[nodiscard]] Result<Creation, SyncError> create(const UploadMetadata& metadata,
                                                     std::uint64_t size);
    // HEAD: the offset to resume from. 404/410 are Gone. A reported Upload-Length that differs
    // from `expectedSize` is UnexpectedAnswer.
    [[nodiscard]] Result<ServerOffset, SyncError> head(const std::string& uploadUrl,
                                                       std::uint64_t expectedSize);
    // PATCH: sends bytes [offset, offset+length) of the open file `fd` (read in place with
    // pread, never loaded whole). length 0 at the final offset asks again for the receipt.
    // 409 is Conflict (re-HEAD), 404/410 Gone, 413 TooLarge.
    [[nodiscard]] Result<PatchAnswer, SyncError> patch(const std::string& uploadUrl, int fd,
                                                       std::uint64_t offset, std::uint64_t length,
                                                       std::uint64_t totalSize);
    // DELETE (termination): 204, or Gone when the server no longer knows the upload.
    [[nodiscard]] Result<void, SyncError> terminate(const std::string& uploadUrl);
    // GET /receipts/<id>: the receipt, or nullopt when the endpoint answers {"error":"unknown"}.
    [[nodiscard]] Result<std::optional<SignedReceipt>, SyncError>
    fetchReceipt(const std::string& submissionId);

    // Size for the next PATCH, adapted to the rate measured on the previous ones.
    [[nodiscard]] std::uint64_t nextChunkSize() const;
    // Envelope bytes written to the network so far (re-sent bytes counted again).
    [[nodiscard]] std::uint64_t bytesSent() const { return bytesSent_; }

    struct Exchange; // one request and its answer (internal: tus_exchange.h)

    // Internal: used by the libcurl callbacks of the transfer under way.
    [[nodiscard]] bool cancelRequested() const { return cancelled_.load(); }
    void reportProgress(const Exchange& exchange, std::uint64_t uploaded);
    [[nodiscard]] int notSentLowWater() const { return options_.notSentLowWater; }

private:
    [[nodiscard]] Result<void, SyncError> perform(Exchange& exchange);

    TusEndpoint endpoint_;
    TusOptions options_;
    std::unique_ptr<net::CurlExchange> curl_; // one handle: chunks reuse its connection
    std::atomic<bool> cancelled_{false};
    std::function<void(const TransferProgress&)> progress_;
    std::uint64_t bytesSent_ = 0;
    double rate_ = 0; // bytes per second, smoothed
};

} // namespace amicus::sync
