#include "desktop_document_export.h"

#include "local_document_folder.h"

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

Result<SavedDocument, DocumentSaveFailure>
DesktopDocumentExport::save(const QUrl& folder, const QString& fileName,
                            const QString& /*mediaType*/, QIODevice& source, NameClash clash)
{
    // The desktop's folder dialog hands out file:// URLs only.
    return saveInLocalFolder(folder, fileName, source, clash);
}

QString DesktopDocumentExport::folderName(const QUrl& folder) const
{
    return localFolderName(folder);
}

bool DesktopDocumentExport::share(const QUrl& /*url*/, const QString& /*mediaType*/)
{
    return false;
}

} // namespace amicus::platform
