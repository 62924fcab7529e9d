#include "refused_uploads.h"

#include "file_io.h"

#include <nlohmann/json.hpp>
#include <system_error>

namespace amicus::intake {

std::optional<RefusedUploads> RefusedUploads::load(const std::filesystem::path& file)
{
    RefusedUploads record;
    std::error_code error;
    if (!std::filesystem::exists(file, error) && !error) {
        return record;
    }
    const auto text = readWholeFile(file, std::uintmax_t{64} * 1024 * 1024);
    if (!text) {
        return std::nullopt;
    }
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("refused") ||
        !json["refused"].is_array()) {
        return std::nullopt;
    }
    try {
        for (const auto& item : json["refused"]) {
            RefusedUpload refusal;
            refusal.submissionId = item.at("submission_id").get<std::string>();
            refusal.reason = item.at("reason").get<std::string>();
            refusal.detail = item.at("detail").get<std::string>();
            refusal.size = item.at("size").get<std::uint64_t>();
            refusal.refusedAt = item.at("refused_at").get<std::string>();
            record.uploads_[item.at("upload_id").get<std::string>()] = std::move(refusal);
        }
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
    return record;
}

const RefusedUpload* RefusedUploads::find(const std::string& uploadId,
                                          std::uint64_t storedSize) const
{
    const auto found = uploads_.find(uploadId);
    return found != uploads_.end() && found->second.size == storedSize ? &found->second : nullptr;
}

void RefusedUploads::record(const std::string& uploadId, RefusedUpload refusal)
{
    uploads_[uploadId] = std::move(refusal);
    changed_ = true;
}

bool RefusedUploads::forget(const std::string& uploadId)
{
    const bool erased = uploads_.erase(uploadId) != 0;
    changed_ = changed_ || erased;
    return erased;
}

std::size_t RefusedUploads::forgetAll()
{
    const std::size_t count = uploads_.size();
    uploads_.clear();
    changed_ = changed_ || count != 0;
    return count;
}

std::string RefusedUploads::text() const
{
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& [uploadId, refusal] : uploads_) {
        list.push_back({
            {"upload_id", uploadId},
            {"submission_id", refusal.submissionId},
            {"reason", refusal.reason},
            {"detail", refusal.detail},
            {"size", refusal.size},
            {"refused_at", refusal.refusedAt},
        });
    }
    const nlohmann::ordered_json document = {{"refused", std::move(list)}};
    return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace amicus::intake
