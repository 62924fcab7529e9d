#include "sync/file_outbox_repository.h"

#include "common/durable_file.h"
#include "crypto/sha256.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace amicus::sync {
namespace {

Failure<SyncError> ioError(const std::string& what)
{
    return fail(SyncError{SyncErrorCode::LocalIo, 0, what + ": " + std::strerror(errno)});
}

nlohmann::json toJson(const OutboxRecord& r)
{
    nlohmann::json j;
    j["id"] = r.id;
    j["submission_id"] = r.submissionId;
    j["call_id"] = r.callId;
    j["file_name"] = r.fileName;
    j["envelope_path"] = r.envelopePath;
    j["envelope_size"] = r.envelopeSize;
    j["envelope_sha256"] = crypto::toHex(r.envelopeSha256);
    j["state"] = outboxStateName(r.state);
    j["wait_reason"] = waitReasonName(r.waitReason);
    j["upload_url"] = r.uploadUrl ? nlohmann::json(*r.uploadUrl) : nlohmann::json();
    j["offset"] = r.offset;
    j["attempts"] = r.attempts;
    j["next_try_at"] = r.nextTryAtMs ? nlohmann::json(*r.nextTryAtMs) : nlohmann::json();
    j["upload_expires_at"] =
        r.uploadExpiresAtMs ? nlohmann::json(*r.uploadExpiresAtMs) : nlohmann::json();
    j["last_error"] = r.lastError ? nlohmann::json(syncErrorName(*r.lastError)) : nlohmann::json();
    j["last_error_detail"] = r.lastErrorDetail;
    j["receipt"] = r.receipt ? nlohmann::json(*r.receipt) : nlohmann::json();
    return j;
}

std::optional<OutboxRecord> fromJson(const nlohmann::json& j)
{
    try {
        OutboxRecord r;
        r.id = j.at("id").get<std::int64_t>();
        r.submissionId = j.at("submission_id").get<std::string>();
        r.callId = j.at("call_id").get<std::string>();
        r.fileName = j.at("file_name").get<std::string>();
        r.envelopePath = j.at("envelope_path").get<std::string>();
        r.envelopeSize = j.at("envelope_size").get<std::uint64_t>();
        const auto hex = j.at("envelope_sha256").get<std::string>();
        if (hex.size() != 64) {
            return std::nullopt;
        }
        for (std::size_t i = 0; i < 32; ++i) {
            r.envelopeSha256[i] =
                static_cast<std::uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
        }
        const auto state = parseOutboxStateName(j.at("state").get<std::string>());
        const auto reason = parseWaitReasonName(j.at("wait_reason").get<std::string>());
        if (!state || !reason) {
            return std::nullopt;
        }
        r.state = *state;
        r.waitReason = *reason;
        if (!j.at("upload_url").is_null()) {
            r.uploadUrl = j.at("upload_url").get<std::string>();
        }
        r.offset = j.at("offset").get<std::uint64_t>();
        r.attempts = j.at("attempts").get<int>();
        if (!j.at("next_try_at").is_null()) {
            r.nextTryAtMs = j.at("next_try_at").get<std::int64_t>();
        }
        if (!j.at("upload_expires_at").is_null()) {
            r.uploadExpiresAtMs = j.at("upload_expires_at").get<std::int64_t>();
        }
        if (!j.at("last_error").is_null()) {
            r.lastError = parseSyncErrorName(j.at("last_error").get<std::string>());
        }
        r.lastErrorDetail = j.at("last_error_detail").get<std::string>();
        if (!j.at("receipt").is_null()) {
            r.receipt = j.at("receipt").get<std::string>();
        }
        return r;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

} // namespace

Result<std::vector<OutboxRecord>, SyncError> FileOutboxRepository::list()
{
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) {
            return std::vector<OutboxRecord>{};
        }
        return ioError("open " + path_);
    }
    std::stringstream text;
    text << in.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded() || !document.is_array()) {
        return fail(SyncError{SyncErrorCode::LocalIo, 0, "outbox file is damaged: " + path_});
    }
    std::vector<OutboxRecord> records;
    for (const auto& item : document) {
        auto record = fromJson(item);
        if (!record) {
            return fail(SyncError{SyncErrorCode::LocalIo, 0, "outbox record is damaged: " + path_});
        }
        records.push_back(std::move(*record));
    }
    return records;
}

Result<void, SyncError> FileOutboxRepository::save(const OutboxRecord& record)
{
    auto records = list();
    if (!records) {
        return fail(records.error());
    }
    nlohmann::json document = nlohmann::json::array();
    bool replaced = false;
    for (const auto& existing : *records) {
        if (existing.id == record.id) {
            document.push_back(toJson(record));
            replaced = true;
        } else {
            document.push_back(toJson(existing));
        }
    }
    if (!replaced) {
        document.push_back(toJson(record));
    }
    return write(document.dump());
}

Result<void, SyncError> FileOutboxRepository::remove(std::int64_t id)
{
    auto records = list();
    if (!records) {
        return fail(records.error());
    }
    nlohmann::json document = nlohmann::json::array();
    for (const auto& existing : *records) {
        if (existing.id != id) {
            document.push_back(toJson(existing));
        }
    }
    if (document.size() == records->size()) {
        return {};
    }
    return write(document.dump());
}

Result<void, SyncError> FileOutboxRepository::write(const std::string& text)
{
    // A kill or power cut leaves either the old or the new file, never a mix. The directory's
    // own sync is best effort, as before: the new file is in place either way.
    if (auto failed = replaceFileDurably(path_, text);
        failed && std::string_view(failed->step) != "sync directory") {
        errno = failed->errorNumber;
        return ioError(std::string(failed->step) + " " + path_ + ".tmp");
    }
    return {};
}

} // namespace amicus::sync
