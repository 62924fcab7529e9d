// DraftsListModel: the drafts on this device, newest first, for the drafts screen.
#pragma once

#include "store/draft_store.h"

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

class DraftsListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        DraftIdRole = Qt::UserRole + 1,
        CallTitleRole,
        OrganizationRole,
        UpdatedRole, // when it was last saved, in the user's language
        AnswerCountRole,
        AttachmentCountRole,
        FinalizedRole,
    };
    Q_ENUM(Role)

    explicit DraftsListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the list again from the vault (after an edit elsewhere).
    Q_INVOKABLE void refresh();
    // Deletes a draft with its answers and attachments; the UI asks for confirmation first.
    Q_INVOKABLE bool remove(int draftId);

    QString language() const { return language_; }
    void setLanguage(const QString& language);
    int count() const { return static_cast<int>(drafts_.size()); }

signals:
    void languageChanged();
    void countChanged();

private:
    std::vector<amicus::store::DraftSummary> drafts_;
    QString language_ = QStringLiteral("en");
};
