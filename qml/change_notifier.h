// ChangeNotifier: the one place that says what changed in the vault, so that every list showing
// it reads it again by itself (QML never tells a list to reload). Whoever changes a draft or the
// outbox on the UI thread announces it here; the sender's reports from its own thread arrive
// through SyncService::outboxChanged, which AppServices forwards.
#pragma once

#include <QObject>

namespace amicus::app {

class ChangeNotifier : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

signals:
    // A draft was made, saved (any field, file or choice), copied or finalized.
    void draftChanged(qint64 draftId);
    // A draft is gone, with its outbox entry if it had one.
    void draftDeleted(qint64 draftId);
    // An outbox entry was added, changed state or removed.
    void outboxChanged();
};

} // namespace amicus::app
