// The one factory that picks each platform service's implementation for the running OS.
#pragma once

#include "background_sending.h"
#include "connectivity.h"
#include "document_export.h"
#include "elapsed_clock.h"
#include "key_store.h"
#include "screen_privacy.h"
#include "shared_files.h"

#include <memory>

namespace amicus::platform {

// The network status source of this OS.
[[nodiscard]] std::unique_ptr<Connectivity> createConnectivity();

// Where this OS puts exported documents, and its share sheet.
[[nodiscard]] std::unique_ptr<DocumentExport> createDocumentExport();

// The clock that measures time away, sleep included, on this OS.
[[nodiscard]] std::unique_ptr<ElapsedClock> createElapsedClock();

// The OS key store that wraps the vault key (none on the desktop: the passphrase alone).
[[nodiscard]] std::unique_ptr<KeyStore> createKeyStore();

// Time to send the outbox while the app is not in front (the running app on the desktop).
[[nodiscard]] std::unique_ptr<BackgroundSending> createBackgroundSending();

// Reading the files the user picks or shares into the app (content:// on Android).
[[nodiscard]] std::unique_ptr<SharedFiles> createSharedFiles();

// Keeping personal text out of the task switcher's snapshot (nothing to do on the desktop).
[[nodiscard]] std::unique_ptr<ScreenPrivacy> createScreenPrivacy();

} // namespace amicus::platform
