#include "platform_services.h"

#include "desktop/qt_connectivity.h"

namespace amicus::platform {

std::unique_ptr<Connectivity> createConnectivity()
{
    // QNetworkInformation also serves Android and iOS, so every OS shares this one for now.
    return std::make_unique<QtConnectivity>();
}

} // namespace amicus::platform
