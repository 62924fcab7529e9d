// The JSON forms of a draft: the import file of `import-draft` and the output of `export`
// (both documented in README.md).
#pragma once

#include "store/vault_store.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace amicus::amicusctl {

// One attachment to import: where it is, and what to call it.
struct AttachmentSource {
    std::filesystem::path path; // resolved against the JSON file's directory
    std::string fileName;       // defaults to the file's base name
    std::string mediaType;      // defaults to application/octet-stream
};

// The parsed import file.
struct DraftImport {
    std::string callId;
    std::optional<std::string> language;
    std::map<store::DraftField, std::string> fields; // submitter block and consent
    std::map<std::string, std::string> answers;
    std::vector<AttachmentSource> attachments;
};

// Parses and checks an import document; on failure returns nullopt and sets `problem` to a
// message naming the offending key (never its value).
[[nodiscard]] std::optional<DraftImport> parseDraftImport(const nlohmann::json& document,
                                                          const std::filesystem::path& baseDir,
                                                          std::string& problem);

// The export document of a draft.
[[nodiscard]] nlohmann::json draftToJson(const store::Draft& draft);

} // namespace amicus::amicusctl
