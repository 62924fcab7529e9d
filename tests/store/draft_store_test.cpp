#include "store/migrations.h"
#include "store/vault_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace amicus::store {
namespace {

using DraftStoreTest = testing::PlainStoreTest;

TEST_F(DraftStoreTest, ReadsBackExactlyWhatWasSaved)
{
    auto store = openStore();
    auto id = store.drafts().create("hrc54-policing");
    ASSERT_TRUE(id.ok()) << id.error().detail;
    const std::string longAnswer = [] {
        std::string text;
        for (int i = 0; i < 20000; ++i) {
            text += "mot" + std::to_string(i) + (i % 17 == 0 ? "\n" : " ");
        }
        return text;
    }();
    ASSERT_TRUE(store.drafts().saveField(*id, DraftField::Language, "fr").ok());
    ASSERT_TRUE(
        store.drafts().saveField(*id, DraftField::Organization, "Asociación «Nadie» — ñ").ok());
    ASSERT_TRUE(store.drafts().saveField(*id, DraftField::OrganizationKind, "ngo").ok());
    ASSERT_TRUE(store.drafts().saveField(*id, DraftField::Country, "").ok());
    ASSERT_TRUE(store.drafts().saveField(*id, DraftField::Contact, "a@example.org").ok());
    ASSERT_TRUE(store.drafts().saveField(*id, DraftField::Consent, "anonymous").ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*id, "q1", longAnswer).ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*id, "q2", std::string("nul\0inside", 10)).ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*id, "q2", "second version").ok());

    auto draft = store.drafts().get(*id);
    ASSERT_TRUE(draft.ok()) << draft.error().detail;
    EXPECT_EQ(draft->callId, "hrc54-policing");
    EXPECT_EQ(draft->status, DraftStatus::Editing);
    EXPECT_EQ(draft->submissionId.size(), 36u);
    EXPECT_EQ(draft->language, "fr");
    EXPECT_EQ(draft->submitter.organization, "Asociación «Nadie» — ñ");
    EXPECT_EQ(draft->submitter.organizationKind, "ngo");
    EXPECT_EQ(draft->submitter.country, "");
    EXPECT_EQ(draft->submitter.contact, "a@example.org");
    EXPECT_EQ(draft->consent, Consent::Anonymous);
    ASSERT_EQ(draft->answers.size(), 2u);
    EXPECT_EQ(draft->answers["q1"], longAnswer);
    EXPECT_EQ(draft->answers["q2"], "second version");
    EXPECT_GT(draft->updatedAt, draft->createdAt);

    // And again after closing and reopening the file.
    store = openStore();
    auto again = store.drafts().get(*id);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->answers["q1"], longAnswer);
    EXPECT_EQ(again->submitter.organization, "Asociación «Nadie» — ñ");
}

TEST_F(DraftStoreTest, UnsetFieldsStayAbsent)
{
    auto store = openStore();
    auto id = store.drafts().create("c");
    ASSERT_TRUE(id.ok());
    auto draft = store.drafts().get(*id);
    ASSERT_TRUE(draft.ok());
    EXPECT_FALSE(draft->language.has_value());
    EXPECT_FALSE(draft->submitter.organization.has_value());
    EXPECT_FALSE(draft->consent.has_value());
    EXPECT_TRUE(draft->answers.empty());
}

TEST_F(DraftStoreTest, ListsNewestFirstWithOrganization)
{
    auto store = openStore();
    auto a = store.drafts().create("c1");
    auto b = store.drafts().create("c2");
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_TRUE(store.drafts().saveField(*a, DraftField::Organization, "Org A").ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*a, "q1", "x").ok());
    auto list = store.drafts().list();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].id, *a);
    EXPECT_EQ((*list)[0].organization, "Org A");
    EXPECT_EQ((*list)[0].answerCount, 1);
    EXPECT_EQ((*list)[1].id, *b);
    EXPECT_FALSE((*list)[1].organization.has_value());
}

TEST_F(DraftStoreTest, DeleteRemovesDraftAndAnswers)
{
    auto store = openStore();
    auto id = store.drafts().create("c");
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*id, "q1", "text").ok());
    ASSERT_TRUE(store.drafts().remove(*id).ok());
    EXPECT_EQ(store.drafts().get(*id).error().code, StoreErrc::NotFound);
    EXPECT_EQ(store.drafts().remove(*id).error().code, StoreErrc::NotFound);
    auto db = Database::open(paths().database, Database::OpenMode::MustExist);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(*db->queryInt("SELECT count(*) FROM answers"), 0);
}

TEST_F(DraftStoreTest, UnknownDraftAndConsentAreTyped)
{
    auto store = openStore();
    EXPECT_EQ(store.drafts().saveField(99, DraftField::Country, "x").error().code,
              StoreErrc::NotFound);
    EXPECT_EQ(store.drafts().saveAnswer(99, "q1", "x").error().code, StoreErrc::NotFound);
    auto id = store.drafts().create("c");
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(store.drafts().saveField(*id, DraftField::Consent, "maybe").error().code,
              StoreErrc::InvalidArgument);
    EXPECT_EQ(store.drafts().saveAnswer(*id, "", "x").error().code, StoreErrc::InvalidArgument);
}

TEST_F(DraftStoreTest, LockedVaultRefusesToSealOrOpen)
{
    auto store = openStore();
    auto id = store.drafts().create("c");
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*id, "q1", "before").ok());
    sealer_.lock();
    EXPECT_EQ(store.drafts().saveAnswer(*id, "q1", "after").error().code, StoreErrc::Locked);
    EXPECT_EQ(store.drafts().get(*id).error().code, StoreErrc::Locked);
    sealer_.unlock();
    EXPECT_EQ(store.drafts().get(*id)->answers["q1"], "before");
}

TEST_F(DraftStoreTest, SealedValueMovedToAnotherRowDoesNotOpen)
{
    auto store = openStore();
    auto a = store.drafts().create("c");
    auto b = store.drafts().create("c");
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_TRUE(store.drafts().saveField(*a, DraftField::Organization, "A").ok());
    {
        auto db = Database::open(paths().database, Database::OpenMode::MustExist);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(db->exec("UPDATE drafts SET organization_sealed = (SELECT "
                             "organization_sealed FROM drafts WHERE id = " +
                             std::to_string(*a) + ") WHERE id = " + std::to_string(*b))
                        .ok());
    }
    EXPECT_EQ(store.drafts().get(*b).error().code, StoreErrc::Corrupt);
    EXPECT_EQ(store.drafts().get(*a)->submitter.organization, "A");
}

TEST_F(DraftStoreTest, NothingPersonalIsStoredPlain)
{
    auto store = openStore();
    auto id = store.drafts().create("c");
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(store.drafts().saveField(*id, DraftField::Organization, "MARKERorg").ok());
    ASSERT_TRUE(store.drafts().saveAnswer(*id, "q1", "MARKERanswer").ok());
    ASSERT_TRUE(store.settings().put("nick", "MARKERsetting", Settings::Sealing::Sealed).ok());
    auto db = Database::open(paths().database, Database::OpenMode::MustExist);
    ASSERT_TRUE(db.ok());
    auto hits = db->queryInt(
        "SELECT (SELECT count(*) FROM drafts WHERE instr(CAST(organization_sealed AS TEXT), "
        "'MARKER') > 0) + (SELECT count(*) FROM answers WHERE instr(CAST(body_sealed AS TEXT), "
        "'MARKER') > 0) + (SELECT count(*) FROM settings WHERE instr(CAST(value AS TEXT), "
        "'MARKER') > 0)");
    ASSERT_TRUE(hits.ok());
    EXPECT_EQ(*hits, 0);
}

TEST_F(DraftStoreTest, OutboxRoundTrips)
{
    auto store = openStore();
    auto id = store.drafts().create("c");
    ASSERT_TRUE(id.ok());
    OutboxEntry entry;
    entry.draftId = *id;
    entry.state = OutboxState::Uploading;
    entry.envelopeName = "e.age";
    entry.envelopeSize = 123456;
    entry.uploadUrl = "https://example.org/files/abc";
    entry.uploadOffset = 65536;
    entry.attempts = 3;
    entry.nextTryAt = 77;
    entry.lastErrorCode = "offline";
    entry.lastErrorDetail = "timeout";
    entry.envelopeSha256.emplace();
    entry.envelopeSha256->fill(0xab);
    entry.waitReason = "offline";
    entry.uploadExpiresAt = 1799999999000;
    ASSERT_TRUE(store.outbox().put(entry).ok());
    entry.receipt = "{\"signed\":true}";
    entry.state = OutboxState::Delivered;
    ASSERT_TRUE(store.outbox().put(entry).ok());
    auto back = store.outbox().entry(*id);
    ASSERT_TRUE(back.ok()) << back.error().detail;
    EXPECT_EQ(back->state, OutboxState::Delivered);
    EXPECT_EQ(back->envelopeName, "e.age");
    EXPECT_EQ(back->envelopeSize, 123456u);
    EXPECT_EQ(back->uploadUrl, "https://example.org/files/abc");
    EXPECT_EQ(back->uploadOffset, 65536u);
    EXPECT_EQ(back->attempts, 3);
    EXPECT_EQ(back->nextTryAt, 77);
    EXPECT_EQ(back->lastErrorCode, "offline");
    EXPECT_EQ(back->lastErrorDetail, "timeout");
    EXPECT_EQ(back->receipt, "{\"signed\":true}");
    ASSERT_TRUE(back->envelopeSha256.has_value());
    EXPECT_EQ((*back->envelopeSha256)[31], 0xab);
    EXPECT_EQ(back->waitReason, "offline");
    EXPECT_EQ(back->uploadExpiresAt, 1799999999000);
    OutboxEntry orphan;
    orphan.draftId = 999;
    EXPECT_EQ(store.outbox().put(orphan).error().code, StoreErrc::NotFound);
    ASSERT_TRUE(store.drafts().remove(*id).ok());
    EXPECT_EQ(store.outbox().entry(*id).error().code, StoreErrc::NotFound);
}

TEST_F(DraftStoreTest, SettingsAndCallsCache)
{
    auto store = openStore();
    ASSERT_TRUE(store.settings().put("sync.policy", "unmetered", Settings::Sealing::Plain).ok());
    ASSERT_TRUE(store.settings().put("name", "Ana", Settings::Sealing::Sealed).ok());
    EXPECT_EQ(*store.settings().get("sync.policy"), "unmetered");
    EXPECT_EQ(*store.settings().get("name"), "Ana");
    EXPECT_FALSE(store.settings().get("absent")->has_value());
    sealer_.lock();
    EXPECT_EQ(*store.settings().get("sync.policy"), "unmetered");
    EXPECT_EQ(store.settings().get("name").error().code, StoreErrc::Locked);
    sealer_.unlock();
    ASSERT_TRUE(store.settings().cacheCall("hrc54", "{\"v\":1}").ok());
    ASSERT_TRUE(store.settings().cacheCall("hrc54", "{\"v\":2}").ok());
    EXPECT_EQ(*store.settings().cachedCall("hrc54"), "{\"v\":2}");
    EXPECT_FALSE(store.settings().cachedCall("other")->has_value());
}

TEST_F(DraftStoreTest, OpensWithTheRequiredPragmas)
{
    auto store = openStore();
    ASSERT_TRUE(store.drafts().create("c").ok());
    EXPECT_EQ(*store.schemaVersion(), latestSchemaVersion());
    EXPECT_TRUE(store.checkIntegrity().ok());
    EXPECT_EQ(*store.pragmaValue("synchronous"), 2); // FULL
    EXPECT_EQ(*store.pragmaValue("foreign_keys"), 1);
    EXPECT_EQ(*store.pragmaValue("secure_delete"), 1);
    EXPECT_EQ(*store.pragmaValue("temp_store"), 2); // MEMORY
    auto db = Database::open(paths().database, Database::OpenMode::MustExist);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(*db->queryText("PRAGMA journal_mode"), "wal");
}

} // namespace
} // namespace amicus::store
