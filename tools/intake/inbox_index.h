// The inbox index: one row per submission folder, written as CSV (for spreadsheets) and JSON
// (for scripts) next to the folders.
#pragma once

#include "submission_folder.h"

#include <string>
#include <string_view>
#include <vector>

namespace amicus::intake {

// One line of the index.
struct IndexRow {
    std::string submissionId;
    std::string callId;
    std::string organization;
    std::string country;
    std::string language;
    std::string consent;
    std::string receivedAt;
    std::uint64_t size = 0; // bytes of the envelope as received
    // "endpoint" (with the endpoint's signed receipt) or "by_hand" (brought in a folder:
    // arrived without a receipt).
    std::string arrival = "endpoint";
};

[[nodiscard]] IndexRow indexRowOf(const SubmissionFolder& folder);

// One CSV field (RFC 4180): always quoted, quotes doubled. Text a spreadsheet would run as a
// formula (starting, after any spaces, with = + - @ | ; tab, CR or NUL) gets a leading
// apostrophe, and so does each such piece after a ';' inside the text (a cell of its own
// where ';' separates cells), because organization names come from anyone who submits.
[[nodiscard]] std::string csvField(std::string_view text);

// The CSV file: a header line, then one line per row, every field quoted, CRLF line ends
// (RFC 4180), UTF-8.
[[nodiscard]] std::string indexCsv(const std::vector<IndexRow>& rows);

// The JSON file: {"submissions": [{"submission_id": ..., "size": N, ...}, ...]}; absent
// organization or country are null.
[[nodiscard]] std::string indexJson(const std::vector<IndexRow>& rows);

} // namespace amicus::intake
