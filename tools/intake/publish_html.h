// The publishable rendering of submissions: one self-contained HTML page per submission and
// an index page, every piece of submitted text escaped. Pure functions, tested apart from
// the files.
#pragma once

#include "submission_folder.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::intake {

// Escapes text for HTML element content and quoted attribute values.
[[nodiscard]] std::string htmlEscape(std::string_view text);

// Percent-encodes a relative link path segment by segment (keeps '/').
[[nodiscard]] std::string hrefEscape(std::string_view path);

// Looks up a question's text in the submission's language; empty when unknown.
using QuestionText = std::function<std::string(
    const std::string& callId, const std::string& questionId, const std::string& language)>;

// One submission as it may be published.
struct PublishedSubmission {
    const SubmissionFolder* folder = nullptr;
    bool anonymous = false;
    // Attachment links relative to the page (public submissions only), with their names.
    std::vector<std::pair<std::string, std::string>> attachmentLinks; // href path, label
};

// The page of one submission. For an anonymous one nothing of the submitter block
// (organization, kind, country, contact) appears; for a public one the organization, its
// kind and country do, never the contact address.
[[nodiscard]] std::string renderSubmissionPage(const PublishedSubmission& submission,
                                               const QuestionText& questionText);

// The index page linking `<submission id>/index.html` for each submission.
[[nodiscard]] std::string renderIndexPage(const std::vector<PublishedSubmission>& submissions);

} // namespace amicus::intake
