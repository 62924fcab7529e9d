// CallsListModel: the calls for input the app offers, for the calls screen.
#pragma once

#include "calls/catalog.h"

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace amicus::app {
class AppServices;
}

class CallsListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT

    // The UI language the texts are given in ("en", "fr", "es").
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

public:
    enum Role {
        CallIdRole = Qt::UserRole + 1,
        TitleRole,
        IssuingBodyRole,
        DeadlineRole, // the deadline in the user's language, or empty when the call has none
        OpenRole,     // true while the call accepts submissions
        QuestionCountRole,
        LateRole,            // open, but past its deadline: a submission arrives late
        InputsPublishedRole, // the secretariat has published the inputs it received
    };
    Q_ENUM(Role)

    // Made by QML: the services are its engine's (classBegin).
    explicit CallsListModel(QObject* parent = nullptr);
    explicit CallsListModel(amicus::app::AppServices& services, QObject* parent = nullptr);

    void classBegin() override;
    void componentComplete() override {}

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The id of the call on `row`, or an empty string.
    Q_INVOKABLE QString callIdAt(int row) const;

    QString language() const { return language_; }
    void setLanguage(const QString& language);

signals:
    void languageChanged();

private:
    void useServices(amicus::app::AppServices* services);

    std::shared_ptr<const amicus::calls::Catalog> catalog_;
    QString language_ = QStringLiteral("en");
};
