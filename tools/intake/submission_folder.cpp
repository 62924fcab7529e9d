#include "submission_folder.h"

#include "file_io.h"
#include "package/submission_package.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace amicus::intake {

namespace fs = std::filesystem;

namespace {

// submission.json and receipt.json are small; a huge one is not ours.
constexpr std::uintmax_t maxJsonBytes = 16 * 1024 * 1024;

// A string member, or "" for null/absent; false if present with another type.
bool optionalString(const nlohmann::ordered_json& object, const char* key, std::string& out)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        out.clear();
        return true;
    }
    if (!found->is_string()) {
        return false;
    }
    out = found->get<std::string>();
    return true;
}

bool requiredString(const nlohmann::ordered_json& object, const char* key, std::string& out)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) {
        return false;
    }
    out = found->get<std::string>();
    return true;
}

bool parseManifest(const std::string& text, SubmissionFolder& folder)
{
    const auto json = nlohmann::ordered_json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object() ||
        json.value("format", "") != "amicus-submission") {
        return false;
    }
    if (!requiredString(json, "submission_id", folder.submissionId) ||
        !requiredString(json, "call_id", folder.callId) ||
        !requiredString(json, "language", folder.language) ||
        !optionalString(json, "created_at", folder.createdAt) ||
        !requiredString(json, "publication_consent", folder.consent)) {
        return false;
    }
    if (folder.consent != "public" && folder.consent != "confidential" &&
        folder.consent != "anonymous") {
        return false;
    }
    const auto submitter = json.find("submitter");
    if (submitter != json.end() && !submitter->is_null()) {
        if (!submitter->is_object() ||
            !optionalString(*submitter, "organization", folder.organization) ||
            !optionalString(*submitter, "organization_kind", folder.organizationKind) ||
            !optionalString(*submitter, "country", folder.country) ||
            !optionalString(*submitter, "contact", folder.contact)) {
            return false;
        }
    }
    const auto answers = json.find("answers");
    if (answers != json.end()) {
        if (!answers->is_object()) {
            return false;
        }
        for (const auto& [id, value] : answers->items()) {
            if (!value.is_string()) {
                return false;
            }
            folder.answers.emplace_back(id, value.get<std::string>());
        }
    }
    const auto attachments = json.find("attachments");
    if (attachments != json.end()) {
        if (!attachments->is_array()) {
            return false;
        }
        for (const auto& item : *attachments) {
            FolderAttachment attachment;
            if (!item.is_object() || !requiredString(item, "path", attachment.path) ||
                !optionalString(item, "name", attachment.name) ||
                !optionalString(item, "media_type", attachment.mediaType) ||
                !optionalString(item, "sha256", attachment.sha256Hex) || !item.contains("size") ||
                !item["size"].is_number_unsigned()) {
                return false;
            }
            attachment.size = item["size"].get<std::uint64_t>();
            folder.attachments.push_back(std::move(attachment));
        }
    }
    return true;
}

// receipt.json is the endpoint's stored document {"receipt": "<json>", "signature": ...}.
bool parseReceipt(const std::string& text, SubmissionFolder& folder)
{
    const auto document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object() || !document.contains("receipt") ||
        !document["receipt"].is_string()) {
        return false;
    }
    const auto receipt =
        nlohmann::json::parse(document["receipt"].get<std::string>(), nullptr, false);
    if (receipt.is_discarded() || !receipt.is_object() || !receipt.contains("received_at") ||
        !receipt["received_at"].is_string() || !receipt.contains("size") ||
        !receipt["size"].is_number_unsigned()) {
        return false;
    }
    folder.receivedAt = receipt["received_at"].get<std::string>();
    folder.envelopeSize = receipt["size"].get<std::uint64_t>();
    folder.arrival = arrivedThroughEndpoint;
    return optionalString(receipt, "sha256", folder.envelopeSha256Hex);
}

// arrival.json, written by inbox for an envelope that came by hand, without a receipt.
bool parseArrival(const std::string& text, SubmissionFolder& folder)
{
    const auto arrival = nlohmann::ordered_json::parse(text, nullptr, false);
    if (arrival.is_discarded() || !arrival.is_object() ||
        arrival.value("arrival", "") != arrivedByHand ||
        !requiredString(arrival, "received_at", folder.receivedAt) ||
        !requiredString(arrival, "sha256", folder.envelopeSha256Hex) || !arrival.contains("size") ||
        !arrival["size"].is_number_unsigned()) {
        return false;
    }
    folder.envelopeSize = arrival["size"].get<std::uint64_t>();
    folder.arrival = arrivedByHand;
    return true;
}

} // namespace

const char* folderErrorName(FolderError error)
{
    switch (error) {
    case FolderError::Unreadable:
        return "unreadable";
    case FolderError::BadManifest:
        return "bad-manifest";
    case FolderError::BadReceipt:
        return "bad-receipt";
    case FolderError::NameMismatch:
        return "name-mismatch";
    }
    return "unknown";
}

Result<SubmissionFolder, FolderError> readSubmissionFolder(const fs::path& directory)
{
    SubmissionFolder folder;
    folder.directory = directory;
    const auto manifest = readWholeFile(directory / manifestFileName, maxJsonBytes);
    if (!manifest) {
        return fail(FolderError::Unreadable);
    }
    if (!parseManifest(*manifest, folder)) {
        return fail(FolderError::BadManifest);
    }
    if (folder.submissionId != directory.filename().string()) {
        return fail(FolderError::NameMismatch);
    }
    std::error_code error;
    if (!fs::exists(directory / receiptFileName, error) &&
        fs::exists(directory / arrivalFileName, error)) {
        const auto arrival = readWholeFile(directory / arrivalFileName, maxJsonBytes);
        if (!arrival || !parseArrival(*arrival, folder)) {
            return fail(FolderError::BadReceipt);
        }
        return folder;
    }
    const auto receipt = readWholeFile(directory / receiptFileName, maxJsonBytes);
    if (!receipt || !parseReceipt(*receipt, folder)) {
        return fail(FolderError::BadReceipt);
    }
    return folder;
}

FolderScan scanSubmissionFolders(const fs::path& outDir)
{
    FolderScan scan;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(outDir, error)) {
        const std::string name = entry.path().filename().string();
        std::error_code typeError;
        // Inbox names a folder after its package's submission id, so a temporary or hidden
        // entry is never mistaken for a submission.
        if (!package::isSubmissionId(name) || !entry.is_directory(typeError) ||
            entry.is_symlink(typeError)) {
            continue;
        }
        auto folder = readSubmissionFolder(entry.path());
        if (folder) {
            scan.submissions.push_back(std::move(folder).value());
        } else {
            scan.broken.emplace_back(entry.path(), folder.error());
        }
    }
    std::sort(scan.submissions.begin(), scan.submissions.end(),
              [](const SubmissionFolder& a, const SubmissionFolder& b) {
                  return std::tie(a.receivedAt, a.submissionId) <
                         std::tie(b.receivedAt, b.submissionId);
              });
    return scan;
}

} // namespace amicus::intake
