#include "drafts_list_model.h"

#include "app_context.h"
#include "text_conversion.h"

#include <QDateTime>
#include <QLocale>

using amicus::app::AppContext;
using amicus::app::toQString;

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
        return draft.status == "finalized";
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
        {FinalizedRole, "finalized"},
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
    if (!session || !session->store().deleteDraft(draftId)) {
        return false;
    }
    refresh();
    return true;
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
