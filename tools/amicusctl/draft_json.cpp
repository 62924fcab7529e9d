#include "draft_json.h"

#include "cli.h"
#include "crypto/sha256.h"

namespace amicus::amicusctl {

namespace {

constexpr store::DraftField kSubmitterFields[] = {
    store::DraftField::Organization,
    store::DraftField::OrganizationKind,
    store::DraftField::Country,
    store::DraftField::Contact,
};

bool takeString(const nlohmann::json& object, const char* key, std::optional<std::string>& out,
                std::string& problem, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return true;
    }
    if (!it->is_string()) {
        problem = where + key + " must be a string";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

bool onlyKeys(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
              std::string& problem, const std::string& where)
{
    for (const auto& item : object.items()) {
        bool known = false;
        for (const auto key : allowed) {
            known = known || item.key() == key;
        }
        if (!known) {
            problem = "unknown key " + where + item.key();
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<DraftImport> parseDraftImport(const nlohmann::json& document,
                                            const std::filesystem::path& baseDir,
                                            std::string& problem)
{
    if (!document.is_object()) {
        problem = "the document must be a JSON object";
        return std::nullopt;
    }
    if (!onlyKeys(document,
                  {"call_id", "language", "submitter", "consent", "answers", "attachments"},
                  problem, "")) {
        return std::nullopt;
    }
    DraftImport result;
    std::optional<std::string> callId;
    if (!takeString(document, "call_id", callId, problem, "") ||
        !takeString(document, "language", result.language, problem, "")) {
        return std::nullopt;
    }
    if (!callId || callId->empty()) {
        problem = "call_id is required";
        return std::nullopt;
    }
    result.callId = *callId;

    if (const auto it = document.find("submitter"); it != document.end() && !it->is_null()) {
        if (!it->is_object()) {
            problem = "submitter must be an object";
            return std::nullopt;
        }
        if (!onlyKeys(*it, {"organization", "organization_kind", "country", "contact"}, problem,
                      "submitter.")) {
            return std::nullopt;
        }
        for (const auto field : kSubmitterFields) {
            std::optional<std::string> value;
            if (!takeString(*it, store::draftFieldName(field), value, problem, "submitter.")) {
                return std::nullopt;
            }
            if (value) {
                result.fields[field] = *value;
            }
        }
    }
    std::optional<std::string> consent;
    if (!takeString(document, "consent", consent, problem, "")) {
        return std::nullopt;
    }
    if (consent) {
        if (!store::parseConsent(*consent)) {
            problem = "consent must be public, confidential or anonymous";
            return std::nullopt;
        }
        result.fields[store::DraftField::Consent] = *consent;
    }

    if (const auto it = document.find("answers"); it != document.end() && !it->is_null()) {
        if (!it->is_object()) {
            problem = "answers must be an object keyed by question id";
            return std::nullopt;
        }
        for (const auto& item : it->items()) {
            if (item.key().empty() || !item.value().is_string()) {
                problem = "answers." + item.key() + " must be a string under a question id";
                return std::nullopt;
            }
            result.answers[item.key()] = item.value().get<std::string>();
        }
    }

    if (const auto it = document.find("attachments"); it != document.end() && !it->is_null()) {
        if (!it->is_array()) {
            problem = "attachments must be an array";
            return std::nullopt;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto& entry = (*it)[i];
            const std::string where = "attachments[" + std::to_string(i) + "].";
            AttachmentSource source;
            std::optional<std::string> path;
            std::optional<std::string> fileName;
            std::optional<std::string> mediaType;
            if (entry.is_string()) {
                path = entry.get<std::string>();
            } else if (entry.is_object()) {
                if (!onlyKeys(entry, {"path", "file_name", "media_type"}, problem, where) ||
                    !takeString(entry, "path", path, problem, where) ||
                    !takeString(entry, "file_name", fileName, problem, where) ||
                    !takeString(entry, "media_type", mediaType, problem, where)) {
                    return std::nullopt;
                }
            }
            if (!path || path->empty()) {
                problem = where + "path is required";
                return std::nullopt;
            }
            source.path = std::filesystem::path(*path);
            if (source.path.is_relative()) {
                source.path = baseDir / source.path;
            }
            source.fileName = fileName.value_or(std::filesystem::path(*path).filename().string());
            source.mediaType = mediaType.value_or("application/octet-stream");
            result.attachments.push_back(std::move(source));
        }
    }
    return result;
}

nlohmann::json draftToJson(const store::Draft& draft)
{
    nlohmann::json out;
    out["id"] = draft.id;
    out["submission_id"] = draft.submissionId;
    out["call_id"] = draft.callId;
    out["status"] = draft.status;
    out["created_at"] = formatTime(draft.createdAt);
    out["updated_at"] = formatTime(draft.updatedAt);
    out["language"] = draft.language ? nlohmann::json(*draft.language) : nlohmann::json();
    nlohmann::json submitter = nlohmann::json::object();
    const std::optional<std::string>* values[] = {
        &draft.submitter.organization, &draft.submitter.organizationKind, &draft.submitter.country,
        &draft.submitter.contact};
    for (std::size_t i = 0; i < std::size(kSubmitterFields); ++i) {
        const char* key = store::draftFieldName(kSubmitterFields[i]);
        submitter[key] = *values[i] ? nlohmann::json(**values[i]) : nlohmann::json();
    }
    out["submitter"] = submitter;
    out["consent"] =
        draft.consent ? nlohmann::json(store::consentName(*draft.consent)) : nlohmann::json();
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [question, text] : draft.answers) {
        answers[question] = text;
    }
    out["answers"] = answers;
    nlohmann::json attachments = nlohmann::json::array();
    for (const auto& attachment : draft.attachments) {
        attachments.push_back({{"id", attachment.id},
                               {"file_name", attachment.fileName},
                               {"media_type", attachment.mediaType},
                               {"size", attachment.size},
                               {"sha256", crypto::toHex(attachment.sha256)},
                               {"created_at", formatTime(attachment.createdAt)}});
    }
    out["attachments"] = attachments;
    return out;
}

} // namespace amicus::amicusctl
