// What the outbox offers for a submission that cannot go as it is: an editable copy of the
// finalized draft (a new submission with everything the original said, its encrypted files
// copied) and taking its entry out of the outbox while the draft stays. Real SQLite, real age.
#include "age_store_fixture.h"
#include "crypto/age_keys.h"
#include "crypto/byte_stream.h"
#include "store/age_blob_encryptor.h"
#include "store/vault_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sstream>

namespace amicus::store {
namespace {

class DraftCopyTest : public testing::AgeStoreTest {
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
        ASSERT_TRUE(store_->drafts().saveField(draftId_, DraftField::Language, "fr").ok());
        ASSERT_TRUE(
            store_->drafts().saveField(draftId_, DraftField::Organization, "Ruban Rouge").ok());
        ASSERT_TRUE(store_->drafts().saveField(draftId_, DraftField::Country, "Sénégal").ok());
        ASSERT_TRUE(store_->drafts().saveField(draftId_, DraftField::Consent, "anonymous").ok());
        ASSERT_TRUE(store_->drafts().saveAnswer(draftId_, "q1", "Une réponse de terrain.").ok());
        ASSERT_TRUE(store_->drafts().saveAnswer(draftId_, "q3", "Another answer").ok());
        std::istringstream report(reportBytes_);
        auto doc =
            store_->attachments().add(draftId_, report, "rapport.pdf", "application/pdf", 1 << 20);
        ASSERT_TRUE(doc.ok()) << doc.error().detail;
        std::istringstream photo(std::string(50'000, 'p'));
        auto picture =
            store_->attachments().add(draftId_, photo, "IMG_1.jpg", "image/jpeg", 1 << 20);
        ASSERT_TRUE(picture.ok()) << picture.error().detail;
        std::istringstream smaller(smallerBytes_);
        ASSERT_TRUE(
            store_->attachments().addReducedCopy(picture->id, smaller, "image/jpeg", 1 << 20).ok());
        // In the outbox, as finalizeDraft leaves it.
        OutboxEntry entry;
        entry.draftId = draftId_;
        entry.state = OutboxState::NeedsAttention;
        entry.lastErrorCode = "too_large";
        entry.envelopeName = "envelope.age";
        entry.envelopeSize = 1000;
        entry.uploadUrl = "https://endpoint.example/files/abc";
        ASSERT_TRUE(store_->outbox().put(entry).ok());
        ASSERT_TRUE(store_->drafts().setStatus(draftId_, DraftStatus::Finalized).ok());
    }

    std::size_t blobCount() const
    {
        std::size_t n = 0;
        for (const auto& file : std::filesystem::directory_iterator(dir_.path() / "blobs")) {
            n += file.is_regular_file() ? 1 : 0;
        }
        return n;
    }

    std::string plaintext(const AttachmentInfo& attachment, bool reduced)
    {
        crypto::VectorSink out;
        auto opened = reduced
                          ? store_->attachments().decryptReducedCopy(attachment, *identity_, out)
                          : store_->attachments().decrypt(attachment, *identity_, out);
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().detail);
        return std::string(out.bytes().begin(), out.bytes().end());
    }

    const std::string reportBytes_ = "%PDF-1.7 " + std::string(20'000, 'r');
    const std::string smallerBytes_ = std::string(3'000, 's');
    std::int64_t draftId_ = 0;
};

TEST_F(DraftCopyTest, ACopyIsANewEditableSubmissionWithEverythingTheOriginalSaid)
{
    const auto before = store_->drafts().get(draftId_);
    ASSERT_TRUE(before.ok());
    auto copied = store_->drafts().copyAsNew(draftId_);
    ASSERT_TRUE(copied.ok()) << copied.error().detail;
    ASSERT_NE(*copied, draftId_);

    const auto copy = store_->drafts().get(*copied);
    ASSERT_TRUE(copy.ok());
    EXPECT_EQ(copy->status, DraftStatus::Editing);
    EXPECT_NE(copy->submissionId, before->submissionId) << "a new submission, never a re-upload";
    EXPECT_EQ(copy->submissionId.size(), 36u);
    EXPECT_EQ(copy->callId, "call-1");
    EXPECT_EQ(copy->language, std::optional<std::string>("fr"));
    EXPECT_EQ(copy->submitter.organization, std::optional<std::string>("Ruban Rouge"));
    EXPECT_EQ(copy->submitter.country, std::optional<std::string>("Sénégal"));
    EXPECT_EQ(copy->submitter.contact, std::nullopt) << "what was never saved stays unsaved";
    EXPECT_EQ(copy->consent, std::optional<Consent>(Consent::Anonymous));
    EXPECT_EQ(copy->answers, before->answers);
    ASSERT_EQ(copy->attachments.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& a = before->attachments[i];
        const auto& b = copy->attachments[i];
        EXPECT_EQ(b.draftId, *copied);
        EXPECT_EQ(b.fileName, a.fileName);
        EXPECT_EQ(b.mediaType, a.mediaType);
        EXPECT_EQ(b.size, a.size);
        EXPECT_EQ(b.sha256, a.sha256);
        EXPECT_NE(b.blobName, a.blobName) << "a file of its own";
        EXPECT_EQ(b.reduced.has_value(), a.reduced.has_value());
    }
    EXPECT_EQ(plaintext(copy->attachments[0], false), reportBytes_);
    ASSERT_TRUE(copy->attachments[1].reduced);
    EXPECT_NE(copy->attachments[1].reduced->blobName, before->attachments[1].reduced->blobName);
    EXPECT_EQ(copy->attachments[1].sentSize(), smallerBytes_.size());
    EXPECT_EQ(plaintext(copy->attachments[1], true), smallerBytes_);
    EXPECT_EQ(blobCount(), 6u);

    // The copy is not in the outbox and can be changed; the original is as it was.
    EXPECT_EQ(store_->outbox().entry(*copied).error().code, StoreErrc::NotFound);
    EXPECT_TRUE(store_->drafts().saveAnswer(*copied, "q1", "Shorter now.").ok());
    EXPECT_TRUE(store_->attachments().remove(copy->attachments[1].id).ok());
    const auto original = store_->drafts().get(draftId_);
    ASSERT_TRUE(original.ok());
    EXPECT_EQ(original->status, DraftStatus::Finalized);
    EXPECT_EQ(original->answers, before->answers);
    ASSERT_EQ(original->attachments.size(), 2u);
    EXPECT_EQ(plaintext(original->attachments[1], true), smallerBytes_);

    // Each stands alone: deleting the original leaves the copy whole.
    ASSERT_TRUE(store_->drafts().remove(draftId_).ok());
    const auto alone = store_->drafts().get(*copied);
    ASSERT_TRUE(alone.ok());
    ASSERT_EQ(alone->attachments.size(), 1u);
    EXPECT_EQ(plaintext(alone->attachments[0], false), reportBytes_);
    EXPECT_EQ(blobCount(), 1u);
}

TEST_F(DraftCopyTest, NothingIsMadeWhenTheCopyCannotBeMade)
{
    const auto drafts = store_->drafts().list();
    ASSERT_TRUE(drafts.ok());
    EXPECT_EQ(store_->drafts().copyAsNew(draftId_ + 100).error().code, StoreErrc::NotFound);

    // Locked: nothing can be opened or sealed, so nothing is copied (no row, no file).
    sealer_.lock();
    EXPECT_EQ(store_->drafts().copyAsNew(draftId_).error().code, StoreErrc::Locked);
    sealer_.unlock();
    EXPECT_EQ(store_->drafts().list()->size(), drafts->size());
    EXPECT_EQ(blobCount(), 3u);

    // A blob gone missing: the copy stops before any row, and the files it copied go.
    const auto original = store_->drafts().get(draftId_);
    ASSERT_TRUE(original.ok());
    std::filesystem::remove(store_->attachments().reducedBlobPath(original->attachments[1]));
    EXPECT_EQ(store_->drafts().copyAsNew(draftId_).error().code, StoreErrc::Io);
    EXPECT_EQ(store_->drafts().list()->size(), drafts->size());
    EXPECT_EQ(blobCount(), 2u);
}

TEST_F(DraftCopyTest, RemovingFromTheOutboxKeepsTheDraftAsItWas)
{
    ASSERT_TRUE(store_->outbox().remove(draftId_).ok());
    EXPECT_EQ(store_->outbox().entry(draftId_).error().code, StoreErrc::NotFound);
    EXPECT_TRUE(store_->outbox().list()->empty());
    const auto draft = store_->drafts().get(draftId_);
    ASSERT_TRUE(draft.ok());
    EXPECT_EQ(draft->status, DraftStatus::Finalized);
    EXPECT_EQ(draft->answers.at("q1"), "Une réponse de terrain.");
    EXPECT_EQ(draft->attachments.size(), 2u);
    EXPECT_EQ(blobCount(), 3u);
    // Twice: there is nothing left to remove.
    EXPECT_EQ(store_->outbox().remove(draftId_).error().code, StoreErrc::NotFound);
}

TEST_F(DraftCopyTest, RemovingFromTheOutboxNeedsNoKeyAndTakesTheLockedNoteWithIt)
{
    auto recipient = identity_->recipient();
    sealer_.lock();
    auto entry = store_->outbox().listPlain();
    ASSERT_TRUE(entry.ok());
    ASSERT_EQ(entry->size(), 1u);
    OutboxEntry later = entry->front().entry;
    later.uploadUrl = "https://endpoint.example/files/def";
    ASSERT_TRUE(store_->outbox().putWhileLocked(later, &recipient).ok());
    ASSERT_TRUE(store_->outbox().listPlain()->front().hasLockedNote);

    ASSERT_TRUE(store_->outbox().remove(draftId_).ok());
    EXPECT_TRUE(store_->outbox().listPlain()->empty());
    sealer_.unlock();
    auto merged = store_->outbox().mergeLockedNotes(*identity_);
    ASSERT_TRUE(merged.ok());
    EXPECT_EQ(*merged, 0) << "the note went with its entry";
    EXPECT_TRUE(store_->outbox().list()->empty());
    EXPECT_TRUE(store_->drafts().get(draftId_).ok());
}

} // namespace
} // namespace amicus::store
