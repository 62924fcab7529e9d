#include "calls/catalog_urls.h"

#include <optional>
#include <string_view>

namespace amicus::calls::catalog_json {
namespace {

bool isLoopbackAuthority(std::string_view authority)
{
    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos) {
            return false;
        }
        const std::string_view rest = host.substr(close + 1);
        host = host.substr(0, close + 1);
        if (!rest.empty() && rest.front() != ':') {
            return false;
        }
    } else {
        host = host.substr(0, host.find(':'));
    }
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

// What both kinds of address must be: http(s), a host without credentials, plain http only
// to a loopback host, printable ASCII without the characters in `forbidden`. The authority
// ends at the first of `authorityEnd`.
bool isAcceptableUrl(std::string_view url, std::string_view authorityEnd,
                     std::string_view forbidden)
{
    std::string_view rest;
    bool secure = false;
    if (url.starts_with("https://")) {
        secure = true;
        rest = url.substr(8);
    } else if (url.starts_with("http://")) {
        rest = url.substr(7);
    } else {
        return false;
    }
    const std::string_view authority = rest.substr(0, rest.find_first_of(authorityEnd));
    if (authority.empty() || authority.find('@') != std::string_view::npos ||
        (!secure && !isLoopbackAuthority(authority))) {
        return false; // no credentials in a published URL
    }
    for (char c : rest) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || forbidden.find(c) != std::string_view::npos) {
            return false;
        }
    }
    return true;
}

} // namespace

// Submissions are end-to-end encrypted anyway, but plain http over a real network would let
// anyone in the path drop or delay them without the app noticing why. No query or fragment:
// the tus client appends to the path.
std::string endpointUrl(const json& value, const std::string& path)
{
    const std::string& url = stringValue(value, path);
    if (!isAcceptableUrl(url, "/", "#?\\")) {
        reject(CatalogErrorCode::BadEndpoint, path);
    }
    return url;
}

// No spaces, quotes or angle brackets: the address becomes a link.
std::string webUrl(const json& value, const std::string& path)
{
    const std::string& url = stringValue(value, path);
    if (!isAcceptableUrl(url, "/?#", "\\\"<>`")) {
        reject(CatalogErrorCode::BadUrl, path);
    }
    return url;
}

} // namespace amicus::calls::catalog_json
