#include "inbox_index.h"

#include <nlohmann/json.hpp>

namespace amicus::intake {

IndexRow indexRowOf(const SubmissionFolder& folder)
{
    IndexRow row;
    row.submissionId = folder.submissionId;
    row.callId = folder.callId;
    row.organization = folder.organization;
    row.country = folder.country;
    row.language = folder.language;
    row.consent = folder.consent;
    row.receivedAt = folder.receivedAt;
    row.size = folder.envelopeSize;
    row.arrival = folder.arrival;
    return row;
}

namespace {

// A character that makes a spreadsheet read a cell as a formula (or, for '|', as a DDE call
// in some), or that some strip before looking for one (NUL, tab, CR).
bool startsFormula(char c)
{
    switch (c) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\0':
    case '|':
    case ';':
        return true;
    default:
        return false;
    }
}

// True when `text` at `from`, after spaces, starts a formula.
bool formulaAt(std::string_view text, std::size_t from)
{
    while (from < text.size() && text[from] == ' ') {
        ++from;
    }
    return from < text.size() && startsFormula(text[from]);
}

} // namespace

std::string csvField(std::string_view text)
{
    std::string quoted = "\"";
    if (formulaAt(text, 0)) {
        quoted += '\'';
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
        // Where ';' is the separator (French and Spanish locales), each piece after one is a
        // cell of its own when a program splits the line without honouring the quotes.
        if (c == ';' && formulaAt(text, i + 1)) {
            quoted += '\'';
        }
    }
    quoted += '"';
    return quoted;
}

std::string indexCsv(const std::vector<IndexRow>& rows)
{
    static constexpr std::string_view header[] = {
        "submission_id",       "call_id",     "organization", "country", "language",
        "publication_consent", "received_at", "size",         "arrival"};
    std::string csv;
    for (const std::string_view name : header) {
        csv += (csv.empty() ? "" : ",") + csvField(name);
    }
    csv += "\r\n";
    for (const IndexRow& row : rows) {
        csv += csvField(row.submissionId) + ',' + csvField(row.callId) + ',' +
               csvField(row.organization) + ',' + csvField(row.country) + ',' +
               csvField(row.language) + ',' + csvField(row.consent) + ',' +
               csvField(row.receivedAt) + ',' + csvField(std::to_string(row.size)) + ',' +
               csvField(row.arrival) + "\r\n";
    }
    return csv;
}

std::string indexJson(const std::vector<IndexRow>& rows)
{
    auto orNull = [](const std::string& text) {
        return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
    };
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const IndexRow& row : rows) {
        list.push_back({
            {"submission_id", row.submissionId},
            {"call_id", row.callId},
            {"organization", orNull(row.organization)},
            {"country", orNull(row.country)},
            {"language", row.language},
            {"publication_consent", row.consent},
            {"received_at", row.receivedAt},
            {"size", row.size},
            {"arrival", row.arrival},
        });
    }
    nlohmann::ordered_json document = {{"submissions", std::move(list)}};
    return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace amicus::intake
