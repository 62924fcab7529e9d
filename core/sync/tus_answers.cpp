#include "sync/tus_answers.h"

#include <algorithm>
#include <cctype>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

namespace amicus::sync::tus {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool contentTypeStartsWith(const Exchange& exchange, std::string_view prefix)
{
    return lower(exchange.header("Content-Type").value_or("")).starts_with(prefix);
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

} // namespace

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

bool isHtml(const Exchange& exchange)
{
    return contentTypeStartsWith(exchange, "text/html");
}

bool isJson(const Exchange& exchange)
{
    return contentTypeStartsWith(exchange, "application/json");
}

bool hasTusResumable(const Exchange& exchange)
{
    const auto value = exchange.header("Tus-Resumable");
    return value && *value == "1.0.0";
}

std::optional<std::string> uploadExpires(const Exchange& exchange)
{
    if (auto expires = exchange.header("Upload-Expires")) {
        return std::string(*expires);
    }
    return std::nullopt;
}

bool hasErrorCode(const Exchange& exchange, std::string_view code)
{
    const auto document = nlohmann::json::parse(exchange.body, nullptr, false);
    return !document.is_discarded() && document.is_object() && document.value("error", "") == code;
}

SyncError unexpected(const Exchange& exchange, const char* step)
{
    const long status = exchange.status;
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
    if (isHtml(exchange) || contentTypeStartsWith(exchange, "application/xhtml")) {
        return {SyncErrorCode::CaptivePortal, status,
                detail + " HTML page instead of the endpoint"};
    }
    if (status >= 500) {
        return {SyncErrorCode::ServerError, status, detail};
    }
    return {SyncErrorCode::UnexpectedAnswer, status, detail};
}

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
        if (isHtml(exchange)) {
            return unexpected(exchange, step); // a page in the way, not the endpoint
        }
        return SyncError{SyncErrorCode::EndpointBusy, status,
                         std::string(step) + ": endpoint busy, HTTP " + std::to_string(status)};
    }
    if (status >= 500 && status != 511) {
        if (isHtml(exchange)) {
            return unexpected(exchange, step);
        }
        return SyncError{SyncErrorCode::ServerError, status,
                         std::string(step) + ": HTTP " + std::to_string(status)};
    }
    return std::nullopt;
}

Result<std::optional<SignedReceipt>, SyncError> receiptHeaders(const Exchange& exchange)
{
    const auto receipt = exchange.header("Amicus-Receipt");
    const auto signature = exchange.header("Amicus-Receipt-Signature");
    if (!receipt && !signature) {
        return std::optional<SignedReceipt>();
    }
    if (!receipt || !signature) {
        return fail(SyncError{SyncErrorCode::ReceiptInvalid, exchange.status,
                              "receipt header without signature"});
    }
    auto decoded = decodeReceiptHeaders(*receipt, *signature);
    if (!decoded) {
        SyncError failure = decoded.error();
        failure.httpStatus = exchange.status;
        return fail(std::move(failure));
    }
    return std::optional<SignedReceipt>(std::move(*decoded));
}

Result<SignedReceipt, SyncError> receiptDocument(const Exchange& exchange)
{
    auto receipt = decodeReceiptDocument(exchange.body);
    if (!receipt) {
        SyncError failure = receipt.error();
        failure.httpStatus = exchange.status;
        return fail(std::move(failure));
    }
    return std::move(*receipt);
}

} // namespace amicus::sync::tus
