// An attachment row belongs to the draft it was added to. Its draft id is a plain column, so
// someone who can rewrite the database file could move the row (and with it its blob) to
// another draft; its hash is sealed bound to its draft (migration 8), so the moved row no
// longer reads: the other draft's finalize stops with a typed store error, packs nothing and
// leaves the draft editable.
#include "finalize_fixture.h"
#include "store/sqlite_db.h"
#include "submission/draft_finalizer.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>

namespace amicus::submission {
namespace {

class FinalizeAttachmentDraft : public testing::FinalizeFixture {
protected:
    FinalizeAttachmentDraft() : FinalizeFixture("amicus-attachment-draft") {}

    store::VaultStore& store() { return session_->store(); }

    // Rewrites the plain draft_id of an attachment row, as someone with the file could.
    void moveRow(std::int64_t attachmentId, std::int64_t toDraft)
    {
        auto raw = store::Database::open(store::DataLayout::storePaths(root_ / "data").database,
                                         store::Database::OpenMode::MustExist);
        ASSERT_TRUE(raw.ok());
        ASSERT_TRUE(
            raw->run("UPDATE attachments SET draft_id = ?1 WHERE id = ?2", toDraft, attachmentId)
                .ok());
    }
};

TEST_F(FinalizeAttachmentDraft, ARowMovedToAnotherDraftIsRefusedAndNeverPacked)
{
    const auto owner = draft();
    const auto target = draft();
    std::istringstream input(std::string(5000, 'x'));
    auto added =
        store().attachments().add(owner, input, "field notes.pdf", "application/pdf", 1 << 20);
    ASSERT_TRUE(added.ok());
    std::istringstream smaller(std::string(3000, 's'));
    ASSERT_TRUE(
        store().attachments().addReducedCopy(added->id, smaller, "image/jpeg", 1 << 20).ok());

    moveRow(added->id, target);
    auto read = store().attachments().get(added->id);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, store::StoreErrc::Corrupt) << read.error().detail;
    EXPECT_EQ(store().attachments().of(target).error().code, store::StoreErrc::Corrupt);

    auto envelope = finalizeDraft(*session_, root_ / "data", target, *call_, {recipient_});
    ASSERT_FALSE(envelope.ok());
    ASSERT_EQ(envelope.error().code, FinalizeErrc::Store);
    EXPECT_EQ(envelope.error().storeError.code, store::StoreErrc::Corrupt)
        << envelope.error().storeError.detail;
    EXPECT_FALSE(store().outbox().entry(target).ok());
    const auto outbox = store::DataLayout::outboxDir(root_ / "data");
    EXPECT_TRUE(!std::filesystem::exists(outbox) || std::filesystem::is_empty(outbox));
    // Still editable: once the row is where it belongs, both drafts read and finalize again.
    EXPECT_TRUE(store().drafts().saveAnswer(target, call_->questions.front().id, "More.").ok());
    moveRow(added->id, owner);
    auto back = store().attachments().of(owner);
    ASSERT_TRUE(back.ok()) << back.error().detail;
    ASSERT_EQ(back->size(), 1u);
    EXPECT_TRUE(back->front().reduced.has_value());
    EXPECT_TRUE(finalizeDraft(*session_, root_ / "data", target, *call_, {recipient_}).ok());
    EXPECT_TRUE(finalizeDraft(*session_, root_ / "data", owner, *call_, {recipient_}).ok());
}

// The editable copy of a draft records its attachments under the copy: they read there, and
// moving one back to the original is refused in turn.
TEST_F(FinalizeAttachmentDraft, AnEditableCopysRowsAreBoundToTheCopy)
{
    const auto original = draft();
    std::istringstream input(std::string(5000, 'y'));
    ASSERT_TRUE(
        store().attachments().add(original, input, "a.pdf", "application/pdf", 1 << 20).ok());
    auto copy = store().drafts().copyAsNew(original);
    ASSERT_TRUE(copy.ok());
    auto copied = store().attachments().of(*copy);
    ASSERT_TRUE(copied.ok()) << copied.error().detail;
    ASSERT_EQ(copied->size(), 1u);
    moveRow(copied->front().id, original);
    auto envelope = finalizeDraft(*session_, root_ / "data", original, *call_, {recipient_});
    ASSERT_FALSE(envelope.ok());
    EXPECT_EQ(envelope.error().storeError.code, store::StoreErrc::Corrupt);
    EXPECT_EQ(store().drafts().get(*copy)->status, store::DraftStatus::Editing);
}

} // namespace
} // namespace amicus::submission
