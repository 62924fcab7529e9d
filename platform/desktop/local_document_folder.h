// Saving an exported document into a local folder (a file:// URL): the desktop's way, and the
// fake's for the local folders tests use. Written beside its name and renamed once whole and
// synced (QSaveFile), so a failure leaves nothing behind.
#pragma once

#include "document_export.h"

namespace amicus::platform {

[[nodiscard]] Result<SavedDocument, DocumentSaveFailure>
saveInLocalFolder(const QUrl& folder, const QString& fileName, QIODevice& source, NameClash clash);

// "Documents" or "Downloads" as the OS names them, else the folder's own name.
[[nodiscard]] QString localFolderName(const QUrl& folder);

} // namespace amicus::platform
