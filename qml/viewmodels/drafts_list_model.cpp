#include "drafts_list_model.h"

#include "app_context.h"
#include "app_services.h"
#include "draft_deletion.h"
#include "text_conversion.h"
#include "user_dates.h"

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::app::ChangeNotifier;
using amicus::app::toQString;

namespace {

DraftsListModel::Sending sendingStateOf(const amicus::store::DraftSummary& draft)
{
    using State = amicus::store::OutboxState;
    if (!draft.outboxState) {
        return DraftsListModel::Sending::NotFinalized;
    }
    if (*draft.outboxState == State::Delivered) {
        return DraftsListModel::Sending::Delivered;
    }
    if (draft.uploadedBytes == 0) {
        return DraftsListModel::Sending::Waiting;
    }
    return draft.envelopeSize > 0 && draft.uploadedBytes >= draft.envelopeSize
               ? DraftsListModel::Sending::FullySent
               : DraftsListModel::Sending::PartlySent;
}

} // namespace

DraftsListModel::DraftsListModel(QObject* parent) : QAbstractListModel(parent)
{
}

DraftsListModel::DraftsListModel(AppServices& services, QObject* parent)
    : QAbstractListModel(parent)
{
    useServices(&services);
}

void DraftsListModel::classBegin()
{
    if (!services_) {
        useServices(AppServices::of(this));
    }
}

void DraftsListModel::useServices(AppServices* services)
{
    services_ = services;
    if (!services_) {
        return;
    }
    connect(&services_->context(), &AppContext::sessionChanged, this, &DraftsListModel::refresh);
    auto& changes = services_->changes();
    connect(&changes, &ChangeNotifier::draftChanged, this, &DraftsListModel::refreshSoon);
    connect(&changes, &ChangeNotifier::draftDeleted, this, &DraftsListModel::refreshSoon);
    connect(&changes, &ChangeNotifier::outboxChanged, this, &DraftsListModel::refreshSoon);
    // The catalog gives the calls' titles.
    connect(&services_->context(), &AppContext::catalogChanged, this,
            &DraftsListModel::refreshSoon);
    refresh();
}

void DraftsListModel::refreshSoon()
{
    if (refreshPending_) {
        return;
    }
    refreshPending_ = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            refreshPending_ = false;
            refresh();
        },
        Qt::QueuedConnection);
}

int DraftsListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant DraftsListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& draft = drafts_.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case DraftIdRole:
        return static_cast<int>(draft.id);
    case Qt::DisplayRole:
    case CallTitleRole: {
        const auto call = services_->context().catalog()->call(draft.callId);
        // A call withdrawn from the catalog keeps its drafts; show its id then.
        return call ? toQString((*call)->title.text(amicus::app::catalogLanguage(language_)))
                    : toQString(draft.callId);
    }
    case OrganizationRole:
        return draft.organization ? toQString(*draft.organization) : QString();
    case UpdatedRole:
        return amicus::app::userDateTimeFromMilliseconds(draft.updatedAt, language_);
    case AnswerCountRole:
        return draft.answerCount;
    case AttachmentCountRole:
        return draft.attachmentCount;
    case FinalizedRole:
        return draft.status == amicus::store::DraftStatus::Finalized ||
               draft.outboxState.has_value();
    case SendingRole:
        return static_cast<int>(sendingStateOf(draft));
    default:
        return {};
    }
}

QHash<int, QByteArray> DraftsListModel::roleNames() const
{
    return {
        {DraftIdRole, "draftId"},           {CallTitleRole, "callTitle"},
        {OrganizationRole, "organization"}, {UpdatedRole, "updated"},
        {AnswerCountRole, "answerCount"},   {AttachmentCountRole, "attachmentCount"},
        {FinalizedRole, "finalized"},       {SendingRole, "sending"},
    };
}

void DraftsListModel::refresh()
{
    beginResetModel();
    drafts_.clear();
    if (auto* session = services_ ? services_->context().session() : nullptr) {
        if (auto listed = session->store().drafts().list(); listed) {
            drafts_ = std::move(listed).value();
        }
    }
    endResetModel();
    emit countChanged();
}

bool DraftsListModel::remove(int draftId)
{
    if (!services_) {
        return false;
    }
    const auto deleted = amicus::app::deleteDraft(services_->context(), services_->sync(), draftId);
    if (deleted == amicus::app::DraftDeletion::Failed) {
        refresh();
        return false;
    }
    emit services_->changes().draftDeleted(draftId);
    if (deleted == amicus::app::DraftDeletion::DeletedEntry) {
        emit services_->changes().outboxChanged();
    }
    refresh();
    return true;
}

DraftsListModel::Sending DraftsListModel::sendingOf(int draftId) const
{
    for (const auto& draft : drafts_) {
        if (draft.id == draftId) {
            return sendingStateOf(draft);
        }
    }
    return Sending::NotFinalized;
}

void DraftsListModel::setLanguage(const QString& language)
{
    if (language == language_) {
        return;
    }
    language_ = language;
    emit languageChanged();
    if (!drafts_.empty()) {
        emit dataChanged(index(0), index(count() - 1));
    }
}
