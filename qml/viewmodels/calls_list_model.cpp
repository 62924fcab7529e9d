#include "calls_list_model.h"

#include "app_context.h"
#include "text_conversion.h"

#include <QDateTime>

using amicus::app::catalogLanguage;
using amicus::app::toQString;

CallsListModel::CallsListModel(QObject* parent)
    : QAbstractListModel(parent), catalog_(amicus::app::AppContext::instance().catalog())
{
    connect(&amicus::app::AppContext::instance(), &amicus::app::AppContext::catalogChanged, this,
            [this] {
                beginResetModel();
                catalog_ = amicus::app::AppContext::instance().catalog();
                endResetModel();
            });
}

int CallsListModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid()) {
        return 0;
    }
    return static_cast<int>(catalog_->calls.size());
}

QVariant CallsListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const amicus::calls::Call& call = catalog_->calls.at(static_cast<std::size_t>(index.row()));
    const amicus::calls::Language language = catalogLanguage(language_);
    switch (role) {
    case CallIdRole:
        return toQString(call.id);
    case Qt::DisplayRole:
    case TitleRole:
        return toQString(call.title.text(language));
    case IssuingBodyRole:
        return toQString(call.issuingBody.text(language));
    case DeadlineRole:
        return call.deadline ? amicus::app::longDate(call.deadline->unixSeconds, language_)
                             : QString();
    case OpenRole:
        return call.acceptsSubmissionsAt(QDateTime::currentSecsSinceEpoch());
    case QuestionCountRole:
        return static_cast<int>(call.questions.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> CallsListModel::roleNames() const
{
    return {
        {CallIdRole, "callId"},     {TitleRole, "title"}, {IssuingBodyRole, "issuingBody"},
        {DeadlineRole, "deadline"}, {OpenRole, "open"},   {QuestionCountRole, "questionCount"},
    };
}

QString CallsListModel::callIdAt(int row) const
{
    return data(index(row), CallIdRole).toString();
}

void CallsListModel::setLanguage(const QString& language)
{
    if (language == language_) {
        return;
    }
    language_ = language;
    emit languageChanged();
    if (!catalog_->calls.empty()) {
        emit dataChanged(index(0), index(rowCount() - 1));
    }
}
