// The outbox while the vault is locked (migration 6): plain columns saved in place, sealed
// values in a note age-encrypted to the vault's recipient, merged at unlock; nothing of them
// readable in the file meanwhile; notes that are moved, foreign or stale never apply.
#include "crypto/age_keys.h"
#include "store/vault_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace amicus::store {
namespace {

using testing::NoBlobs;
using testing::TempDir;
using testing::TestSealer;

const std::string kUrlBefore = "https://endpoint.example/files/url-before-the-lock";
const std::string kUrlLocked = "https://endpoint.example/files/url-learnt-while-locked";
const std::string kReceipt = R"({"receipt":"signed-while-locked","signature":"c2lnbmF0dXJl"})";

class OutboxLockedTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = VaultStore::open({dir_.path() / "vault.db", dir_.path() / "blobs"}, sealer_,
                                       blobs_, {[this] { return ++clock_; }});
        ASSERT_TRUE(opened.ok()) << opened.error().detail;
        store_.emplace(std::move(*opened));
        auto identity = crypto::X25519Identity::generate();
        ASSERT_TRUE(identity.ok());
        identity_.emplace(std::move(*identity));
    }

    // A finalized draft's outbox entry, uploading with kUrlBefore.
    std::int64_t addEntry()
    {
        auto id = store_->drafts().create("call-x");
        EXPECT_TRUE(id.ok());
        OutboxEntry entry;
        entry.draftId = *id;
        entry.state = OutboxState::Uploading;
        entry.envelopeName = "e" + std::to_string(*id) + ".age";
        entry.envelopeSize = 1000;
        entry.uploadUrl = kUrlBefore;
        EXPECT_TRUE(store_->outbox().put(entry).ok());
        return *id;
    }

    OutboxEntry lockedUpdate(std::int64_t draftId)
    {
        OutboxEntry entry;
        entry.draftId = draftId;
        entry.state = OutboxState::Delivered;
        entry.envelopeName = "e" + std::to_string(draftId) + ".age";
        entry.envelopeSize = 1000;
        entry.uploadUrl = kUrlLocked;
        entry.uploadOffset = 1000;
        entry.receipt = kReceipt;
        entry.waitReason = "backoff";
        return entry;
    }

    std::string fileBytes()
    {
        std::string all;
        for (const char* suffix : {"", "-wal"}) {
            const auto bytes = testing::readAll(dir_.path() / (std::string("vault.db") + suffix));
            all.append(bytes.begin(), bytes.end());
        }
        return all;
    }

    void rawExec(const std::string& sql)
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir_.path() / "vault.db").c_str(), &db), SQLITE_OK);
        sqlite3_busy_timeout(db, 2000);
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
            << sqlite3_errmsg(db);
        sqlite3_close(db);
    }

    TempDir dir_;
    TestSealer sealer_;
    NoBlobs blobs_;
    std::int64_t clock_ = 1000;
    std::optional<VaultStore> store_;
    std::optional<crypto::X25519Identity> identity_;
};

TEST_F(OutboxLockedTest, LockedSaveKeepsSealedValuesUnreadableUntilTheMergeAtUnlock)
{
    const auto id = addEntry();
    sealer_.lock();
    const auto recipient = identity_->recipient();
    ASSERT_TRUE(store_->outbox().putWhileLocked(lockedUpdate(id), &recipient).ok());

    EXPECT_EQ(store_->outbox().list().error().code, StoreErrc::Locked);
    auto plain = store_->outbox().listPlain();
    ASSERT_TRUE(plain.ok()) << plain.error().detail;
    ASSERT_EQ(plain->size(), 1u);
    const auto& row = plain->front();
    EXPECT_EQ(row.entry.state, OutboxState::Delivered);
    EXPECT_EQ(row.entry.uploadOffset, 1000u);
    EXPECT_EQ(row.entry.waitReason, "backoff");
    EXPECT_EQ(row.callId, "call-x");
    EXPECT_FALSE(row.submissionId.empty());
    EXPECT_TRUE(row.hasUploadUrl); // the old, sealed one
    EXPECT_FALSE(row.hasReceipt);
    EXPECT_TRUE(row.hasLockedNote);
    EXPECT_FALSE(row.entry.uploadUrl.has_value());
    const std::string bytes = fileBytes();
    EXPECT_EQ(bytes.find("url-learnt-while-locked"), std::string::npos);
    EXPECT_EQ(bytes.find("signed-while-locked"), std::string::npos);

    // Merging needs the key to seal: locked, it fails and leaves the note.
    EXPECT_EQ(store_->outbox().mergeLockedNotes(*identity_).error().code, StoreErrc::Locked);
    EXPECT_TRUE(store_->outbox().listPlain()->front().hasLockedNote);

    sealer_.unlock();
    auto merged = store_->outbox().mergeLockedNotes(*identity_);
    ASSERT_TRUE(merged.ok()) << merged.error().detail;
    EXPECT_EQ(*merged, 1);
    auto entry = store_->outbox().entry(id);
    ASSERT_TRUE(entry.ok());
    EXPECT_EQ(entry->uploadUrl, kUrlLocked);
    EXPECT_EQ(entry->receipt, kReceipt);
    EXPECT_EQ(entry->state, OutboxState::Delivered);
    EXPECT_FALSE(store_->outbox().listPlain()->front().hasLockedNote);
    EXPECT_EQ(*store_->outbox().mergeLockedNotes(*identity_), 0);
}

TEST_F(OutboxLockedTest, PlainOnlySaveWritesNoNote)
{
    const auto id = addEntry();
    sealer_.lock();
    OutboxEntry update = lockedUpdate(id);
    update.state = OutboxState::Uploading;
    update.uploadOffset = 500;
    ASSERT_TRUE(store_->outbox().putWhileLocked(update, nullptr).ok());
    auto row = store_->outbox().listPlain()->front();
    EXPECT_EQ(row.entry.uploadOffset, 500u);
    EXPECT_FALSE(row.hasLockedNote);
    sealer_.unlock();
    EXPECT_EQ(store_->outbox().entry(id)->uploadUrl, kUrlBefore);
}

TEST_F(OutboxLockedTest, UnknownEntryIsNotFound)
{
    sealer_.lock();
    const auto recipient = identity_->recipient();
    EXPECT_EQ(store_->outbox().putWhileLocked(lockedUpdate(999), &recipient).error().code,
              StoreErrc::NotFound);
}

TEST_F(OutboxLockedTest, NoteMovedToAnotherEntryIsDroppedNotApplied)
{
    const auto first = addEntry();
    const auto second = addEntry();
    sealer_.lock();
    const auto recipient = identity_->recipient();
    ASSERT_TRUE(store_->outbox().putWhileLocked(lockedUpdate(first), &recipient).ok());
    rawExec("UPDATE outbox_locked_notes SET draft_id = " + std::to_string(second));
    sealer_.unlock();
    auto merged = store_->outbox().mergeLockedNotes(*identity_);
    ASSERT_TRUE(merged.ok());
    EXPECT_EQ(*merged, 0);
    EXPECT_EQ(store_->outbox().entry(second)->uploadUrl, kUrlBefore);
    EXPECT_FALSE(store_->outbox().entry(second)->receipt.has_value());
    auto rows = store_->outbox().listPlain();
    ASSERT_TRUE(rows.ok());
    for (const auto& row : *rows) {
        EXPECT_FALSE(row.hasLockedNote);
    }
}

TEST_F(OutboxLockedTest, NoteForAnotherVaultDoesNotOpenAndIsDropped)
{
    const auto id = addEntry();
    sealer_.lock();
    auto stranger = crypto::X25519Identity::generate();
    ASSERT_TRUE(stranger.ok());
    const auto strangerRecipient = stranger->recipient();
    ASSERT_TRUE(store_->outbox().putWhileLocked(lockedUpdate(id), &strangerRecipient).ok());
    sealer_.unlock();
    EXPECT_EQ(*store_->outbox().mergeLockedNotes(*identity_), 0);
    EXPECT_EQ(store_->outbox().entry(id)->uploadUrl, kUrlBefore);
    EXPECT_FALSE(store_->outbox().listPlain()->front().hasLockedNote);
}

TEST_F(OutboxLockedTest, AFullSaveDropsTheOlderNoteAndDeletingTheDraftRemovesIt)
{
    const auto id = addEntry();
    const auto other = addEntry();
    sealer_.lock();
    const auto recipient = identity_->recipient();
    ASSERT_TRUE(store_->outbox().putWhileLocked(lockedUpdate(id), &recipient).ok());
    ASSERT_TRUE(store_->outbox().putWhileLocked(lockedUpdate(other), &recipient).ok());
    sealer_.unlock();
    // Unlocked again, the sender saves newer values: the note must not override them later.
    OutboxEntry newer = lockedUpdate(id);
    newer.uploadUrl = "https://endpoint.example/files/newest";
    newer.receipt.reset();
    newer.state = OutboxState::Uploading;
    ASSERT_TRUE(store_->outbox().put(newer).ok());
    ASSERT_TRUE(store_->drafts().remove(other).ok());
    EXPECT_EQ(*store_->outbox().mergeLockedNotes(*identity_), 0);
    EXPECT_EQ(store_->outbox().entry(id)->uploadUrl, "https://endpoint.example/files/newest");
    EXPECT_FALSE(store_->outbox().entry(id)->receipt.has_value());
}

} // namespace
} // namespace amicus::store
