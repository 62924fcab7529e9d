// FakeSharedFiles: SharedFiles serving files a test adds by URL (content:// ones too), with the
// name, type and size a provider would report.
#pragma once

#include "shared_files.h"

#include <QBuffer>
#include <QHash>

namespace amicus::platform {

class FakeSharedFiles : public SharedFiles {
public:
    // Serves `bytes` at `url` (any scheme) under `displayName`, of media type `mediaType`.
    void add(const QUrl& url, QByteArray bytes, QString displayName, QString mediaType)
    {
        files_.insert(url, Entry{std::move(bytes), std::move(displayName), std::move(mediaType)});
    }
    // The provider revokes access to `url` (Android: the grant ended with the sharing app).
    void revoke(const QUrl& url) { revoked_.insert(url, true); }

    [[nodiscard]] bool canOpen(const QUrl& url) const override
    {
        return url.scheme() == QStringLiteral("content") || url.isLocalFile();
    }

    [[nodiscard]] Result<SharedFile, SharedFileFailure> open(const QUrl& url) override
    {
        if (!canOpen(url)) {
            return fail(SharedFileFailure{SharedFileError::Unsupported, url.toString()});
        }
        if (revoked_.contains(url)) {
            return fail(SharedFileFailure{SharedFileError::NotReadable, url.toString()});
        }
        const auto found = files_.constFind(url);
        if (found == files_.cend()) {
            return fail(SharedFileFailure{SharedFileError::NotFound, url.toString()});
        }
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(found->bytes);
        buffer->open(QIODevice::ReadOnly);
        ++openCount_;
        SharedFile shared;
        shared.displayName = found->displayName;
        shared.mediaType = found->mediaType;
        shared.size = found->bytes.size();
        shared.device = std::move(buffer);
        return shared;
    }

    [[nodiscard]] int openCount() const { return openCount_; }

private:
    struct Entry {
        QByteArray bytes;
        QString displayName;
        QString mediaType;
    };
    QHash<QUrl, Entry> files_;
    QHash<QUrl, bool> revoked_;
    int openCount_ = 0;
};

} // namespace amicus::platform
