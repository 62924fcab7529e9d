#include "calls/catalog_refresher.h"

#include "calls/catalog_signature.h"

namespace amicus::calls {
namespace {

// Signatures are tiny; a catalog larger than the parser accepts is refused before parsing.
constexpr std::uint64_t maxSignatureBytes = 4096;

bool looksLikeHtml(const net::HttpResponse& response)
{
    const auto type = response.header("Content-Type");
    if (type && type->find("text/html") != std::string_view::npos) {
        return true;
    }
    const std::size_t first = response.body.find_first_not_of(" \t\r\n");
    return first != std::string::npos && response.body[first] == '<';
}

RefreshResult outcomeOnly(RefreshOutcome outcome, long httpStatus)
{
    RefreshResult result;
    result.outcome = outcome;
    result.httpStatus = httpStatus;
    return result;
}

} // namespace

CatalogRefresher::CatalogRefresher(const net::HttpClient& http,
                                   std::vector<crypto::Ed25519PublicKey> trustedKeys,
                                   RefreshSource source)
    : http_(http), trustedKeys_(std::move(trustedKeys)), source_(std::move(source))
{
    while (!source_.origin.empty() && source_.origin.back() == '/') {
        source_.origin.pop_back();
    }
}

net::HttpRequest CatalogRefresher::request(std::string_view path) const
{
    net::HttpRequest request;
    request.url = source_.origin + std::string(path);
    request.connectTimeout = source_.connectTimeout;
    request.totalTimeout = source_.totalTimeout;
    request.pinnedPublicKeys = source_.pinnedPublicKeys;
    request.caFile = source_.caFile;
    request.maxBodyBytes = maxCatalogBytes;
    return request;
}

RefreshResult CatalogRefresher::refresh(const HeldCatalog& held) const
{
    RefreshResult result = attempt(held);
    if (result.outcome == RefreshOutcome::BadSignature) {
        // The secretariat may have replaced catalog and signature between our two requests;
        // one more try tells a publication race from a real forgery.
        result = attempt(held);
    }
    return result;
}

RefreshResult CatalogRefresher::attempt(const HeldCatalog& held) const
{
    net::HttpRequest catalogRequest = request("/catalog");
    if (!held.etag.empty()) {
        catalogRequest.headers.emplace_back("If-None-Match", held.etag);
    }
    auto catalogResponse = http_.get(catalogRequest);
    if (!catalogResponse) {
        RefreshResult result = outcomeOnly(RefreshOutcome::Network, 0);
        result.netError = catalogResponse.error();
        return result;
    }
    const long catalogStatus = catalogResponse->status;
    if (catalogStatus == 304) {
        RefreshResult result = outcomeOnly(RefreshOutcome::NotModified, catalogStatus);
        result.etag = held.etag;
        result.offeredSequence = held.sequence;
        return result;
    }
    if (catalogStatus != 200) {
        return outcomeOnly(RefreshOutcome::HttpStatus, catalogStatus);
    }
    if (looksLikeHtml(*catalogResponse)) {
        return outcomeOnly(RefreshOutcome::NotACatalog, catalogStatus);
    }

    net::HttpRequest signatureRequest = request("/catalog.sig");
    signatureRequest.maxBodyBytes = maxSignatureBytes;
    auto signatureResponse = http_.get(signatureRequest);
    if (!signatureResponse) {
        RefreshResult result = outcomeOnly(RefreshOutcome::Network, 0);
        result.netError = signatureResponse.error();
        return result;
    }
    const long signatureStatus = signatureResponse->status;
    if (signatureStatus == 404 || signatureStatus == 410) {
        return outcomeOnly(RefreshOutcome::Unsigned, signatureStatus);
    }
    if (signatureStatus != 200) {
        return outcomeOnly(RefreshOutcome::HttpStatus, signatureStatus);
    }
    if (looksLikeHtml(*signatureResponse)) {
        return outcomeOnly(RefreshOutcome::NotACatalog, signatureStatus);
    }

    // Verify before parsing: nothing an untrusted party wrote gets further than this.
    const std::string& bytes = catalogResponse->body;
    if (!verifyCatalogSignature(bytes, signatureResponse->body, trustedKeys_)) {
        return outcomeOnly(RefreshOutcome::BadSignature, signatureStatus);
    }
    auto parsed = parseCatalog(bytes);
    if (!parsed) {
        RefreshResult result = outcomeOnly(RefreshOutcome::Malformed, catalogStatus);
        result.catalogError = parsed.error();
        return result;
    }
    const std::uint64_t offered = parsed->sequence;
    if (offered < held.sequence) {
        RefreshResult result = outcomeOnly(RefreshOutcome::Rollback, catalogStatus);
        result.offeredSequence = offered;
        return result;
    }
    if (offered == held.sequence) {
        RefreshResult result = outcomeOnly(RefreshOutcome::NotModified, catalogStatus);
        result.offeredSequence = offered;
        result.etag = held.etag;
        return result;
    }

    RefreshResult result = outcomeOnly(RefreshOutcome::Updated, catalogStatus);
    result.offeredSequence = offered;
    result.catalog = std::move(parsed).value();
    result.catalogBytes = bytes;
    result.signatureText = signatureResponse->body;
    if (const auto etag = catalogResponse->header("ETag")) {
        result.etag = std::string(*etag);
    }
    return result;
}

std::string_view refreshOutcomeName(RefreshOutcome outcome)
{
    switch (outcome) {
    case RefreshOutcome::NotModified:
        return "not-modified";
    case RefreshOutcome::Updated:
        return "updated";
    case RefreshOutcome::Unsigned:
        return "unsigned";
    case RefreshOutcome::BadSignature:
        return "bad-signature";
    case RefreshOutcome::Rollback:
        return "rollback";
    case RefreshOutcome::Malformed:
        return "malformed";
    case RefreshOutcome::Network:
        return "network";
    case RefreshOutcome::HttpStatus:
        return "http-status";
    case RefreshOutcome::NotACatalog:
        return "not-a-catalog";
    }
    return "unknown";
}

} // namespace amicus::calls
