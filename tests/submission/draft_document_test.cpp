// draftDocument on a real vault: what a draft's exported document says, in which order, whom it
// names as its author and what its file is called.
#include "calls/builtin_catalog.h"
#include "store/vault_session.h"
#include "submission/draft_document.h"
#include "test_temp_dir.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <gtest/gtest.h>

namespace amicus::submission {
namespace {

using package::BlockKind;

class DraftDocumentTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        auto session = store::VaultSession::create(dir_.path() / "data", "document words", options);
        ASSERT_TRUE(session.ok());
        session_ = std::move(session).value();
        call_ = &calls::builtinCatalog().calls.front();
        ASSERT_GE(call_->questions.size(), 2U);
    }

    store::VaultStore& store() { return session_->store(); }

    // A draft in French by Ruban Rouge, answering the call's questions in reverse order.
    std::int64_t writeDraft(store::Consent consent)
    {
        const auto id = store().drafts().create(call_->id).value();
        using store::DraftField;
        EXPECT_TRUE(store().drafts().saveField(id, DraftField::Language, "fr").ok());
        EXPECT_TRUE(store().drafts().saveField(id, DraftField::Organization, "Ruban Rouge").ok());
        EXPECT_TRUE(store().drafts().saveField(id, DraftField::Contact, "rr@example.org").ok());
        EXPECT_TRUE(
            store().drafts().saveField(id, DraftField::Consent, store::consentName(consent)).ok());
        EXPECT_TRUE(store().drafts().saveAnswer(id, call_->questions[1].id, "Deuxième.").ok());
        EXPECT_TRUE(store().drafts().saveAnswer(id, call_->questions[0].id, "Première.").ok());
        return id;
    }

    store::Draft reread(std::int64_t id)
    {
        auto draft = store().drafts().get(id);
        EXPECT_TRUE(draft.ok());
        return draft.ok() ? *draft : store::Draft{};
    }

    DraftDocument documentOf(std::int64_t id, const calls::Call* call)
    {
        return draftDocument(reread(id), call, store(), *session_->identity(), morning());
    }

    // 5 March 2026, 09:07 on this machine's clock, whatever its time zone.
    static std::chrono::system_clock::time_point morning()
    {
        std::tm local{};
        local.tm_year = 2026 - 1900;
        local.tm_mon = 2;
        local.tm_mday = 5;
        local.tm_hour = 9;
        local.tm_min = 7;
        local.tm_isdst = -1;
        return std::chrono::system_clock::from_time_t(std::mktime(&local));
    }

    static std::vector<std::string> textsOf(const DraftDocument& document, BlockKind kind)
    {
        std::vector<std::string> texts;
        for (const auto& block : document.layout.blocks) {
            if (block.kind == kind) {
                texts.push_back(block.text);
            }
        }
        return texts;
    }

    static bool hasItem(const DraftDocument& document, std::string_view text)
    {
        const auto items = textsOf(document, BlockKind::ListItem);
        return std::find(items.begin(), items.end(), text) != items.end();
    }

    test_support::TempDir dir_;
    std::unique_ptr<store::VaultSession> session_;
    const calls::Call* call_ = nullptr;
};

TEST_F(DraftDocumentTest, TheSecretariatsLayoutInTheSubmissionsLanguage)
{
    const auto id = writeDraft(store::Consent::Public);
    const DraftDocument document = documentOf(id, call_);
    EXPECT_EQ(document.layout.language, "fr");
    ASSERT_FALSE(document.layout.blocks.empty());
    EXPECT_EQ(document.layout.blocks.front().kind, BlockKind::Title);
    EXPECT_EQ(document.layout.title, "Contribution à un appel à contributions");
    EXPECT_EQ(
        textsOf(document, BlockKind::Heading),
        (std::vector<std::string>{"Auteur de la contribution", "Réponses", "Pièces jointes"}));
    // The call's order, not the order they were saved in.
    EXPECT_EQ(textsOf(document, BlockKind::Subheading),
              (std::vector<std::string>{call_->questions[0].textIn(calls::Language::Fr),
                                        call_->questions[1].textIn(calls::Language::Fr)}));
    EXPECT_EQ(textsOf(document, BlockKind::Paragraph),
              (std::vector<std::string>{"Première.", "Deuxième."}));
    EXPECT_TRUE(hasItem(document, "Organisation\u00A0: Ruban Rouge"));
    EXPECT_TRUE(hasItem(document, "Contact\u00A0: rr@example.org"));
    EXPECT_EQ(document.author, "Ruban Rouge");
}

TEST_F(DraftDocumentTest, AnAnonymousDraftKeepsItsSubmitterButNamesNoAuthor)
{
    // Their own draft, for them to send: the submitter block stays whatever the choice, but the
    // metadata a reader does not look at names nobody.
    const auto id = writeDraft(store::Consent::Anonymous);
    const DraftDocument document = documentOf(id, call_);
    EXPECT_TRUE(hasItem(document, "Organisation\u00A0: Ruban Rouge"));
    EXPECT_EQ(document.author, "");
}

TEST_F(DraftDocumentTest, AWithdrawnCallsAnswersKeepTheirQuestionIds)
{
    const auto id = writeDraft(store::Consent::Confidential);
    const DraftDocument document = documentOf(id, nullptr);
    const auto headings = textsOf(document, BlockKind::Subheading);
    ASSERT_EQ(headings.size(), 2U);
    EXPECT_NE(std::find(headings.begin(), headings.end(), call_->questions[0].id), headings.end());
    EXPECT_NE(std::find(headings.begin(), headings.end(), call_->questions[1].id), headings.end());
    EXPECT_EQ(document.author, "Ruban Rouge");
}

TEST_F(DraftDocumentTest, AttachmentsAreListedUnderNamesOfTheirOwn)
{
    const auto id = writeDraft(store::Consent::Public);
    const auto file = dir_.path() / "report.pdf";
    std::ofstream(file, std::ios::binary) << "%PDF-1.4\n";
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(
            store().attachments().addFile(id, file, "report.pdf", "application/pdf", 1 << 20).ok());
    }
    const DraftDocument document = documentOf(id, call_);
    std::vector<std::string> listed;
    for (const auto& item : textsOf(document, BlockKind::ListItem)) {
        if (item.starts_with("attachments/")) {
            listed.push_back(item.substr(0, item.find(' ')));
        }
    }
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0], "attachments/report.pdf");
    EXPECT_NE(listed[1], listed[0]);
}

TEST_F(DraftDocumentTest, TheFileIsNamedByTheCallAndTheMinuteOnly)
{
    const auto id = writeDraft(store::Consent::Public);
    const DraftDocument document = documentOf(id, call_);
    EXPECT_EQ(document.fileStem, "amicus-" + call_->id + "-2026-03-05-0907");
    EXPECT_EQ(document.fileStem.find("Ruban"), std::string::npos);
}

TEST(FreshFileName, NeverTheNameOfAFileAlreadyThere)
{
    test_support::TempDir dir;
    EXPECT_EQ(freshFileName(dir.path(), "amicus-c-2026", ".odt"), "amicus-c-2026.odt");
    std::ofstream(dir.path() / "amicus-c-2026.odt") << "x";
    EXPECT_EQ(freshFileName(dir.path(), "amicus-c-2026", ".odt"), "amicus-c-2026-2.odt");
    std::ofstream(dir.path() / "amicus-c-2026-2.odt") << "x";
    EXPECT_EQ(freshFileName(dir.path(), "amicus-c-2026", ".odt"), "amicus-c-2026-3.odt");
    // The other format's name is free.
    EXPECT_EQ(freshFileName(dir.path(), "amicus-c-2026", ".pdf"), "amicus-c-2026.pdf");
}

} // namespace
} // namespace amicus::submission
