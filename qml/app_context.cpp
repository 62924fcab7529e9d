#include "app_context.h"

#include "calls/builtin_catalog.h"

namespace amicus::app {

AppContext& AppContext::instance()
{
    static AppContext context;
    return context;
}

const calls::Catalog& AppContext::catalog() const
{
    return calls::builtinCatalog();
}

} // namespace amicus::app
