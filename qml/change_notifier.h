// ChangeNotifier: the one place that says what changed in the vault, so that every list showing
// it reads it again by itself (QML never tells a list to reload). The store announces what each
// of the session's connections committed (store::ChangeListener; AppServices gives it the
// session), on the UI thread or on a worker's: the signals reach receivers on the UI thread
// queued then. The sender's reports from its own connection arrive through
// SyncService::outboxChanged, which AppServices forwards as senderReported.
#pragma once

#include "store/store_changes.h"

#include <QObject>

namespace amicus::app {

class ChangeNotifier : public QObject, public store::ChangeListener {
    Q_OBJECT

public:
    using QObject::QObject;

    // From any thread (store::ChangeListener).
    void changed(const store::StoreChange& change) override;

signals:
    // A draft was made, saved (any field, file or choice), copied or finalized.
    void draftChanged(qint64 draftId);
    // A draft is gone, with its outbox entry if it had one.
    void draftDeleted(qint64 draftId);
    // The outbox entry of draft `draftId` was added, changed or removed.
    void outboxEntryChanged(qint64 draftId);
    // The sender saved what it did (a state, an offset, a receipt) on its own connection.
    void senderReported();
    // Anything in the outbox may have changed: any of the three above but draftChanged.
    void outboxChanged();
};

} // namespace amicus::app
