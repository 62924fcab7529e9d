#include "local_document_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStorageInfo>

namespace amicus::platform {

namespace {

// Below this much free space a failed write is taken for a full disk.
constexpr qint64 nearlyFullBytes = qint64{1024} * 1024;

DocumentSaveFailure failure(DocumentSaveError code, QString detail)
{
    return DocumentSaveFailure{code, std::move(detail)};
}

// `fileName` if the folder has no entry of that name, else "stem-2.ext", "stem-3.ext", ...
QString freshName(const QDir& folder, const QString& fileName)
{
    const QFileInfo asked(fileName);
    const QString stem = asked.completeBaseName();
    const QString suffix = asked.suffix().isEmpty() ? QString() : "." + asked.suffix();
    QString name = fileName;
    for (int n = 2; QFileInfo::exists(folder.filePath(name)); ++n) {
        name = QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(suffix);
    }
    return name;
}

DocumentSaveError writeError(const QSaveFile& file, const QString& directory)
{
    if (file.error() == QFileDevice::ResourceError) {
        return DocumentSaveError::DiskFull;
    }
    const QStorageInfo storage(directory);
    if (storage.isValid() && storage.bytesAvailable() >= 0 &&
        storage.bytesAvailable() < nearlyFullBytes) {
        return DocumentSaveError::DiskFull;
    }
    return DocumentSaveError::FolderUnwritable;
}

} // namespace

Result<SavedDocument, DocumentSaveFailure>
saveInLocalFolder(const QUrl& folder, const QString& fileName, QIODevice& source, NameClash clash)
{
    if (!folder.isLocalFile()) {
        return fail(failure(DocumentSaveError::FolderUnwritable,
                            QStringLiteral("not a local folder: ") + folder.scheme()));
    }
    // A name, never a path: nothing may land outside the folder.
    if (fileName.isEmpty() || fileName.contains(QLatin1Char('/')) || fileName == "." ||
        fileName == "..") {
        return fail(failure(DocumentSaveError::FolderUnwritable, QStringLiteral("bad name")));
    }
    const QString directory = folder.toLocalFile();
    if (!QDir().mkpath(directory)) {
        return fail(failure(DocumentSaveError::FolderUnwritable, QStringLiteral("mkpath")));
    }
    const QDir dir(directory);
    const QString name = clash == NameClash::FreshName ? freshName(dir, fileName) : fileName;
    const QString path = dir.filePath(name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(failure(writeError(file, directory), file.errorString()));
    }
    // A source that checks what it gave (a sealed envelope against its digest) fails its last
    // read instead of reaching its end: nothing is committed then.
    QByteArray piece;
    while (!source.atEnd()) {
        piece = source.read(qint64{1} << 16);
        if (piece.isEmpty() && !source.atEnd()) {
            file.cancelWriting();
            return fail(failure(DocumentSaveError::SourceFailed, source.errorString()));
        }
        if (file.write(piece) != piece.size()) {
            const auto code = writeError(file, directory);
            file.cancelWriting();
            return fail(failure(code, file.errorString()));
        }
    }
    if (!file.commit()) {
        return fail(failure(writeError(file, directory), file.errorString()));
    }
    return SavedDocument{QUrl::fromLocalFile(path), QDir::toNativeSeparators(path), name};
}

QString localFolderName(const QUrl& folder)
{
    const QString path = QDir::cleanPath(folder.toLocalFile());
    for (const auto location :
         {QStandardPaths::DocumentsLocation, QStandardPaths::DownloadLocation}) {
        if (path == QDir::cleanPath(QStandardPaths::writableLocation(location))) {
            return QStandardPaths::displayName(location);
        }
    }
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? QDir::toNativeSeparators(path) : name;
}

} // namespace amicus::platform
