// DeviceSettings: what the app keeps outside the vault, in the OS's settings (QSettings): not
// personal, and needed while locked or before unlocking — the sending policy the sender starts
// with and the auto-lock's delay. The settings screen (AppSettings) and AppInstance read and
// write them here, neither through the other.
#pragma once

#include "sync/outbox.h"

namespace amicus::app {

[[nodiscard]] sync::SyncPolicy storedSendingPolicy();
void storeSendingPolicy(sync::SyncPolicy policy);

// Minutes in the background before the vault locks itself; 0 locks at once.
[[nodiscard]] int storedAutoLockMinutes();
void storeAutoLockMinutes(int minutes);

} // namespace amicus::app
