// DesktopDocumentExport: DocumentExport for Linux, Windows and macOS desktops — exports go to
// the user's Documents folder (or a local one they choose in the app); there is no share sheet.
#pragma once

#include "document_export.h"

namespace amicus::platform {

class DesktopDocumentExport : public DocumentExport {
public:
    [[nodiscard]] QString exportDirectory() const override;
    [[nodiscard]] Result<SavedDocument, DocumentSaveFailure>
    save(const QUrl& folder, const QString& fileName, const QString& mediaType, QIODevice& source,
         NameClash clash) override;
    [[nodiscard]] QString folderName(const QUrl& folder) const override;
    [[nodiscard]] bool canShare() const override { return false; }
    [[nodiscard]] bool share(const QUrl& url, const QString& mediaType) override;
};

} // namespace amicus::platform
