#include "desktop_document_export.h"

#include <QDir>
#include <QStandardPaths>

namespace amicus::platform {

QString DesktopDocumentExport::exportDirectory() const
{
    // Documents is where people look for a file to attach to an e-mail; a desktop without
    // one (a bare server account) falls back to the home folder.
    for (const auto location : {QStandardPaths::DocumentsLocation, QStandardPaths::HomeLocation}) {
        const QString folder = QStandardPaths::writableLocation(location);
        if (!folder.isEmpty() && QDir().mkpath(folder)) {
            return folder;
        }
    }
    return {};
}

bool DesktopDocumentExport::share(const QString& /*path*/, const QString& /*mediaType*/)
{
    return false;
}

} // namespace amicus::platform
