#include "envelope_export.h"

#include "app_context.h"
#include "app_services.h"
#include "document_export.h"
#include "package/submission_package.h"
#include "store/data_layout.h"
#include "store/vault_session.h"
#include "sync/sealed_envelope_copy.h"
#include "sync/sealed_envelope_reader.h"
#include "text_conversion.h"

#include <QIODevice>
#include <cstdint>
#include <span>

using amicus::app::AppServices;
using amicus::app::toQString;

namespace {

// The core's SealedEnvelopeReader as the device DocumentExport reads: a damaged envelope makes
// the last read fail instead of reaching the end, so DocumentExport keeps nothing of it.
class CheckedEnvelopeDevice : public QIODevice {
public:
    explicit CheckedEnvelopeDevice(amicus::sync::SealedEnvelopeReader& reader) : reader_(reader)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    [[nodiscard]] bool damaged() const { return damaged_; }
    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] bool atEnd() const override { return ended_; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const auto got = reader_.read(std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(data),
                                                              static_cast<std::size_t>(maxSize)));
        if (!got) {
            damaged_ = got.error().code == amicus::sync::EnvelopeCopyErrc::Damaged;
            return -1;
        }
        ended_ = *got == 0;
        return static_cast<qint64>(*got);
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    amicus::sync::SealedEnvelopeReader& reader_;
    bool damaged_ = false;
    bool ended_ = false;
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
    envelopeSha256_.reset();
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
    envelopeSha256_ = entry->envelopeSha256;
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
        amicus::sync::SealedEnvelopeReader reader(
            amicus::store::DataLayout::outboxDir(services()->context().dataDir()) /
                envelopeName_.toStdString(),
            envelopeSize_, envelopeSha256_);
        if (!reader.open()) {
            failure = Failure::NotAvailable;
        } else {
            CheckedEnvelopeDevice device(reader);
            if (saveDocument(folder_, toQString(name), device)) {
                // Saved.
            } else if (device.damaged()) {
                failure = Failure::Damaged;
            } else {
                failure = Failure::FolderUnwritable;
            }
        }
    }
    failure_ = failure;
    emit savedPathChanged();
    return failure == Failure::None;
}
