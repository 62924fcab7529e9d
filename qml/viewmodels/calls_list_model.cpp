#include "calls_list_model.h"

#include "app_context.h"
#include "app_services.h"
#include "text_conversion.h"
#include "user_dates.h"

#include <QDateTime>

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::app::catalogLanguage;
using amicus::app::toQString;

CallsListModel::CallsListModel(QObject* parent) : ServicesListModel(parent)
{
}

CallsListModel::CallsListModel(AppServices& services, QObject* parent) : ServicesListModel(parent)
{
    useServices(&services);
}

void CallsListModel::listen()
{
    AppContext* context = &services()->context();
    const auto update = [this, context] {
        beginResetModel();
        catalog_ = context->catalog();
        endResetModel();
        emit countChanged();
    };
    update();
    connect(context, &AppContext::catalogChanged, this, update);
}

int CallsListModel::count() const
{
    return catalog_ ? static_cast<int>(catalog_->calls.size()) : 0;
}

QVariant CallsListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const amicus::calls::Call& call = catalog_->calls.at(static_cast<std::size_t>(index.row()));
    const amicus::calls::Language textLanguage = catalogLanguage(language());
    switch (role) {
    case CallIdRole:
        return toQString(call.id);
    case Qt::DisplayRole:
    case TitleRole:
        return toQString(call.title.text(textLanguage));
    case IssuingBodyRole:
        return toQString(call.issuingBody.text(textLanguage));
    case DeadlineRole:
        return call.deadline
                   ? amicus::app::userDateTimeFromSeconds(call.deadline->unixSeconds, language())
                   : QString();
    case OpenRole:
        return call.acceptsSubmissionsAt(QDateTime::currentSecsSinceEpoch());
    case LateRole:
        return call.acceptsSubmissionsAt(QDateTime::currentSecsSinceEpoch()) &&
               call.deadlinePassedAt(QDateTime::currentSecsSinceEpoch());
    case InputsPublishedRole:
        return call.inputsPublished;
    case QuestionCountRole:
        return static_cast<int>(call.questions.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> CallsListModel::roleNames() const
{
    return {
        {CallIdRole, "callId"},
        {TitleRole, "title"},
        {IssuingBodyRole, "issuingBody"},
        {DeadlineRole, "deadline"},
        {OpenRole, "open"},
        {QuestionCountRole, "questionCount"},
        {LateRole, "late"},
        {InputsPublishedRole, "inputsPublished"},
    };
}

QString CallsListModel::callIdAt(int row) const
{
    return data(index(row), CallIdRole).toString();
}
