#include "receipt_export.h"

#include "app_context.h"
#include "app_services.h"
#include "data_size.h"
#include "document_export.h"
#include "store/vault_session.h"
#include "sync/kept_receipt.h"
#include "text_conversion.h"
#include "user_dates.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>

using amicus::app::AppServices;
using amicus::app::toQString;

ReceiptExport::ReceiptExport(QObject* parent)
    : OutboxFileExport(QStringLiteral("application/json"), parent)
{
}

ReceiptExport::ReceiptExport(AppServices& services, QObject* parent) : ReceiptExport(parent)
{
    useServices(&services);
}

ReceiptExport::~ReceiptExport() = default;

void ReceiptExport::setLanguage(const QString& language)
{
    if (language != language_) {
        language_ = language;
        emit changed();
    }
}

void ReceiptExport::load()
{
    document_.clear();
    submissionId_.clear();
    receivedAtText_.clear();
    size_ = 0;
    sha256_.clear();
    signatureChecked_ = false;
    auto* session = services() ? services()->context().session() : nullptr;
    if (session == nullptr || draftId() < 0) {
        return;
    }
    auto& store = session->store();
    const auto entry = store.outbox().entry(draftId());
    const auto draft = store.drafts().get(draftId());
    if (!entry || !draft || !entry->receipt ||
        entry->state != amicus::store::OutboxState::Delivered) {
        return;
    }
    const auto fields = amicus::sync::readKeptReceipt(*entry->receipt);
    if (!fields) {
        return;
    }
    document_ = *entry->receipt;
    submissionId_ = toQString(fields->submissionId);
    receivedAtText_ = toQString(fields->receivedAt);
    size_ = fields->size;
    sha256_ = toQString(fields->sha256Hex);
    // Checked again here, with the key the catalog gives for the call, against the envelope
    // this phone sent: what the secretariat's tool will check too.
    if (const auto call = services()->context().catalog()->call(draft->callId)) {
        signatureChecked_ =
            amicus::sync::keptReceiptChecks(*entry, draft->submissionId, (*call)->receiptKeyBase64);
    }
}

QString ReceiptExport::receivedAt() const
{
    const QDateTime when = QDateTime::fromString(receivedAtText_, Qt::ISODate);
    return when.isValid() ? amicus::app::userDateTime(when, language_) : receivedAtText_;
}

QString ReceiptExport::size() const
{
    return formatDataSize(static_cast<double>(size_), QLocale(language_));
}

bool ReceiptExport::save()
{
    if (!found() || !documentExport()) {
        return false;
    }
    // The submission id is a UUID the app made; keep only safe characters all the same.
    QString name = submissionId_;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9-]")), QStringLiteral("_"));
    QBuffer source;
    source.setData(QByteArray::fromStdString(document_) + '\n');
    source.open(QIODevice::ReadOnly);
    const bool saved = saveDocument(documentExport()->exportFolder(),
                                    QStringLiteral("amicus-receipt-%1.json").arg(name), source);
    emit savedPathChanged();
    return saved;
}
