// ServicesListModel: what the app's lists share (CallsListModel, DraftsListModel,
// OutboxListModel): their engine's services (QML's at classBegin, a test's in the constructor),
// the UI language their rows are given in, and how many rows they have.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>

namespace amicus::app {
class AppServices;
}

class ServicesListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ANONYMOUS

    // The UI language the rows are given in ("en", "fr", "es").
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    void classBegin() override;
    void componentComplete() override {}

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] virtual int count() const = 0;
    QString language() const { return language_; }
    // Every row is given again in `language`.
    void setLanguage(const QString& language);

signals:
    void languageChanged();
    void countChanged();

protected:
    explicit ServicesListModel(QObject* parent);

    amicus::app::AppServices* services() const { return services_; }
    // Takes `services` and has the list follow them (listen); a subclass made in C++ calls it
    // from its constructor.
    void useServices(amicus::app::AppServices* services);
    // Connects the list to what it follows and reads it a first time.
    virtual void listen() = 0;

private:
    amicus::app::AppServices* services_ = nullptr;
    QString language_ = QStringLiteral("en");
};
