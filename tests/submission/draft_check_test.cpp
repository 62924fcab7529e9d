// DraftCheck: word counting as the limit counts, and every reason a draft cannot be sent yet.
#include "calls/builtin_catalog.h"
#include "calls/practice_catalog.h"
#include "submission/draft_check.h"

#include <gtest/gtest.h>

namespace amicus::submission {
namespace {

struct WordCase {
    const char* text;
    std::uint64_t words;
};

class CountWords : public ::testing::TestWithParam<WordCase> {};

TEST_P(CountWords, CountsRunsBetweenSpaces)
{
    EXPECT_EQ(countWords(GetParam().text), GetParam().words) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Texts, CountWords,
    ::testing::Values(WordCase{"", 0}, WordCase{"   \n\t ", 0}, WordCase{"one", 1},
                      WordCase{"two words", 2}, WordCase{"  lead and trail  ", 3},
                      WordCase{"lines\nand\ttabs", 3},
                      // French typography: a narrow no-break space before "?" and ":".
                      WordCase{"Pourquoi\xE2\x80\xAF? Parce que\xC2\xA0: oui", 6},
                      WordCase{"acción policial", 2}, WordCase{"l’ordre public", 2},
                      WordCase{"ideographic\xE3\x80\x80space", 2}));

class CheckDraft : public ::testing::Test {
protected:
    void SetUp() override
    {
        call_ = &practice_.calls.front(); // open: the seed call itself is closed
        draft_.callId = call_->id;
        draft_.submitter.organization = "Red Ribbon";
        draft_.submitter.country = "Chile";
        draft_.consent = store::Consent::Public;
        draft_.answers[call_->questions.front().id] = "An answer.";
    }

    static std::vector<DraftIssueCode> codes(const std::vector<DraftIssue>& issues)
    {
        std::vector<DraftIssueCode> result;
        for (const auto& issue : issues) {
            result.push_back(issue.code);
        }
        return result;
    }

    calls::Catalog practice_ = calls::builtinPracticeCatalog(1'800'000'000);
    const calls::Call* call_ = nullptr;
    store::Draft draft_;
    std::int64_t now_ = 1'800'000'000;
};

TEST_F(CheckDraft, ACompleteDraftHasNoIssue)
{
    EXPECT_TRUE(checkDraft(draft_, call_, now_).empty());
}

TEST_F(CheckDraft, NamesEachMissingPart)
{
    draft_.submitter.organization.reset();
    draft_.submitter.country = "   ";
    draft_.consent.reset();
    draft_.answers.clear();
    const auto found = codes(checkDraft(draft_, call_, now_));
    const std::vector<DraftIssueCode> expected{
        DraftIssueCode::MissingOrganization, DraftIssueCode::MissingCountry,
        DraftIssueCode::MissingConsent, DraftIssueCode::NoAnswer};
    EXPECT_EQ(found, expected);
}

TEST_F(CheckDraft, AnAnswerOverTheLimitNamesItsQuestionAndCount)
{
    std::string longAnswer;
    for (std::uint64_t i = 0; i <= call_->limits.wordsPerAnswer; ++i) {
        longAnswer += "word ";
    }
    const std::string& questionId = call_->questions.at(1).id;
    draft_.answers[questionId] = longAnswer;
    const auto issues = checkDraft(draft_, call_, now_);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, DraftIssueCode::AnswerTooLong);
    EXPECT_EQ(issues[0].questionId, questionId);
    EXPECT_EQ(issues[0].count, call_->limits.wordsPerAnswer + 1);
    EXPECT_EQ(issues[0].limit, call_->limits.wordsPerAnswer);
}

TEST_F(CheckDraft, TooManyAttachments)
{
    draft_.attachments.resize(call_->limits.attachmentsPerSubmission + 1);
    const auto issues = checkDraft(draft_, call_, now_);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, DraftIssueCode::TooManyAttachments);
}

TEST_F(CheckDraft, AnAttachmentOverTheLimitIsNamedWithTheSizeThatWouldBeSent)
{
    const std::uint64_t limit = call_->limits.bytesPerAttachment;
    ASSERT_GT(limit, 0u);
    draft_.attachments.resize(2);
    draft_.attachments[0].fileName = "report.pdf";
    draft_.attachments[0].size = limit;
    draft_.attachments[1].fileName = "IMG_0042.HEIC";
    draft_.attachments[1].size = limit + 1;
    const auto issues = checkDraft(draft_, call_, now_);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, DraftIssueCode::AttachmentTooLarge);
    EXPECT_EQ(issues[0].attachmentName, "IMG_0042.HEIC");
    EXPECT_EQ(issues[0].count, limit + 1);
    EXPECT_EQ(issues[0].limit, limit);

    // Its smaller copy fits: nothing stops the draft any more.
    draft_.attachments[1].reduced = store::ReducedCopy{};
    draft_.attachments[1].reduced->size = limit / 10;
    EXPECT_TRUE(checkDraft(draft_, call_, now_).empty());
}

TEST_F(CheckDraft, AWithdrawnOrClosedCallCannotBeSentTo)
{
    EXPECT_EQ(codes(checkDraft(draft_, nullptr, now_)),
              std::vector<DraftIssueCode>{DraftIssueCode::CallWithdrawn});
    calls::Call closed = *call_;
    closed.status = calls::CallStatus::Closed;
    EXPECT_EQ(codes(checkDraft(draft_, &closed, now_)),
              std::vector<DraftIssueCode>{DraftIssueCode::CallClosed});
}

} // namespace
} // namespace amicus::submission
