// CurlExchange: one libcurl easy handle and what every Amicus request sets on it (http and
// https only, no redirects, no signals, connect and total timeouts, a low-speed abort, TLS
// verification with optional public-key pinning, the answer's headers and a capped body), and
// the one reading of libcurl's failures. HttpClient and the tus client add only what their
// requests need on top.
#pragma once

#include "common/result.h"
#include "net/http_client.h"

#include <chrono>
#include <cstdint>
#include <curl/curl.h>
#include <string>
#include <vector>

namespace amicus::net {

// What a request shares with every other.
struct ExchangeSettings {
    std::string url;
    std::vector<std::string> headerLines; // "Name: value"; "Name:" removes a libcurl default
    std::chrono::milliseconds connectTimeout{10'000};
    // The whole exchange must finish within this; 0: no limit (an upload of unknown length
    // relies on the low-speed abort and its own stall watch instead).
    std::chrono::milliseconds totalTimeout{0};
    // Abort when fewer than lowSpeedBytes per second move for lowSpeedWindow; 0 disables.
    long lowSpeedBytes = 0;
    std::chrono::seconds lowSpeedWindow{0};
    std::vector<std::string> pinnedPublicKeys; // "sha256//<base64>"; empty: no pinning
    std::string caFile;                        // PEM bundle instead of the system store
    std::uint64_t maxBodyBytes = std::uint64_t{16} * 1024 * 1024;
    // Over maxBodyBytes: false stops the transfer (bodyTooLarge()); true keeps the first
    // maxBodyBytes and reads the rest away, so the connection stays usable for the next one.
    bool dropBodyOverLimit = false;
};

class CurlExchange {
public:
    CurlExchange();
    ~CurlExchange();
    CurlExchange(const CurlExchange&) = delete;
    CurlExchange& operator=(const CurlExchange&) = delete;

    // The easy handle, for the options only one kind of request sets; nullptr when libcurl
    // could not start (every prepare() then fails with Backend).
    [[nodiscard]] CURL* handle() const { return curl_; }

    // Resets the handle (its connection, DNS and TLS session caches stay, so requests to the
    // same server reuse one connection) and sets what `settings` says. The answer's status,
    // headers (of the final response only) and body go to `answer`, which must outlive
    // perform().
    [[nodiscard]] Result<void, NetError> prepare(const ExchangeSettings& settings,
                                                 HttpResponse& answer);
    // Runs the request; on CURLE_OK the answer's status is set.
    [[nodiscard]] CURLcode perform();

    [[nodiscard]] bool bodyTooLarge() const { return tooLarge_; }
    // libcurl's own words for the last failure (its error buffer, or the code's text).
    [[nodiscard]] std::string message(CURLcode code) const;

private:
    CURL* curl_ = nullptr;
    curl_slist* headers_ = nullptr;
    HttpResponse* answer_ = nullptr;
    std::uint64_t maxBody_ = 0;
    bool dropOverLimit_ = false;
    bool tooLarge_ = false;
    char errorBuffer_[CURL_ERROR_SIZE] = {};

    friend size_t onExchangeHeader(char*, size_t, size_t, void*);
    friend size_t onExchangeBody(char*, size_t, size_t, void*);
};

// The transport failure a libcurl code stands for, as HttpClient reports it.
[[nodiscard]] NetErrorCode classifyCurlCode(CURLcode code);

} // namespace amicus::net
