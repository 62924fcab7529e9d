// A small blocking HTTP(S) GET client over libcurl: request headers, conditional GET, timeouts,
// optional public-key pinning and typed errors. Generic: the catalog refresh uses it today.
#pragma once

#include "common/result.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amicus::net {

enum class NetErrorCode {
    BadUrl,      // malformed URL or a scheme other than http/https
    Resolve,     // the host name could not be resolved
    Connect,     // no connection (refused, unreachable, offline)
    Timeout,     // connect or transfer took longer than allowed, or stalled
    Tls,         // TLS handshake or certificate verification failed
    PinMismatch, // the server's public key matches none of the pins
    TooLarge,    // the body exceeded the request's maxBodyBytes
    Transfer,    // the connection broke mid-transfer, or the response was not valid HTTP
    Backend,     // libcurl itself failed (out of memory, setup)
};

// A typed transport failure; `detail` is libcurl's message, for logs only.
struct NetError {
    NetErrorCode code = NetErrorCode::Backend;
    std::string detail;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One GET. Redirects are not followed: a captive portal's redirect must surface as a 3xx.
struct HttpRequest {
    std::string url;
    HeaderList headers; // sent as "Name: value"
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{60'000};
    // Abort when fewer than lowSpeedBytes arrive per lowSpeedWindow (a link that is "up" but
    // carries nothing); 0 disables.
    std::uint64_t lowSpeedBytes = 1;
    std::chrono::seconds lowSpeedWindow{20};
    std::uint64_t maxBodyBytes = std::uint64_t{16} * 1024 * 1024;
    // "sha256//<base64>" SPKI pins (curl's CURLOPT_PINNEDPUBLICKEY form); empty: no pinning.
    std::vector<std::string> pinnedPublicKeys;
    // PEM bundle to verify the server with instead of the system store (tests, private CAs).
    std::string caFile;
};

// What came back. Any HTTP status is a response, not an error: the caller decides.
struct HttpResponse {
    long status = 0;
    HeaderList headers; // of the final response, names as sent
    std::string body;

    // The first header named `name` (case-insensitive), if any.
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

// Performs GET requests. Stateless and safe to use from several threads, one call per thread.
class HttpClient {
public:
    HttpClient();

    // Blocks until the response is complete or a NetError occurs.
    [[nodiscard]] Result<HttpResponse, NetError> get(const HttpRequest& request) const;
};

// A short stable name for the code ("timeout"), for logs.
[[nodiscard]] std::string_view netErrorName(NetErrorCode code);

} // namespace amicus::net
