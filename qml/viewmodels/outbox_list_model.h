// OutboxListModel: the submissions on their way out, for the outbox screen — state, progress
// and rate while uploading, why one waits, the receipt once delivered.
#pragma once

#include "problem.h"
#include "services_list_model.h"
#include "store/vault_store.h"
#include "sync/outbox_advice.h"

#include <QHash>
#include <QString>
#include <map>
#include <vector>

class OutboxListModel : public ServicesListModel {
    Q_OBJECT
    QML_ELEMENT

    // Entries not delivered yet and not held back for a closed call: what "Send now" acts on.
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countChanged)
    // Why the last makeEditableCopy failed, or Problem::None.
    Q_PROPERTY(Problem::Code copyProblem READ copyProblem NOTIFY copyProblemChanged)

public:
    enum class State { Queued, Waiting, Uploading, Delivered, NeedsAttention };
    Q_ENUM(State)

    // Why an entry is not moving, as the screen explains it: the core's HoldUp
    // (sync/outbox_advice.h, which says what each means), value for value.
    enum class Reason {
        None = static_cast<int>(amicus::sync::HoldUp::None),
        Offline = static_cast<int>(amicus::sync::HoldUp::Offline),
        WaitingForWiFi = static_cast<int>(amicus::sync::HoldUp::WaitingForWiFi),
        WaitingForUser = static_cast<int>(amicus::sync::HoldUp::WaitingForUser),
        RetryLater = static_cast<int>(amicus::sync::HoldUp::RetryLater),
        EndpointBusy = static_cast<int>(amicus::sync::HoldUp::EndpointBusy),
        TooLarge = static_cast<int>(amicus::sync::HoldUp::TooLarge),
        Refused = static_cast<int>(amicus::sync::HoldUp::Refused),
        EndpointUnsafe = static_cast<int>(amicus::sync::HoldUp::EndpointUnsafe),
        CaptivePortal = static_cast<int>(amicus::sync::HoldUp::CaptivePortal),
        ReceiptInvalid = static_cast<int>(amicus::sync::HoldUp::ReceiptInvalid),
        CallWithdrawn = static_cast<int>(amicus::sync::HoldUp::CallWithdrawn),
        LocalFileDamaged = static_cast<int>(amicus::sync::HoldUp::LocalFileDamaged),
        CallClosed = static_cast<int>(amicus::sync::HoldUp::CallClosed),
    };
    Q_ENUM(Reason)

    enum Role {
        DraftIdRole = Qt::UserRole + 1,
        TitleRole,
        StateRole,
        ReasonRole,
        NextTryRole,       // "14:05" in the user's language, or empty
        FractionRole,      // 0..1 of the envelope the server holds
        RateRole,          // "1.2 MB/s" while uploading, else empty
        ReceivedAtRole,    // the receipt's time in the user's language, once delivered
        ReceiptHashRole,   // the first 16 hex digits of the SHA-256 the secretariat received
        SizeRole,          // the envelope's size in the user's language
        SubmissionIdRole,  // what the secretariat knows the submission by
        IssuingBodyRole,   // who issued the call, in the user's language (empty if withdrawn)
        UploadStartedRole, // true when the server already holds some of it
        CopyIdRole,        // the editable copy made from this entry in this session, or -1
        // What the user can do about an entry (the core's OutboxActions):
        CanTryAgainRole,  // "Try again now": a new attempt may go through
        CanCopyRole,      // "Make an editable copy": only a changed copy can go
        CanOpenDraftRole, // "Open the draft": it cannot be sent at all, the draft stays
        CanRemoveRole,    // "Remove from the outbox": it needs the user
        CallTitleRole,    // the call's title in the user's language (empty if withdrawn)
        CallClosedRole,   // a refreshed catalog closed the call while this entry waits
        ContactEmailRole, // the secretariat's address from the catalog, or empty
    };
    Q_ENUM(Role)

    // Made by QML: the services are its engine's (classBegin).
    explicit OutboxListModel(QObject* parent = nullptr);
    explicit OutboxListModel(amicus::app::AppServices& services, QObject* parent = nullptr);

    int count() const override { return static_cast<int>(rows_.size()); }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the outbox again. It does so by itself when the session opens or closes and when
    // the ChangeNotifier reports an outbox change (the sender's included).
    void refresh();
    // The user's "send now" for everything waiting.
    Q_INVOKABLE void sendNow();
    // "Try again now" for one entry (one that needs attention, or waits for its next try):
    // the sender queues it again and sends at once. False when nothing sends (no sender).
    Q_INVOKABLE bool tryAgain(int draftId);
    // "Remove from the outbox": the sender takes the entry and its encrypted package off this
    // device; the draft stays in Drafts as it is. False when nothing sends (no sender).
    Q_INVOKABLE bool remove(int draftId);
    // "Make an editable copy": a new draft in Drafts with everything the submission said, to
    // change and send again (VaultStore::copyDraftAsNew). Returns its id, or -1 (and
    // copyProblem says why) when it could not be made.
    Q_INVOKABLE int makeEditableCopy(int draftId);

    int pendingCount() const;
    Problem::Code copyProblem() const { return copyProblem_; }

signals:
    void copyProblemChanged();

private:
    struct Row {
        amicus::store::OutboxEntry entry;
        QString title;
        std::string submissionId;
        std::string callId;
        double bytesPerSecond = 0;
        std::uint64_t liveOffset = 0;
    };
    void listen() override;
    amicus::sync::OutboxAdvice adviceOf(const Row& row) const;
    // The catalog the app holds marks the row's call closed.
    bool callClosed(const Row& row) const;
    void onProgress(qint64 draftId, double offset, double size, double bytesPerSecond);

    std::vector<Row> rows_;
    // Copies made from entries in this session, by the entry's draft id (they stay in Drafts).
    std::map<std::int64_t, std::int64_t> copies_;
    Problem::Code copyProblem_ = Problem::None;
};
