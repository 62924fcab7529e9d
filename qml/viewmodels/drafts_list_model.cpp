#include "drafts_list_model.h"

#include "app_context.h"
#include "app_services.h"
#include "draft_autosave.h"
#include "draft_deletion.h"
#include "text_conversion.h"
#include "user_dates.h"

#include <utility>

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::app::ChangeNotifier;
using amicus::app::toQString;

namespace {

DraftsListModel::Sending sendingStateOf(const amicus::store::DraftSummary& draft)
{
    return static_cast<DraftsListModel::Sending>(amicus::sync::sendingStageOf(draft));
}

// Newest first, as Drafts::list orders them.
bool comesBefore(const amicus::store::DraftSummary& a, const amicus::store::DraftSummary& b)
{
    return a.updatedAt != b.updatedAt ? a.updatedAt > b.updatedAt : a.id > b.id;
}

} // namespace

DraftsListModel::DraftsListModel(QObject* parent) : ServicesListModel(parent)
{
}

DraftsListModel::DraftsListModel(AppServices& services, QObject* parent) : ServicesListModel(parent)
{
    useServices(&services);
}

void DraftsListModel::listen()
{
    connect(&services()->context(), &AppContext::sessionChanged, this, &DraftsListModel::refresh);
    auto& changes = services()->changes();
    connect(&changes, &ChangeNotifier::draftChanged, this, &DraftsListModel::readSoon);
    connect(&changes, &ChangeNotifier::draftDeleted, this, &DraftsListModel::readSoon);
    connect(&changes, &ChangeNotifier::outboxEntryChanged, this, &DraftsListModel::readSoon);
    connect(&changes, &ChangeNotifier::senderReported, this, &DraftsListModel::readSentSoon);
    // The catalog gives the calls' titles: nothing to read again.
    connect(&services()->context(), &AppContext::catalogChanged, this, [this] {
        if (!drafts_.empty()) {
            emit dataChanged(index(0), index(count() - 1), {Qt::DisplayRole, CallTitleRole});
        }
    });
    refresh();
}

void DraftsListModel::readSoon(qint64 draftId)
{
    const bool first = pending_.empty();
    pending_.insert(draftId);
    if (first) {
        QMetaObject::invokeMethod(this, &DraftsListModel::readPending, Qt::QueuedConnection);
    }
}

void DraftsListModel::readSentSoon()
{
    for (const auto& draft : drafts_) {
        if (draft.outboxState) {
            readSoon(draft.id);
        }
    }
}

void DraftsListModel::readPending()
{
    const auto ids = std::exchange(pending_, {});
    auto* session = services() ? services()->context().session() : nullptr;
    if (!session) {
        return; // closing: the session change empties the list
    }
    const int before = count();
    for (const qint64 id : ids) {
        auto read = session->store().drafts().summary(id);
        if (read) {
            place(std::move(read).value());
        } else if (read.error().code == amicus::store::StoreErrc::NotFound) {
            drop(id);
        } // else (locked, a read error): the row stays as it was
    }
    if (count() != before) {
        emit countChanged();
    }
}

int DraftsListModel::rowOf(qint64 draftId) const
{
    for (std::size_t row = 0; row < drafts_.size(); ++row) {
        if (drafts_[row].id == draftId) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

void DraftsListModel::place(amicus::store::DraftSummary draft)
{
    const int row = rowOf(draft.id);
    // Its row among the others, newest first.
    int target = 0;
    for (int i = 0; i < count(); ++i) {
        if (i != row && comesBefore(drafts_[static_cast<std::size_t>(i)], draft)) {
            ++target;
        }
    }
    if (row < 0) {
        beginInsertRows(QModelIndex(), target, target);
        drafts_.insert(drafts_.begin() + target, std::move(draft));
        endInsertRows();
        return;
    }
    if (target != row) {
        beginMoveRows(QModelIndex(), row, row, QModelIndex(), target > row ? target + 1 : target);
        drafts_.erase(drafts_.begin() + row);
        drafts_.insert(drafts_.begin() + target, std::move(draft));
        endMoveRows();
    } else {
        drafts_[static_cast<std::size_t>(row)] = std::move(draft);
    }
    emit dataChanged(index(target), index(target));
}

void DraftsListModel::drop(qint64 draftId)
{
    const int row = rowOf(draftId);
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    drafts_.erase(drafts_.begin() + row);
    endRemoveRows();
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
        const auto call = services()->context().catalog()->call(draft.callId);
        // A call withdrawn from the catalog keeps its drafts; show its id then.
        return call ? toQString((*call)->title.text(amicus::app::catalogLanguage(language())))
                    : toQString(draft.callId);
    }
    case OrganizationRole:
        return draft.organization ? toQString(*draft.organization) : QString();
    case UpdatedRole:
        return amicus::app::userDateTimeFromMilliseconds(draft.updatedAt, language());
    case AnswerCountRole:
        return draft.answerCount;
    case AttachmentCountRole:
        return draft.attachmentCount;
    case FinalizedRole:
        return amicus::sync::isSealed(draft);
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
    if (auto* session = services() ? services()->context().session() : nullptr) {
        if (auto listed = session->store().drafts().list(); listed) {
            drafts_ = std::move(listed).value();
        }
    }
    endResetModel();
    emit countChanged();
}

bool DraftsListModel::remove(int draftId)
{
    if (!services()) {
        return false;
    }
    services()->autosave().flush(); // no save of its text may come after it is gone
    const auto deleted =
        amicus::app::deleteDraft(services()->context(), services()->sync(), draftId);
    if (deleted == amicus::app::DraftDeletion::Failed) {
        return false;
    }
    readPending(); // the store announced the deletion: the row goes before this returns
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
