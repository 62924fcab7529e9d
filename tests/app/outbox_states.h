// OutboxStates: a test-only QML singleton (AmicusTest) that puts a finalized draft's outbox entry
// in the state the sender would have saved (part uploaded, delivered...) through the real store,
// for the screens that must say what deleting it would do.
#pragma once

#include <QObject>
#include <QString>

namespace amicus::app {
class AppContext;
}

class OutboxStates : public QObject {
    Q_OBJECT

public:
    explicit OutboxStates(amicus::app::AppContext& context) : context_(context) {}

    // Moves draft `draftId`'s outbox entry to `state` ("waiting", "uploading", "delivered"...)
    // with `uploadedBytes` on the endpoint (an upload URL too when some are); false on failure.
    Q_INVOKABLE bool set(int draftId, const QString& state, double uploadedBytes);
    // Takes draft `draftId`'s entry out of the outbox through the store, as "Remove from the
    // outbox" does in the end (the draft stays finalized); false on failure.
    Q_INVOKABLE bool remove(int draftId);
    // The state name of draft `draftId`'s outbox entry, or "" when it has none.
    Q_INVOKABLE QString stateOf(int draftId) const;
    // The envelope's size of draft `draftId`'s outbox entry (0 when none).
    Q_INVOKABLE double envelopeSize(int draftId) const;
    // How many envelope files the data directory's outbox holds.
    Q_INVOKABLE int envelopeCount() const;

private:
    amicus::app::AppContext& context_;
};
