#include "sync/catalog_endpoints.h"

namespace amicus::sync {
namespace {

// scheme://authority of an absolute URL.
std::string originOf(const std::string& url)
{
    const std::size_t schemeEnd = url.find("://");
    if (schemeEnd == std::string::npos) {
        return url;
    }
    return url.substr(0, url.find('/', schemeEnd + 3));
}

} // namespace

CallEndpoint endpointOfCall(const calls::Call& call)
{
    CallEndpoint endpoint;
    endpoint.tus.creationUrl = call.endpoint;
    endpoint.tus.receiptUrlPrefix = call.origin() + "/receipts/";
    endpoint.tus.tlsPins = call.tlsPins;
    endpoint.receiptKey = call.receiptKey;
    return endpoint;
}

std::optional<CallEndpoint> CatalogEndpoints::endpointFor(const std::string& callId) const
{
    auto call = catalog_->call(callId);
    if (!call) {
        return std::nullopt;
    }
    CallEndpoint endpoint = endpointOfCall(**call);
    if (creationUrl_) {
        endpoint.tus.creationUrl = *creationUrl_;
        endpoint.tus.receiptUrlPrefix = originOf(*creationUrl_) + "/receipts/";
        endpoint.tus.tlsPins.clear(); // the catalog's pins are for the catalog's endpoint
    }
    if (receiptKey_) {
        endpoint.receiptKey = *receiptKey_;
    }
    endpoint.tus.caFile = caFile_;
    return endpoint;
}

bool CatalogEndpoints::isClosed(const std::string& callId) const
{
    auto call = catalog_->call(callId);
    return !sendToClosed_ && call && (*call)->status == calls::CallStatus::Closed;
}

} // namespace amicus::sync
