#include "own_settings_folder.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

namespace {

QTemporaryDir& folder()
{
    static QTemporaryDir dir;
    return dir;
}

// Before any test runs (at QCoreApplication's start). A path set here is kept when a test then
// turns QStandardPaths' test mode on.
void useOwnSettingsFolder()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder().path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder().path());
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(useOwnSettingsFolder)

QString amicus::testing::ownSettingsFolder()
{
    return folder().path();
}
