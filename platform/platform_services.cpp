#include "platform_services.h"

#include "desktop/desktop_document_export.h"
#include "desktop/qt_connectivity.h"
#include "system/boot_time_clock.h"

namespace amicus::platform {

std::unique_ptr<Connectivity> createConnectivity()
{
    // QNetworkInformation also serves Android and iOS, so every OS shares this one for now.
    return std::make_unique<QtConnectivity>();
}

std::unique_ptr<DocumentExport> createDocumentExport()
{
    // Android and iOS get their own (app documents folder + share sheet) when they are built.
    return std::make_unique<DesktopDocumentExport>();
}

std::unique_ptr<ElapsedClock> createElapsedClock()
{
    return std::make_unique<BootTimeClock>();
}

} // namespace amicus::platform
