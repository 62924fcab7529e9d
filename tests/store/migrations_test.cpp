#include "store/migrations.h"
#include "store/vault_store.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace amicus::store {
namespace {

using testing::NoBlobs;
using testing::TempDir;
using testing::TestSealer;

std::vector<std::string> schemaOf(Database& db)
{
    auto stmt = db.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM "
                           "sqlite_master ORDER BY type, name");
    std::vector<std::string> rows;
    while (*stmt->step()) {
        rows.push_back(stmt->text(0));
    }
    return rows;
}

std::vector<std::uint8_t> sealed(const TestSealer& sealer, std::string_view text,
                                 std::string_view where)
{
    auto out = sealer.seal(
        std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), where);
    return std::move(*out);
}

TEST(Migrations, VersionsAreNumberedWithoutGaps)
{
    int expected = 1;
    for (const Migration& m : migrations()) {
        EXPECT_EQ(m.version, expected++);
    }
    EXPECT_EQ(latestSchemaVersion(), expected - 1);
    EXPECT_GE(latestSchemaVersion(), 5);
}

// A database left at every earlier version, with data written the way that version wrote it,
// opens in this build, is migrated to the latest schema and still reads back its data.
TEST(Migrations, MigratesFromEveryEarlierVersionKeepingData)
{
    TestSealer sealer;
    NoBlobs blobs;
    TempDir fresh;
    std::vector<std::string> freshSchema;
    {
        auto store = VaultStore::open({fresh.path() / "v.db", fresh.path() / "b"}, sealer, blobs);
        ASSERT_TRUE(store.ok());
        auto db = Database::open(fresh.path() / "v.db", Database::OpenMode::MustExist);
        freshSchema = schemaOf(*db);
    }
    for (int from = 0; from < latestSchemaVersion(); ++from) {
        SCOPED_TRACE("from version " + std::to_string(from));
        TempDir dir;
        const StorePaths paths{dir.path() / "v.db", dir.path() / "b"};
        {
            auto db = Database::open(paths.database, Database::OpenMode::CreateIfMissing);
            ASSERT_TRUE(db.ok());
            if (from > 0) {
                ASSERT_TRUE(db->exec("PRAGMA journal_mode = WAL; PRAGMA application_id = "
                                     "1095582547")
                                .ok());
                ASSERT_TRUE(migrate(*db, from).ok());
                ASSERT_EQ(*db->queryInt("PRAGMA user_version"), from);
                auto insert = db->prepare(
                    "INSERT INTO drafts (id, submission_id, call_id, created_at, updated_at, "
                    "organization_sealed) VALUES (7, 'sub-7', 'call-x', 1, 2, ?1)");
                insert->bindBlob(1, sealed(sealer, "Old Org", "drafts/organization/7"));
                ASSERT_TRUE(insert->run().ok());
                auto answer = db->prepare("INSERT INTO answers VALUES (7, 'q1', ?1, 2)");
                answer->bindBlob(1, sealed(sealer, "old answer", "answers/body/7/q1"));
                ASSERT_TRUE(answer->run().ok());
            }
            if (from >= 2) {
                auto att = db->prepare(
                    "INSERT INTO attachments (id, draft_id, blob_name, size, sha256_sealed, "
                    "file_name_sealed, media_type_sealed, created_at) VALUES "
                    "(3, 7, 'x.age', 5, ?1, ?2, ?3, 2)");
                att->bindBlob(1, sealed(sealer, std::string(32, 'h'), "attachments/sha256/3"));
                att->bindBlob(2, sealed(sealer, "photo.jpg", "attachments/file_name/3"));
                att->bindBlob(3, sealed(sealer, "image/jpeg", "attachments/media_type/3"));
                ASSERT_TRUE(att->run().ok());
            }
            if (from >= 5) {
                // A smaller copy of the photo, chosen for sending.
                auto red = db->prepare(
                    "INSERT INTO attachment_reductions (attachment_id, blob_name, size, "
                    "sha256_sealed, media_type_sealed, created_at) VALUES (3, 'r.age', 4, ?1, "
                    "?2, 2)");
                red->bindBlob(
                    1, sealed(sealer, std::string(32, 'r'), "attachment_reductions/sha256/3"));
                red->bindBlob(2,
                              sealed(sealer, "image/jpeg", "attachment_reductions/media_type/3"));
                ASSERT_TRUE(red->run().ok());
            }
            if (from >= 3) {
                auto out = db->prepare(
                    "INSERT INTO outbox (draft_id, state, envelope_name, upload_offset, attempts, "
                    "upload_url_sealed, updated_at) VALUES (7, 'uploading', 'e.age', 65536, 2, "
                    "?1, 3)");
                out->bindBlob(1,
                              sealed(sealer, "https://x.example/files/1", "outbox/upload_url/7"));
                ASSERT_TRUE(out->run().ok());
            }
        }
        auto store = VaultStore::open(paths, sealer, blobs);
        ASSERT_TRUE(store.ok()) << store.error().detail;
        EXPECT_EQ(*store->schemaVersion(), latestSchemaVersion());
        EXPECT_TRUE(store->checkIntegrity().ok());
        if (from > 0) {
            auto draft = store->drafts().get(7);
            ASSERT_TRUE(draft.ok()) << draft.error().detail;
            EXPECT_EQ(draft->submissionId, "sub-7");
            EXPECT_EQ(draft->status, DraftStatus::Editing);
            EXPECT_EQ(draft->submitter.organization, "Old Org");
            EXPECT_EQ(draft->answers["q1"], "old answer");
            if (from >= 3) {
                auto entry = store->outbox().entry(7);
                ASSERT_TRUE(entry.ok()) << entry.error().detail;
                EXPECT_EQ(entry->state, OutboxState::Uploading);
                EXPECT_EQ(entry->uploadOffset, 65536u);
                EXPECT_EQ(entry->uploadUrl, "https://x.example/files/1");
                EXPECT_FALSE(entry->waitReason.has_value());
            }
            if (from >= 2) {
                ASSERT_EQ(draft->attachments.size(), 1u);
                EXPECT_EQ(draft->attachments[0].fileName, "photo.jpg");
                EXPECT_EQ(draft->attachments[0].size, 5u);
                const auto& reduced = draft->attachments[0].reduced;
                if (from >= 5) {
                    ASSERT_TRUE(reduced.has_value());
                    EXPECT_EQ(reduced->blobName, "r.age");
                    EXPECT_EQ(reduced->mediaType, "image/jpeg");
                    EXPECT_EQ(reduced->sha256[0], 'r');
                    EXPECT_EQ(draft->attachments[0].sentSize(), 4u);
                } else {
                    // Earlier versions had no smaller copies: the original is what is sent.
                    EXPECT_FALSE(reduced.has_value());
                    EXPECT_EQ(draft->attachments[0].sentSize(), 5u);
                }
            }
        }
        // The new schema is usable: a new draft and an outbox entry.
        auto id = store->drafts().create("call-y");
        ASSERT_TRUE(id.ok());
        OutboxEntry entry;
        entry.draftId = *id;
        EXPECT_TRUE(store->outbox().put(entry).ok());
        auto db = Database::open(paths.database, Database::OpenMode::MustExist);
        EXPECT_EQ(schemaOf(*db), freshSchema);
    }
}

// A database at version 7, one attachment of draft 7 sealed the way version 7 sealed it.
void makeVersion7WithAnAttachment(const StorePaths& paths, const TestSealer& sealer)
{
    auto db = Database::open(paths.database, Database::OpenMode::CreateIfMissing);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->exec("PRAGMA journal_mode = WAL; PRAGMA application_id = 1095582547").ok());
    ASSERT_TRUE(migrate(*db, 7).ok());
    ASSERT_TRUE(db->exec("INSERT INTO drafts (id, submission_id, call_id, created_at, "
                         "updated_at) VALUES (7, 'sub-7', 'c', 1, 2), (8, 'sub-8', 'c', 1, 2)")
                    .ok());
    auto att = db->prepare("INSERT INTO attachments (id, draft_id, blob_name, size, "
                           "sha256_sealed, file_name_sealed, media_type_sealed, created_at) "
                           "VALUES (3, 7, 'x.age', 5, ?1, ?2, ?3, 2)");
    att->bindBlob(1, sealed(sealer, std::string(32, 'h'), "attachments/sha256/3"));
    att->bindBlob(2, sealed(sealer, "photo.jpg", "attachments/file_name/3"));
    att->bindBlob(3, sealed(sealer, "image/jpeg", "attachments/media_type/3"));
    ASSERT_TRUE(att->run().ok());
}

void rewrite(const StorePaths& paths, const std::string& sql)
{
    auto db = Database::open(paths.database, Database::OpenMode::MustExist);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->exec(sql).ok());
}

// Migration 8 binds the attachments of an existing vault to their drafts: they read as before,
// and a row then moved to another draft is refused, also after setting the version back to 7
// (the migration cannot be made to bind it again to the draft it was moved to).
TEST(Migrations, AttachmentsAreBoundToTheirDraftAtMigration)
{
    TestSealer sealer;
    NoBlobs blobs;
    TempDir dir;
    const StorePaths paths{dir.path() / "v.db", dir.path() / "b"};
    makeVersion7WithAnAttachment(paths, sealer);
    {
        auto store = VaultStore::open(paths, sealer, blobs);
        ASSERT_TRUE(store.ok()) << store.error().detail;
        auto kept = store->attachments().get(3);
        ASSERT_TRUE(kept.ok()) << kept.error().detail;
        EXPECT_EQ(kept->draftId, 7);
        EXPECT_EQ(kept->sha256[0], 'h');
    }
    rewrite(paths, "UPDATE attachments SET draft_id = 8 WHERE id = 3");
    for (int reopened = 0; reopened < 2; ++reopened) {
        SCOPED_TRACE(reopened == 0 ? "moved" : "moved, version set back to 7");
        {
            auto store = VaultStore::open(paths, sealer, blobs);
            ASSERT_TRUE(store.ok()) << store.error().detail;
            EXPECT_EQ(*store->schemaVersion(), latestSchemaVersion());
            auto moved = store->attachments().get(3);
            ASSERT_FALSE(moved.ok());
            EXPECT_EQ(moved.error().code, StoreErrc::Corrupt) << moved.error().detail;
            ASSERT_FALSE(store->drafts().get(8).ok());
            EXPECT_EQ(store->drafts().get(8).error().code, StoreErrc::Corrupt);
            EXPECT_TRUE(store->attachments().of(7)->empty());
        }
        rewrite(paths, "PRAGMA user_version = 7");
    }
    rewrite(paths, "UPDATE attachments SET draft_id = 7 WHERE id = 3");
    auto store = VaultStore::open(paths, sealer, blobs);
    ASSERT_TRUE(store.ok());
    EXPECT_TRUE(store->attachments().get(3).ok());
}

// Opened without the key (the sender's connection while the vault is locked), a version 7
// database opens and stays at 7; the next opening with the key binds its attachments.
TEST(Migrations, TheBindingWaitsForTheKey)
{
    TestSealer sealer;
    NoBlobs blobs;
    TempDir dir;
    const StorePaths paths{dir.path() / "v.db", dir.path() / "b"};
    makeVersion7WithAnAttachment(paths, sealer);
    sealer.lock();
    {
        auto locked = VaultStore::open(paths, sealer, blobs);
        ASSERT_TRUE(locked.ok()) << locked.error().detail;
        EXPECT_EQ(*locked->schemaVersion(), 7);
    }
    sealer.unlock();
    auto store = VaultStore::open(paths, sealer, blobs);
    ASSERT_TRUE(store.ok()) << store.error().detail;
    EXPECT_EQ(*store->schemaVersion(), latestSchemaVersion());
    EXPECT_TRUE(store->attachments().get(3).ok());
}

std::vector<std::uint8_t> bytesOf(const std::filesystem::path& p)
{
    return testing::readAll(p);
}

TEST(OpenErrors, NewerVersionIsRefusedAndLeftUntouched)
{
    TestSealer sealer;
    NoBlobs blobs;
    TempDir dir;
    const StorePaths paths{dir.path() / "v.db", dir.path() / "b"};
    {
        auto store = VaultStore::open(paths, sealer, blobs);
        ASSERT_TRUE(store.ok());
        auto id = store->drafts().create("c");
        ASSERT_TRUE(store->drafts().saveAnswer(*id, "q", "kept").ok());
    }
    {
        auto db = Database::open(paths.database, Database::OpenMode::MustExist);
        ASSERT_TRUE(db->exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1) +
                             "; PRAGMA journal_mode = DELETE")
                        .ok());
    }
    const auto before = bytesOf(paths.database);
    auto refused = VaultStore::open(paths, sealer, blobs);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, StoreErrc::NewerVersion);
    EXPECT_EQ(bytesOf(paths.database), before);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "v.db-wal"));
}

TEST(OpenErrors, GarbageFileIsCorruptAndLeftUntouched)
{
    TestSealer sealer;
    NoBlobs blobs;
    TempDir dir;
    const StorePaths paths{dir.path() / "v.db", dir.path() / "b"};
    std::string garbage(8192, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) {
        garbage[i] = static_cast<char>((i * 131 + 7) & 0xff);
    }
    testing::writeAll(paths.database, garbage);
    auto opened = VaultStore::open(paths, sealer, blobs);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, StoreErrc::Corrupt) << opened.error().detail;
    EXPECT_EQ(bytesOf(paths.database), std::vector<std::uint8_t>(garbage.begin(), garbage.end()));
}

TEST(OpenErrors, ForeignSqliteFileIsNotTakenForAVault)
{
    TestSealer sealer;
    NoBlobs blobs;
    TempDir dir;
    const StorePaths paths{dir.path() / "v.db", dir.path() / "b"};
    {
        auto db = Database::open(paths.database, Database::OpenMode::CreateIfMissing);
        ASSERT_TRUE(db->exec("CREATE TABLE t (x); PRAGMA user_version = 1").ok());
    }
    auto opened = VaultStore::open(paths, sealer, blobs);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, StoreErrc::Corrupt);
}

// Damage in the middle of the file is reported as Corrupt, never as wrong data.
TEST(OpenErrors, DamagedPagesAreReportedAsCorrupt)
{
    TestSealer sealer;
    NoBlobs blobs;
    TempDir dir;
    const StorePaths paths{dir.path() / "v.db", dir.path() / "b"};
    std::int64_t id = 0;
    {
        auto store = VaultStore::open(paths, sealer, blobs);
        ASSERT_TRUE(store.ok());
        id = *store->drafts().create("c");
        ASSERT_TRUE(store->drafts().saveAnswer(id, "q", std::string(20000, 'a')).ok());
    }
    {
        auto db = Database::open(paths.database, Database::OpenMode::MustExist);
        ASSERT_TRUE(db->exec("PRAGMA journal_mode = DELETE").ok());
    }
    auto bytes = bytesOf(paths.database);
    ASSERT_GT(bytes.size(), 4096u * 4);
    // Overwrite every page after the first with a pattern (keeps the header valid).
    for (std::size_t i = 4096; i < bytes.size(); ++i) {
        bytes[i] = static_cast<std::uint8_t>(i * 7);
    }
    testing::writeAll(paths.database, std::string(bytes.begin(), bytes.end()));
    auto store = VaultStore::open(paths, sealer, blobs);
    if (!store.ok()) {
        EXPECT_EQ(store.error().code, StoreErrc::Corrupt) << store.error().detail;
        return;
    }
    auto draft = store->drafts().get(id);
    ASSERT_FALSE(draft.ok());
    EXPECT_EQ(draft.error().code, StoreErrc::Corrupt) << draft.error().detail;
    EXPECT_EQ(store->checkIntegrity().error().code, StoreErrc::Corrupt);
}

} // namespace
} // namespace amicus::store
