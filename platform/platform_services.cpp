#include "platform_services.h"

#include "desktop/desktop_document_export.h"
#include "desktop/local_shared_files.h"
#include "desktop/no_screen_privacy.h"
#include "desktop/passphrase_only_key_store.h"
#include "desktop/qt_connectivity.h"
#include "desktop/running_app_background_sending.h"
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

// Android and iOS get their own of the four below (docs/mobile.md says which OS API each uses).
std::unique_ptr<KeyStore> createKeyStore()
{
    return std::make_unique<PassphraseOnlyKeyStore>();
}

std::unique_ptr<BackgroundSending> createBackgroundSending()
{
    return std::make_unique<RunningAppBackgroundSending>();
}

std::unique_ptr<SharedFiles> createSharedFiles()
{
    return std::make_unique<LocalSharedFiles>();
}

std::unique_ptr<ScreenPrivacy> createScreenPrivacy()
{
    return std::make_unique<NoScreenPrivacy>();
}

} // namespace amicus::platform
