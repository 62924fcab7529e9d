// DocumentExport: where documents exported from the app go (readable copies, NOT encrypted),
// writing them there, and handing a finished one to the OS so the user can send it on (e-mail,
// messaging). A folder is a URL: file:// on the desktop, the content:// tree Android's folder
// picker grants, an iOS security-scoped URL. The app never turns one into a path itself.
#pragma once

#include "common/result.h"

#include <QString>
#include <QUrl>

class QIODevice;

namespace amicus::platform {

// Where a saved document went.
struct SavedDocument {
    QUrl url;         // file:// on the desktop; the provider's document URL (content://) on Android
    QString shownAs;  // where to tell the user it is: a native path, or "Folder/name.pdf"
    QString fileName; // the name it got (another than asked for when that one was taken)
};

enum class DocumentSaveError {
    FolderUnwritable, // not a folder this OS can write into (gone, read-only, access revoked)
    DiskFull,         // the folder's storage ran out; nothing was left behind
    SourceFailed,     // the bytes to save could not be read (or were refused by the reader)
};

struct DocumentSaveFailure {
    DocumentSaveError code = DocumentSaveError::FolderUnwritable;
    QString detail;
};

// What save() does when the folder already holds a document of that name.
enum class NameClash {
    FreshName, // "name-2.pdf", "name-3.pdf", ...: exports never overwrite
    Replace,   // the same bytes again (a sealed envelope saved twice)
};

// The OS side of exporting a document. One implementation per OS, a fake for tests.
class DocumentExport {
public:
    DocumentExport() = default;
    DocumentExport(const DocumentExport&) = delete;
    DocumentExport& operator=(const DocumentExport&) = delete;
    virtual ~DocumentExport() = default;

    // The folder exports go to unless the user picks another: a folder the user can find
    // in their file manager (Documents on the desktop). It may not exist yet (the exporter
    // creates it). Empty when the OS offers none; the caller then asks the user for a folder.
    [[nodiscard]] virtual QString exportDirectory() const = 0;
    // The same folder as a URL (empty when there is none): what save() takes by default.
    [[nodiscard]] QUrl exportFolder() const
    {
        const QString directory = exportDirectory();
        return directory.isEmpty() ? QUrl() : QUrl::fromLocalFile(directory);
    }

    // Writes everything `source` gives as a new document `fileName` of type `mediaType` into
    // `folder` (exportFolder(), or one the user picked in the OS's folder picker). The
    // document appears whole or not at all: a failed write or a failed read of `source`
    // leaves nothing in the folder.
    [[nodiscard]] virtual Result<SavedDocument, DocumentSaveFailure>
    save(const QUrl& folder, const QString& fileName, const QString& mediaType, QIODevice& source,
         NameClash clash = NameClash::FreshName) = 0;

    // The folder as the user knows it: "Documents" (as the OS names it) for the usual place,
    // else the folder's own name (a picked content:// tree: the name its provider gives).
    [[nodiscard]] virtual QString folderName(const QUrl& folder) const = 0;

    // True when share() can hand a file to the OS's share sheet (phones). False on the
    // desktop, where the user attaches the file from its folder.
    [[nodiscard]] virtual bool canShare() const = 0;

    // Offers the saved document at `url` (SavedDocument::url, of media type `mediaType`) to
    // the OS share sheet. Returns false when nothing could be offered. The document stays where
    // it is either way; the caller keeps telling the user where.
    [[nodiscard]] virtual bool share(const QUrl& url, const QString& mediaType) = 0;
};

} // namespace amicus::platform
