#include "draft_export.h"

#include "app_context.h"
#include "app_services.h"
#include "document_export.h"
#include "document_renderer.h"
#include "draft_autosave.h"
#include "submission/draft_document.h"
#include "text_conversion.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStorageInfo>
#include <chrono>

using amicus::app::AppServices;
using amicus::app::toQString;
using amicus::submission::DraftDocument;

namespace {

const QString odtMediaType = QStringLiteral("application/vnd.oasis.opendocument.text");
const QString pdfMediaType = QStringLiteral("application/pdf");

// Below this much free space a failed write is taken for a full disk.
constexpr qint64 nearlyFullBytes = qint64{1024} * 1024;

// The problem a failed write in `directory` means: a full disk, or a folder we cannot use.
Problem::Code writeProblem(const QSaveFile& file, const QString& directory)
{
    if (file.error() == QFileDevice::ResourceError) {
        return Problem::DiskFull;
    }
    const QStorageInfo storage(directory);
    if (storage.isValid() && storage.bytesAvailable() >= 0 &&
        storage.bytesAvailable() < nearlyFullBytes) {
        return Problem::DiskFull;
    }
    return Problem::FolderUnwritable;
}

// Writes `bytes` to `path` in `directory` (made if missing) through QSaveFile: it writes
// beside the target and renames when complete and synced, so the folder never holds half a
// document, and a failure leaves nothing behind.
Problem::Code writeAtomically(const QString& directory, const QString& path,
                              const QByteArray& bytes)
{
    if (!QDir().mkpath(directory)) {
        return Problem::FolderUnwritable;
    }
    QSaveFile file(path);
    const bool written =
        file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    return written ? Problem::None : writeProblem(file, directory);
}

} // namespace

DraftExport::DraftExport(QObject* parent) : QObject(parent)
{
    worker_.setMaxThreadCount(1);
}

DraftExport::DraftExport(AppServices& services, QObject* parent) : DraftExport(parent)
{
    useServices(&services);
}

void DraftExport::classBegin()
{
    if (!services_) {
        useServices(AppServices::of(this));
    }
}

void DraftExport::useServices(AppServices* services)
{
    services_ = services;
    documentExport_ = services_ ? &services_->documentExport() : nullptr;
    directory_ =
        documentExport_ ? QDir::toNativeSeparators(documentExport_->exportDirectory()) : QString();
}

DraftExport::~DraftExport()
{
    worker_.waitForDone();
}

void DraftExport::setDraftId(int draftId)
{
    if (draftId != draftId_) {
        draftId_ = draftId;
        emit draftIdChanged();
    }
}

QString DraftExport::directoryName() const
{
    const QString folder = QDir::cleanPath(QDir::fromNativeSeparators(directory_));
    for (const auto location :
         {QStandardPaths::DocumentsLocation, QStandardPaths::DownloadLocation}) {
        if (folder == QDir::cleanPath(QStandardPaths::writableLocation(location))) {
            return QStandardPaths::displayName(location);
        }
    }
    const QString name = QFileInfo(folder).fileName();
    return name.isEmpty() ? QDir::toNativeSeparators(folder) : name;
}

QUrl DraftExport::directoryUrl() const
{
    return directory_.isEmpty() ? QUrl()
                                : QUrl::fromLocalFile(QDir::fromNativeSeparators(directory_));
}

void DraftExport::setDirectoryUrl(const QUrl& url)
{
    const QString folder =
        url.isLocalFile() ? QDir::toNativeSeparators(url.toLocalFile()) : QString();
    if (folder != directory_) {
        directory_ = folder;
        emit directoryChanged();
    }
}

bool DraftExport::canShare() const
{
    return documentExport_ && documentExport_->canShare();
}

bool DraftExport::exportDraft(DraftExport::Format format, bool unencryptedConfirmed)
{
    if (!unencryptedConfirmed || busy_) {
        return false;
    }
    auto* session = services_ ? services_->context().session() : nullptr;
    const amicus::crypto::X25519Identity* identity = session ? session->identity() : nullptr;
    if (!session || !identity) {
        setProblem(Problem::VaultLocked);
        return false;
    }
    services_->autosave().flush(); // the export holds everything typed
    const auto draft = session->store().drafts().get(draftId_);
    if (!draft) {
        setProblem(Problem::fromStoreError(draft.error().code));
        return false;
    }
    if (directory_.isEmpty()) {
        setProblem(Problem::FolderUnwritable);
        return false;
    }
    // What the document says, in which order, its author and its name: the core's.
    const auto call = services_->context().catalog()->call(draft->callId);
    const auto document = std::make_shared<const DraftDocument>(
        amicus::submission::draftDocument(*draft, call ? *call : nullptr, session->store(),
                                          *identity, std::chrono::system_clock::now()));
    const std::string extension = format == Format::Odt ? ".odt" : ".pdf";
    const QString directory = QDir::fromNativeSeparators(directory_);
    const QString path = QDir(directory).filePath(toQString(
        amicus::submission::freshFileName(directory.toStdString(), document->fileStem, extension)));
    setProblem(Problem::None);
    setBusy(true);
    worker_.start([this, document, format, directory, path] {
        const QByteArray bytes =
            amicus::app::renderDocument(document->layout,
                                        format == Format::Odt ? amicus::app::DocumentFormat::Odt
                                                              : amicus::app::DocumentFormat::Pdf,
                                        toQString(document->author));
        const Problem::Code problem =
            bytes.isEmpty() ? Problem::Unexpected : writeAtomically(directory, path, bytes);
        QMetaObject::invokeMethod(this, [this, problem, path, format] {
            setBusy(false);
            setProblem(problem);
            if (problem == Problem::None) {
                exportedPath_ = QDir::toNativeSeparators(path);
                exportedMediaType_ = format == Format::Odt ? odtMediaType : pdfMediaType;
                emit exportedPathChanged();
                emit exported(exportedPath_);
            }
        });
    });
    return true;
}

bool DraftExport::share()
{
    if (exportedPath_.isEmpty()) {
        return false;
    }
    return documentExport_ &&
           documentExport_->share(QDir::fromNativeSeparators(exportedPath_), exportedMediaType_);
}

void DraftExport::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        emit busyChanged();
    }
}

void DraftExport::setProblem(Problem::Code problem)
{
    if (problem != problem_) {
        problem_ = problem;
        emit problemChanged();
    }
}
