// SubmissionFinalizer: finalizing a draft into the outbox off the UI thread (packing and
// encrypting a large draft to the secretariat takes seconds). finalizeDraft opens a store
// connection of its own on the worker; the session's keys outlive the work, because a lock
// cancels it and waits for it first (aboutToCloseSession). Once the envelope is in the outbox it
// wakes the sender and announces the change, whether or not the screen that asked is still there.
#pragma once

#include "calls/catalog.h"
#include "common/result.h"
#include "submission/draft_finalizer.h"

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <functional>

namespace amicus::app {

class AppServices;

class SubmissionFinalizer : public QObject {
    Q_OBJECT

public:
    // What became of a finalize: nothing (it is in the outbox) or why not.
    using Outcome = std::optional<submission::FinalizeError>;

    explicit SubmissionFinalizer(AppServices& services, QObject* parent = nullptr);
    ~SubmissionFinalizer() override;

    // Finalizes draft `draftId` of the open session for `call`, encrypted to its recipients;
    // `done` follows on this thread unless `receiver` is gone by then. False (and no `done`)
    // when the vault is locked or a finalize is under way.
    bool start(std::int64_t draftId, const calls::Call& call, QObject* receiver,
               std::function<void(const Outcome&)> done);
    [[nodiscard]] bool busy() const { return busy_; }

private:
    void cancelAndWait();

    AppServices& services_;
    bool busy_ = false;
    std::atomic<bool> cancelled_{false};
    QThreadPool worker_;
};

} // namespace amicus::app
