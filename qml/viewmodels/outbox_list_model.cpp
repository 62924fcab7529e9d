#include "outbox_list_model.h"

#include "app_context.h"
#include "app_services.h"
#include "data_size.h"
#include "sync/kept_receipt.h"
#include "sync_service.h"
#include "text_conversion.h"
#include "user_dates.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::app::SyncService;
using amicus::app::toQString;

OutboxListModel::OutboxListModel(QObject* parent) : ServicesListModel(parent)
{
}

OutboxListModel::OutboxListModel(AppServices& services, QObject* parent) : ServicesListModel(parent)
{
    useServices(&services);
}

void OutboxListModel::listen()
{
    connect(&services()->context(), &AppContext::sessionChanged, this, &OutboxListModel::refresh);
    connect(&services()->changes(), &amicus::app::ChangeNotifier::outboxChanged, this,
            &OutboxListModel::refresh);
    // A refreshed catalog can rename, close or withdraw the call of an entry.
    connect(&services()->context(), &AppContext::catalogChanged, this, [this] {
        if (rowCount() > 0) {
            emit dataChanged(index(0), index(rowCount() - 1));
        }
        emit countChanged(); // pendingCount leaves out entries of a closed call
    });
    if (auto* service = services()->sync()) {
        connect(service, &SyncService::progress, this, &OutboxListModel::onProgress);
    }
    refresh();
}

amicus::sync::OutboxAdvice OutboxListModel::adviceOf(const Row& row) const
{
    amicus::sync::EntrySurroundings surroundings;
    if (const auto* service = services() ? services()->sync() : nullptr) {
        surroundings.sending =
            amicus::sync::SendingConditions{service->networkState(), service->policy()};
    }
    surroundings.callClosed = callClosed(row);
    return amicus::sync::adviceFor(row.entry, surroundings);
}

bool OutboxListModel::callClosed(const Row& row) const
{
    const auto catalog = services() ? services()->context().catalog() : nullptr;
    if (!catalog) {
        return false;
    }
    const auto call = catalog->call(row.callId);
    return call && (*call)->status == amicus::calls::CallStatus::Closed;
}

QVariant OutboxListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = rows_.at(static_cast<std::size_t>(index.row()));
    const auto& entry = row.entry;
    const QLocale locale(language());
    const std::uint64_t size = entry.envelopeSize.value_or(0);
    switch (role) {
    case DraftIdRole:
        return static_cast<int>(entry.draftId);
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case StateRole:
        return static_cast<int>(entry.state);
    case ReasonRole:
        return static_cast<int>(adviceOf(row).holdUp);
    case NextTryRole:
        return entry.nextTryAt
                   ? locale.toString(QDateTime::fromMSecsSinceEpoch(*entry.nextTryAt).time(),
                                     QStringLiteral("HH:mm"))
                   : QString();
    case FractionRole: {
        if (entry.state == amicus::store::OutboxState::Delivered) {
            return 1.0;
        }
        const std::uint64_t offset = std::max(entry.uploadOffset, row.liveOffset);
        return size == 0 ? 0.0 : static_cast<double>(offset) / static_cast<double>(size);
    }
    case RateRole:
        return row.bytesPerSecond > 0
                   ? formatDataSize(row.bytesPerSecond, locale) + QStringLiteral("/s")
                   : QString();
    case ReceivedAtRole:
    case ReceiptHashRole: {
        if (!entry.receipt) {
            return QString();
        }
        const auto fields = amicus::sync::readKeptReceipt(*entry.receipt);
        if (!fields) {
            return QString();
        }
        if (role == ReceiptHashRole) {
            return toQString(fields->sha256Hex.substr(0, 16));
        }
        const QDateTime received =
            QDateTime::fromString(toQString(fields->receivedAt), Qt::ISODate);
        return amicus::app::userDateTime(received, language());
    }
    case SizeRole:
        return formatDataSize(static_cast<double>(size), locale);
    case SubmissionIdRole:
        return toQString(row.submissionId);
    case IssuingBodyRole: {
        const auto catalog = services()->context().catalog();
        if (!catalog) {
            return QString();
        }
        const auto call = catalog->call(row.callId);
        return call ? toQString((*call)->issuingBody.text(language().toStdString())) : QString();
    }
    case CallTitleRole:
    case CallClosedRole:
    case ContactEmailRole: {
        const auto catalog = services() ? services()->context().catalog() : nullptr;
        const amicus::calls::Call* found = nullptr;
        if (catalog) {
            if (const auto lookup = catalog->call(row.callId)) {
                found = *lookup;
            }
        }
        if (found == nullptr) {
            return role == CallClosedRole ? QVariant(false) : QVariant(QString());
        }
        const amicus::calls::Call& call = *found;
        if (role == CallTitleRole) {
            return toQString(call.title.text(language().toStdString()));
        }
        if (role == ContactEmailRole) {
            return call.contact ? toQString(call.contact->email) : QString();
        }
        return call.status == amicus::calls::CallStatus::Closed &&
               entry.state != amicus::store::OutboxState::Delivered;
    }
    case UploadStartedRole:
        return std::max(entry.uploadOffset, row.liveOffset) > 0;
    case CopyIdRole: {
        const auto copy = copies_.find(entry.draftId);
        return copy == copies_.end() ? -1 : static_cast<int>(copy->second);
    }
    case CanTryAgainRole:
    case CanCopyRole:
    case CanOpenDraftRole:
    case CanRemoveRole: {
        const auto actions = adviceOf(row).actions;
        return role == CanTryAgainRole    ? actions.tryAgain
               : role == CanCopyRole      ? actions.copy
               : role == CanOpenDraftRole ? actions.openDraft
                                          : actions.remove;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxListModel::roleNames() const
{
    return {
        {DraftIdRole, "draftId"},
        {TitleRole, "title"},
        {StateRole, "state"},
        {ReasonRole, "reason"},
        {NextTryRole, "nextTry"},
        {FractionRole, "fraction"},
        {RateRole, "rate"},
        {ReceivedAtRole, "receivedAt"},
        {ReceiptHashRole, "receiptHash"},
        {SizeRole, "size"},
        {SubmissionIdRole, "submissionId"},
        {IssuingBodyRole, "issuingBody"},
        {CallTitleRole, "callTitle"},
        {CallClosedRole, "callClosed"},
        {ContactEmailRole, "contactEmail"},
        {UploadStartedRole, "uploadStarted"},
        {CopyIdRole, "copyId"},
        {CanTryAgainRole, "canTryAgain"},
        {CanCopyRole, "canCopy"},
        {CanOpenDraftRole, "canOpenDraft"},
        {CanRemoveRole, "canRemove"},
    };
}

void OutboxListModel::refresh()
{
    beginResetModel();
    rows_.clear();
    if (auto* session = services() ? services()->context().session() : nullptr) {
        if (auto entries = session->store().outbox().list(); entries) {
            for (auto& entry : *entries) {
                Row row{std::move(entry), {}, {}, {}, 0, 0};
                if (auto draft = session->store().drafts().get(row.entry.draftId); draft) {
                    row.submissionId = draft->submissionId;
                    row.callId = draft->callId;
                    row.title = draft->submitter.organization
                                    ? toQString(*draft->submitter.organization)
                                    : toQString(draft->callId);
                }
                rows_.push_back(std::move(row));
            }
        }
    }
    endResetModel();
    emit countChanged();
}

int OutboxListModel::pendingCount() const
{
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [this](const Row& row) {
        return row.entry.state != amicus::store::OutboxState::Delivered &&
               adviceOf(row).holdUp != amicus::sync::HoldUp::CallClosed;
    }));
}

void OutboxListModel::sendNow()
{
    if (auto* service = services() ? services()->sync() : nullptr) {
        service->sendNow();
    }
}

bool OutboxListModel::tryAgain(int draftId)
{
    auto* service = services() ? services()->sync() : nullptr;
    if (!service || !service->running()) {
        return false;
    }
    service->retryNow(draftId);
    return true;
}

bool OutboxListModel::remove(int draftId)
{
    auto* service = services() ? services()->sync() : nullptr;
    if (!service || !service->running()) {
        return false;
    }
    service->removeFromOutbox(draftId);
    return true;
}

int OutboxListModel::makeEditableCopy(int draftId)
{
    auto* session = services() ? services()->context().session() : nullptr;
    Problem::Code problem = Problem::VaultLocked;
    std::int64_t copyId = -1;
    if (session) {
        auto copied = session->store().drafts().copyAsNew(draftId);
        problem = copied ? Problem::None : Problem::fromStoreError(copied.error().code);
        copyId = copied ? *copied : -1;
    }
    if (problem != copyProblem_) {
        copyProblem_ = problem;
        emit copyProblemChanged();
    }
    if (copyId < 0) {
        return -1;
    }
    copies_[draftId] = copyId;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].entry.draftId == draftId) {
            const QModelIndex changed = index(static_cast<int>(i));
            emit dataChanged(changed, changed, {CopyIdRole});
        }
    }
    return static_cast<int>(copyId);
}

void OutboxListModel::onProgress(qint64 draftId, double offset, double, double bytesPerSecond)
{
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].entry.draftId == draftId) {
            rows_[i].liveOffset = static_cast<std::uint64_t>(offset);
            rows_[i].bytesPerSecond = bytesPerSecond;
            const QModelIndex changed = index(static_cast<int>(i));
            emit dataChanged(changed, changed, {FractionRole, RateRole});
        }
    }
}
