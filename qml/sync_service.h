// SyncService: sends the outbox in the background. It runs the core OutboxEngine on a thread
// of its own, with a store connection of its own, and feeds it the network status and the
// user's sending policy. It starts at the first unlock and goes on delivering what is in the
// outbox after the vault locks (sync/README.md, "Sending while locked"): its store seals
// through a DetachableSealer, detached before the keys are wiped and attached again at unlock.
#pragma once

#include "calls/catalog.h"
#include "connectivity.h"
#include "crypto/age_keys.h"
#include "sync/detachable_sealer.h"
#include "sync/outbox.h"

#include <QObject>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace amicus::sync {
class OutboxEngine;
class WithdrawingRepository;
} // namespace amicus::sync

namespace amicus::app {

class AppContext;

class SyncService : public QObject {
    Q_OBJECT

public:
    // Sends what the sessions of `context` put in its data directory's outbox.
    explicit SyncService(AppContext& context, QObject* parent = nullptr);
    ~SyncService() override;

    // Starts sending when a session opens and goes on while locked; stops before the data
    // directory is erased or left.
    void followSession();
    void setConnectivity(platform::Connectivity* connectivity);
    void setPolicy(sync::SyncPolicy policy);
    // The user's "send now": overrides the manual policy and the backoff (not being offline).
    void sendNow();
    // A new entry is in the outbox: look at it now.
    void outboxAdded() { wake(); }
    // The user's "try again now" for entry `draftId`: the sending thread queues it again
    // (OutboxEngine::retry: one that needs attention, or one waiting for its backoff) and
    // sends at once, as "send now" does. outboxChanged follows.
    void retryNow(qint64 draftId);
    // Takes entry `draftId` out of the outbox on the sending thread (OutboxEngine::remove:
    // the entry and its envelope go, the draft stays); a transfer of it under way is stopped
    // first. outboxChanged follows.
    void removeFromOutbox(qint64 draftId);
    // The user deletes draft `draftId` (submission `submissionId`) while it is in the outbox.
    // When this returns, the sending thread has stopped any transfer of it, will never save
    // or send it again, and is saving nothing of it, so its rows can be deleted at once. An
    // upload it had started (`uploadUrl`, to the endpoint of `callId`) is terminated on the
    // endpoint when the network next allows, so the endpoint keeps none of its bytes.
    void withdraw(qint64 draftId, const std::string& submissionId, const std::string& callId,
                  const std::optional<std::string>& uploadUrl);
    // The deletion withdraw() prepared failed (the draft is still there): the submission is
    // sent again as before, and its upload is not terminated.
    void unwithdraw(const std::string& submissionId, const std::optional<std::string>& uploadUrl);
    // What the engine is told, for the outbox screen's "why it waits".
    sync::NetworkState networkState() const;
    sync::SyncPolicy policy() const;
    // Sends every call to this endpoint and checks receipts with this key instead of the
    // catalog's (tests, and a secretariat's own test endpoint).
    void overrideEndpoint(std::string creationUrl, std::array<std::uint8_t, 32> receiptKey);
    // Whether the sending thread runs (it does while locked once a session was open).
    [[nodiscard]] bool running() const { return worker_.joinable(); }

signals:
    // An outbox entry changed state (it is saved already); read the outbox again.
    void outboxChanged();
    // Bytes the server holds of entry `draftId`, its size, and the current rate.
    void progress(qint64 draftId, double offset, double size, double bytesPerSecond);
    // The sender went through the outbox once; `moreToSend` when entries still wait for a
    // network, a better one or their next try (not those held back by the user's manual
    // sending or a closed call: nothing but the user or a catalog lets those go).
    void passFinished(bool moreToSend);

private:
    void start();
    void stop();
    void run(const std::filesystem::path& dataDir, const crypto::X25519Recipient& vaultRecipient,
             const std::shared_ptr<const calls::Catalog>& catalog);
    void wake();
    // On the sending thread: asks the endpoints to delete the partial uploads of withdrawn
    // submissions (tus termination); what fails for a transient reason waits for the next run.
    void terminateWithdrawnUploads(const sync::EndpointDirectory& endpoints);
    void sessionOpened();
    void sessionLocking();

    AppContext& context_;
    std::thread worker_;
    // The worker's store seals through this: attached to the open session's sealer, detached
    // while locked (so the store saves what it would seal as notes to the vault recipient).
    sync::DetachableSealer sealer_;
    mutable std::mutex mutex_;
    std::condition_variable wakeUp_;
    bool stopping_ = false;
    bool userRequested_ = false;
    bool lookAgain_ = false;       // something changed: run the engine again without waiting
    bool unlockedAgain_ = false;   // the vault opened again: tell the outbox screen afterwards
    std::vector<qint64> retries_;  // the user's "try again now", for the sending thread
    std::vector<qint64> removals_; // the user's "remove from the outbox", likewise
    // The engine and outbox of the OutboxSender run() opens on the sending thread: guarded by
    // mutex_, null outside run().
    sync::OutboxEngine* engine_ = nullptr;
    sync::WithdrawingRepository* withdrawing_ = nullptr;
    // Uploads of withdrawn submissions to terminate on their endpoint: {call id, upload URL}.
    std::vector<std::pair<std::string, std::string>> terminations_; // guarded by mutex_
    sync::SyncPolicy policy_ = sync::SyncPolicy::AnyNetwork;
    sync::NetworkState network_;
    std::optional<std::string> creationUrl_;
    std::optional<std::array<std::uint8_t, 32>> receiptKey_;
    // A refreshed catalog for the sending thread (it may close a call): guarded by mutex_.
    std::shared_ptr<const calls::Catalog> newCatalog_;
};

} // namespace amicus::app
