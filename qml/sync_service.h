// SyncService: sends the outbox in the background while the vault is unlocked. It runs the
// core OutboxEngine on a thread of its own, with a store connection of its own, and feeds it
// the network status and the user's sending policy.
#pragma once

#include "connectivity.h"
#include "sync/outbox.h"

#include <QObject>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace amicus::sync {
class OutboxEngine;
}

namespace amicus::app {

class SyncService : public QObject {
    Q_OBJECT

public:
    explicit SyncService(QObject* parent = nullptr);
    ~SyncService() override;

    // The one service of this process (the outbox screen talks to it).
    static SyncService* instance();

    // Starts sending whenever a session is open; stops before it locks.
    void followSession();
    void setConnectivity(platform::Connectivity* connectivity);
    void setPolicy(sync::SyncPolicy policy);
    // The user's "send now": overrides the manual policy and the backoff (not being offline).
    void sendNow();
    // A new entry is in the outbox: look at it now.
    void outboxAdded() { wake(); }
    // What the engine is told, for the outbox screen's "why it waits".
    sync::NetworkState networkState() const;
    sync::SyncPolicy policy() const;
    // Sends every call to this endpoint and checks receipts with this key instead of the
    // catalog's (tests, and a secretariat's own test endpoint).
    void overrideEndpoint(std::string creationUrl, std::array<std::uint8_t, 32> receiptKey);

signals:
    // An outbox entry changed state (it is saved already); read the outbox again.
    void outboxChanged();
    // Bytes the server holds of entry `draftId`, its size, and the current rate.
    void progress(qint64 draftId, double offset, double size, double bytesPerSecond);

private:
    void start();
    void stop();
    void run();
    void wake();

    std::thread worker_;
    mutable std::mutex mutex_;
    std::condition_variable wakeUp_;
    bool stopping_ = false;
    bool userRequested_ = false;
    bool lookAgain_ = false; // something changed: run the engine again without waiting
    sync::OutboxEngine* engine_ = nullptr; // guarded by mutex_; lives on the worker's stack
    sync::SyncPolicy policy_ = sync::SyncPolicy::AnyNetwork;
    sync::NetworkState network_;
    std::optional<std::string> creationUrl_;
    std::optional<std::array<std::uint8_t, 32>> receiptKey_;
};

} // namespace amicus::app
