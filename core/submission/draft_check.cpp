#include "submission/draft_check.h"

namespace amicus::submission {

namespace {

// The length of the UTF-8 whitespace character at `text[i]`, or 0 when it is not one.
std::size_t whitespaceAt(std::string_view text, std::size_t i)
{
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == ' ' || (byte >= '\t' && byte <= '\r')) {
        return 1;
    }
    // U+00A0 no-break space, U+2000..U+200A spaces, U+2028/2029 separators, U+202F, U+205F,
    // U+3000: the spaces phone keyboards insert (French puts U+202F before "?" and ":").
    const auto next = [&](std::size_t k) {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    if (byte == 0xC2 && next(1) == 0xA0) {
        return 2;
    }
    if (byte == 0xE2 && next(1) == 0x80 &&
        ((next(2) >= 0x80 && next(2) <= 0x8A) || next(2) == 0xA8 || next(2) == 0xA9 ||
         next(2) == 0xAF)) {
        return 3;
    }
    if (byte == 0xE2 && next(1) == 0x81 && next(2) == 0x9F) {
        return 3;
    }
    if (byte == 0xE3 && next(1) == 0x80 && next(2) == 0x80) {
        return 3;
    }
    return 0;
}

bool isBlank(const std::optional<std::string>& value)
{
    return !value || countWords(*value) == 0;
}

} // namespace

std::uint64_t countWords(std::string_view utf8)
{
    std::uint64_t words = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t space = whitespaceAt(utf8, i);
        if (space > 0) {
            inWord = false;
            i += space;
            continue;
        }
        if (!inWord) {
            ++words;
            inWord = true;
        }
        ++i;
    }
    return words;
}

std::vector<DraftIssue> checkDraft(const store::Draft& draft, const calls::Call* call,
                                   std::int64_t nowUnixSeconds)
{
    std::vector<DraftIssue> issues;
    if (!call) {
        issues.push_back({DraftIssueCode::CallWithdrawn});
    } else if (!call->acceptsSubmissionsAt(nowUnixSeconds)) {
        issues.push_back({DraftIssueCode::CallClosed});
    }
    if (isBlank(draft.submitter.organization)) {
        issues.push_back({DraftIssueCode::MissingOrganization});
    }
    if (isBlank(draft.submitter.country)) {
        issues.push_back({DraftIssueCode::MissingCountry});
    }
    if (!draft.consent) {
        issues.push_back({DraftIssueCode::MissingConsent});
    }
    bool answered = false;
    for (const auto& [questionId, text] : draft.answers) {
        const std::uint64_t words = countWords(text);
        answered = answered || words > 0;
        if (call && call->limits.wordsPerAnswer > 0 && words > call->limits.wordsPerAnswer) {
            issues.push_back(
                {DraftIssueCode::AnswerTooLong, questionId, words, call->limits.wordsPerAnswer});
        }
    }
    if (!answered) {
        issues.push_back({DraftIssueCode::NoAnswer});
    }
    if (call && call->limits.attachmentsPerSubmission > 0 &&
        draft.attachments.size() > call->limits.attachmentsPerSubmission) {
        issues.push_back({DraftIssueCode::TooManyAttachments,
                          {},
                          draft.attachments.size(),
                          call->limits.attachmentsPerSubmission});
    }
    // The limit may have been lowered by a refreshed catalog after the file was taken in; the
    // size that counts is what will be sent (a photo's smaller copy when chosen).
    if (call && call->limits.bytesPerAttachment > 0) {
        for (const auto& attachment : draft.attachments) {
            if (attachment.sentSize() > call->limits.bytesPerAttachment) {
                issues.push_back({DraftIssueCode::AttachmentTooLarge,
                                  {},
                                  attachment.sentSize(),
                                  call->limits.bytesPerAttachment,
                                  attachment.fileName});
            }
        }
    }
    return issues;
}

} // namespace amicus::submission
