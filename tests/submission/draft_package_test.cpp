// packageFromDraft on a real vault: what a stored draft amounts to as a submission (finalize
// packs it, the app's export lays it out), including the defaults for what is not yet chosen.
#include "calls/builtin_catalog.h"
#include "store/vault_session.h"
#include "submission/draft_package.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>

namespace amicus::submission {
namespace {

class DraftPackage : public ::testing::Test {
protected:
    void SetUp() override
    {
        root_ = std::filesystem::temp_directory_path() /
                ("amicus-draft-package-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(root_);
        crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        auto session = store::VaultSession::create(root_ / "data", "package test words", options);
        ASSERT_TRUE(session.ok());
        session_ = std::move(session).value();
        call_ = &calls::builtinCatalog().calls.front();
        ASSERT_GE(call_->questions.size(), 2U);
    }
    void TearDown() override { std::filesystem::remove_all(root_); }

    store::Draft reread(std::int64_t id)
    {
        auto draft = session_->store().drafts().get(id);
        EXPECT_TRUE(draft.ok());
        return draft.ok() ? *draft : store::Draft{};
    }

    std::filesystem::path root_;
    std::unique_ptr<store::VaultSession> session_;
    const calls::Call* call_ = nullptr;
};

TEST_F(DraftPackage, AnswersFollowTheCallsOrderInTheSubmissionsLanguage)
{
    auto& store = session_->store();
    const auto id = store.drafts().create(call_->id).value();
    ASSERT_TRUE(store.drafts().saveField(id, store::DraftField::Language, "fr").ok());
    ASSERT_TRUE(store.drafts().saveField(id, store::DraftField::Organization, "Ruban Rouge").ok());
    // Saved in the reverse order, plus one to a question the call no longer has.
    ASSERT_TRUE(store.drafts().saveAnswer(id, "a-withdrawn-question", "Ancienne réponse.").ok());
    ASSERT_TRUE(store.drafts().saveAnswer(id, call_->questions[1].id, "Deuxième.").ok());
    ASSERT_TRUE(store.drafts().saveAnswer(id, call_->questions[0].id, "Première.").ok());

    const auto submission = packageFromDraft(reread(id), *call_, store, *session_->identity());
    EXPECT_EQ(submission.callId, call_->id);
    EXPECT_EQ(submission.language, "fr");
    EXPECT_EQ(submission.submitter.organization, "Ruban Rouge");
    EXPECT_EQ(submission.submitter.country, "");
    ASSERT_EQ(submission.answers.size(), 3U);
    EXPECT_EQ(submission.answers[0].questionId, call_->questions[0].id);
    EXPECT_EQ(submission.answers[0].questionText, call_->questions[0].textIn(calls::Language::Fr));
    EXPECT_EQ(submission.answers[0].text, "Première.");
    EXPECT_EQ(submission.answers[1].text, "Deuxième.");
    EXPECT_EQ(submission.answers[2].questionId, "a-withdrawn-question");
    EXPECT_EQ(submission.answers[2].questionText, "a-withdrawn-question");
}

TEST_F(DraftPackage, NothingChosenYetReadsEnglishAndConfidential)
{
    auto& store = session_->store();
    const auto id = store.drafts().create(call_->id).value();
    ASSERT_TRUE(store.drafts().saveAnswer(id, call_->questions[0].id, "Text.").ok());
    const auto submission = packageFromDraft(reread(id), *call_, store, *session_->identity());
    EXPECT_EQ(submission.language, "en");
    EXPECT_EQ(submission.consent, package::PublicationConsent::Confidential);
    ASSERT_EQ(submission.answers.size(), 1U);
    EXPECT_EQ(submission.answers[0].questionText, call_->questions[0].textIn(calls::Language::En));

    ASSERT_TRUE(store.drafts().saveField(id, store::DraftField::Consent, "public").ok());
    EXPECT_EQ(packageFromDraft(reread(id), *call_, store, *session_->identity()).consent,
              package::PublicationConsent::Public);
}

TEST_F(DraftPackage, AnAttachmentOpensToItsPlaintext)
{
    auto& store = session_->store();
    const auto id = store.drafts().create(call_->id).value();
    const std::string bytes(50'000, 'n');
    std::ofstream(root_ / "notes.txt", std::ios::binary) << bytes;
    ASSERT_TRUE(store.attachments()
                    .addFile(id, root_ / "notes.txt", "notes.txt", "text/plain", 1 << 20)
                    .ok());
    const auto submission = packageFromDraft(reread(id), *call_, store, *session_->identity());
    ASSERT_EQ(submission.attachments.size(), 1U);
    const auto& attachment = submission.attachments.front();
    EXPECT_EQ(attachment.fileName, "notes.txt");
    EXPECT_EQ(attachment.mediaType, "text/plain");
    EXPECT_EQ(attachment.size, bytes.size());
    auto source = attachment.open();
    ASSERT_TRUE(source.ok());
    std::string read;
    std::array<std::uint8_t, 4096> buffer{};
    for (;;) {
        auto got = (*source)->read(buffer);
        ASSERT_TRUE(got.ok());
        if (*got == 0) {
            break;
        }
        read.append(reinterpret_cast<const char*>(buffer.data()), *got);
    }
    EXPECT_EQ(read, bytes);
}

} // namespace
} // namespace amicus::submission
