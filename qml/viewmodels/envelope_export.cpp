#include "envelope_export.h"

#include "app_context.h"
#include "app_services.h"
#include "document_export.h"
#include "package/submission_package.h"
#include "store/data_layout.h"
#include "store/vault_session.h"
#include "sync/sealed_envelope_copy.h"
#include "text_conversion.h"

#include <QDir>
#include <QFile>
#include <cstring>

using amicus::app::AppServices;
using amicus::app::toQString;

namespace {

// The envelope as it is read out of the outbox, checked against the size and SHA-256 recorded
// when it was sealed: if they differ, the last read fails instead of reaching the end, so
// DocumentExport keeps nothing of it.
class CheckedEnvelopeReader : public QIODevice {
public:
    CheckedEnvelopeReader(const QString& path, quint64 size,
                          const amicus::crypto::Sha256Digest& sha256)
        : file_(path), size_(size), sha256_(sha256)
    {
    }
    bool openEnvelope()
    {
        return file_.open(QIODevice::ReadOnly) && open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    [[nodiscard]] bool damaged() const { return damaged_; }
    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] bool atEnd() const override { return checked_; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (damaged_ || checked_) {
            return damaged_ ? -1 : 0;
        }
        const qint64 got = file_.read(data, maxSize);
        if (got > 0) {
            read_ += static_cast<quint64>(got);
            hasher_.update(std::string_view(data, static_cast<std::size_t>(got)));
            damaged_ = read_ > size_;
            return damaged_ ? -1 : got;
        }
        damaged_ = got < 0 || read_ != size_ || hasher_.finish() != sha256_;
        checked_ = !damaged_;
        return damaged_ ? -1 : 0;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QFile file_;
    quint64 size_;
    amicus::crypto::Sha256Digest sha256_;
    amicus::crypto::Sha256 hasher_;
    quint64 read_ = 0;
    bool damaged_ = false;
    bool checked_ = false;
};

} // namespace

EnvelopeExport::EnvelopeExport(QObject* parent)
    : OutboxFileExport(QStringLiteral("application/octet-stream"), parent)
{
}

EnvelopeExport::EnvelopeExport(AppServices& services, QObject* parent) : EnvelopeExport(parent)
{
    useServices(&services);
}

EnvelopeExport::~EnvelopeExport() = default;

void EnvelopeExport::servicesChanged()
{
    folder_ = documentExport() ? documentExport()->exportFolder() : QUrl();
}

void EnvelopeExport::load()
{
    submissionId_.clear();
    envelopeName_.clear();
    envelopeSize_ = 0;
    envelopeSha256_.clear();
    canSeal_ = false;
    auto* session = services() ? services()->context().session() : nullptr;
    if (session == nullptr || draftId() < 0) {
        return;
    }
    const auto entry = session->store().outbox().entry(draftId());
    const auto draft = session->store().drafts().get(draftId());
    if (!draft) {
        return;
    }
    if (!entry) {
        const auto catalog = services()->context().catalog();
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
    return folder_;
}

void EnvelopeExport::setDirectoryUrl(const QUrl& url)
{
    // Any URL the OS's folder picker gives (content:// on Android): DocumentExport writes it.
    const QUrl folder = url.isValid() ? url : QUrl();
    if (folder != folder_) {
        folder_ = folder;
        emit directoryChanged();
    }
}

QString EnvelopeExport::directoryName() const
{
    return documentExport() && !folder_.isEmpty() ? documentExport()->folderName(folder_)
                                                  : QString();
}

bool EnvelopeExport::save()
{
    Failure failure = Failure::None;
    forgetSaved();
    const std::string name = amicus::sync::sealedEnvelopeFileName(submissionId_.toStdString());
    if (!available() || services() == nullptr || documentExport() == nullptr) {
        failure = Failure::NotAvailable;
    } else if (folder_.isEmpty()) {
        failure = Failure::FolderUnwritable;
    } else if (!amicus::package::isSubmissionId(submissionId_.toStdString())) {
        failure = Failure::NotAvailable; // not an id Amicus makes: no file name from it
    } else {
        const auto envelope = QString::fromStdString(
            (amicus::store::DataLayout::outboxDir(services()->context().dataDir()) /
             envelopeName_.toStdString())
                .string());
        amicus::crypto::Sha256Digest digest{};
        if (envelopeSha256_.size() == static_cast<qsizetype>(digest.size())) {
            std::memcpy(digest.data(), envelopeSha256_.constData(), digest.size());
        } else {
            // Sealed before the outbox kept the digest: only its size can be checked.
            QFile file(envelope);
            amicus::crypto::Sha256 hasher;
            if (file.open(QIODevice::ReadOnly)) {
                while (!file.atEnd()) {
                    const QByteArray piece = file.read(1 << 16);
                    hasher.update(std::string_view(piece.constData(), piece.size()));
                }
            }
            digest = hasher.finish();
        }
        CheckedEnvelopeReader reader(envelope, envelopeSize_, digest);
        if (!reader.openEnvelope()) {
            failure = Failure::NotAvailable;
        } else if (saveDocument(folder_, toQString(name), reader)) {
            // Saved.
        } else if (reader.damaged()) {
            failure = Failure::Damaged;
        } else {
            failure = Failure::FolderUnwritable;
        }
    }
    failure_ = failure;
    emit savedPathChanged();
    return failure == Failure::None;
}
