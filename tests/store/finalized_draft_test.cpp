// A draft in the outbox cannot change: its envelope was sealed from what it said then. Every
// store write on it is refused with Finalized and leaves the database and the blobs as they were.
#include "age_store_fixture.h"
#include "crypto/age_keys.h"
#include "store/age_blob_encryptor.h"
#include "store/vault_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sstream>

namespace amicus::store {
namespace {

class FinalizedDraftTest : public testing::AgeStoreTest {
protected:
    void SetUp() override
    {
        openStore();
        if (HasFatalFailure()) {
            return;
        }
        auto draft = store_->drafts().create("call-1");
        ASSERT_TRUE(draft.ok());
        draftId_ = *draft;
        ASSERT_TRUE(
            store_->drafts().saveField(draftId_, DraftField::Organization, "Red Ribbon").ok());
        ASSERT_TRUE(store_->drafts().saveField(draftId_, DraftField::Consent, "public").ok());
        ASSERT_TRUE(store_->drafts().saveAnswer(draftId_, "q1", "what was sent").ok());
        std::istringstream photo(std::string(4096, 'p'));
        auto attached =
            store_->attachments().add(draftId_, photo, "IMG_1.jpg", "image/jpeg", 1 << 20);
        ASSERT_TRUE(attached.ok()) << attached.error().detail;
        attachmentId_ = attached->id;
        std::istringstream smaller(std::string(1024, 's'));
        ASSERT_TRUE(store_->attachments()
                        .addReducedCopy(attachmentId_, smaller, "image/jpeg", 1 << 20)
                        .ok());
    }

    // Queues the draft as finalizeDraft does: the outbox entry first, then the status.
    void queue(bool markFinalized, OutboxState state = OutboxState::Queued)
    {
        OutboxEntry entry;
        entry.draftId = draftId_;
        entry.state = state;
        entry.envelopeName = "envelope.age";
        entry.envelopeSize = 1000;
        ASSERT_TRUE(store_->outbox().put(entry).ok());
        if (markFinalized) {
            ASSERT_TRUE(store_->drafts().setStatus(draftId_, DraftStatus::Finalized).ok());
        }
    }

    std::size_t blobCount() const
    {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e :
             std::filesystem::directory_iterator(dir_.path() / "blobs")) {
            ++n;
        }
        return n;
    }

    // Every kind of write the editor can make; each must be refused with Finalized.
    void expectEveryWriteRefused()
    {
        const auto before = store_->drafts().get(draftId_);
        ASSERT_TRUE(before.ok());
        const std::size_t blobsBefore = blobCount();

        const auto expectFinalized = [](const auto& result, const char* what) {
            ASSERT_FALSE(result.ok()) << what << " was accepted";
            EXPECT_EQ(result.error().code, StoreErrc::Finalized) << what;
        };
        for (const DraftField field :
             {DraftField::Language, DraftField::Organization, DraftField::OrganizationKind,
              DraftField::Country, DraftField::Contact}) {
            expectFinalized(store_->drafts().saveField(draftId_, field, "changed"),
                            draftFieldName(field));
        }
        expectFinalized(store_->drafts().saveField(draftId_, DraftField::Consent, "anonymous"),
                        "consent");
        expectFinalized(store_->drafts().saveAnswer(draftId_, "q1", "edited after sending"),
                        "answer");
        expectFinalized(store_->drafts().saveAnswer(draftId_, "q2", "a new answer"), "new answer");
        expectFinalized(store_->drafts().removeAnswer(draftId_, "q1"), "remove answer");
        std::istringstream file(std::string(100, 'f'));
        expectFinalized(
            store_->attachments().add(draftId_, file, "late.pdf", "application/pdf", 1 << 20),
            "attach");
        expectFinalized(store_->attachments().remove(attachmentId_), "remove attachment");
        std::istringstream again(std::string(512, 'r'));
        expectFinalized(
            store_->attachments().addReducedCopy(attachmentId_, again, "image/jpeg", 1 << 20),
            "new smaller copy");
        expectFinalized(store_->attachments().removeReducedCopy(attachmentId_),
                        "back to the original");

        // Nothing changed: fields, answers, attachments, times, and no blob left behind.
        const auto after = store_->drafts().get(draftId_);
        ASSERT_TRUE(after.ok());
        EXPECT_EQ(after->updatedAt, before->updatedAt);
        EXPECT_EQ(after->language, before->language);
        EXPECT_EQ(after->submitter.organization, before->submitter.organization);
        EXPECT_EQ(after->submitter.organizationKind, before->submitter.organizationKind);
        EXPECT_EQ(after->submitter.contact, before->submitter.contact);
        EXPECT_EQ(after->consent, before->consent);
        EXPECT_EQ(after->answers, before->answers);
        ASSERT_EQ(after->attachments.size(), 1u);
        ASSERT_TRUE(after->attachments[0].reduced.has_value());
        EXPECT_EQ(after->attachments[0].reduced->blobName,
                  before->attachments[0].reduced->blobName);
        EXPECT_EQ(blobCount(), blobsBefore);
    }

    std::int64_t draftId_ = 0;
    std::int64_t attachmentId_ = 0;
};

TEST_F(FinalizedDraftTest, AnEditingDraftTakesEveryWrite)
{
    EXPECT_TRUE(store_->drafts().saveField(draftId_, DraftField::Country, "Chile").ok());
    EXPECT_TRUE(store_->drafts().saveAnswer(draftId_, "q2", "more").ok());
    EXPECT_TRUE(store_->drafts().removeAnswer(draftId_, "q2").ok());
    EXPECT_TRUE(store_->attachments().removeReducedCopy(attachmentId_).ok());
    EXPECT_TRUE(store_->attachments().remove(attachmentId_).ok());
}

TEST_F(FinalizedDraftTest, AQueuedDraftRefusesEveryWrite)
{
    queue(true);
    expectEveryWriteRefused();
}

TEST_F(FinalizedDraftTest, ADeliveredDraftRefusesEveryWrite)
{
    queue(true, OutboxState::Delivered);
    expectEveryWriteRefused();
}

// A finalize killed between queueing the envelope and marking the draft: the outbox entry
// alone makes the draft unchangeable, since it names an envelope sealed from it.
TEST_F(FinalizedDraftTest, AnOutboxEntryAloneMakesTheDraftUnchangeable)
{
    queue(false);
    ASSERT_EQ(store_->drafts().get(draftId_)->status, DraftStatus::Editing);
    expectEveryWriteRefused();
}

TEST_F(FinalizedDraftTest, ARefusalOfAMissingDraftIsNotFound)
{
    EXPECT_EQ(store_->drafts().saveField(draftId_ + 99, DraftField::Country, "x").error().code,
              StoreErrc::NotFound);
    EXPECT_EQ(store_->drafts().saveAnswer(draftId_ + 99, "q1", "x").error().code,
              StoreErrc::NotFound);
}

// Deleting stays possible (the user's way out), and takes the outbox entry with it.
TEST_F(FinalizedDraftTest, AQueuedDraftCanStillBeDeletedWithItsOutboxEntry)
{
    queue(true, OutboxState::Uploading);
    auto listed = store_->drafts().list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    ASSERT_TRUE(listed->front().outboxState.has_value());
    EXPECT_EQ(*listed->front().outboxState, OutboxState::Uploading);
    EXPECT_EQ(listed->front().envelopeSize, 1000u);
    ASSERT_TRUE(store_->drafts().remove(draftId_).ok());
    EXPECT_EQ(store_->outbox().entry(draftId_).error().code, StoreErrc::NotFound);
    EXPECT_TRUE(store_->outbox().list()->empty());
    EXPECT_EQ(blobCount(), 0u);
}

TEST_F(FinalizedDraftTest, TheListShowsEachDraftsOutboxStateAndUploadedBytes)
{
    auto other = store_->drafts().create("call-1");
    ASSERT_TRUE(other.ok());
    OutboxEntry entry;
    entry.draftId = draftId_;
    entry.state = OutboxState::Waiting;
    entry.envelopeName = "envelope.age";
    entry.envelopeSize = 5000;
    entry.uploadOffset = 1200;
    ASSERT_TRUE(store_->outbox().put(entry).ok());
    auto listed = store_->drafts().list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 2u);
    for (const auto& summary : *listed) {
        if (summary.id == *other) {
            EXPECT_FALSE(summary.outboxState.has_value());
            EXPECT_EQ(summary.uploadedBytes, 0u);
        } else {
            ASSERT_TRUE(summary.outboxState.has_value());
            EXPECT_EQ(*summary.outboxState, OutboxState::Waiting);
            EXPECT_EQ(summary.uploadedBytes, 1200u);
            EXPECT_EQ(summary.envelopeSize, 5000u);
        }
    }
}

} // namespace
} // namespace amicus::store
