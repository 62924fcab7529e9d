#include "envelope_export.h"

#include "app_context.h"
#include "app_services.h"
#include "document_export.h"
#include "store/data_layout.h"
#include "store/vault_session.h"
#include "sync/sealed_envelope_copy.h"
#include "text_conversion.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <cstring>

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::app::toQString;

EnvelopeExport::EnvelopeExport(QObject* parent) : QObject(parent)
{
}

EnvelopeExport::EnvelopeExport(AppServices& services, QObject* parent) : EnvelopeExport(parent)
{
    useServices(&services);
}

EnvelopeExport::~EnvelopeExport() = default;

void EnvelopeExport::classBegin()
{
    if (!services_) {
        useServices(AppServices::of(this));
    }
}

void EnvelopeExport::useServices(AppServices* services)
{
    services_ = services;
    // Where exports go and the share sheet: the services' (the OS's, or a test's).
    documentExport_ = services_ ? &services_->documentExport() : nullptr;
    directory_ = documentExport_ ? QDir::fromNativeSeparators(documentExport_->exportDirectory())
                                 : QString();
    if (!services_) {
        return;
    }
    const auto reload = [this] {
        load();
        emit changed();
    };
    connect(&services_->context(), &AppContext::sessionChanged, this, reload);
    connect(&services_->changes(), &amicus::app::ChangeNotifier::outboxChanged, this, reload);
    connect(&services_->context(), &AppContext::catalogChanged, this, reload);
}

void EnvelopeExport::setDraftId(int draftId)
{
    if (draftId == draftId_) {
        return;
    }
    draftId_ = draftId;
    load();
    emit changed();
}

void EnvelopeExport::load()
{
    submissionId_.clear();
    envelopeName_.clear();
    envelopeSize_ = 0;
    envelopeSha256_.clear();
    canSeal_ = false;
    auto* session = services_ ? services_->context().session() : nullptr;
    if (session == nullptr || draftId_ < 0) {
        return;
    }
    const auto entry = session->store().outbox().entry(draftId_);
    const auto draft = session->store().drafts().get(draftId_);
    if (!draft) {
        return;
    }
    if (!entry) {
        const auto catalog = services_->context().catalog();
        const amicus::calls::Call* call = nullptr;
        if (catalog) {
            if (const auto found = catalog->call(draft->callId)) {
                call = *found;
            }
        }
        canSeal_ = draft->status == amicus::store::DraftStatus::Editing && call != nullptr &&
                   call->status == amicus::calls::CallStatus::Open;
        return;
    }
    if (!entry->envelopeName || !entry->envelopeSize) {
        return;
    }
    submissionId_ = toQString(draft->submissionId);
    envelopeName_ = toQString(*entry->envelopeName);
    envelopeSize_ = *entry->envelopeSize;
    if (entry->envelopeSha256) {
        envelopeSha256_ = QByteArray(reinterpret_cast<const char*>(entry->envelopeSha256->data()),
                                     static_cast<qsizetype>(entry->envelopeSha256->size()));
    }
}

QString EnvelopeExport::fileName() const
{
    return available()
               ? toQString(amicus::sync::sealedEnvelopeFileName(submissionId_.toStdString()))
               : QString();
}

QUrl EnvelopeExport::directoryUrl() const
{
    return directory_.isEmpty() ? QUrl() : QUrl::fromLocalFile(directory_);
}

void EnvelopeExport::setDirectoryUrl(const QUrl& url)
{
    const QString folder = url.isLocalFile() ? url.toLocalFile() : QString();
    if (folder != directory_) {
        directory_ = folder;
        emit directoryChanged();
    }
}

QString EnvelopeExport::directoryName() const
{
    const QString folder = QDir::cleanPath(directory_);
    for (const auto location :
         {QStandardPaths::DocumentsLocation, QStandardPaths::DownloadLocation}) {
        if (folder == QDir::cleanPath(QStandardPaths::writableLocation(location))) {
            return QStandardPaths::displayName(location);
        }
    }
    const QString name = QFileInfo(folder).fileName();
    return name.isEmpty() ? QDir::toNativeSeparators(folder) : name;
}

bool EnvelopeExport::canShare() const
{
    return documentExport_ && documentExport_->canShare();
}

bool EnvelopeExport::save()
{
    Failure failure = Failure::None;
    QString saved;
    if (!available() || services_ == nullptr) {
        failure = Failure::NotAvailable;
    } else if (directory_.isEmpty() || !QDir().mkpath(directory_)) {
        failure = Failure::FolderUnwritable;
    } else {
        const auto envelope = amicus::store::DataLayout::outboxDir(services_->context().dataDir()) /
                              envelopeName_.toStdString();
        amicus::crypto::Sha256Digest digest{};
        if (envelopeSha256_.size() == static_cast<qsizetype>(digest.size())) {
            std::memcpy(digest.data(), envelopeSha256_.constData(), digest.size());
        } else {
            // Sealed before the outbox kept the digest: only its size can be checked.
            QFile file(QString::fromStdString(envelope.string()));
            amicus::crypto::Sha256 hasher;
            if (file.open(QIODevice::ReadOnly)) {
                while (!file.atEnd()) {
                    const QByteArray piece = file.read(1 << 16);
                    hasher.update(std::string_view(piece.constData(), piece.size()));
                }
            }
            digest = hasher.finish();
        }
        const auto copied = amicus::sync::copySealedEnvelope(
            envelope, envelopeSize_, digest, submissionId_.toStdString(), directory_.toStdString());
        if (copied) {
            saved = QDir::toNativeSeparators(QString::fromStdString(copied->string()));
        } else if (copied.error().code == amicus::sync::EnvelopeCopyErrc::WriteFailed) {
            failure = Failure::FolderUnwritable;
        } else if (copied.error().code == amicus::sync::EnvelopeCopyErrc::Damaged) {
            failure = Failure::Damaged;
        } else {
            failure = Failure::NotAvailable;
        }
    }
    savedPath_ = saved;
    failure_ = failure;
    emit savedPathChanged();
    return failure == Failure::None;
}

bool EnvelopeExport::share()
{
    return !savedPath_.isEmpty() && documentExport_ &&
           documentExport_->share(QDir::fromNativeSeparators(savedPath_),
                                  QStringLiteral("application/octet-stream"));
}
