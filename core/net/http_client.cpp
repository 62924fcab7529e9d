#include "net/http_client.h"

#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace amicus::net {
namespace {

struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Transfer {
    HttpResponse response;
    std::uint64_t maxBodyBytes = 0;
    bool tooLarge = false;
};

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

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                             text.back() == '\n')) {
        text.remove_suffix(1);
    }
    return text;
}

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    if (transfer->response.body.size() + bytes > transfer->maxBodyBytes) {
        transfer->tooLarge = true;
        return 0; // makes curl stop with CURLE_WRITE_ERROR
    }
    transfer->response.body.append(data, bytes);
    return bytes;
}

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    const std::string_view line(data, bytes);
    if (line.rfind("HTTP/", 0) == 0) {
        transfer->response.headers.clear(); // a new response (e.g. after 100 Continue)
        return bytes;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
        transfer->response.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                                std::string(trim(line.substr(colon + 1))));
    }
    return bytes;
}

NetErrorCode classify(CURLcode code)
{
    switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return NetErrorCode::BadUrl;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return NetErrorCode::Resolve;
    case CURLE_COULDNT_CONNECT:
        return NetErrorCode::Connect;
    case CURLE_OPERATION_TIMEDOUT:
        return NetErrorCode::Timeout;
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return NetErrorCode::PinMismatch;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
        return NetErrorCode::Tls;
    case CURLE_OUT_OF_MEMORY:
    case CURLE_FAILED_INIT:
    case CURLE_UNKNOWN_OPTION:
    case CURLE_NOT_BUILT_IN:
        return NetErrorCode::Backend;
    default:
        return NetErrorCode::Transfer;
    }
}

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
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

HttpClient::HttpClient()
{
    initialiseCurlOnce();
}

Result<HttpResponse, NetError> HttpClient::get(const HttpRequest& request) const
{
    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    if (!easy) {
        return fail(NetError{NetErrorCode::Backend, "curl_easy_init failed"});
    }
    CURL* handle = easy.get();

    std::unique_ptr<curl_slist, SlistDeleter> headers;
    for (const auto& [name, value] : request.headers) {
        std::string line = name;
        line.append(": ").append(value);
        curl_slist* extended = curl_slist_append(headers.get(), line.c_str());
        if (extended == nullptr) {
            return fail(NetError{NetErrorCode::Backend, "curl_slist_append failed"});
        }
        if (!headers) {
            headers.reset(extended); // appending to a non-empty list keeps its head
        }
    }

    Transfer transfer;
    transfer.maxBodyBytes = request.maxBodyBytes;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    std::string pins;
    for (const std::string& pin : request.pinnedPublicKeys) {
        if (!pins.empty()) {
            pins += ';';
        }
        pins += pin;
    }

    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L); // timeouts without SIGALRM: thread-safe
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(request.connectTimeout.count()));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(request.totalTimeout.count()));
    if (request.lowSpeedBytes > 0) {
        curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(request.lowSpeedBytes));
        curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME,
                         static_cast<long>(request.lowSpeedWindow.count()));
    }
    curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(request.maxBodyBytes));
    curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, ""); // whatever curl can decode
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!pins.empty()) {
        curl_easy_setopt(handle, CURLOPT_PINNEDPUBLICKEY, pins.c_str());
    }
    if (!request.caFile.empty()) {
        curl_easy_setopt(handle, CURLOPT_CAINFO, request.caFile.c_str());
    }
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);

    const CURLcode code = curl_easy_perform(handle);
    if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
        return fail(NetError{NetErrorCode::TooLarge, "response body exceeds the limit"});
    }
    if (code != CURLE_OK) {
        std::string detail = errorBuffer[0] != '\0' ? errorBuffer : curl_easy_strerror(code);
        return fail(NetError{classify(code), std::move(detail)});
    }
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &transfer.response.status);
    return std::move(transfer.response);
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
