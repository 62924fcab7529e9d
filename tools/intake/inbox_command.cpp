// `amicus-intake inbox STORE_DIR -i IDENTITY -o OUT_DIR`: turns the reference endpoint's
// finished uploads into one checked, decrypted folder per submission, plus an index.
//
// The endpoint's data directory (server/README.md) holds, per upload, `uploads/<id>` (the
// envelope bytes) and `uploads/<id>.json` (the tus info written by @tus/file-store: `size`,
// `metadata`; its `offset` is not kept up to date, the file's length is the offset), and per
// delivered submission `receipts/<submission id>.json`. An upload is taken once all its bytes
// are there and its receipt exists; its bytes must be the ones the receipt names, the receipt
// must carry the endpoint's signature (with --receipt-key), and the age envelope must
// authenticate to its last chunk. Each submission is unpacked under a temporary name and
// renamed into place, so OUT_DIR/<submission id>/ is complete or absent, and a second run
// skips what is there. An upload whose bytes are refused is recorded in OUT_DIR/refused.json
// (refused_uploads.h) and not read again until `--retry` names it.
//
// `--from-folder DIR` also takes sealed envelopes brought by hand (the app's "save the sealed
// envelope", sent by e-mail, a messenger or a USB stick when no endpoint could be reached):
// every DIR/*.age is checked and unpacked the same way, without a receipt, and its folder
// holds arrival.json instead ("by_hand" in the index). A submission is unpacked once,
// whichever way it came: an envelope whose bytes are already in OUT_DIR (by either way) is
// recognised by its SHA-256; one that names a submission already there with other bytes is
// refused (id-conflict). A refused hand-delivered file is recorded under "hand:<SHA-256>".
#include "cli_support.h"
#include "command.h"
#include "crypto/age_keys.h"
#include "crypto/base64.h"
#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "file_io.h"
#include "inbox_index.h"
#include "package/package_reader.h"
#include "package/printable_text.h"
#include "package/submission_document.h"
#include "refused_uploads.h"
#include "s3_inbox_staging.h"
#include "submission_folder.h"
#include "sync/receipt.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::intake {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view usage =
    "usage: amicus-intake inbox STORE_DIR -i IDENTITY_FILE... -o OUT_DIR\n"
    "                           [--receipts DIR] [--receipt-key BASE64]\n"
    "                           [--from-folder DIR]... [--retry UPLOAD_ID|all]...\n"
    "       amicus-intake inbox --from-folder DIR -i IDENTITY_FILE... -o OUT_DIR\n"
    "       amicus-intake inbox s3://BUCKET --s3-endpoint URL [--s3-region R]\n"
    "                           [--s3-credentials FILE] -i IDENTITY_FILE... -o OUT_DIR ...\n"
    "exit: 0 all finished uploads are in OUT_DIR, 1 some were skipped as broken,\n"
    "      2 usage, 3 fatal (identity, OUT_DIR or the index could not be used)\n";

constexpr std::string_view incomingPrefix = ".incoming-";
constexpr std::string_view refusedFileName = "refused.json";

// Why a finished upload was not unpacked. Stable names, printed for people and scripts.
enum class InboxProblem {
    UploadInfoMalformed,     // uploads/<id>.json is not tus upload info with a submission id
    Oversized,               // more bytes stored than the upload's declared size
    ReceiptMalformed,        // receipts/<submission id>.json cannot be read as a receipt
    ReceiptMismatch,         // the stored bytes' size or SHA-256 differ from the receipt's
    ReceiptSignature,        // the receipt's signature does not verify with --receipt-key
    NotAnEnvelope,           // the bytes are not an age file
    NotForThisIdentity,      // none of the identities opens the envelope
    Tampered,                // the envelope does not authenticate
    Truncated,               // the envelope ends early
    UnsafeEntry,             // the package holds a path or file type that is refused
    BadManifest,             // submission.json is missing or malformed
    AttachmentMismatch,      // an attachment differs from its SHA-256 or size in the manifest
    SparseEntry,             // a tar entry is stored sparse (a bomb: its holes unpack as zeros)
    EntryLargerThanManifest, // a tar entry declares more bytes than the manifest lists
    LargerThanEnvelope,      // the tar declares more bytes than the envelope can hold
    ManifestNotFirst,        // an entry comes before submission.json
    TooManyEntries,          // the manifest lists more attachments than the reader accepts
    IdMismatch,              // the package names another submission or call than the upload
    MissingUpload,           // a receipt exists but the upload's bytes are gone
    IdConflict,              // by hand: names a submission already in OUT_DIR, other bytes
    BrokenFolder,            // a folder in OUT_DIR cannot be read back for the index
    Io,                      // reading or writing failed
};

const char* problemName(InboxProblem problem)
{
    switch (problem) {
    case InboxProblem::UploadInfoMalformed:
        return "upload-info-malformed";
    case InboxProblem::Oversized:
        return "oversized";
    case InboxProblem::ReceiptMalformed:
        return "receipt-malformed";
    case InboxProblem::ReceiptMismatch:
        return "receipt-mismatch";
    case InboxProblem::ReceiptSignature:
        return "receipt-signature";
    case InboxProblem::NotAnEnvelope:
        return "not-an-envelope";
    case InboxProblem::NotForThisIdentity:
        return "not-for-this-identity";
    case InboxProblem::Tampered:
        return "tampered";
    case InboxProblem::Truncated:
        return "truncated";
    case InboxProblem::UnsafeEntry:
        return "unsafe-entry";
    case InboxProblem::BadManifest:
        return "bad-manifest";
    case InboxProblem::AttachmentMismatch:
        return "attachment-mismatch";
    case InboxProblem::SparseEntry:
        return "sparse-entry";
    case InboxProblem::EntryLargerThanManifest:
        return "entry-larger-than-manifest";
    case InboxProblem::LargerThanEnvelope:
        return "larger-than-envelope";
    case InboxProblem::ManifestNotFirst:
        return "manifest-not-first";
    case InboxProblem::TooManyEntries:
        return "too-many-entries";
    case InboxProblem::IdMismatch:
        return "id-mismatch";
    case InboxProblem::MissingUpload:
        return "missing-upload";
    case InboxProblem::IdConflict:
        return "id-conflict";
    case InboxProblem::BrokenFolder:
        return "broken-folder";
    case InboxProblem::Io:
        return "io";
    }
    return "unknown";
}

// A refusal that the bytes themselves cause, so reading them again gives it again: recorded,
// and the upload is not read again until the officer asks. Not a failed read or write, nor
// an envelope for another identity (the next run may be given the right one).
bool isRefusalOfTheBytes(InboxProblem problem)
{
    return problem != InboxProblem::Io && problem != InboxProblem::NotForThisIdentity;
}

InboxProblem problemOf(package::PackageErrc code)
{
    switch (code) {
    case package::PackageErrc::NotAnEnvelope:
        return InboxProblem::NotAnEnvelope;
    case package::PackageErrc::NotForThisIdentity:
        return InboxProblem::NotForThisIdentity;
    case package::PackageErrc::Tampered:
        return InboxProblem::Tampered;
    case package::PackageErrc::Truncated:
        return InboxProblem::Truncated;
    case package::PackageErrc::UnsafeEntry:
        return InboxProblem::UnsafeEntry;
    case package::PackageErrc::BadManifest:
        return InboxProblem::BadManifest;
    case package::PackageErrc::AttachmentMismatch:
        return InboxProblem::AttachmentMismatch;
    case package::PackageErrc::SparseEntry:
        return InboxProblem::SparseEntry;
    case package::PackageErrc::EntryLargerThanManifest:
        return InboxProblem::EntryLargerThanManifest;
    case package::PackageErrc::LargerThanEnvelope:
        return InboxProblem::LargerThanEnvelope;
    case package::PackageErrc::ManifestNotFirst:
        return InboxProblem::ManifestNotFirst;
    case package::PackageErrc::TooManyEntries:
        return InboxProblem::TooManyEntries;
    default:
        return InboxProblem::Io;
    }
}

struct Failure {
    InboxProblem problem;
    std::string detail;
};

// What happened to one upload.
enum class Outcome {
    Unpacked,
    AlreadyThere,
    Unfinished,
    AwaitingReceipt,
    Duplicate,
    RefusedEarlier, // in refused.json, not read again
    Skipped,        // a problem now; Unpacking ones are recorded in refused.json
    Refused,        // the package was refused: recorded in refused.json
};

struct Counts {
    int unpacked = 0;
    int alreadyThere = 0;
    int unfinished = 0;
    int awaitingReceipt = 0;
    int duplicates = 0;
    int broken = 0;
    int byHand = 0; // of `unpacked`, brought by hand (--from-folder)
};

// Prints progress over long envelopes on stderr at most twice a second.
class ProgressLine {
public:
    ProgressLine(std::string label, std::uint64_t total) : label_(std::move(label)), total_(total)
    {
    }
    void update(std::uint64_t done)
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(500)) {
            return;
        }
        last_ = now;
        const double percent =
            total_ == 0 ? 100.0 : 100.0 * static_cast<double>(done) / static_cast<double>(total_);
        (void)std::fprintf(stderr, "  %s: %.0f%% of %.1f MiB\n", label_.c_str(),
                           percent > 100.0 ? 100.0 : percent,
                           static_cast<double>(total_) / (1024.0 * 1024.0));
    }

private:
    std::string label_;
    std::uint64_t total_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

struct StoredHash {
    std::uint64_t size = 0;
    crypto::Sha256Digest sha256{};
};

std::optional<StoredHash> hashStoredFile(const fs::path& path, std::uint64_t expectedSize)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    ProgressLine progress("checking " + path.filename().string(), expectedSize);
    crypto::Sha256 hasher;
    StoredHash result;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) {
            break;
        }
        hasher.update(std::span(reinterpret_cast<const std::uint8_t*>(buffer.data()), got));
        result.size += got;
        progress.update(result.size);
    }
    if (in.bad()) {
        return std::nullopt;
    }
    result.sha256 = hasher.finish();
    return result;
}

// The fields of a receipt we rely on, parsed from the signed bytes.
struct ReceiptFields {
    std::string submissionId;
    std::string uploadId;
    std::uint64_t size = 0;
    std::string sha256Hex;
};

std::optional<ReceiptFields> parseReceiptFields(const std::string& receiptJson)
{
    const auto json = nlohmann::json::parse(receiptJson, nullptr, false);
    if (json.is_discarded() || !json.is_object() || json.value("v", 0) != 1) {
        return std::nullopt;
    }
    ReceiptFields fields;
    try {
        fields.submissionId = json.at("submission_id").get<std::string>();
        fields.uploadId = json.at("upload_id").get<std::string>();
        fields.size = json.at("size").get<std::uint64_t>();
        fields.sha256Hex = json.at("sha256").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
    return fields;
}

// Everything one run needs.
class Inbox {
public:
    fs::path uploadsDir;
    fs::path receiptsDir;
    fs::path outDir;
    std::vector<crypto::X25519Identity> identities;
    std::optional<crypto::Ed25519PublicKey> receiptKey;
    RefusedUploads refused;
    const RefusedUpload* earlier = nullptr; // set with Outcome::RefusedEarlier
    Counts counts;

    // Names come from senders and from the store's file names: printed without controls.
    void report(const std::string& what, const Failure& failure)
    {
        ++counts.broken;
        (void)std::fprintf(stderr, "amicus-intake: skipped %s: %s: %s\n",
                           package::printableText(what, 400).c_str(), problemName(failure.problem),
                           package::printableText(failure.detail, 400).c_str());
    }

    // Processes uploads/<uploadId>; on a problem returns it in `failure`.
    Outcome processUpload(const std::string& uploadId, std::string& submissionId,
                          std::optional<Failure>& failure)
    {
        const fs::path dataFile = uploadsDir / uploadId;
        const auto infoText = readWholeFile(uploadsDir / (uploadId + ".json"), 1 << 20);
        if (!infoText) {
            failure = Failure{InboxProblem::Io, "cannot read the upload info"};
            return Outcome::Skipped;
        }
        const auto info = nlohmann::json::parse(*infoText, nullptr, false);
        if (info.is_discarded() || !info.is_object()) {
            failure = Failure{InboxProblem::UploadInfoMalformed, "the upload info is not JSON"};
            return Outcome::Skipped;
        }
        // A deferred length (no size yet) means the upload is still going on.
        if (!info.contains("size") || info["size"].is_null()) {
            return Outcome::Unfinished;
        }
        const auto metadata = info.find("metadata");
        if (!info["size"].is_number_unsigned() || metadata == info.end() ||
            !metadata->is_object() || !metadata->contains("submission_id") ||
            !(*metadata)["submission_id"].is_string()) {
            failure = Failure{InboxProblem::UploadInfoMalformed,
                              "the upload info has no size or submission id"};
            return Outcome::Skipped;
        }
        const auto declaredSize = info["size"].get<std::uint64_t>();
        submissionId = (*metadata)["submission_id"].get<std::string>();
        std::string callId;
        if (metadata->contains("call_id") && (*metadata)["call_id"].is_string()) {
            callId = (*metadata)["call_id"].get<std::string>();
        }
        if (!package::isSubmissionId(submissionId)) {
            // Only a package with the same id can be unpacked, and the package reader takes
            // only the ids Amicus makes: anything else is refused before decrypting.
            failure = Failure{InboxProblem::UploadInfoMalformed,
                              "the submission id is not one Amicus makes (a lower-case UUID v4)"};
            submissionId.clear();
            return Outcome::Skipped;
        }
        std::error_code error;
        const auto storedSize = fs::file_size(dataFile, error);
        if (error) {
            failure = Failure{InboxProblem::Io, "cannot read the upload's size"};
            return Outcome::Skipped;
        }
        if (storedSize < declaredSize) {
            return Outcome::Unfinished;
        }
        if (storedSize > declaredSize) {
            failure =
                Failure{InboxProblem::Oversized, std::to_string(storedSize) + " bytes stored, " +
                                                     std::to_string(declaredSize) + " declared"};
            return Outcome::Skipped;
        }
        if (fs::exists(outDir / submissionId, error)) {
            return Outcome::AlreadyThere;
        }
        if ((earlier = refused.find(uploadId, storedSize)) != nullptr) {
            return Outcome::RefusedEarlier;
        }
        const fs::path receiptFile = receiptsDir / (submissionId + ".json");
        if (!fs::exists(receiptFile, error)) {
            // The endpoint issues it right after the last byte (or at its next start).
            return Outcome::AwaitingReceipt;
        }
        const auto receiptText = readWholeFile(receiptFile, 1 << 20);
        if (!receiptText) {
            failure = Failure{InboxProblem::Io, "cannot read the receipt"};
            return Outcome::Skipped;
        }
        auto signedReceipt = sync::decodeReceiptDocument(*receiptText);
        if (!signedReceipt) {
            failure = Failure{InboxProblem::ReceiptMalformed, "the receipt file is malformed"};
            return Outcome::Skipped;
        }
        const auto fields = parseReceiptFields(signedReceipt->receiptJson);
        if (!fields || fields->submissionId != submissionId) {
            failure = Failure{InboxProblem::ReceiptMalformed,
                              "the receipt's fields are malformed or name another submission"};
            return Outcome::Skipped;
        }
        if (fields->uploadId != uploadId) {
            // A second upload of a delivered submission; the endpoint removes its bytes.
            return Outcome::Duplicate;
        }
        const auto stored = hashStoredFile(dataFile, storedSize);
        if (!stored) {
            failure = Failure{InboxProblem::Io, "cannot read the stored bytes"};
            return Outcome::Skipped;
        }
        if (stored->size != fields->size || crypto::toHex(stored->sha256) != fields->sha256Hex) {
            failure = Failure{InboxProblem::ReceiptMismatch,
                              "the stored bytes are not the ones the receipt was issued for"};
            return Outcome::Skipped;
        }
        if (receiptKey) {
            const sync::ExpectedEnvelope expected{submissionId, stored->size, stored->sha256};
            if (!sync::verifyReceipt(*signedReceipt, *receiptKey, expected)) {
                failure = Failure{InboxProblem::ReceiptSignature,
                                  "the receipt is not signed by the given receipt key"};
                return Outcome::Skipped;
            }
        }
        return unpack(dataFile, submissionId, callId, *receiptText, storedSize, failure);
    }

    Outcome unpack(const fs::path& envelope, const std::string& submissionId,
                   const std::string& callId, const std::string& receiptText,
                   std::uint64_t envelopeSize, std::optional<Failure>& failure)
    {
        return unpackAs(envelope, submissionId, callId, receiptFileName, receiptText, envelopeSize,
                        failure);
    }

    // Decrypts and unpacks `envelope` under a temporary name, writes `sideFile` (the receipt,
    // or arrival.json) beside the package, and renames it to OUT_DIR/<submission id>. An
    // empty `submissionId` takes the package's own (by hand: nothing else names it), and
    // then refuses one already in OUT_DIR.
    Outcome unpackAs(const fs::path& envelope, const std::string& submissionId,
                     const std::string& callId, std::string_view sideFile,
                     const std::string& sideText, std::uint64_t envelopeSize,
                     std::optional<Failure>& failure, std::string* unpackedId = nullptr)
    {
        const std::string scratchName =
            submissionId.empty() ? "hand-" + std::to_string(::getpid()) : submissionId;
        const fs::path incoming = outDir / (std::string(incomingPrefix) + scratchName);
        std::error_code error;
        fs::remove_all(incoming, error);
        std::vector<const crypto::AgeIdentity*> identityList;
        for (const auto& identity : identities) {
            identityList.push_back(&identity);
        }
        ProgressLine progress(
            "decrypting " + (submissionId.empty() ? envelope.filename().string() : submissionId),
            envelopeSize);
        package::PackageReadOptions options;
        options.onProgress = [&progress](std::uint64_t done) { progress.update(done); };
        auto extracted = package::PackageReader::extract(envelope, identityList, incoming, options);
        if (!extracted) {
            failure = Failure{problemOf(extracted.error().code), extracted.error().detail};
            return isRefusalOfTheBytes(failure->problem) ? Outcome::Refused : Outcome::Skipped;
        }
        if ((!submissionId.empty() && extracted->submissionId != submissionId) ||
            (!callId.empty() && extracted->callId != callId)) {
            fs::remove_all(incoming, error);
            failure = Failure{InboxProblem::IdMismatch,
                              "the package's submission or call id differs from the upload's"};
            return Outcome::Refused;
        }
        const std::string id = extracted->submissionId;
        if (unpackedId) {
            *unpackedId = id;
        }
        if (submissionId.empty() && fs::exists(outDir / id, error)) {
            // Its bytes differ from the ones there (those were recognised by their hash).
            fs::remove_all(incoming, error);
            failure = Failure{InboxProblem::IdConflict,
                              "submission " + id + " is already in OUT_DIR with other bytes"};
            return Outcome::Refused;
        }
        if (!writeFileSynced(incoming / sideFile, sideText, 0600, false)) {
            fs::remove_all(incoming, error);
            failure = Failure{InboxProblem::Io, "cannot write " + std::string(sideFile)};
            return Outcome::Skipped;
        }
        syncDirectory(incoming);
        const fs::path final = outDir / id;
        if (std::rename(incoming.c_str(), final.c_str()) != 0) {
            const int savedErrno = errno;
            fs::remove_all(incoming, error);
            failure = Failure{InboxProblem::Io, std::string("cannot move the folder into place: ") +
                                                    std::strerror(savedErrno)};
            return Outcome::Skipped;
        }
        syncDirectory(outDir);
        return Outcome::Unpacked;
    }

    // SHA-256 (hex) of every envelope already in OUT_DIR, by either way.
    std::set<std::string> knownEnvelopes;

    // Processes one envelope brought by hand, `file` in a --from-folder DIR; `key` is its
    // record in refused.json ("hand:<SHA-256>").
    Outcome processHandDelivered(const fs::path& file, std::string& key, std::string& submissionId,
                                 std::optional<Failure>& failure)
    {
        std::error_code error;
        const auto size = fs::file_size(file, error);
        if (error) {
            failure = Failure{InboxProblem::Io, "cannot read the file's size"};
            return Outcome::Skipped;
        }
        const auto stored = hashStoredFile(file, size);
        if (!stored) {
            failure = Failure{InboxProblem::Io, "cannot read the file"};
            return Outcome::Skipped;
        }
        const std::string sha256Hex = crypto::toHex(stored->sha256);
        key = "hand:" + sha256Hex;
        if (knownEnvelopes.contains(sha256Hex)) {
            return Outcome::AlreadyThere;
        }
        if ((earlier = refused.find(key, stored->size)) != nullptr) {
            return Outcome::RefusedEarlier;
        }
        const nlohmann::ordered_json arrival = {
            {"arrival", arrivedByHand},
            {"received_at", package::formatUtc(std::chrono::system_clock::now())},
            {"size", stored->size},
            {"sha256", sha256Hex},
            {"file", package::printableText(file.filename().string(), 200)},
        };
        const Outcome outcome = unpackAs(file, "", "", arrivalFileName, arrival.dump(2) + "\n",
                                         stored->size, failure, &submissionId);
        if (outcome == Outcome::Unpacked) {
            knownEnvelopes.insert(sha256Hex);
        }
        return outcome;
    }
};

// The *.age files of a --from-folder DIR, sorted; hidden files, links and folders left out.
std::vector<fs::path> listHandDelivered(const fs::path& folder, std::error_code& error)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        std::error_code typeError;
        if (name.empty() || name.front() == '.' || entry.path().extension() != ".age" ||
            !entry.is_regular_file(typeError) || entry.is_symlink(typeError)) {
            continue;
        }
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> listUploads(const fs::path& uploadsDir, std::error_code& error)
{
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(uploadsDir, error)) {
        const std::string name = entry.path().filename().string();
        std::error_code typeError;
        if (name.empty() || name.front() == '.' || entry.path().extension() == ".json" ||
            !entry.is_regular_file(typeError) || !fs::exists(uploadsDir / (name + ".json"))) {
            continue;
        }
        ids.push_back(name);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<S3Staging> stageBucket(const ParsedArgs& parsed, const std::string& bucketName,
                                     const fs::path& outDir)
{
    S3Location location;
    location.endpoint = parsed.last("--s3-endpoint").value_or("");
    location.bucket = bucketName;
    location.region = parsed.last("--s3-region").value_or("us-east-1");
    std::string error;
    if (location.endpoint.empty()) {
        reportError("s3://" + bucketName + " needs --s3-endpoint URL");
        return std::nullopt;
    }
    if (!loadS3Credentials(parsed.last("--s3-credentials").value_or(""), location, error)) {
        reportError(error);
        return std::nullopt;
    }
    auto staging = S3Staging::fetch(S3Bucket(location), outDir, error);
    if (!staging) {
        reportError("cannot read s3://" + bucketName + ": " + error);
    }
    return staging;
}

} // namespace

int runInbox(std::span<const std::string> args)
{
    auto parsed = parseArgs(args,
                            {"-i", "-o", "--receipts", "--receipt-key", "--retry", "--s3-endpoint",
                             "--s3-region", "--s3-credentials", "--from-folder"},
                            {}, {{"--identity", "-i"}, {"--output", "-o"}});
    if (!parsed) {
        return exitUsage;
    }
    const auto identityFiles = parsed->values.find("-i");
    const auto out = parsed->last("-o");
    const auto handFolders = parsed->values.find("--from-folder");
    const bool hasStore = parsed->positionals.size() == 1;
    if (parsed->positionals.size() > 1 || (!hasStore && handFolders == parsed->values.end()) ||
        identityFiles == parsed->values.end() || !out) {
        (void)std::fputs(usage.data(), stderr);
        return exitUsage;
    }
    Inbox inbox;
    if (const auto key = parsed->last("--receipt-key")) {
        auto parsedKey = crypto::Ed25519PublicKey::fromBase64(*key);
        if (!parsedKey) {
            reportError("--receipt-key is not an Ed25519 public key (base64 of 32 bytes)");
            return exitUsage;
        }
        inbox.receiptKey = *parsedKey;
    }
    for (const std::string& file : identityFiles->second) {
        auto text = readSmallFile(file);
        if (!text) {
            return exitFatal;
        }
        auto identities = crypto::parseIdentityFile(*text);
        crypto::wipe(text->data(), text->size());
        if (!identities) {
            reportError(file + " is not an age identity file: " + identities.error().detail);
            return exitFatal;
        }
        for (auto& identity : *identities) {
            inbox.identities.push_back(std::move(identity));
        }
    }

    fs::path store = hasStore ? fs::path(parsed->positionals[0]) : fs::path();
    std::error_code error;
    // The endpoint's bucket (server/ with --s3-endpoint): fetched into the same layout first.
    std::optional<S3Staging> s3;
    if (const auto bucket = hasStore ? bucketOfS3Url(store.string()) : std::nullopt) {
        s3 = stageBucket(*parsed, *bucket, *out);
        if (!s3) {
            return exitFatal;
        }
        store = s3->dir();
    }
    inbox.uploadsDir = fs::is_directory(store / "uploads", error) ? store / "uploads" : store;
    inbox.receiptsDir = parsed->last("--receipts").value_or((store / "receipts").string());
    inbox.outDir = *out;
    if (hasStore && !fs::is_directory(inbox.uploadsDir, error)) {
        reportError(store.string() + " is not the endpoint's data directory (no uploads/)");
        return exitFatal;
    }
    if (::mkdir(inbox.outDir.c_str(), 0700) != 0 && errno != EEXIST) {
        reportError("cannot create " + inbox.outDir.string() + ": " + std::strerror(errno));
        return exitFatal;
    }
    if (!fs::is_directory(inbox.outDir, error)) {
        reportError(inbox.outDir.string() + " is not a directory");
        return exitFatal;
    }
    auto refused = RefusedUploads::load(inbox.outDir / refusedFileName);
    if (!refused) {
        reportError((inbox.outDir / refusedFileName).string() +
                    " is damaged; move it away to read every refused upload again");
        return exitFatal;
    }
    inbox.refused = std::move(*refused);
    if (const auto retry = parsed->values.find("--retry"); retry != parsed->values.end()) {
        for (const std::string& uploadId : retry->second) {
            if (uploadId == "all") {
                (void)std::fprintf(stderr, "retrying %zu refused upload(s)\n",
                                   inbox.refused.forgetAll());
            } else if (!inbox.refused.forget(uploadId)) {
                (void)std::fprintf(stderr,
                                   "amicus-intake: warning: --retry %s: not a refused "
                                   "upload\n",
                                   package::printableText(uploadId).c_str());
            }
        }
    }
    // Leftovers of an interrupted run: never complete, safe to drop.
    for (const auto& entry : fs::directory_iterator(inbox.outDir, error)) {
        if (entry.path().filename().string().rfind(incomingPrefix, 0) == 0) {
            std::error_code ignored;
            fs::remove_all(entry.path(), ignored);
        }
    }

    const auto uploads =
        hasStore ? listUploads(inbox.uploadsDir, error) : std::vector<std::string>();
    if (error) {
        reportError("cannot list " + inbox.uploadsDir.string() + ": " + error.message());
        return exitFatal;
    }
    std::set<std::string> uploadIds(uploads.begin(), uploads.end());
    if (hasStore && !inbox.receiptKey) {
        (void)std::fputs("amicus-intake: warning: no --receipt-key, receipt signatures are not "
                         "checked (the stored bytes are still checked against each receipt)\n",
                         stderr);
    }
    std::size_t position = 0;
    for (const std::string& uploadId : uploads) {
        ++position;
        std::string submissionId;
        std::optional<Failure> failure;
        const Outcome outcome = inbox.processUpload(uploadId, submissionId, failure);
        const std::string what = package::printableText(
            "upload " + uploadId +
                (submissionId.empty() ? "" : " (submission " + submissionId + ")"),
            400);
        const char* status = "";
        switch (outcome) {
        case Outcome::Unpacked:
            inbox.refused.forget(uploadId); // refused before with other bytes
            ++inbox.counts.unpacked;
            status = "unpacked";
            std::printf("%s\n", (inbox.outDir / submissionId).c_str());
            break;
        case Outcome::AlreadyThere:
            ++inbox.counts.alreadyThere;
            status = "already in OUT_DIR";
            break;
        case Outcome::Unfinished:
            ++inbox.counts.unfinished;
            status = "unfinished, left for later";
            break;
        case Outcome::AwaitingReceipt:
            ++inbox.counts.awaitingReceipt;
            status = "complete but no receipt yet, left for later";
            break;
        case Outcome::Duplicate:
            ++inbox.counts.duplicates;
            status = "second upload of a delivered submission, ignored";
            break;
        case Outcome::RefusedEarlier:
            ++inbox.counts.broken;
            (void)std::fprintf(
                stderr,
                "amicus-intake: skipped %s: %s: refused at %s, not read again (--retry %s "
                "reads it again)\n",
                what.c_str(), package::printableText(inbox.earlier->reason).c_str(),
                package::printableText(inbox.earlier->refusedAt).c_str(),
                package::printableText(uploadId).c_str());
            continue;
        case Outcome::Refused:
            inbox.refused.record(
                uploadId, RefusedUpload{submissionId, problemName(failure->problem),
                                        package::printableText(failure->detail, 400),
                                        fs::file_size(inbox.uploadsDir / uploadId, error),
                                        package::formatUtc(std::chrono::system_clock::now())});
            inbox.report(what, *failure);
            continue;
        case Outcome::Skipped:
            inbox.report(what, *failure);
            continue;
        }
        (void)std::fprintf(stderr, "[%zu/%zu] %s: %s\n", position, uploads.size(), what.c_str(),
                           status);
    }

    if (handFolders != parsed->values.end()) {
        // What is in OUT_DIR already, by either way, is known by its envelope's SHA-256.
        for (const SubmissionFolder& folder : scanSubmissionFolders(inbox.outDir).submissions) {
            inbox.knownEnvelopes.insert(folder.envelopeSha256Hex);
        }
        for (const std::string& folder : handFolders->second) {
            const auto files = listHandDelivered(folder, error);
            if (error) {
                reportError("cannot list --from-folder " + folder + ": " + error.message());
                return exitFatal;
            }
            for (const fs::path& file : files) {
                std::string key;
                std::string submissionId;
                std::optional<Failure> failure;
                const Outcome outcome =
                    inbox.processHandDelivered(file, key, submissionId, failure);
                const std::string what = package::printableText(
                    "by hand " + file.filename().string() +
                        (submissionId.empty() ? "" : " (submission " + submissionId + ")"),
                    400);
                switch (outcome) {
                case Outcome::Unpacked:
                    ++inbox.counts.unpacked;
                    ++inbox.counts.byHand;
                    std::printf("%s\n", (inbox.outDir / submissionId).c_str());
                    (void)std::fprintf(stderr, "%s: unpacked, arrived without a receipt\n",
                                       what.c_str());
                    break;
                case Outcome::AlreadyThere:
                    ++inbox.counts.alreadyThere;
                    (void)std::fprintf(stderr, "%s: already in OUT_DIR\n", what.c_str());
                    break;
                case Outcome::RefusedEarlier:
                    ++inbox.counts.broken;
                    (void)std::fprintf(
                        stderr,
                        "amicus-intake: skipped %s: %s: refused at %s, not read again (--retry "
                        "%s reads it again)\n",
                        what.c_str(), package::printableText(inbox.earlier->reason).c_str(),
                        package::printableText(inbox.earlier->refusedAt).c_str(), key.c_str());
                    break;
                case Outcome::Refused:
                    inbox.refused.record(
                        key, RefusedUpload{submissionId, problemName(failure->problem),
                                           package::printableText(failure->detail, 400),
                                           fs::file_size(file, error),
                                           package::formatUtc(std::chrono::system_clock::now())});
                    inbox.report(what, *failure);
                    break;
                default:
                    inbox.report(what, *failure);
                    break;
                }
            }
        }
    }

    // A receipt says the endpoint holds a submission; its bytes must still be there.
    for (const auto& entry :
         fs::directory_iterator(hasStore ? inbox.receiptsDir : fs::path(), error)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".json" || name.front() == '.') {
            continue;
        }
        const std::string submissionId = entry.path().stem().string();
        std::error_code ignored;
        if (!package::isSubmissionId(submissionId) ||
            fs::exists(inbox.outDir / submissionId, ignored)) {
            continue;
        }
        const auto text = readWholeFile(entry.path(), 1 << 20);
        auto signedReceipt =
            text ? sync::decodeReceiptDocument(*text) : sync::decodeReceiptDocument("");
        const auto fields =
            signedReceipt ? parseReceiptFields(signedReceipt->receiptJson) : std::nullopt;
        if (fields && uploadIds.count(fields->uploadId) == 0) {
            inbox.report("submission " + submissionId,
                         Failure{InboxProblem::MissingUpload,
                                 "receipted upload " + fields->uploadId + " is not in the store"});
        }
    }

    if (inbox.refused.changed() &&
        !replaceFileAtomically(inbox.outDir / refusedFileName, inbox.refused.text(), 0600)) {
        reportError("cannot write " + (inbox.outDir / refusedFileName).string());
        return exitFatal;
    }

    auto scan = scanSubmissionFolders(inbox.outDir);
    for (const auto& [path, folderError] : scan.broken) {
        inbox.report("folder " + path.string(),
                     Failure{InboxProblem::BrokenFolder, folderErrorName(folderError)});
    }
    std::vector<IndexRow> rows;
    rows.reserve(scan.submissions.size());
    for (const SubmissionFolder& folder : scan.submissions) {
        rows.push_back(indexRowOf(folder));
    }
    if (!replaceFileAtomically(inbox.outDir / "index.csv", indexCsv(rows), 0600) ||
        !replaceFileAtomically(inbox.outDir / "index.json", indexJson(rows), 0600)) {
        reportError("cannot write the index in " + inbox.outDir.string());
        return exitFatal;
    }
    const Counts& c = inbox.counts;
    (void)std::fprintf(stderr,
                       "inbox: %d new, %d already there, %d unfinished, %d awaiting a receipt, "
                       "%d duplicate uploads, %d skipped as broken; index: %zu submission(s)\n",
                       c.unpacked, c.alreadyThere, c.unfinished, c.awaitingReceipt, c.duplicates,
                       c.broken, rows.size());
    if (c.byHand > 0) {
        (void)std::fprintf(stderr, "inbox: %d of the new arrived by hand, without a receipt\n",
                           c.byHand);
    }
    return c.broken == 0 ? exitAllGood : exitSomeSkipped;
}

} // namespace amicus::intake
