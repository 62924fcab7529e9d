// The one factory that picks each platform service's implementation for the running OS.
#pragma once

#include "connectivity.h"

#include <memory>

namespace amicus::platform {

// The network status source of this OS.
[[nodiscard]] std::unique_ptr<Connectivity> createConnectivity();

} // namespace amicus::platform
