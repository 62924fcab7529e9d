// Unit tests of the outbox engine's scheduling: backoff with full jitter (injected RNG and
// clock), gates by network state and policy, errors that need the user, and what the user can
// do about them: try again now, or take the entry out of the outbox.
#include "calls/builtin_catalog.h"
#include "store/vault_session.h"
#include "sync/catalog_endpoints.h"
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"
#include "sync/store_outbox_repository.h"
#include "sync/withdrawing_repository.h"
#include "sync_test_support.h"

#include <gtest/gtest.h>
#include <limits>
#include <random>

namespace amicus::sync {
namespace {

using namespace amicus::sync::testing;

class NoCalls : public EndpointDirectory {
public:
    std::optional<CallEndpoint> endpointFor(const std::string&) const override
    {
        return std::nullopt;
    }
};

TEST(OutboxEngine, BackoffIsFullJitterUnderAnExponentialCeiling)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    NoCalls calls;
    std::uint64_t next = 0;
    OutboxEngineOptions options;
    options.backoffBase = std::chrono::milliseconds(1000);
    options.backoffCap = std::chrono::milliseconds(60'000);
    OutboxEngine engine(
        repository, calls, [] { return 0; }, [&] { return next; }, options);
    // The largest random value maps to the ceiling: base * 2^(n-1), capped.
    next = std::numeric_limits<std::uint64_t>::max();
    const std::vector<std::int64_t> ceilings = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
    for (std::size_t n = 1; n <= ceilings.size(); ++n) {
        const auto ceiling = ceilings[n - 1];
        next = static_cast<std::uint64_t>(ceiling); // value % (ceiling + 1) == ceiling
        EXPECT_EQ(engine.backoffDelayMs(static_cast<int>(n)), ceiling) << n;
        next = static_cast<std::uint64_t>(ceiling) + 1; // wraps to 0: full jitter reaches 0
        EXPECT_EQ(engine.backoffDelayMs(static_cast<int>(n)), 0) << n;
    }
    EXPECT_EQ(engine.backoffDelayMs(200), 0); // huge attempt counts do not overflow
    next = 60'000;
    EXPECT_EQ(engine.backoffDelayMs(200), 60'000);
}

TEST(OutboxEngine, SpreadOfJitterCoversTheWholeRange)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    NoCalls calls;
    std::mt19937_64 rng(42);
    OutboxEngineOptions options;
    options.backoffBase = std::chrono::milliseconds(1000);
    OutboxEngine engine(
        repository, calls, [] { return 0; }, [&] { return rng(); }, options);
    std::int64_t low = 1 << 30, high = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto delay = engine.backoffDelayMs(3);
        ASSERT_GE(delay, 0);
        ASSERT_LE(delay, 4000);
        low = std::min(low, delay);
        high = std::max(high, delay);
    }
    EXPECT_LT(low, 200);
    EXPECT_GT(high, 3800);
}

TEST(OutboxEngine, AnUnknownCallOrAMissingEnvelopeNeedsAttention)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    NoCalls calls;
    OutboxEngine engine(
        repository, calls, [] { return 1000; }, [] { return 0u; });
    OutboxRecord record;
    record.id = 1;
    record.submissionId = "sub-unknown-call";
    record.callId = "withdrawn";
    record.envelopePath = (dir.path() / "missing.age").string();
    ASSERT_TRUE(engine.enqueue(record).ok());
    ASSERT_TRUE(engine.runDue().ok());
    auto records = repository.list();
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->front().state, OutboxState::NeedsAttention);
    EXPECT_EQ(records->front().lastError, SyncErrorCode::CallWithdrawn);

    class OneCall : public EndpointDirectory {
    public:
        std::optional<CallEndpoint> endpointFor(const std::string&) const override
        {
            return CallEndpoint{};
        }
    } oneCall;
    FileOutboxRepository repository2((dir.path() / "outbox2.json").string());
    OutboxEngine engine2(
        repository2, oneCall, [] { return 1000; }, [] { return 0u; });
    ASSERT_TRUE(engine2.enqueue(record).ok());
    ASSERT_TRUE(engine2.runDue().ok());
    records = repository2.list();
    EXPECT_EQ(records->front().state, OutboxState::NeedsAttention);
    EXPECT_EQ(records->front().lastError, SyncErrorCode::LocalIo);
}

TEST(OutboxEngine, BackoffEntriesWaitForTheirTimeUnlessWokenOrAsked)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    NoCalls calls;
    std::int64_t now = 10'000;
    OutboxEngine engine(
        repository, calls, [&] { return now; }, [] { return 0u; });
    OutboxRecord record;
    record.id = 1;
    record.submissionId = "sub-backoff-01";
    record.callId = "c";
    record.state = OutboxState::Waiting;
    record.waitReason = WaitReason::Backoff;
    record.nextTryAtMs = 20'000;
    ASSERT_TRUE(repository.save(record).ok());
    auto next = engine.runDue();
    ASSERT_TRUE(next.ok());
    ASSERT_TRUE(next->has_value());
    EXPECT_EQ(**next, 20'000);
    EXPECT_EQ(repository.list()->front().state, OutboxState::Waiting) << "not due yet";
    // Connectivity returning makes it due at once (here: it then fails on the unknown call).
    engine.setNetworkState({false, false});
    engine.setNetworkState({true, false});
    EXPECT_TRUE(engine.wakeRequested());
    ASSERT_TRUE(engine.runDue().ok());
    EXPECT_FALSE(engine.wakeRequested());
    EXPECT_EQ(repository.list()->front().state, OutboxState::NeedsAttention);
}

// Counts what the engine reports.
class CountingObserver : public OutboxObserver {
public:
    void onStateChanged(const OutboxRecord&) override { ++changes; }
    void onProgress(std::int64_t, const TransferProgress&) override {}
    int changes = 0;
};

// A refreshed catalog closes the seed call while its submission waits for its next try: the
// engine holds it back at once (reason CallClosed, kept in the real store), sends nothing even
// on "send now" or "try again now", keeps its envelope and upload URL, and sends it again as
// soon as a catalog opens the call (here it then meets a loopback port nobody listens on).
TEST(OutboxEngine, AnEntryOfAClosedCallIsHeldBackUntilTheCallOpensAgain)
{
    TempDir dir;
    crypto::VaultOptions fast;
    fast.scryptWorkFactor = 10;
    auto session = store::VaultSession::create(dir.path() / "app", "passphrase for a test", fast);
    ASSERT_TRUE(session.ok()) << session.error().detail;
    auto& store = (*session)->store();
    calls::Catalog catalog = calls::builtinCatalog();
    ASSERT_EQ(catalog.calls.front().status, calls::CallStatus::Closed) << "the seed call";
    const std::string callId = catalog.calls.front().id;
    auto draftId = store.drafts().create(callId);
    ASSERT_TRUE(draftId.ok());
    const auto outboxDir = dir.path() / "app" / "outbox";
    std::filesystem::create_directories(outboxDir);
    writeRandomFile(outboxDir / "e.age", 8192, 5);
    store::OutboxEntry entry;
    entry.draftId = *draftId;
    entry.envelopeName = "e.age";
    entry.envelopeSize = 8192;
    ASSERT_TRUE(store.outbox().put(entry).ok());
    StoreOutboxRepository repository(store, outboxDir);
    auto record = repository.list()->front();
    record.state = OutboxState::Waiting;
    record.waitReason = WaitReason::Backoff;
    record.nextTryAtMs = 999'999'999;
    record.uploadUrl = "http://127.0.0.1:9/files/abc";
    record.lastError = SyncErrorCode::Offline;
    ASSERT_TRUE(repository.save(record).ok());

    CatalogEndpoints endpoints(catalog);
    endpoints.overrideCreationUrl("http://127.0.0.1:9/files");
    EXPECT_TRUE(endpoints.isClosed(callId));
    EXPECT_FALSE(endpoints.isClosed("no-such-call"));
    OutboxEngine engine(
        repository, endpoints, [] { return 1000; }, [] { return 0u; });
    CountingObserver observer;
    engine.setObserver(&observer);
    ASSERT_TRUE(engine.runDue(true).ok());
    auto held = repository.list()->front();
    EXPECT_EQ(held.state, OutboxState::Waiting);
    EXPECT_EQ(held.waitReason, WaitReason::CallClosed);
    EXPECT_EQ(held.nextTryAtMs, std::nullopt);
    EXPECT_EQ(held.uploadUrl, record.uploadUrl);
    EXPECT_EQ(held.lastError, SyncErrorCode::Offline) << "not tried again";
    EXPECT_EQ(store.outbox().entry(*draftId)->waitReason,
              std::optional<std::string>("call_closed"));
    EXPECT_EQ(observer.changes, 1);
    // Held: neither another run nor "try again now" sends it.
    ASSERT_TRUE(engine.runDue(true).ok());
    EXPECT_EQ(observer.changes, 1) << "nothing new to save";
    ASSERT_TRUE(*engine.retry(*draftId));
    ASSERT_TRUE(engine.runDue(true).ok());
    EXPECT_EQ(repository.list()->front().waitReason, WaitReason::CallClosed);
    EXPECT_EQ(engine.bytesSent(), 0u);
    EXPECT_TRUE(std::filesystem::exists(outboxDir / "e.age"));
    EXPECT_TRUE(store.drafts().get(*draftId).ok()) << "the draft stays";

    // A refresh opens the call again: the next run tries it at once.
    calls::Catalog reopened = catalog;
    reopened.calls.front().status = calls::CallStatus::Open;
    endpoints.useCatalog(reopened);
    EXPECT_FALSE(endpoints.isClosed(callId));
    ASSERT_TRUE(engine.runDue().ok());
    const auto tried = repository.list()->front();
    EXPECT_EQ(tried.state, OutboxState::Waiting);
    EXPECT_EQ(tried.waitReason, WaitReason::Backoff);
    EXPECT_EQ(tried.lastError, SyncErrorCode::Offline);
    EXPECT_EQ(tried.uploadUrl, record.uploadUrl) << "the same upload is resumed";

    // amicusctl to a test endpoint sends to the closed seed call.
    CatalogEndpoints forTests(catalog);
    forTests.sendToClosedCalls();
    EXPECT_FALSE(forTests.isClosed(callId));
}

TEST(OutboxEngine, WaitReasonNamesRoundTrip)
{
    for (int i = 0; i <= static_cast<int>(WaitReason::CallClosed); ++i) {
        const auto reason = static_cast<WaitReason>(i);
        EXPECT_NE(waitReasonName(reason), "unknown");
        EXPECT_EQ(parseWaitReasonName(waitReasonName(reason)), reason);
    }
    EXPECT_EQ(waitReasonName(WaitReason::CallClosed), "call_closed");
}

TEST(FileOutboxRepository, RoundTripsEveryField)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    OutboxRecord record;
    record.id = 7;
    record.submissionId = "sub-roundtrip";
    record.callId = "call";
    record.fileName = "f.age";
    record.envelopePath = "/x/y.age";
    record.envelopeSize = 1234567890123ULL;
    record.envelopeSha256[0] = 0xab;
    record.envelopeSha256[31] = 0x01;
    record.state = OutboxState::Waiting;
    record.waitReason = WaitReason::UnmeteredOnly;
    record.uploadUrl = "https://h/files/abc";
    record.offset = 42;
    record.attempts = 3;
    record.nextTryAtMs = 99;
    record.uploadExpiresAtMs = 100;
    record.lastError = SyncErrorCode::CaptivePortal;
    record.lastErrorDetail = "portal";
    record.receipt = R"({"receipt":"r","signature":"s"})";
    ASSERT_TRUE(repository.save(record).ok());
    FileOutboxRepository reopened((dir.path() / "outbox.json").string());
    auto records = reopened.list();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), 1u);
    const auto& r = records->front();
    EXPECT_EQ(r.submissionId, record.submissionId);
    EXPECT_EQ(r.envelopeSize, record.envelopeSize);
    EXPECT_EQ(r.envelopeSha256, record.envelopeSha256);
    EXPECT_EQ(r.state, record.state);
    EXPECT_EQ(r.waitReason, record.waitReason);
    EXPECT_EQ(r.uploadUrl, record.uploadUrl);
    EXPECT_EQ(r.offset, record.offset);
    EXPECT_EQ(r.attempts, record.attempts);
    EXPECT_EQ(r.nextTryAtMs, record.nextTryAtMs);
    EXPECT_EQ(r.uploadExpiresAtMs, record.uploadExpiresAtMs);
    EXPECT_EQ(r.lastError, record.lastError);
    EXPECT_EQ(r.receipt, record.receipt);
}

TEST(SyncError, NamesRoundTrip)
{
    for (int i = 0; i <= static_cast<int>(SyncErrorCode::LocalIo); ++i) {
        const auto code = static_cast<SyncErrorCode>(i);
        EXPECT_EQ(parseSyncErrorName(syncErrorName(code)), code);
    }
}

} // namespace
} // namespace amicus::sync

namespace amicus::sync {
namespace {

using namespace amicus::sync::testing;

// Never reached: every call is withdrawn.
class WithdrawnCalls : public EndpointDirectory {
public:
    std::optional<CallEndpoint> endpointFor(const std::string&) const override
    {
        return std::nullopt;
    }
};

OutboxRecord recordAt(const std::filesystem::path& envelope, std::int64_t id)
{
    writeRandomFile(envelope, 4096, static_cast<int>(id));
    OutboxRecord record;
    record.id = id;
    record.submissionId = "sub-retry-" + std::to_string(id);
    record.callId = "withdrawn";
    record.envelopePath = envelope.string();
    record.envelopeSize = 4096;
    return record;
}

TEST(OutboxEngine, TryAgainNowQueuesAnEntryThatNeedsAttentionAndTheNextRunSendsIt)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    WithdrawnCalls calls;
    OutboxEngine engine(
        repository, calls, [] { return 1000; }, [] { return 0u; });
    OutboxRecord record = recordAt(dir.path() / "e.age", 7);
    ASSERT_TRUE(engine.enqueue(record).ok());
    ASSERT_TRUE(engine.runDue().ok());
    auto stored = repository.list()->front();
    ASSERT_EQ(stored.state, OutboxState::NeedsAttention);
    EXPECT_EQ(stored.lastError, SyncErrorCode::CallWithdrawn);
    // It stays there: neither a run nor the user's "send now" for everything touches it.
    engine.setNetworkState({false, false});
    ASSERT_TRUE(engine.runDue(true).ok());
    EXPECT_EQ(repository.list()->front().state, OutboxState::NeedsAttention);

    // Its upload URL survives a retry: what the server holds is resumed, not sent twice.
    stored.uploadUrl = "https://endpoint.example/files/abc";
    stored.attempts = 3;
    ASSERT_TRUE(repository.save(stored).ok());
    auto retried = engine.retry(7);
    ASSERT_TRUE(retried.ok());
    EXPECT_TRUE(*retried);
    stored = repository.list()->front();
    EXPECT_EQ(stored.state, OutboxState::Queued);
    EXPECT_EQ(stored.lastError, std::nullopt);
    EXPECT_EQ(stored.attempts, 0);
    EXPECT_EQ(stored.uploadUrl, std::optional<std::string>("https://endpoint.example/files/abc"));

    // The next run tries it: offline, it waits for the network (a real attempt's gate).
    ASSERT_TRUE(engine.runDue(true).ok());
    stored = repository.list()->front();
    EXPECT_EQ(stored.state, OutboxState::Waiting);
    EXPECT_EQ(stored.waitReason, WaitReason::Offline);
    // Online, the call is still withdrawn: it needs attention again, as before.
    engine.setNetworkState({true, false});
    ASSERT_TRUE(engine.runDue().ok());
    EXPECT_EQ(repository.list()->front().state, OutboxState::NeedsAttention);

    // Nothing to retry: no such entry, or delivered already.
    EXPECT_FALSE(*engine.retry(8));
    stored = repository.list()->front();
    stored.state = OutboxState::Delivered;
    ASSERT_TRUE(repository.save(stored).ok());
    EXPECT_FALSE(*engine.retry(7));
    EXPECT_EQ(repository.list()->front().state, OutboxState::Delivered);
}

TEST(OutboxEngine, TryAgainNowMakesAWaitingEntryDueBeforeItsBackoff)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    WithdrawnCalls calls;
    OutboxEngine engine(
        repository, calls, [] { return 1000; }, [] { return 0u; });
    OutboxRecord record = recordAt(dir.path() / "e.age", 3);
    record.state = OutboxState::Waiting;
    record.waitReason = WaitReason::Backoff;
    record.nextTryAtMs = 999'999;
    record.lastError = SyncErrorCode::CaptivePortal;
    ASSERT_TRUE(repository.save(record).ok());
    ASSERT_TRUE(*engine.retry(3));
    const auto stored = repository.list()->front();
    EXPECT_EQ(stored.state, OutboxState::Waiting);
    EXPECT_EQ(stored.nextTryAtMs, std::nullopt);
    ASSERT_TRUE(engine.runDue().ok());
    EXPECT_EQ(repository.list()->front().lastError, SyncErrorCode::CallWithdrawn) << "tried";
}

TEST(OutboxEngine, RemoveForgetsTheEntryAndDeletesItsEnvelope)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    WithdrawnCalls calls;
    OutboxEngine engine(
        repository, calls, [] { return 1000; }, [] { return 0u; });
    const auto envelope = dir.path() / "one.age";
    ASSERT_TRUE(engine.enqueue(recordAt(envelope, 1)).ok());
    ASSERT_TRUE(engine.enqueue(recordAt(dir.path() / "two.age", 2)).ok());
    ASSERT_TRUE(engine.runDue().ok());

    auto removed = engine.remove(1);
    ASSERT_TRUE(removed.ok());
    EXPECT_TRUE(*removed);
    auto left = repository.list();
    ASSERT_TRUE(left.ok());
    ASSERT_EQ(left->size(), 1u);
    EXPECT_EQ(left->front().id, 2);
    EXPECT_FALSE(std::filesystem::exists(envelope));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "two.age"));
    // Gone for good: not removed twice, not retried, not brought back by a run.
    EXPECT_FALSE(*engine.remove(1));
    EXPECT_FALSE(*engine.retry(1));
    ASSERT_TRUE(engine.runDue(true).ok());
    EXPECT_EQ(repository.list()->size(), 1u);
}

TEST(OutboxEngine, AnEntryHeldBackForRemovalIsNeverAttempted)
{
    TempDir dir;
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    WithdrawnCalls calls;
    OutboxEngine engine(
        repository, calls, [] { return 1000; }, [] { return 0u; });
    ASSERT_TRUE(engine.enqueue(recordAt(dir.path() / "one.age", 1)).ok());
    ASSERT_TRUE(engine.enqueue(recordAt(dir.path() / "two.age", 2)).ok());

    // The user asked to remove entry 1 before the sender reached it: a run, even one the user
    // asked for, tries entry 2 and leaves entry 1 as it was.
    engine.holdBack(1);
    ASSERT_TRUE(engine.runDue(true).ok());
    auto records = repository.list();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), 2u);
    EXPECT_EQ(records->at(0).state, OutboxState::Queued);
    EXPECT_EQ(records->at(0).attempts, 0);
    EXPECT_EQ(records->at(1).state, OutboxState::NeedsAttention);

    auto removed = engine.remove(1);
    ASSERT_TRUE(removed.ok());
    EXPECT_TRUE(*removed);
    EXPECT_EQ(repository.list()->size(), 1u);
}

TEST(WithdrawingRepository, ARestoredSubmissionIsListedAndSavedAgain)
{
    TempDir dir;
    FileOutboxRepository inner((dir.path() / "outbox.json").string());
    WithdrawingRepository repository(inner);
    const OutboxRecord record = recordAt(dir.path() / "one.age", 1);
    ASSERT_TRUE(repository.save(record).ok());

    // Withdrawn for a deletion: hidden, and no save of it lands.
    repository.withdraw(record.submissionId);
    EXPECT_TRUE(repository.list()->empty());
    EXPECT_FALSE(repository.save(record).ok());
    // The deletion failed: restored, it is listed and saved as before.
    repository.restore(record.submissionId);
    EXPECT_FALSE(repository.withdrawn(record.submissionId));
    ASSERT_EQ(repository.list()->size(), 1u);
    EXPECT_TRUE(repository.save(record).ok());
}

TEST(StoreOutboxRepository, RemoveDeletesTheEntryAndKeepsTheDraft)
{
    TempDir dir;
    crypto::VaultOptions fast;
    fast.scryptWorkFactor = 10;
    auto session = store::VaultSession::create(dir.path() / "app", "passphrase for a test", fast);
    ASSERT_TRUE(session.ok()) << session.error().detail;
    auto& store = (*session)->store();
    auto draftId = store.drafts().create("test-call");
    ASSERT_TRUE(draftId.ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*draftId, "q1", "kept").ok());
    const auto outboxDir = dir.path() / "app" / "outbox";
    std::filesystem::create_directories(outboxDir);
    writeRandomFile(outboxDir / "e.age", 5000, 9);
    store::OutboxEntry entry;
    entry.draftId = *draftId;
    entry.envelopeName = "e.age";
    entry.envelopeSize = 5000;
    entry.state = store::OutboxState::NeedsAttention;
    entry.lastErrorCode = "local_io";
    ASSERT_TRUE(store.outbox().put(entry).ok());

    StoreOutboxRepository repository(store, outboxDir);
    WithdrawnCalls calls;
    OutboxEngine engine(
        repository, calls, [] { return 1000; }, [] { return 0u; });
    ASSERT_EQ(repository.list()->size(), 1u);
    ASSERT_EQ(repository.workingSetSize(), 1u);
    ASSERT_TRUE(*engine.remove(*draftId));
    EXPECT_EQ(repository.workingSetSize(), 0u);
    EXPECT_TRUE(repository.list()->empty());
    EXPECT_EQ(store.outbox().entry(*draftId).error().code, store::StoreErrc::NotFound);
    EXPECT_FALSE(std::filesystem::exists(outboxDir / "e.age"));
    const auto draft = store.drafts().get(*draftId);
    ASSERT_TRUE(draft.ok());
    EXPECT_EQ(draft->answers.at("q1"), "kept");
}

} // namespace
} // namespace amicus::sync
