// SubmissionFolder: one submission as `amicus-intake inbox` leaves it on disk
// (OUT_DIR/<submission id>/ with submission.json, submission.md, attachments/ and the
// endpoint's receipt.json), read back for the index and for publishing.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace amicus::intake {

// The file names inbox writes into each submission folder: the manifest, and how the envelope
// arrived — the endpoint's signed receipt, or, for an envelope brought by hand (inbox
// --from-folder), arrival.json: {"arrival": "by_hand", "received_at", "size", "sha256", "file"}.
inline constexpr std::string_view manifestFileName = "submission.json";
inline constexpr std::string_view receiptFileName = "receipt.json";
inline constexpr std::string_view arrivalFileName = "arrival.json";
// SubmissionFolder::arrival values.
inline constexpr std::string_view arrivedThroughEndpoint = "endpoint";
inline constexpr std::string_view arrivedByHand = "by_hand";

// One attachment listed in submission.json.
struct FolderAttachment {
    std::string path; // inside the folder, e.g. attachments/report.pdf
    std::string name; // as the submitter named it
    std::string mediaType;
    std::uint64_t size = 0;
    std::string sha256Hex;
};

// What publish and the index need from a submission folder.
struct SubmissionFolder {
    std::filesystem::path directory;
    std::string submissionId;
    std::string callId;
    std::string language;
    std::string createdAt;
    std::string organization; // empty when not given
    std::string organizationKind;
    std::string country;
    std::string contact;
    std::string consent; // "public", "confidential" or "anonymous"
    std::vector<std::pair<std::string, std::string>> answers; // question id, text; file order
    std::vector<FolderAttachment> attachments;
    // From receipt.json: when the endpoint received the envelope, its size in bytes and its
    // SHA-256; from arrival.json (by hand, no receipt): when inbox took it, likewise.
    std::string receivedAt;
    std::uint64_t envelopeSize = 0;
    std::string envelopeSha256Hex;
    std::string arrival{arrivedThroughEndpoint}; // or arrivedByHand
};

enum class FolderError {
    Unreadable,   // a file could not be read
    BadManifest,  // submission.json is not the submission format
    BadReceipt,   // receipt.json (or, by hand, arrival.json) is missing or malformed
    NameMismatch, // the folder is not named after the submission id inside it
};

[[nodiscard]] const char* folderErrorName(FolderError error);

// Reads and checks `directory`/submission.json and receipt.json (or arrival.json).
[[nodiscard]] Result<SubmissionFolder, FolderError>
readSubmissionFolder(const std::filesystem::path& directory);

// Every submission folder directly under `outDir`, sorted by received time then id. Folders
// that cannot be read are returned in `broken` with their error.
struct FolderScan {
    std::vector<SubmissionFolder> submissions;
    std::vector<std::pair<std::filesystem::path, FolderError>> broken;
};
[[nodiscard]] FolderScan scanSubmissionFolders(const std::filesystem::path& outDir);

} // namespace amicus::intake
