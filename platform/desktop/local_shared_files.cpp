#include "local_shared_files.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace amicus::platform {

bool LocalSharedFiles::canOpen(const QUrl& url) const
{
    return url.isValid() && url.isLocalFile() && !url.toLocalFile().isEmpty();
}

Result<SharedFile, SharedFileFailure> LocalSharedFiles::open(const QUrl& url)
{
    if (!canOpen(url)) {
        return fail(SharedFileFailure{
            SharedFileError::Unsupported,
            QStringLiteral("not a local file URL: %1").arg(url.toDisplayString())});
    }
    const QString path = url.toLocalFile();
    const QFileInfo info(path);
    if (!info.exists()) {
        return fail(SharedFileFailure{SharedFileError::NotFound, path});
    }
    // A FIFO or a device would block or never end; only regular files are attachments.
    if (!info.isFile()) {
        return fail(SharedFileFailure{SharedFileError::NotAFile, path});
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        return fail(SharedFileFailure{SharedFileError::NotReadable, file->errorString()});
    }
    SharedFile shared;
    shared.displayName = info.fileName();
    // By content first (a photo renamed .txt is still a photo); the name only refines what the
    // bytes cannot tell apart (plain text, unknown binary: .md, .csv, .odt's zip).
    const QMimeDatabase types;
    QMimeType type = types.mimeTypeForData(file.get());
    if (type.isDefault() || type.name() == QStringLiteral("text/plain") ||
        type.name() == QStringLiteral("application/zip")) {
        type = types.mimeTypeForFileNameAndData(path, file.get());
    }
    shared.mediaType = type.name();
    shared.size = file->size();
    shared.device = std::move(file);
    return shared;
}

} // namespace amicus::platform
