// AppContext: the core objects the view models share (catalog, and later the vault session
// and the outbox). Not visible to QML; each view model takes what it needs from here.
#pragma once

#include "calls/catalog.h"

namespace amicus::app {

class AppContext {
public:
    // The one context of this process.
    static AppContext& instance();

    // The calls the app offers: the built-in catalog until a signed refresh replaces it.
    [[nodiscard]] const calls::Catalog& catalog() const;

private:
    AppContext() = default;
};

} // namespace amicus::app
