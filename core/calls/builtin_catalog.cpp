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

} // namespace amicus::calls
