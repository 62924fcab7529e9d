// The one factory that picks each platform service's implementation for the running OS.
#pragma once

#include "connectivity.h"
#include "document_export.h"
#include "elapsed_clock.h"

#include <memory>

namespace amicus::platform {

// The network status source of this OS.
[[nodiscard]] std::unique_ptr<Connectivity> createConnectivity();

// Where this OS puts exported documents, and its share sheet.
[[nodiscard]] std::unique_ptr<DocumentExport> createDocumentExport();

// The clock that measures time away, sleep included, on this OS.
[[nodiscard]] std::unique_ptr<ElapsedClock> createElapsedClock();

} // namespace amicus::platform
