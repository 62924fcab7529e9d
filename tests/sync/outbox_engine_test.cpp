// Unit tests of the outbox engine's scheduling: backoff with full jitter (injected RNG and
// clock), gates by network state and policy, and errors that need the user.
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"
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
    EXPECT_EQ(records->front().lastError, SyncErrorCode::Refused);

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
