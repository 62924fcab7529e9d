// The index page of the publishable set: a self-contained HTML table linking each
// submission's ODT document (see odt_writer.h) and, for public ones, their attachments, every
// piece of submitted text escaped. Pure functions, tested apart from the files.
#pragma once

#include "submission_folder.h"

#include <string>
#include <string_view>
#include <vector>

namespace amicus::intake {

// Escapes text for HTML element content and quoted attribute values.
[[nodiscard]] std::string htmlEscape(std::string_view text);

// Percent-encodes a relative link path segment by segment (keeps '/').
[[nodiscard]] std::string hrefEscape(std::string_view path);

// One submission as it may be published.
struct PublishedSubmission {
    const SubmissionFolder* folder = nullptr;
    bool anonymous = false;
    // Attachment links relative to the index (public submissions only), with their names.
    std::vector<std::pair<std::string, std::string>> attachmentLinks; // href path, label
};

// The file name of a submission's document in the publishable set: "<submission id>.odt".
[[nodiscard]] std::string documentFileName(const SubmissionFolder& folder);

// The index page: one row per submission linking documentFileName(); columns document, call,
// submitted by (the organization; "Anonymous" for an anonymous one), country (empty for an
// anonymous one: it belongs to the submitter block), language, received time, attachments.
// Nothing of an anonymous submission's submitter block appears, nor any contact address.
[[nodiscard]] std::string renderIndexPage(const std::vector<PublishedSubmission>& submissions);

} // namespace amicus::intake
