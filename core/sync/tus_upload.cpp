#include "sync/tus_upload.h"

#include "crypto/base64.h"
#include "net/curl_exchange.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nlohmann/json.hpp>
#include <span>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace amicus::sync {

// One request and its answer (status, headers, body: the HttpResponse part).
struct TusUpload::Exchange : net::HttpResponse {
    enum class Method { Head, Post, Patch, Delete, Get };
    Method method = Method::Get;
    std::string url;
    std::vector<std::string> requestHeaders;
    // PATCH body: bytes [bodyOffset, bodyOffset + bodyLength) of fd.
    int fd = -1;
    std::uint64_t bodyOffset = 0;
    std::uint64_t bodyLength = 0;
    std::uint64_t bodySent = 0;
    std::uint64_t rewindLimit = 0; // see onSeek
    std::uint64_t totalSize = 0;
    int readErrno = 0;
    bool readFailed = false;
    TusUpload* owner = nullptr;
    std::chrono::steady_clock::time_point started;
    // Stall watch: when the byte counts last moved. libcurl's own low-speed check averages
    // over several seconds, so after a fast burst it notices a dead link late.
    std::chrono::steady_clock::time_point lastMove;
    std::uint64_t lastBytes = 0;
    std::chrono::milliseconds stallWindow{0};
    bool stalled = false;
    double seconds = 0;
};

namespace {

constexpr std::size_t kMaxBody = 64 * 1024; // answers are small; a portal page is cut here
constexpr std::uint64_t kChunkGrain = 64 * 1024;

using Exchange = TusUpload::Exchange;

Failure<SyncError> error(SyncErrorCode code, long status, std::string detail)
{
    return fail(SyncError{code, status, std::move(detail)});
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Digits only (no sign, no space), fitting in 63 bits: what tus allows for offsets.
std::optional<std::uint64_t> parseOffset(std::optional<std::string_view> text)
{
    if (!text || text->empty() || text->size() > 18) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (char c : *text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

// The host of an absolute URL, lower-cased, or empty.
std::string hostOf(const std::string& url)
{
    CURLU* handle = curl_url();
    std::string host;
    if (curl_url_set(handle, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
        char* part = nullptr;
        if (curl_url_get(handle, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
            host = lower(part);
            curl_free(part);
        }
    }
    curl_url_cleanup(handle);
    return host;
}

// `reference` resolved against `base` (RFC 3986), http(s) only.
std::optional<std::string> resolveUrl(const std::string& base, const std::string& reference)
{
    CURLU* handle = curl_url();
    std::optional<std::string> resolved;
    if (curl_url_set(handle, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
        curl_url_set(handle, CURLUPART_URL, reference.c_str(), 0) == CURLUE_OK) {
        char* scheme = nullptr;
        char* full = nullptr;
        if (curl_url_get(handle, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
            curl_url_get(handle, CURLUPART_URL, &full, 0) == CURLUE_OK) {
            const std::string s = lower(scheme);
            if (s == "http" || s == "https") {
                resolved = full;
            }
        }
        curl_free(scheme);
        curl_free(full);
    }
    curl_url_cleanup(handle);
    return resolved;
}

// Classifies an answer that is not one the protocol allows at this step. Pages meant for a
// browser (HTML, 511, a redirect to another host) mean a captive portal or a middlebox.
SyncError unexpected(const Exchange& exchange, const char* step)
{
    const long status = exchange.status;
    const std::string contentType = lower(exchange.header("Content-Type").value_or(""));
    std::string detail = std::string(step) + ": HTTP " + std::to_string(status);
    if (status == 511) {
        return {SyncErrorCode::CaptivePortal, status, detail + " network authentication required"};
    }
    if (status >= 300 && status < 400) {
        const auto location = exchange.header("Location");
        const auto target =
            location ? resolveUrl(exchange.url, std::string(*location)) : std::nullopt;
        if (!target || hostOf(*target) != hostOf(exchange.url)) {
            return {SyncErrorCode::CaptivePortal, status, detail + " redirect to another host"};
        }
        return {SyncErrorCode::UnexpectedAnswer, status, detail + " redirect"};
    }
    if (contentType.rfind("text/html", 0) == 0 || contentType.rfind("application/xhtml", 0) == 0) {
        return {SyncErrorCode::CaptivePortal, status,
                detail + " HTML page instead of the endpoint"};
    }
    if (status >= 500) {
        return {SyncErrorCode::ServerError, status, detail};
    }
    return {SyncErrorCode::UnexpectedAnswer, status, detail};
}

bool hasTusResumable(const Exchange& exchange)
{
    const auto value = exchange.header("Tus-Resumable");
    return value && *value == "1.0.0";
}

// The answers every tus step shares: errors by status class, and the Tus-Resumable check.
std::optional<SyncError> commonFailure(const Exchange& exchange, const char* step)
{
    const long status = exchange.status;
    if (status == 404 || status == 410) {
        return SyncError{SyncErrorCode::Gone, status, std::string(step) + ": upload is gone"};
    }
    if (status == 413) {
        return SyncError{SyncErrorCode::TooLarge, status, std::string(step) + ": " + exchange.body};
    }
    // The endpoint's caps on unfinished uploads (per address: 429, in total: 507): it will
    // have room again once others finish or expire.
    if (status == 429 || status == 507) {
        if (lower(exchange.header("Content-Type").value_or("")).rfind("text/html", 0) == 0) {
            return unexpected(exchange, step); // a page in the way, not the endpoint
        }
        return SyncError{SyncErrorCode::EndpointBusy, status,
                         std::string(step) + ": endpoint busy, HTTP " + std::to_string(status)};
    }
    if (status >= 500 && status != 511) {
        const std::string contentType = lower(exchange.header("Content-Type").value_or(""));
        if (contentType.rfind("text/html", 0) == 0) {
            return unexpected(exchange, step);
        }
        return SyncError{SyncErrorCode::ServerError, status,
                         std::string(step) + ": HTTP " + std::to_string(status)};
    }
    return std::nullopt;
}

std::optional<SignedReceipt> receiptHeaders(const Exchange& exchange, SyncError& failure)
{
    const auto receipt = exchange.header("Amicus-Receipt");
    const auto signature = exchange.header("Amicus-Receipt-Signature");
    if (!receipt && !signature) {
        return std::nullopt;
    }
    if (!receipt || !signature) {
        failure = {SyncErrorCode::ReceiptInvalid, exchange.status,
                   "receipt header without signature"};
        return std::nullopt;
    }
    auto decoded = decodeReceiptHeaders(*receipt, *signature);
    if (!decoded) {
        failure = decoded.error();
        failure.httpStatus = exchange.status;
        return std::nullopt;
    }
    return *decoded;
}

// libcurl sends a request again on a new connection when the reused one turns out to be dead
// before any answer came, and must rewind the body for it; without a seek function it gives up
// ("necessary data rewind wasn't possible") and the chunk fails. Allowed only while no more
// than the first buffer was read: that is a connection that was already dead. A link cut
// further into the body is left to fail, so the server's offset (HEAD) decides what is resent.
int onSeek(void* user, curl_off_t offset, int origin)
{
    auto* exchange = static_cast<Exchange*>(user);
    if (origin != SEEK_SET || offset != 0 || exchange->bodySent > exchange->rewindLimit) {
        return CURL_SEEKFUNC_CANTSEEK;
    }
    exchange->bodySent = 0;
    return CURL_SEEKFUNC_OK;
}

size_t onRead(char* buffer, size_t size, size_t count, void* user)
{
    auto* exchange = static_cast<Exchange*>(user);
    const std::uint64_t remaining = exchange->bodyLength - exchange->bodySent;
    const size_t want = static_cast<size_t>(std::min<std::uint64_t>(remaining, size * count));
    if (want == 0) {
        return 0;
    }
    if (exchange->owner->cancelRequested()) {
        return CURL_READFUNC_ABORT;
    }
    const auto position = static_cast<off_t>(exchange->bodyOffset + exchange->bodySent);
    ssize_t got = 0;
    do {
        got = ::pread(exchange->fd, buffer, want, position);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) {
        // A short file (truncated under us) is as fatal as a read error: never send less.
        exchange->readFailed = true;
        exchange->readErrno = got < 0 ? errno : 0;
        return CURL_READFUNC_ABORT;
    }
    exchange->bodySent += static_cast<std::uint64_t>(got);
    return static_cast<size_t>(got);
}

int onSocketOptions(void* user, curl_socket_t fd, curlsocktype purpose)
{
    const int lowWater = static_cast<TusUpload*>(user)->notSentLowWater();
    if (purpose == CURLSOCKTYPE_IPCXN && lowWater > 0) {
        // Best effort: a kernel without it just queues more.
        ::setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowWater, sizeof lowWater);
    }
    return CURL_SOCKOPT_OK;
}

int onProgress(void* user, curl_off_t, curl_off_t downloaded, curl_off_t, curl_off_t uploaded)
{
    auto* exchange = static_cast<Exchange*>(user);
    if (exchange->owner->cancelRequested()) {
        return 1;
    }
    const auto now = std::chrono::steady_clock::now();
    const auto moved = static_cast<std::uint64_t>(downloaded + uploaded);
    if (moved != exchange->lastBytes) {
        exchange->lastBytes = moved;
        exchange->lastMove = now;
    } else if (exchange->stallWindow.count() > 0 &&
               now - exchange->lastMove > exchange->stallWindow) {
        exchange->stalled = true;
        return 1;
    }
    if (exchange->method == Exchange::Method::Patch && exchange->bodyLength > 0) {
        exchange->owner->reportProgress(*exchange, static_cast<std::uint64_t>(uploaded));
    }
    return 0;
}

SyncError transportError(CURLcode code, const Exchange& exchange, bool connected,
                         bool hadTotalTimeout, double elapsedSeconds, double totalTimeoutSeconds,
                         const char* curlMessage)
{
    std::string detail = std::string(curl_easy_strerror(code)) + ": " + curlMessage;
    // What only the tus client reads its own way; the rest as every exchange does.
    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
        return {SyncErrorCode::Cancelled, 0, detail};
    case CURLE_READ_ERROR:
        if (exchange.readFailed) {
            return {SyncErrorCode::LocalIo, 0,
                    "envelope read failed: " + (exchange.readErrno
                                                    ? std::string(std::strerror(exchange.readErrno))
                                                    : std::string("file shorter than recorded"))};
        }
        return {SyncErrorCode::Cancelled, 0, detail};
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return {SyncErrorCode::UnexpectedAnswer, 0, detail};
    case CURLE_URL_MALFORMAT:
        return {SyncErrorCode::Refused, 0, detail};
    default:
        break;
    }
    switch (net::classifyCurlCode(code)) {
    case net::NetErrorCode::Resolve:
    case net::NetErrorCode::Connect:
        return {SyncErrorCode::Offline, 0, detail};
    case net::NetErrorCode::Timeout:
        if (!connected || (hadTotalTimeout && elapsedSeconds >= totalTimeoutSeconds)) {
            return {SyncErrorCode::Timeout, 0, detail};
        }
        return {SyncErrorCode::Stalled, 0, detail};
    case net::NetErrorCode::PinMismatch:
        return {SyncErrorCode::TlsPinMismatch, 0, detail};
    case net::NetErrorCode::Tls:
        return {SyncErrorCode::TlsFailure, 0, detail};
    default:
        return {SyncErrorCode::NetworkDown, 0, detail};
    }
}

} // namespace

TusUpload::TusUpload(TusEndpoint endpoint, TusOptions options)
    : endpoint_(std::move(endpoint)), options_(options),
      curl_(std::make_unique<net::CurlExchange>())
{
}

TusUpload::~TusUpload() = default;

void TusUpload::setProgressCallback(std::function<void(const TransferProgress&)> callback)
{
    progress_ = std::move(callback);
}

void TusUpload::reportProgress(const Exchange& exchange, std::uint64_t uploaded)
{
    if (!progress_) {
        return;
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - exchange.started).count();
    TransferProgress progress;
    progress.offset = exchange.bodyOffset + std::min(uploaded, exchange.bodyLength);
    progress.size = exchange.totalSize;
    progress.bytesPerSecond = elapsed > 0.5 ? static_cast<double>(uploaded) / elapsed : rate_;
    progress_(progress);
}

std::uint64_t TusUpload::nextChunkSize() const
{
    if (options_.fixedChunk > 0) {
        return options_.fixedChunk;
    }
    if (rate_ <= 0) {
        return std::clamp(options_.initialChunk, options_.minChunk, options_.maxChunk);
    }
    const double target = rate_ * std::chrono::duration<double>(options_.targetChunkTime).count();
    auto bytes = static_cast<std::uint64_t>(std::clamp(
        target, static_cast<double>(options_.minChunk), static_cast<double>(options_.maxChunk)));
    bytes -= bytes % kChunkGrain;
    return std::max(bytes, options_.minChunk);
}

Result<void, SyncError> TusUpload::perform(Exchange& exchange)
{
    CURL* curl = curl_->handle();
    if (!curl) {
        return error(SyncErrorCode::LocalIo, 0, "libcurl could not be initialised");
    }
    if (cancelled_.load()) {
        return error(SyncErrorCode::Cancelled, 0, "cancelled before the request");
    }
    exchange.owner = this;
    exchange.bodySent = 0;

    const bool hasTotalTimeout = exchange.method != Exchange::Method::Patch;
    net::ExchangeSettings settings;
    settings.url = exchange.url;
    settings.headerLines = {"Tus-Resumable: 1.0.0",
                            "Expect:"}; // no 100-continue round trip per chunk
    settings.headerLines.insert(settings.headerLines.end(), exchange.requestHeaders.begin(),
                                exchange.requestHeaders.end());
    if (exchange.method == Exchange::Method::Post) {
        settings.headerLines.emplace_back("Content-Type:");
    } else if (exchange.method == Exchange::Method::Patch) {
        settings.headerLines.emplace_back("Content-Type: application/offset+octet-stream");
    }
    settings.connectTimeout = options_.connectTimeout;
    settings.totalTimeout =
        hasTotalTimeout ? options_.requestTimeout : std::chrono::milliseconds(0);
    settings.lowSpeedBytes = options_.stallBytesPerSecond;
    settings.lowSpeedWindow = options_.stallWindow;
    settings.pinnedPublicKeys = endpoint_.tlsPins;
    settings.caFile = endpoint_.caFile;
    settings.maxBodyBytes = kMaxBody; // answers are small; a portal page is cut here
    settings.dropBodyOverLimit = true;
    // The exchange keeps its connection, DNS and TLS session caches: chunks reuse one
    // connection.
    if (auto ready = curl_->prepare(settings, exchange); !ready) {
        return error(SyncErrorCode::LocalIo, 0, ready.error().detail);
    }
    curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_SOCKOPTFUNCTION, onSocketOptions);
    curl_easy_setopt(curl, CURLOPT_SOCKOPTDATA, this);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &exchange);
    switch (exchange.method) {
    case Exchange::Method::Head:
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
        break;
    case Exchange::Method::Post:
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(0));
        break;
    case Exchange::Method::Patch:
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PATCH");
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE,
                         static_cast<curl_off_t>(exchange.bodyLength));
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, onRead);
        curl_easy_setopt(curl, CURLOPT_READDATA, &exchange);
        exchange.rewindLimit = static_cast<std::uint64_t>(options_.uploadBufferSize);
        curl_easy_setopt(curl, CURLOPT_SEEKFUNCTION, onSeek);
        curl_easy_setopt(curl, CURLOPT_SEEKDATA, &exchange);
        curl_easy_setopt(curl, CURLOPT_UPLOAD_BUFFERSIZE, options_.uploadBufferSize);
        break;
    case Exchange::Method::Delete:
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "DELETE");
        break;
    case Exchange::Method::Get:
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        break;
    }

    exchange.started = std::chrono::steady_clock::now();
    exchange.lastMove = exchange.started;
    exchange.lastBytes = 0;
    exchange.stalled = false;
    exchange.stallWindow =
        std::chrono::duration_cast<std::chrono::milliseconds>(options_.stallWindow);
    const CURLcode code = curl_->perform();
    exchange.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - exchange.started).count();
    if (exchange.method == Exchange::Method::Patch) {
        curl_off_t uploaded = 0; // written to the socket, whatever became of it
        curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &uploaded);
        bytesSent_ += static_cast<std::uint64_t>(std::max<curl_off_t>(uploaded, 0));
    }

    if (code != CURLE_OK) {
        // Reused connections report no connect time; a request that got as far as sending
        // has a pre-transfer time, so a timeout after that is a stall, not a connect failure.
        curl_off_t pretransferTime = 0;
        curl_easy_getinfo(curl, CURLINFO_PRETRANSFER_TIME_T, &pretransferTime);
        if (exchange.readFailed) {
            return error(SyncErrorCode::LocalIo, 0,
                         exchange.readErrno ? std::strerror(exchange.readErrno)
                                            : "envelope shorter than recorded");
        }
        if (cancelled_.load()) {
            return error(SyncErrorCode::Cancelled, 0, "cancelled");
        }
        if (exchange.stalled) {
            if (exchange.method == Exchange::Method::Patch) {
                rate_ /= 4; // the link got worse: smaller chunks lose less when it drops
            }
            return error(SyncErrorCode::Stalled, 0,
                         "no byte moved for " + std::to_string(options_.stallWindow.count()) +
                             " s");
        }
        if (code == CURLE_OPERATION_TIMEDOUT && exchange.method == Exchange::Method::Patch) {
            rate_ /= 4; // the link got worse: smaller chunks lose less when it drops
        }
        return fail(transportError(code, exchange, pretransferTime > 0, hasTotalTimeout,
                                   exchange.seconds,
                                   std::chrono::duration<double>(options_.requestTimeout).count(),
                                   curl_->message(code).c_str()));
    }
    return {};
}

Result<Creation, SyncError> TusUpload::create(const UploadMetadata& metadata, std::uint64_t size)
{
    const auto encode = [](const std::string& value) {
        return crypto::base64Encode(
            std::span(reinterpret_cast<const std::uint8_t*>(value.data()), value.size()));
    };
    std::string pairs =
        "submission_id " + encode(metadata.submissionId) + ",call_id " + encode(metadata.callId);
    if (!metadata.fileName.empty()) {
        pairs += ",filename " + encode(metadata.fileName);
    }
    Exchange exchange;
    exchange.method = Exchange::Method::Post;
    exchange.url = endpoint_.creationUrl;
    exchange.requestHeaders = {"Upload-Length: " + std::to_string(size),
                               "Upload-Metadata: " + pairs};
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    const long status = exchange.status;
    if (status == 201) {
        if (!hasTusResumable(exchange)) {
            return fail(unexpected(exchange, "creation without Tus-Resumable"));
        }
        SyncError receiptFailure;
        auto receipt = receiptHeaders(exchange, receiptFailure);
        if (!receipt && receiptFailure.code == SyncErrorCode::ReceiptInvalid) {
            return fail(receiptFailure);
        }
        const auto location = exchange.header("Location");
        if (!location || location->empty()) {
            return error(SyncErrorCode::UnexpectedAnswer, status, "creation: 201 without Location");
        }
        auto url = resolveUrl(exchange.url, std::string(*location));
        if (!url) {
            return error(SyncErrorCode::UnexpectedAnswer, status, "creation: unusable Location");
        }
        Creation creation;
        creation.uploadUrl = *url;
        if (auto expires = exchange.header("Upload-Expires")) {
            creation.expires = std::string(*expires);
        }
        creation.receipt = std::move(receipt);
        return creation;
    }
    if (status == 409) {
        auto document = nlohmann::json::parse(exchange.body, nullptr, false);
        if (!document.is_discarded() && document.is_object() &&
            document.value("error", "") == "duplicate_submission") {
            auto receipt = decodeReceiptDocument(exchange.body);
            if (!receipt) {
                SyncError failure = receipt.error();
                failure.httpStatus = status;
                return fail(failure);
            }
            Creation creation;
            creation.duplicate = true;
            creation.receipt = *receipt;
            return creation;
        }
        return error(SyncErrorCode::Refused, status, "creation: 409 " + exchange.body);
    }
    if (auto failure = commonFailure(exchange, "creation")) {
        if (failure->code == SyncErrorCode::Gone) {
            // 404 on the creation URL: not our endpoint (or a portal), never "gone".
            return fail(unexpected(exchange, "creation"));
        }
        return fail(*failure);
    }
    if (status >= 400 && status < 500 &&
        lower(exchange.header("Content-Type").value_or("")).rfind("text/html", 0) != 0) {
        return error(SyncErrorCode::Refused, status, "creation: " + exchange.body);
    }
    return fail(unexpected(exchange, "creation"));
}

Result<ServerOffset, SyncError> TusUpload::head(const std::string& uploadUrl,
                                                std::uint64_t expectedSize)
{
    Exchange exchange;
    exchange.method = Exchange::Method::Head;
    exchange.url = uploadUrl;
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    const long status = exchange.status;
    if (status == 200 || status == 204) {
        if (!hasTusResumable(exchange)) {
            return fail(unexpected(exchange, "HEAD without Tus-Resumable"));
        }
        const auto offset = parseOffset(exchange.header("Upload-Offset"));
        if (!offset) {
            return error(SyncErrorCode::UnexpectedAnswer, status,
                         "HEAD: missing or bad Upload-Offset");
        }
        ServerOffset answer;
        answer.offset = *offset;
        if (auto length = exchange.header("Upload-Length")) {
            answer.length = parseOffset(length);
            if (!answer.length || *answer.length != expectedSize) {
                return error(SyncErrorCode::UnexpectedAnswer, status,
                             "HEAD: Upload-Length differs from the envelope size");
            }
        }
        if (answer.offset > expectedSize) {
            return error(SyncErrorCode::UnexpectedAnswer, status, "HEAD: offset beyond the size");
        }
        if (auto expires = exchange.header("Upload-Expires")) {
            answer.expires = std::string(*expires);
        }
        return answer;
    }
    if (auto failure = commonFailure(exchange, "HEAD")) {
        return fail(*failure);
    }
    if (status >= 400 && status < 500 && hasTusResumable(exchange)) {
        return error(SyncErrorCode::Refused, status, "HEAD refused");
    }
    return fail(unexpected(exchange, "HEAD"));
}

Result<PatchAnswer, SyncError> TusUpload::patch(const std::string& uploadUrl, int fd,
                                                std::uint64_t offset, std::uint64_t length,
                                                std::uint64_t totalSize)
{
    Exchange exchange;
    exchange.method = Exchange::Method::Patch;
    exchange.url = uploadUrl;
    exchange.fd = fd;
    exchange.bodyOffset = offset;
    exchange.bodyLength = length;
    exchange.totalSize = totalSize;
    exchange.requestHeaders = {"Upload-Offset: " + std::to_string(offset)};
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    const long status = exchange.status;
    if (status == 204) {
        if (!hasTusResumable(exchange)) {
            return fail(unexpected(exchange, "PATCH without Tus-Resumable"));
        }
        const auto newOffset = parseOffset(exchange.header("Upload-Offset"));
        if (!newOffset || *newOffset != offset + length) {
            return error(SyncErrorCode::UnexpectedAnswer, status,
                         "PATCH: Upload-Offset is not the offset plus what was sent");
        }
        if (exchange.bodySent != length) {
            return error(SyncErrorCode::UnexpectedAnswer, status,
                         "PATCH: answered before the body");
        }
        PatchAnswer answer;
        answer.offset = *newOffset;
        if (auto expires = exchange.header("Upload-Expires")) {
            answer.expires = std::string(*expires);
        }
        SyncError receiptFailure;
        answer.receipt = receiptHeaders(exchange, receiptFailure);
        if (!answer.receipt && receiptFailure.code == SyncErrorCode::ReceiptInvalid) {
            return fail(receiptFailure);
        }
        if (length >= 256 * 1024 && exchange.seconds > 0) {
            const double measured = static_cast<double>(length) / exchange.seconds;
            rate_ = rate_ <= 0 ? measured : 0.5 * rate_ + 0.5 * measured;
        }
        return answer;
    }
    if (status == 409) {
        return error(SyncErrorCode::Conflict, status, "PATCH: offset mismatch");
    }
    if (auto failure = commonFailure(exchange, "PATCH")) {
        return fail(*failure);
    }
    if (status >= 400 && status < 500 && hasTusResumable(exchange)) {
        return error(SyncErrorCode::Refused, status, "PATCH refused: " + exchange.body);
    }
    return fail(unexpected(exchange, "PATCH"));
}

Result<void, SyncError> TusUpload::terminate(const std::string& uploadUrl)
{
    Exchange exchange;
    exchange.method = Exchange::Method::Delete;
    exchange.url = uploadUrl;
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    if (exchange.status == 204 && hasTusResumable(exchange)) {
        return {};
    }
    if (auto failure = commonFailure(exchange, "DELETE")) {
        return fail(*failure);
    }
    if (exchange.status >= 400 && exchange.status < 500 && hasTusResumable(exchange)) {
        return error(SyncErrorCode::Refused, exchange.status, "DELETE refused");
    }
    return fail(unexpected(exchange, "DELETE"));
}

Result<std::optional<SignedReceipt>, SyncError>
TusUpload::fetchReceipt(const std::string& submissionId)
{
    Exchange exchange;
    exchange.method = Exchange::Method::Get;
    exchange.url = endpoint_.receiptUrlPrefix + submissionId;
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    const std::string contentType = lower(exchange.header("Content-Type").value_or(""));
    const bool json = contentType.rfind("application/json", 0) == 0;
    if (exchange.status == 200 && json) {
        auto receipt = decodeReceiptDocument(exchange.body);
        if (!receipt) {
            SyncError failure = receipt.error();
            failure.httpStatus = 200;
            return fail(failure);
        }
        return std::optional<SignedReceipt>(*receipt);
    }
    if (exchange.status == 404 && json) {
        auto document = nlohmann::json::parse(exchange.body, nullptr, false);
        if (!document.is_discarded() && document.is_object() &&
            document.value("error", "") == "unknown") {
            return std::optional<SignedReceipt>();
        }
    }
    if (exchange.status >= 500 && exchange.status != 511 &&
        contentType.rfind("text/html", 0) != 0) {
        return error(SyncErrorCode::ServerError, exchange.status, "GET receipt");
    }
    return fail(unexpected(exchange, "GET receipt"));
}

} // namespace amicus::sync
