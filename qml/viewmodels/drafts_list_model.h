// DraftsListModel: the drafts on this device, newest first, for the drafts screen.
#pragma once

#include "store/vault_store.h"

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>
#include <set>
#include <vector>

namespace amicus::app {
class AppServices;
}

class DraftsListModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
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
        SendingRole, // a Sending value: what deleting the draft would cancel or erase
    };
    Q_ENUM(Role)

    // Where a draft stands on its way to the secretariat, as the delete confirmation says it.
    enum class Sending {
        NotFinalized, // still being written: nothing was sent
        Waiting,      // in the outbox, not a byte on the endpoint yet
        PartlySent,   // part of it is on the endpoint, unfinished (never opened there)
        FullySent,    // every byte is on the endpoint, the receipt not back yet
        Delivered,    // the endpoint's signed receipt is kept on this device
    };
    Q_ENUM(Sending)

    // Made by QML: the services are its engine's (classBegin).
    explicit DraftsListModel(QObject* parent = nullptr);
    explicit DraftsListModel(amicus::app::AppServices& services, QObject* parent = nullptr);

    void classBegin() override;
    void componentComplete() override {}

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the whole list again from the vault, as it does by itself when the session opens
    // or closes. A change the ChangeNotifier reports reads only the drafts it names.
    void refresh();
    // Deletes a draft with its answers and attachments (amicus::app::deleteDraft); the UI
    // asks for confirmation first.
    Q_INVOKABLE bool remove(int draftId);
    // The Sending value of draft `draftId` (NotFinalized when it is not in the list).
    Q_INVOKABLE Sending sendingOf(int draftId) const;

    QString language() const { return language_; }
    void setLanguage(const QString& language);
    int count() const { return static_cast<int>(drafts_.size()); }

signals:
    void languageChanged();
    void countChanged();

private:
    void useServices(amicus::app::AppServices* services);
    // Reads draft `draftId` again at the end of this turn of the event loop: the saves of one
    // turn (a keystroke, a finalize, a copy) read each draft they touched once.
    void readSoon(qint64 draftId);
    // The sender changed entries on its own connection without naming them: the drafts in the
    // outbox are read again (it neither makes nor deletes drafts).
    void readSentSoon();
    // Reads the drafts waiting to be read and moves, adds or removes their rows.
    void readPending();
    void place(amicus::store::DraftSummary draft);
    void drop(qint64 draftId);
    // The row of draft `draftId`, -1 when it is not in the list.
    int rowOf(qint64 draftId) const;

    amicus::app::AppServices* services_ = nullptr;
    std::set<qint64> pending_;
    std::vector<amicus::store::DraftSummary> drafts_;
    QString language_ = QStringLiteral("en");
};
