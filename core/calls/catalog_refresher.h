// CatalogRefresher: fetches a newer signed catalog from the secretariat when online.
#pragma once

#include "calls/catalog.h"
#include "calls/catalog_parser.h"
#include "crypto/ed25519.h"
#include "net/http_client.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace amicus::calls {

// Where to refresh from: <origin>/catalog and <origin>/catalog.sig.
struct RefreshSource {
    std::string origin;                        // "https://host[:port]", no trailing slash
    std::vector<std::string> pinnedPublicKeys; // "sha256//<base64>"; empty: no pinning
    std::string caFile;                        // PEM bundle instead of the system store
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{30'000};
};

// What the caller holds now. Persistence is the store's: it passes these in and keeps what an
// Updated result returns.
struct HeldCatalog {
    std::uint64_t sequence = 0; // 0 for the built-in catalog
    std::string etag;           // ETag of the held bytes as last served; empty if unknown
};

enum class RefreshOutcome {
    NotModified,  // 304, or a valid catalog whose sequence equals the held one: nothing to do
    Updated,      // a newer, validly signed, well-formed catalog: replace the held copy
    Unsigned,     // the catalog has no signature (404 on catalog.sig)
    BadSignature, // the signature is malformed or from no trusted key, or the bytes were altered
    Rollback,     // validly signed, but its sequence is lower than the held one
    Malformed,    // validly signed, but not a valid catalog (see catalogError)
    Network,      // no usable connection (see netError); try again later
    HttpStatus,   // the endpoint answered with an unexpected status (see httpStatus)
    NotACatalog,  // a 200 that is an HTML page (a captive portal), not the catalog
};

// The outcome of one refresh. Anything but Updated means: keep the last good copy.
struct RefreshResult {
    RefreshOutcome outcome = RefreshOutcome::Network;
    std::optional<Catalog> catalog;           // Updated only
    std::string catalogBytes;                 // Updated only: the exact signed bytes, to persist
    std::string signatureText;                // Updated only: the detached signature, to persist
    std::string etag;                         // Updated: the new ETag; NotModified: the held one
    std::uint64_t offeredSequence = 0;        // the sequence the endpoint offered, when parsed
    std::optional<CatalogError> catalogError; // Malformed only
    std::optional<net::NetError> netError;    // Network only
    long httpStatus = 0;                      // the last HTTP status seen
};

// Fetches catalog and signature with a conditional GET and accepts only what a trusted key
// signed, with a sequence above the held one. Holds no state between refreshes.
class CatalogRefresher {
public:
    CatalogRefresher(const net::HttpClient& http, std::vector<crypto::Ed25519PublicKey> trustedKeys,
                     RefreshSource source);

    // One refresh attempt; blocks for at most about twice the source's total timeout.
    [[nodiscard]] RefreshResult refresh(const HeldCatalog& held) const;

private:
    [[nodiscard]] RefreshResult attempt(const HeldCatalog& held) const;
    [[nodiscard]] net::HttpRequest request(std::string_view path) const;

    const net::HttpClient& http_;
    std::vector<crypto::Ed25519PublicKey> trustedKeys_;
    RefreshSource source_;
};

// A short stable name for the outcome ("rollback"), for logs.
[[nodiscard]] std::string_view refreshOutcomeName(RefreshOutcome outcome);

} // namespace amicus::calls
