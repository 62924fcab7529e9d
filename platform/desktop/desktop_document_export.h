// DesktopDocumentExport: DocumentExport for Linux, Windows and macOS desktops — exports go to
// the user's Documents folder (or one they choose in the app); there is no share sheet.
#pragma once

#include "document_export.h"

namespace amicus::platform {

class DesktopDocumentExport : public DocumentExport {
public:
    [[nodiscard]] QString exportDirectory() const override;
    [[nodiscard]] bool canShare() const override { return false; }
    [[nodiscard]] bool share(const QString& path, const QString& mediaType) override;
};

} // namespace amicus::platform
