#include "draft_export.h"

#include "app_context.h"
#include "app_services.h"
#include "document_export.h"
#include "document_renderer.h"
#include "draft_autosave.h"
#include "submission/draft_document.h"
#include "text_conversion.h"

#include <QBuffer>
#include <QDir>
#include <chrono>

using amicus::app::AppServices;
using amicus::app::toQString;
using amicus::submission::DraftDocument;

namespace {

const QString odtMediaType = QStringLiteral("application/vnd.oasis.opendocument.text");
const QString pdfMediaType = QStringLiteral("application/pdf");

// The problem a failed save means for the user.
Problem::Code saveProblem(amicus::platform::DocumentSaveError error)
{
    switch (error) {
    case amicus::platform::DocumentSaveError::DiskFull:
        return Problem::DiskFull;
    case amicus::platform::DocumentSaveError::FolderUnwritable:
        return Problem::FolderUnwritable;
    case amicus::platform::DocumentSaveError::SourceFailed:
        break;
    }
    return Problem::Unexpected;
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
    folder_ = documentExport_ ? documentExport_->exportFolder() : QUrl();
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

QString DraftExport::directory() const
{
    return folder_.isLocalFile() ? QDir::toNativeSeparators(folder_.toLocalFile())
                                 : folder_.toString();
}

QString DraftExport::directoryName() const
{
    return documentExport_ && !folder_.isEmpty() ? documentExport_->folderName(folder_) : QString();
}

QUrl DraftExport::directoryUrl() const
{
    return folder_;
}

void DraftExport::setDirectoryUrl(const QUrl& url)
{
    // Any URL the OS's folder picker gives (content:// on Android): DocumentExport writes it.
    const QUrl folder = url.isValid() ? url : QUrl();
    if (folder != folder_) {
        folder_ = folder;
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
    if (folder_.isEmpty() || !documentExport_) {
        setProblem(Problem::FolderUnwritable);
        return false;
    }
    // What the document says, in which order, its author and its name: the core's.
    const auto call = services_->context().catalog()->call(draft->callId);
    const auto document = std::make_shared<const DraftDocument>(
        amicus::submission::draftDocument(*draft, call ? *call : nullptr, session->store(),
                                          *identity, std::chrono::system_clock::now()));
    // The platform names it afresh when the folder already has one of that name.
    const QString fileName =
        toQString(document->fileStem) + (format == Format::Odt ? ".odt" : ".pdf");
    const QString mediaType = format == Format::Odt ? odtMediaType : pdfMediaType;
    const QUrl folder = folder_;
    auto* documentExport = documentExport_;
    setProblem(Problem::None);
    setBusy(true);
    worker_.start([this, document, format, folder, fileName, mediaType, documentExport] {
        const QByteArray bytes =
            amicus::app::renderDocument(document->layout,
                                        format == Format::Odt ? amicus::app::DocumentFormat::Odt
                                                              : amicus::app::DocumentFormat::Pdf,
                                        toQString(document->author));
        Problem::Code problem = Problem::Unexpected;
        amicus::platform::SavedDocument saved;
        if (!bytes.isEmpty()) {
            QBuffer source;
            source.setData(bytes);
            source.open(QIODevice::ReadOnly);
            auto written = documentExport->save(folder, fileName, mediaType, source);
            problem = written ? Problem::None : saveProblem(written.error().code);
            if (written) {
                saved = *written;
            }
        }
        QMetaObject::invokeMethod(this, [this, problem, saved, mediaType] {
            setBusy(false);
            setProblem(problem);
            if (problem == Problem::None) {
                exportedPath_ = saved.shownAs;
                exportedUrl_ = saved.url;
                exportedMediaType_ = mediaType;
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
    return documentExport_ && documentExport_->share(exportedUrl_, exportedMediaType_);
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
