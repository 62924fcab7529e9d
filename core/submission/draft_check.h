// DraftCheck: what stands between a draft and sending it, each problem named exactly so the
// review screen can say what to fix and where.
#pragma once

#include "calls/catalog.h"
#include "store/store_records.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::submission {

enum class DraftIssueCode {
    CallWithdrawn, // the catalog no longer has the call
    CallClosed,    // the call is closed or past its deadline
    MissingOrganization,
    MissingCountry,
    MissingConsent,     // the publication choice has not been made
    NoAnswer,           // not one key question is answered
    AnswerTooLong,      // questionId, words and limit say which and by how much
    TooManyAttachments, // count and limit
    AttachmentTooLarge, // attachmentName, bytes to send (count) and the call's limit
};

struct DraftIssue {
    DraftIssueCode code;
    std::string questionId;  // AnswerTooLong
    std::uint64_t count = 0; // words, attachments or bytes, as the code says
    std::uint64_t limit = 0;
    std::string attachmentName; // AttachmentTooLarge
};

// Words as the call's limit counts them: runs of non-whitespace (ASCII and Unicode spaces).
[[nodiscard]] std::uint64_t countWords(std::string_view utf8);

// Every issue of `draft` against `call` (nullptr when the catalog no longer has it), at time
// `nowUnixSeconds`; empty when the draft can be sent.
[[nodiscard]] std::vector<DraftIssue> checkDraft(const store::Draft& draft, const calls::Call* call,
                                                 std::int64_t nowUnixSeconds);

} // namespace amicus::submission
