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
    return row;
}

std::string csvField(std::string_view text)
{
    std::string value;
    if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                          text.front() == '@' || text.front() == '\t' || text.front() == '\r')) {
        value += '\'';
    }
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string indexCsv(const std::vector<IndexRow>& rows)
{
    std::string csv =
        "submission_id,call_id,organization,country,language,publication_consent,received_at,"
        "size\r\n";
    for (const IndexRow& row : rows) {
        csv += csvField(row.submissionId) + ',' + csvField(row.callId) + ',' +
               csvField(row.organization) + ',' + csvField(row.country) + ',' +
               csvField(row.language) + ',' + csvField(row.consent) + ',' +
               csvField(row.receivedAt) + ',' + std::to_string(row.size) + "\r\n";
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
        });
    }
    nlohmann::ordered_json document = {{"submissions", std::move(list)}};
    return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace amicus::intake
