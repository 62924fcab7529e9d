// CallsListModel: the calls for input the app offers, for the calls screen.
#pragma once

#include "calls/catalog.h"
#include "services_list_model.h"

#include <memory>

class CallsListModel : public ServicesListModel {
    Q_OBJECT
    QML_ELEMENT

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

    int count() const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The id of the call on `row`, or an empty string.
    Q_INVOKABLE QString callIdAt(int row) const;

private:
    void listen() override;

    std::shared_ptr<const amicus::calls::Catalog> catalog_;
};
