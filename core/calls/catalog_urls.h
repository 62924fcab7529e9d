// The web addresses a catalog gives: the tus endpoint and the pages and documents the app
// opens in the system browser. Inside the parser only (throws CatalogRejection).
#pragma once

#include "calls/catalog_json_reader.h"

#include <string>

namespace amicus::calls::catalog_json {

// https://host[:port][/path], or http:// to a loopback host (the local reference endpoint);
// BadEndpoint otherwise.
std::string endpointUrl(const json& value, const std::string& path);

// A web page or document: https, or http to a loopback host (a local demo), nothing that
// could break out of a link; BadUrl otherwise.
std::string webUrl(const json& value, const std::string& path);

} // namespace amicus::calls::catalog_json
