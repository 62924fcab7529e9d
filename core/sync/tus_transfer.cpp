// One tus request over the wire: the libcurl options each method needs, the PATCH body read
// in place from the envelope file, the stall watch, progress, and what a transport failure
// means. What the answer means is tus_answers.cpp's.
#include "net/curl_exchange.h"
#include "sync/tus_exchange.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace amicus::sync {
namespace {

constexpr std::size_t kMaxBody = 64 * 1024; // answers are small; a portal page is cut here

using Exchange = TusUpload::Exchange;

Failure<SyncError> error(SyncErrorCode code, long status, std::string detail)
{
    return fail(SyncError{code, status, std::move(detail)});
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
    // libcurl calls this after every write, and starts a try again (a reused connection found
    // dead, see onSeek) with its count back at zero, which it reports before the try writes a
    // byte: a count that goes down is a new try, and the last one's bytes stay sent.
    const auto written = static_cast<std::uint64_t>(std::max<curl_off_t>(uploaded, 0));
    if (written < exchange->writtenThisTry) {
        exchange->writtenEarlierTries += exchange->writtenThisTry;
    }
    exchange->writtenThisTry = written;
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
    exchange.writtenThisTry = 0;
    exchange.writtenEarlierTries = 0;

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
        // Written to the socket, whatever became of it: libcurl's count for the last try, and
        // what earlier tries wrote (onProgress), which that count no longer includes. Without
        // those, a cut chunk that libcurl could not send again (CURLE_SEND_FAIL_REWIND) would
        // count as 0 bytes sent.
        curl_off_t uploaded = 0;
        curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &uploaded);
        bytesSent_ += exchange.writtenEarlierTries +
                      static_cast<std::uint64_t>(std::max<curl_off_t>(uploaded, 0));
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
        if (code == CURLE_SEND_FAIL_REWIND && exchange.method == Exchange::Method::Patch) {
            // A reused connection died unanswered after more of the body than onSeek lets
            // libcurl send again: how much arrived is unknown, as after a 409, so the engine
            // asks the server's offset and goes on in the same attempt.
            return error(SyncErrorCode::Conflict, 0,
                         "PATCH: the connection died before an answer; offset unknown");
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

} // namespace amicus::sync
