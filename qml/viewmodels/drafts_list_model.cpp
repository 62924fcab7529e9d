#include "drafts_list_model.h"

#include "app_context.h"
#include "submission/draft_finalizer.h"
#include "sync_service.h"
#include "text_conversion.h"

#include <QDateTime>
#include <QLocale>

using amicus::app::AppContext;
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
    connect(&AppContext::instance(), &AppContext::sessionChanged, this, &DraftsListModel::refresh);
    refresh();
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
        const auto call = AppContext::instance().catalog()->call(draft.callId);
        // A call withdrawn from the catalog keeps its drafts; show its id then.
        return call ? toQString((*call)->title.text(amicus::app::catalogLanguage(language_)))
                    : toQString(draft.callId);
    }
    case OrganizationRole:
        return draft.organization ? toQString(*draft.organization) : QString();
    case UpdatedRole:
        return QLocale(language_).toString(QDateTime::fromMSecsSinceEpoch(draft.updatedAt),
                                           QLocale::ShortFormat);
    case AnswerCountRole:
        return draft.answerCount;
    case AttachmentCountRole:
        return draft.attachmentCount;
    case FinalizedRole:
        return draft.status == "finalized" || draft.outboxState.has_value();
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
    if (auto* session = AppContext::instance().session()) {
        if (auto listed = session->store().listDrafts(); listed) {
            drafts_ = std::move(listed).value();
        }
    }
    endResetModel();
    emit countChanged();
}

bool DraftsListModel::remove(int draftId)
{
    auto* session = AppContext::instance().session();
    if (!session) {
        return false;
    }
    amicus::store::DraftStore& store = session->store();
    auto draft = store.draft(draftId);
    if (!draft) {
        return false;
    }
    auto entry = store.outboxEntry(draftId);
    auto* service = amicus::app::SyncService::instance();
    const std::optional<std::string> uploadToEnd =
        entry && entry->state != amicus::store::OutboxState::Delivered ? entry->uploadUrl
                                                                       : std::nullopt;
    if (entry && service) {
        // Stopped first: once withdrawn, the sending thread neither sends nor saves it.
        service->withdraw(draftId, draft->submissionId, draft->callId, uploadToEnd);
    }
    if (!store.deleteDraft(draftId)) {
        // Still there (a full disk, say): it goes on being sent as before.
        if (entry && service) {
            service->unwithdraw(draft->submissionId, uploadToEnd);
        }
        refresh();
        return false;
    }
    if (entry && entry->envelopeName) {
        // The envelope is sealed to the secretariat, but nothing of a deleted draft stays.
        std::error_code ignored;
        std::filesystem::remove(
            amicus::submission::outboxDirectory(AppContext::instance().dataDir()) /
                *entry->envelopeName,
            ignored);
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
