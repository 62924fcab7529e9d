#include "sync/tus_upload.h"

#include "crypto/base64.h"
#include "net/curl_exchange.h"
#include "sync/tus_answers.h"

#include <algorithm>
#include <span>
#include <utility>

namespace amicus::sync {
namespace {

constexpr std::uint64_t kChunkGrain = 64 * 1024;

using Exchange = TusUpload::Exchange;
using namespace tus;

Failure<SyncError> error(SyncErrorCode code, long status, std::string detail)
{
    return fail(SyncError{code, status, std::move(detail)});
}

// A request of `method` to `url` with `headers` beside the ones every request carries.
Exchange request(Exchange::Method method, std::string url, std::vector<std::string> headers = {})
{
    Exchange exchange;
    exchange.method = method;
    exchange.url = std::move(url);
    exchange.requestHeaders = std::move(headers);
    return exchange;
}

// A HEAD, PATCH or DELETE answer that is not the step's success: the shared failures, a
// tus server's own refusal (4xx with Tus-Resumable) as Refused with `refusedDetail`, and
// anything else as unexpected.
SyncError refusal(const Exchange& exchange, const char* step, std::string refusedDetail)
{
    if (auto failure = commonFailure(exchange, step)) {
        return *failure;
    }
    if (exchange.status >= 400 && exchange.status < 500 && hasTusResumable(exchange)) {
        return SyncError{SyncErrorCode::Refused, exchange.status, std::move(refusedDetail)};
    }
    return unexpected(exchange, step);
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
    Exchange exchange =
        request(Exchange::Method::Post, endpoint_.creationUrl,
                {"Upload-Length: " + std::to_string(size), "Upload-Metadata: " + pairs});
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    const long status = exchange.status;
    if (status == 201) {
        if (!hasTusResumable(exchange)) {
            return fail(unexpected(exchange, "creation without Tus-Resumable"));
        }
        auto receipt = receiptHeaders(exchange);
        if (!receipt) {
            return fail(receipt.error());
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
        creation.expires = uploadExpires(exchange);
        creation.receipt = std::move(*receipt);
        return creation;
    }
    if (status == 409) {
        if (!hasErrorCode(exchange, "duplicate_submission")) {
            return error(SyncErrorCode::Refused, status, "creation: 409 " + exchange.body);
        }
        auto receipt = receiptDocument(exchange);
        if (!receipt) {
            return fail(receipt.error());
        }
        Creation creation;
        creation.duplicate = true;
        creation.receipt = std::move(*receipt);
        return creation;
    }
    if (auto failure = commonFailure(exchange, "creation")) {
        if (failure->code == SyncErrorCode::Gone) {
            // 404 on the creation URL: not our endpoint (or a portal), never "gone".
            return fail(unexpected(exchange, "creation"));
        }
        return fail(*failure);
    }
    if (status >= 400 && status < 500 && !isHtml(exchange)) {
        return error(SyncErrorCode::Refused, status, "creation: " + exchange.body);
    }
    return fail(unexpected(exchange, "creation"));
}

Result<ServerOffset, SyncError> TusUpload::head(const std::string& uploadUrl,
                                                std::uint64_t expectedSize)
{
    Exchange exchange = request(Exchange::Method::Head, uploadUrl);
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
        answer.expires = uploadExpires(exchange);
        return answer;
    }
    return fail(refusal(exchange, "HEAD", "HEAD refused"));
}

Result<PatchAnswer, SyncError> TusUpload::patch(const std::string& uploadUrl, int fd,
                                                std::uint64_t offset, std::uint64_t length,
                                                std::uint64_t totalSize)
{
    Exchange exchange =
        request(Exchange::Method::Patch, uploadUrl, {"Upload-Offset: " + std::to_string(offset)});
    exchange.fd = fd;
    exchange.bodyOffset = offset;
    exchange.bodyLength = length;
    exchange.totalSize = totalSize;
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
        auto receipt = receiptHeaders(exchange);
        if (!receipt) {
            return fail(receipt.error());
        }
        PatchAnswer answer;
        answer.offset = *newOffset;
        answer.expires = uploadExpires(exchange);
        answer.receipt = std::move(*receipt);
        if (length >= 256 * 1024 && exchange.seconds > 0) {
            const double measured = static_cast<double>(length) / exchange.seconds;
            rate_ = rate_ <= 0 ? measured : 0.5 * rate_ + 0.5 * measured;
        }
        return answer;
    }
    if (status == 409) {
        return error(SyncErrorCode::Conflict, status, "PATCH: offset mismatch");
    }
    return fail(refusal(exchange, "PATCH", "PATCH refused: " + exchange.body));
}

Result<void, SyncError> TusUpload::terminate(const std::string& uploadUrl)
{
    Exchange exchange = request(Exchange::Method::Delete, uploadUrl);
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    if (exchange.status == 204 && hasTusResumable(exchange)) {
        return {};
    }
    return fail(refusal(exchange, "DELETE", "DELETE refused"));
}

Result<std::optional<SignedReceipt>, SyncError>
TusUpload::fetchReceipt(const std::string& submissionId)
{
    Exchange exchange = request(Exchange::Method::Get, endpoint_.receiptUrlPrefix + submissionId);
    if (auto done = perform(exchange); !done) {
        return fail(done.error());
    }
    const bool json = isJson(exchange);
    if (exchange.status == 200 && json) {
        auto receipt = receiptDocument(exchange);
        if (!receipt) {
            return fail(receipt.error());
        }
        return std::optional<SignedReceipt>(std::move(*receipt));
    }
    if (exchange.status == 404 && json && hasErrorCode(exchange, "unknown")) {
        return std::optional<SignedReceipt>();
    }
    if (exchange.status >= 500 && exchange.status != 511 && !isHtml(exchange)) {
        return error(SyncErrorCode::ServerError, exchange.status, "GET receipt");
    }
    return fail(unexpected(exchange, "GET receipt"));
}

} // namespace amicus::sync
