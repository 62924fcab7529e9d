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
#include <QRegularExpression>
#include <cstring>

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::app::toQString;

namespace {

// The ids Amicus makes are lower-case UUIDs; nothing else becomes part of a file name.
bool isAmicusId(const QString& id)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return uuid.match(id).hasMatch();
}

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
    folder_ = documentExport_ ? documentExport_->exportFolder() : QUrl();
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
    return documentExport_ && !folder_.isEmpty() ? documentExport_->folderName(folder_) : QString();
}

bool EnvelopeExport::canShare() const
{
    return documentExport_ && documentExport_->canShare();
}

bool EnvelopeExport::save()
{
    Failure failure = Failure::None;
    amicus::platform::SavedDocument saved;
    const std::string name = amicus::sync::sealedEnvelopeFileName(submissionId_.toStdString());
    if (!available() || services_ == nullptr || documentExport_ == nullptr) {
        failure = Failure::NotAvailable;
    } else if (folder_.isEmpty()) {
        failure = Failure::FolderUnwritable;
    } else if (!isAmicusId(submissionId_)) {
        failure = Failure::NotAvailable; // not an id Amicus makes: no file name from it
    } else {
        const auto envelope = QString::fromStdString(
            (amicus::store::DataLayout::outboxDir(services_->context().dataDir()) /
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
        } else if (auto written = documentExport_->save(
                       folder_, toQString(name), QStringLiteral("application/octet-stream"), reader,
                       amicus::platform::NameClash::Replace)) {
            saved = *written;
        } else if (reader.damaged()) {
            failure = Failure::Damaged;
        } else {
            failure = Failure::FolderUnwritable;
        }
    }
    savedPath_ = saved.shownAs;
    savedUrl_ = saved.url;
    failure_ = failure;
    emit savedPathChanged();
    return failure == Failure::None;
}

bool EnvelopeExport::share()
{
    return !savedPath_.isEmpty() && documentExport_ &&
           documentExport_->share(savedUrl_, QStringLiteral("application/octet-stream"));
}
