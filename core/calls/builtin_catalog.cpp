#include "calls/builtin_catalog.h"

#include "calls/catalog_parser.h"

#include <cstdlib>

namespace amicus::calls {

const Catalog& builtinCatalog()
{
    static const Catalog catalog = [] {
        auto parsed = parseCatalog(builtinCatalogBytes());
        if (!parsed) {
            std::abort(); // a broken built-in catalog is a build defect the tests catch
        }
        return std::move(parsed).value();
    }();
    return catalog;
}

std::vector<crypto::Ed25519PublicKey> builtinCatalogTrustedKeys()
{
    std::vector<crypto::Ed25519PublicKey> keys;
    for (std::string_view text : builtinCatalogSigningKeys()) {
        auto key = crypto::Ed25519PublicKey::fromBase64(text);
        if (key) {
            keys.push_back(*key);
        }
    }
    return keys;
}

} // namespace amicus::calls
