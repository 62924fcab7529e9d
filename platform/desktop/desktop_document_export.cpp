#include "desktop_document_export.h"

#include <QStandardPaths>

namespace amicus::platform {

QString DesktopDocumentExport::exportDirectory() const
{
    // Documents is where people look for a file to attach to an e-mail; a desktop without
    // one (a bare server account) falls back to the home folder. Nothing is created until a
    // document is exported.
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    }
    return folder;
}

bool DesktopDocumentExport::share(const QString& /*path*/, const QString& /*mediaType*/)
{
    return false;
}

} // namespace amicus::platform
