// DraftsListModel: the drafts on this device, newest first, for the drafts screen.
#pragma once

#include "services_list_model.h"
#include "store/vault_store.h"
#include "sync/sending_stage.h"

#include <set>
#include <vector>

class DraftsListModel : public ServicesListModel {
    Q_OBJECT
    QML_ELEMENT

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

    // Where a draft stands on its way to the secretariat, as the delete confirmation says it:
    // the core's SendingStage (sync/sending_stage.h, which says what each means), value for
    // value.
    enum class Sending {
        NotFinalized = static_cast<int>(amicus::sync::SendingStage::NotFinalized),
        Waiting = static_cast<int>(amicus::sync::SendingStage::Waiting),
        PartlySent = static_cast<int>(amicus::sync::SendingStage::PartlySent),
        FullySent = static_cast<int>(amicus::sync::SendingStage::FullySent),
        Delivered = static_cast<int>(amicus::sync::SendingStage::Delivered),
    };
    Q_ENUM(Sending)

    // Made by QML: the services are its engine's (classBegin).
    explicit DraftsListModel(QObject* parent = nullptr);
    explicit DraftsListModel(amicus::app::AppServices& services, QObject* parent = nullptr);

    int count() const override { return static_cast<int>(drafts_.size()); }
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

private:
    void listen() override;
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

    std::set<qint64> pending_;
    std::vector<amicus::store::DraftSummary> drafts_;
};
