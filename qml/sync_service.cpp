#include "sync_service.h"

#include "app_context.h"
#include "submission/draft_finalizer.h"
#include "sync/outbox_sender.h"
#include "sync/tus_upload.h"

#include <algorithm>
#include <chrono>

namespace amicus::app {

namespace {

// How long the worker sleeps at most between looks at the outbox, even with nothing due.
constexpr auto kIdleWake = std::chrono::minutes(1);

// Whether `repository` holds entries that a later run, given time and a network, would send.
bool moreToSend(sync::OutboxRepository& repository)
{
    auto records = repository.list();
    if (!records) {
        return true; // unknown: keep asking for time rather than strand a submission
    }
    return std::any_of(records->begin(), records->end(), [](const sync::OutboxRecord& record) {
        const bool unsent = record.state == sync::OutboxState::Queued ||
                            record.state == sync::OutboxState::Waiting ||
                            record.state == sync::OutboxState::Uploading;
        return unsent && record.waitReason != sync::WaitReason::Manual &&
               record.waitReason != sync::WaitReason::CallClosed;
    });
}

// Forwards the engine's reports (on the worker thread) to the service's thread.
class ForwardingObserver : public sync::OutboxObserver {
public:
    explicit ForwardingObserver(SyncService* service) : service_(service) {}

    void onStateChanged(const sync::OutboxRecord&) override
    {
        QMetaObject::invokeMethod(service_, &SyncService::outboxChanged, Qt::QueuedConnection);
    }
    void onProgress(std::int64_t id, const sync::TransferProgress& progress) override
    {
        QMetaObject::invokeMethod(
            service_,
            [service = service_, id, progress] {
                emit service->progress(id, static_cast<double>(progress.offset),
                                       static_cast<double>(progress.size), progress.bytesPerSecond);
            },
            Qt::QueuedConnection);
    }

private:
    SyncService* service_;
};

} // namespace

SyncService::SyncService(AppContext& context, QObject* parent) : QObject(parent), context_(context)
{
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::followSession()
{
    AppContext& context = context_;
    connect(&context, &AppContext::aboutToCloseSession, this, &SyncService::sessionLocking);
    connect(&context, &AppContext::aboutToLeaveDataDirectory, this, &SyncService::stop);
    // A refresh may close a call: the sender holds its entries back from its next run.
    connect(&context, &AppContext::catalogChanged, this, [this] {
        std::lock_guard lock(mutex_);
        if (auto catalog = context_.catalog()) {
            newCatalog_ = std::move(catalog);
        }
        lookAgain_ = true;
        wakeUp_.notify_all();
    });
    connect(&context, &AppContext::sessionChanged, this, [this] {
        if (context_.session()) {
            sessionOpened();
        }
        // Locked: the worker goes on with what it holds (sessionLocking detached the sealer).
    });
    if (context.session()) {
        sessionOpened();
    }
}

void SyncService::sessionOpened()
{
    store::VaultSession* session = context_.session();
    sealer_.attach(session->vault().fieldSealer());
    if (worker_.joinable()) {
        std::lock_guard lock(mutex_);
        unlockedAgain_ = true;
        lookAgain_ = true;
        wakeUp_.notify_all();
        return;
    }
    start();
}

void SyncService::sessionLocking()
{
    // Before the keys are wiped: a seal under way finishes first, later ones fail with Locked
    // and the worker's store writes notes to the vault recipient instead.
    sealer_.detach();
}

void SyncService::setConnectivity(platform::Connectivity* connectivity)
{
    const auto apply = [this](platform::NetworkStatus status) {
        std::lock_guard lock(mutex_);
        network_ = {status.reachable, status.metered};
        if (engine_) {
            engine_->setNetworkState(network_);
        }
        lookAgain_ = true;
        wakeUp_.notify_all();
    };
    connect(connectivity, &platform::Connectivity::statusChanged, this, apply);
    apply(connectivity->status());
}

void SyncService::setPolicy(sync::SyncPolicy policy)
{
    std::lock_guard lock(mutex_);
    policy_ = policy;
    if (engine_) {
        engine_->setPolicy(policy);
    }
    lookAgain_ = true;
    wakeUp_.notify_all();
}

void SyncService::sendNow()
{
    std::lock_guard lock(mutex_);
    userRequested_ = true;
    wakeUp_.notify_all();
}

void SyncService::retryNow(qint64 draftId)
{
    std::lock_guard lock(mutex_);
    retries_.push_back(draftId);
    userRequested_ = true;
    wakeUp_.notify_all();
}

void SyncService::removeFromOutbox(qint64 draftId)
{
    std::lock_guard lock(mutex_);
    removals_.push_back(draftId);
    if (engine_) {
        engine_->holdBack(draftId);
    }
    lookAgain_ = true;
    wakeUp_.notify_all();
}

void SyncService::withdraw(qint64 draftId, const std::string& submissionId,
                           const std::string& callId, const std::optional<std::string>& uploadUrl)
{
    std::lock_guard lock(mutex_);
    if (withdrawing_) {
        // Waits for a save of it under way; none follows.
        withdrawing_->withdraw(submissionId);
    }
    if (engine_) {
        engine_->cancelTransferOf(draftId);
    }
    if (uploadUrl) {
        terminations_.emplace_back(callId, *uploadUrl);
    }
    lookAgain_ = true;
    wakeUp_.notify_all();
}

void SyncService::unwithdraw(const std::string& submissionId,
                             const std::optional<std::string>& uploadUrl)
{
    std::lock_guard lock(mutex_);
    if (withdrawing_) {
        withdrawing_->restore(submissionId);
    }
    if (uploadUrl) {
        std::erase_if(terminations_,
                      [&](const auto& termination) { return termination.second == *uploadUrl; });
    }
    lookAgain_ = true;
    wakeUp_.notify_all();
}

sync::NetworkState SyncService::networkState() const
{
    std::lock_guard lock(mutex_);
    return network_;
}

sync::SyncPolicy SyncService::policy() const
{
    std::lock_guard lock(mutex_);
    return policy_;
}

void SyncService::wake()
{
    std::lock_guard lock(mutex_);
    lookAgain_ = true;
    wakeUp_.notify_all();
}

void SyncService::overrideEndpoint(std::string creationUrl, std::array<std::uint8_t, 32> receiptKey)
{
    std::lock_guard lock(mutex_);
    creationUrl_ = std::move(creationUrl);
    receiptKey_ = receiptKey;
}

void SyncService::start()
{
    if (worker_.joinable()) {
        wake();
        return;
    }
    AppContext& context = context_;
    store::VaultSession* session = context.session();
    if (!session) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
        newCatalog_.reset(); // the worker starts with the current one
    }
    worker_ = std::thread(
        [this, dataDir = context.dataDir(), catalog = context.catalog(),
         recipient = session->vault().recipient()] { run(dataDir, recipient, catalog); });
}

void SyncService::stop()
{
    if (!worker_.joinable()) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        if (engine_) {
            engine_->cancel();
        }
        wakeUp_.notify_all();
    }
    worker_.join();
    sealer_.detach();
}

void SyncService::run(const std::filesystem::path& dataDir,
                      const crypto::X25519Recipient& vaultRecipient,
                      const std::shared_ptr<const calls::Catalog>& catalog)
{
    // The sender's store connection is its own and outlives the session: nothing in it points
    // into the vault, which locking destroys (sealer_ is detached first).
    std::shared_ptr<const calls::Catalog> current = catalog; // what the endpoints read
    sync::EndpointOverrides overrides;
    {
        std::lock_guard lock(mutex_);
        overrides.creationUrl = creationUrl_;
        overrides.receiptKey = receiptKey_;
    }
    auto sender = sync::OutboxSender::open(dataDir, sealer_, vaultRecipient, *current, overrides);
    if (!sender) {
        return;
    }
    sync::OutboxEngine& engine = (*sender)->engine();
    sync::CatalogEndpoints& endpoints = (*sender)->endpoints();
    sync::WithdrawingRepository& repository = (*sender)->repository();
    ForwardingObserver observer(this);
    engine.setObserver(&observer);
    {
        std::lock_guard lock(mutex_);
        engine.setPolicy(policy_);
        engine.setNetworkState(network_);
        engine_ = &engine;
        withdrawing_ = &repository;
    }
    for (;;) {
        bool userRequested = false;
        bool unlockedAgain = false;
        std::vector<qint64> retries;
        std::vector<qint64> removals;
        {
            std::lock_guard lock(mutex_);
            if (stopping_) {
                break;
            }
            userRequested = std::exchange(userRequested_, false);
            unlockedAgain = std::exchange(unlockedAgain_, false);
            retries.swap(retries_);
            removals.swap(removals_);
            if (newCatalog_) {
                current = std::exchange(newCatalog_, nullptr);
                endpoints.useCatalog(*current);
            }
        }
        // Between runs, so no transfer of these entries is under way. The engine tells the
        // observer (the outbox screen reads again); a failure leaves the entry as it was.
        for (const qint64 id : removals) {
            if (!engine.remove(id)) {
                // Still held back (never sent); tried again at the next wake.
                std::lock_guard lock(mutex_);
                removals_.push_back(id);
            }
        }
        for (const qint64 id : retries) {
            (void)engine.retry(id);
        }
        terminateWithdrawnUploads(endpoints);
        const auto next = engine.runDue(userRequested);
        QMetaObject::invokeMethod(
            this, [this, more = moreToSend(repository)] { emit passFinished(more); },
            Qt::QueuedConnection);
        if (unlockedAgain) {
            // What was saved while locked is sealed again now: the outbox screen reads it.
            QMetaObject::invokeMethod(this, &SyncService::outboxChanged, Qt::QueuedConnection);
        }
        std::unique_lock lock(mutex_);
        if (stopping_) {
            break;
        }
        auto deadline = std::chrono::system_clock::now() + kIdleWake;
        if (next && next->has_value()) {
            deadline = std::min(
                deadline, std::chrono::system_clock::time_point(std::chrono::milliseconds(**next)));
        }
        wakeUp_.wait_until(lock, deadline, [this, &engine] {
            return stopping_ || userRequested_ || lookAgain_ || !removals_.empty() ||
                   engine.wakeRequested();
        });
        lookAgain_ = false;
    }
    std::lock_guard lock(mutex_);
    engine_ = nullptr;
    withdrawing_ = nullptr;
}

void SyncService::terminateWithdrawnUploads(const sync::EndpointDirectory& endpoints)
{
    std::vector<std::pair<std::string, std::string>> pending;
    bool online = false;
    {
        std::lock_guard lock(mutex_);
        pending.swap(terminations_);
        online = network_.reachable;
    }
    std::vector<std::pair<std::string, std::string>> left;
    for (auto& [callId, uploadUrl] : pending) {
        const auto endpoint = endpoints.endpointFor(callId);
        if (!endpoint) {
            continue; // the call is gone; the endpoint expires the partial upload itself
        }
        if (online) {
            sync::TusUpload tus(endpoint->tus);
            auto terminated = tus.terminate(uploadUrl);
            // Gone: the endpoint no longer knows it (expired, or done already).
            if (terminated || terminated.error().code == sync::SyncErrorCode::Gone ||
                !sync::isTransient(terminated.error().code)) {
                continue;
            }
        }
        left.emplace_back(std::move(callId), std::move(uploadUrl));
    }
    if (!left.empty()) {
        // Tried again at the next run (connectivity coming back starts one); kept in memory
        // only: an unfinished upload the endpoint never hears of again expires there.
        std::lock_guard lock(mutex_);
        terminations_.insert(terminations_.end(), left.begin(), left.end());
    }
}

} // namespace amicus::app
