#include "device_settings.h"

#include <QSettings>
#include <algorithm>

namespace amicus::app {

namespace {

const QString kPolicyKey = QStringLiteral("sync/policy");
const QString kAutoLockKey = QStringLiteral("security/autoLockMinutes");
constexpr int kDefaultAutoLockMinutes = 5;

} // namespace

sync::SyncPolicy storedSendingPolicy()
{
    const int stored = QSettings().value(kPolicyKey, 0).toInt();
    if (stored < 0 || stored > static_cast<int>(sync::SyncPolicy::Manual)) {
        return sync::SyncPolicy::AnyNetwork;
    }
    return static_cast<sync::SyncPolicy>(stored);
}

void storeSendingPolicy(sync::SyncPolicy policy)
{
    QSettings().setValue(kPolicyKey, static_cast<int>(policy));
}

int storedAutoLockMinutes()
{
    return std::max(0, QSettings().value(kAutoLockKey, kDefaultAutoLockMinutes).toInt());
}

void storeAutoLockMinutes(int minutes)
{
    QSettings().setValue(kAutoLockKey, minutes);
}

} // namespace amicus::app
