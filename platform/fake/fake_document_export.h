// FakeDocumentExport: a DocumentExport whose folder and share sheet tests set by hand.
#pragma once

#include "document_export.h"

#include <QStringList>
#include <utility>

namespace amicus::platform {

class FakeDocumentExport : public DocumentExport {
public:
    explicit FakeDocumentExport(QString directory = {}, bool canShare = false)
        : directory_(std::move(directory)), canShare_(canShare)
    {
    }

    [[nodiscard]] QString exportDirectory() const override { return directory_; }
    [[nodiscard]] bool canShare() const override { return canShare_; }
    [[nodiscard]] bool share(const QString& path, const QString& mediaType) override
    {
        if (!canShare_) {
            return false;
        }
        shared_.append(path);
        sharedTypes_.append(mediaType);
        return true;
    }

    void setExportDirectory(QString directory) { directory_ = std::move(directory); }
    void setCanShare(bool canShare) { canShare_ = canShare; }
    // The files handed to share(), oldest first, and their media types.
    [[nodiscard]] const QStringList& shared() const { return shared_; }
    [[nodiscard]] const QStringList& sharedTypes() const { return sharedTypes_; }

private:
    QString directory_;
    bool canShare_ = false;
    QStringList shared_;
    QStringList sharedTypes_;
};

} // namespace amicus::platform
