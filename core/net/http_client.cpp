#include "net/http_client.h"

#include "net/curl_exchange.h"

namespace amicus::net {
namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i])) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<std::string_view> HttpResponse::header(std::string_view name) const
{
    for (const auto& [key, value] : headers) {
        if (equalsIgnoringCase(key, name)) {
            return std::string_view(value);
        }
    }
    return std::nullopt;
}

HttpClient::HttpClient() = default;

Result<HttpResponse, NetError> HttpClient::get(const HttpRequest& request) const
{
    CurlExchange exchange; // one handle per call: stateless, one call per thread
    ExchangeSettings settings;
    settings.url = request.url;
    for (const auto& [name, value] : request.headers) {
        settings.headerLines.push_back(name + ": " + value);
    }
    settings.connectTimeout = request.connectTimeout;
    settings.totalTimeout = request.totalTimeout;
    settings.lowSpeedBytes = static_cast<long>(request.lowSpeedBytes);
    settings.lowSpeedWindow = request.lowSpeedWindow;
    settings.pinnedPublicKeys = request.pinnedPublicKeys;
    settings.caFile = request.caFile;
    settings.maxBodyBytes = request.maxBodyBytes;
    HttpResponse response;
    if (auto ready = exchange.prepare(settings, response); !ready) {
        return fail(ready.error());
    }
    CURL* handle = exchange.handle();
    curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(request.maxBodyBytes));
    curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, ""); // whatever curl can decode

    const CURLcode code = exchange.perform();
    if (exchange.bodyTooLarge() || code == CURLE_FILESIZE_EXCEEDED) {
        return fail(NetError{NetErrorCode::TooLarge, "response body exceeds the limit"});
    }
    if (code != CURLE_OK) {
        return fail(NetError{classifyCurlCode(code), exchange.message(code)});
    }
    return response;
}

std::string_view netErrorName(NetErrorCode code)
{
    switch (code) {
    case NetErrorCode::BadUrl:
        return "bad-url";
    case NetErrorCode::Resolve:
        return "resolve";
    case NetErrorCode::Connect:
        return "connect";
    case NetErrorCode::Timeout:
        return "timeout";
    case NetErrorCode::Tls:
        return "tls";
    case NetErrorCode::PinMismatch:
        return "pin-mismatch";
    case NetErrorCode::TooLarge:
        return "too-large";
    case NetErrorCode::Transfer:
        return "transfer";
    case NetErrorCode::Backend:
        return "backend";
    }
    return "unknown";
}

} // namespace amicus::net
