#include "services_list_model.h"

#include "app_services.h"

using amicus::app::AppServices;

ServicesListModel::ServicesListModel(QObject* parent) : QAbstractListModel(parent)
{
}

void ServicesListModel::classBegin()
{
    if (!services_) {
        useServices(AppServices::of(this));
    }
}

void ServicesListModel::useServices(AppServices* services)
{
    services_ = services;
    if (services_) {
        listen();
    }
}

int ServicesListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

void ServicesListModel::setLanguage(const QString& language)
{
    if (language == language_) {
        return;
    }
    language_ = language;
    emit languageChanged();
    if (count() > 0) {
        emit dataChanged(index(0), index(count() - 1));
    }
}
