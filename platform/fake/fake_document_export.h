// FakeDocumentExport: a DocumentExport whose folder and share sheet tests set by hand. Local
// folders are written as on the desktop; a content:// tree a test grants (as Android's folder
// picker would) is a provider held in memory, whose documents the test reads back.
#pragma once

#include "desktop/local_document_folder.h"
#include "document_export.h"

#include <QHash>
#include <QIODevice>
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

    [[nodiscard]] Result<SavedDocument, DocumentSaveFailure>
    save(const QUrl& folder, const QString& fileName, const QString& mediaType, QIODevice& source,
         NameClash clash) override
    {
        if (folder.isLocalFile()) {
            return saveInLocalFolder(folder, fileName, source, clash);
        }
        auto tree = trees_.find(folder);
        if (tree == trees_.end() || tree->revoked) {
            return fail(
                DocumentSaveFailure{DocumentSaveError::FolderUnwritable, folder.toString()});
        }
        // A provider names a new document itself when the name is taken, as Android's does.
        QString name = fileName;
        for (int n = 2; clash == NameClash::FreshName && tree->documents.contains(name); ++n) {
            const int dot = fileName.lastIndexOf(QLatin1Char('.'));
            name = dot > 0 ? QStringLiteral("%1-%2%3")
                                 .arg(fileName.left(dot))
                                 .arg(n)
                                 .arg(fileName.mid(dot))
                           : QStringLiteral("%1-%2").arg(fileName).arg(n);
        }
        QByteArray bytes;
        while (!source.atEnd()) {
            const QByteArray piece = source.read(qint64{1} << 16);
            if (piece.isEmpty() && !source.atEnd()) {
                return fail(DocumentSaveFailure{DocumentSaveError::SourceFailed, name});
            }
            bytes += piece;
        }
        tree->documents.insert(name, Document{std::move(bytes), mediaType});
        return SavedDocument{documentUrl(folder, name), tree->displayName + "/" + name, name};
    }

    [[nodiscard]] QString folderName(const QUrl& folder) const override
    {
        const auto tree = trees_.constFind(folder);
        return tree != trees_.cend() ? tree->displayName : localFolderName(folder);
    }

    [[nodiscard]] bool canShare() const override { return canShare_; }
    [[nodiscard]] bool share(const QUrl& url, const QString& mediaType) override
    {
        if (!canShare_) {
            return false;
        }
        shared_.append(url.isLocalFile() ? url.toLocalFile() : url.toString());
        sharedTypes_.append(mediaType);
        return true;
    }

    void setExportDirectory(QString directory) { directory_ = std::move(directory); }
    void setCanShare(bool canShare) { canShare_ = canShare; }
    // The files handed to share(), oldest first (local paths, other documents as URLs), and
    // their media types.
    [[nodiscard]] const QStringList& shared() const { return shared_; }
    [[nodiscard]] const QStringList& sharedTypes() const { return sharedTypes_; }

    // The user picked `tree` (content://...) in the folder picker; its provider calls it
    // `displayName`. revokeTree(): the grant is gone (the provider was uninstalled).
    void grantTree(const QUrl& tree, QString displayName)
    {
        trees_.insert(tree, Tree{std::move(displayName), {}, false});
    }
    void revokeTree(const QUrl& tree) { trees_[tree].revoked = true; }
    // The document `name` saved in `tree`: its bytes and media type (empty when none).
    [[nodiscard]] QByteArray document(const QUrl& tree, const QString& name) const
    {
        return trees_.value(tree).documents.value(name).bytes;
    }
    [[nodiscard]] QString documentType(const QUrl& tree, const QString& name) const
    {
        return trees_.value(tree).documents.value(name).mediaType;
    }
    [[nodiscard]] QStringList documentNames(const QUrl& tree) const
    {
        QStringList names = trees_.value(tree).documents.keys();
        names.sort();
        return names;
    }
    // The URL a document saved in `tree` under `name` gets.
    [[nodiscard]] static QUrl documentUrl(const QUrl& tree, const QString& name)
    {
        QUrl url(tree);
        url.setPath(tree.path() + QStringLiteral("/document/") + name);
        return url;
    }

private:
    struct Document {
        QByteArray bytes;
        QString mediaType;
    };
    struct Tree {
        QString displayName;
        QHash<QString, Document> documents;
        bool revoked = false;
    };

    QString directory_;
    bool canShare_ = false;
    QStringList shared_;
    QStringList sharedTypes_;
    QHash<QUrl, Tree> trees_;
};

} // namespace amicus::platform
