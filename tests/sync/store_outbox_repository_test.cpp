// StoreOutboxRepository over a real vault store (SQLite file): what the engine saves comes
// back, sealed columns included, and entries without an envelope are not listed.
#include "store/vault_session.h"
#include "sync/store_outbox_repository.h"
#include "sync_test_support.h"

#include <fstream>
#include <gtest/gtest.h>

namespace amicus::sync {
namespace {

using namespace amicus::sync::testing;

TEST(StoreOutboxRepository, RoundTripsWhatTheStoreCanHold)
{
    TempDir dir;
    crypto::VaultOptions fast;
    fast.scryptWorkFactor = 10;
    auto session = store::VaultSession::create(dir.path() / "app", "passphrase for a test", fast);
    ASSERT_TRUE(session.ok()) << session.error().detail;
    auto& store = (*session)->store();
    auto draftId = store.drafts().create("test-call");
    ASSERT_TRUE(draftId.ok());
    auto unfinished = store.drafts().create("test-call");
    ASSERT_TRUE(unfinished.ok());
    const auto outboxDir = dir.path() / "app" / "outbox";
    std::filesystem::create_directories(outboxDir);
    const auto envelope = outboxDir / "e.age";
    writeRandomFile(envelope, 70'000, 3);
    store::OutboxEntry entry;
    entry.draftId = *draftId;
    entry.envelopeName = "e.age";
    entry.envelopeSize = 70'000;
    ASSERT_TRUE(store.outbox().put(entry).ok());
    store::OutboxEntry notFinalized;
    notFinalized.draftId = *unfinished;
    ASSERT_TRUE(store.outbox().put(notFinalized).ok());

    StoreOutboxRepository repository(store, outboxDir);
    auto records = repository.list();
    ASSERT_TRUE(records.ok()) << records.error().detail;
    ASSERT_EQ(records->size(), 1u);
    OutboxRecord record = records->front();
    EXPECT_EQ(record.id, *draftId);
    EXPECT_EQ(record.submissionId, store.drafts().get(*draftId)->submissionId);
    EXPECT_EQ(record.callId, "test-call");
    EXPECT_EQ(record.envelopePath, envelope.string());
    EXPECT_EQ(record.envelopeSha256, sha256File(envelope));
    EXPECT_EQ(record.state, OutboxState::Queued);

    record.state = OutboxState::Waiting;
    record.waitReason = WaitReason::Backoff;
    record.uploadUrl = "https://example.org/files/abc";
    record.offset = 65'536;
    record.attempts = 2;
    record.nextTryAtMs = 1234;
    record.lastError = SyncErrorCode::Stalled;
    record.lastErrorDetail = "no byte moved";
    ASSERT_TRUE(repository.save(record).ok());
    auto again = repository.list();
    ASSERT_TRUE(again.ok());
    const auto& back = again->front();
    EXPECT_EQ(back.state, OutboxState::Waiting);
    EXPECT_EQ(back.waitReason, WaitReason::Backoff);
    EXPECT_EQ(back.uploadUrl, record.uploadUrl);
    EXPECT_EQ(back.offset, 65'536u);
    EXPECT_EQ(back.attempts, 2);
    EXPECT_EQ(back.nextTryAtMs, 1234);
    EXPECT_EQ(back.lastError, SyncErrorCode::Stalled);
    EXPECT_EQ(back.lastErrorDetail, "no byte moved");

    record.state = OutboxState::Delivered;
    record.waitReason = WaitReason::None;
    record.receipt = R"({"receipt":"{}","signature":"AA=="})";
    record.lastError.reset();
    record.lastErrorDetail.clear();
    ASSERT_TRUE(repository.save(record).ok());
    const auto delivered = repository.list()->front();
    EXPECT_EQ(delivered.state, OutboxState::Delivered);
    EXPECT_EQ(delivered.receipt, record.receipt);
    EXPECT_FALSE(delivered.lastError.has_value());
    EXPECT_FALSE(delivered.nextTryAtMs.has_value());
    // The upload URL and receipt are sealed columns: not in the database file in plain text.
    std::ifstream db(dir.path() / "app" / "amicus.db", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(db)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("example.org/files/abc"), std::string::npos);
}

} // namespace
} // namespace amicus::sync
