#include "net/curl_exchange.h"

#include <algorithm>
#include <mutex>

namespace amicus::net {

namespace {

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
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

} // namespace

size_t onExchangeHeader(char* data, size_t size, size_t count, void* user)
{
    auto* exchange = static_cast<CurlExchange*>(user);
    const size_t bytes = size * count;
    const std::string_view line(data, bytes);
    if (line.rfind("HTTP/", 0) == 0) {
        // A new status line (after 100 Continue, or a redirect): only the last answer counts.
        exchange->answer_->headers.clear();
        return bytes;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
        exchange->answer_->headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                                std::string(trim(line.substr(colon + 1))));
    }
    return bytes;
}

size_t onExchangeBody(char* data, size_t size, size_t count, void* user)
{
    auto* exchange = static_cast<CurlExchange*>(user);
    std::string& body = exchange->answer_->body;
    const size_t bytes = size * count;
    if (body.size() + bytes > exchange->maxBody_) {
        exchange->tooLarge_ = true;
        if (!exchange->dropOverLimit_) {
            return 0; // makes libcurl stop with CURLE_WRITE_ERROR
        }
        const size_t room =
            exchange->maxBody_ - std::min<std::uint64_t>(exchange->maxBody_, body.size());
        body.append(data, std::min(bytes, room));
        return bytes; // the rest is read and dropped
    }
    body.append(data, bytes);
    return bytes;
}

CurlExchange::CurlExchange()
{
    initialiseCurlOnce();
    curl_ = curl_easy_init();
}

CurlExchange::~CurlExchange()
{
    if (curl_) {
        curl_easy_cleanup(curl_);
    }
    curl_slist_free_all(headers_);
}

Result<void, NetError> CurlExchange::prepare(const ExchangeSettings& settings, HttpResponse& answer)
{
    if (!curl_) {
        return fail(NetError{NetErrorCode::Backend, "curl_easy_init failed"});
    }
    curl_easy_reset(curl_);
    curl_slist_free_all(headers_);
    headers_ = nullptr;
    for (const std::string& line : settings.headerLines) {
        curl_slist* extended = curl_slist_append(headers_, line.c_str());
        if (extended == nullptr) {
            return fail(NetError{NetErrorCode::Backend, "curl_slist_append failed"});
        }
        headers_ = extended; // appending to a non-empty list keeps its head
    }
    answer_ = &answer;
    answer.status = 0;
    answer.headers.clear();
    answer.body.clear();
    maxBody_ = settings.maxBodyBytes;
    dropOverLimit_ = settings.dropBodyOverLimit;
    tooLarge_ = false;
    errorBuffer_[0] = '\0';

    std::string pins;
    for (const std::string& pin : settings.pinnedPublicKeys) {
        pins += (pins.empty() ? "" : ";") + pin;
    }
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, errorBuffer_);
    curl_easy_setopt(curl_, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 0L); // a portal's redirect must surface
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);       // timeouts without SIGALRM
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(settings.connectTimeout.count()));
    if (settings.totalTimeout.count() > 0) {
        curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS,
                         static_cast<long>(settings.totalTimeout.count()));
    }
    if (settings.lowSpeedBytes > 0) {
        curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedBytes);
        curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME,
                         static_cast<long>(settings.lowSpeedWindow.count()));
    }
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!pins.empty()) {
        curl_easy_setopt(curl_, CURLOPT_PINNEDPUBLICKEY, pins.c_str()); // libcurl copies it
    }
    if (!settings.caFile.empty()) {
        curl_easy_setopt(curl_, CURLOPT_CAINFO, settings.caFile.c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, onExchangeHeader);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, onExchangeBody);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, this);
    return {};
}

CURLcode CurlExchange::perform()
{
    const CURLcode code = curl_easy_perform(curl_);
    if (code == CURLE_OK) {
        curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &answer_->status);
    }
    return code;
}

std::string CurlExchange::message(CURLcode code) const
{
    return errorBuffer_[0] != '\0' ? std::string(errorBuffer_)
                                   : std::string(curl_easy_strerror(code));
}

NetErrorCode classifyCurlCode(CURLcode code)
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

} // namespace amicus::net
