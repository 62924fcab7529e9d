// PackageReader: opens a submission envelope with the secretariat's identity and extracts the
// package safely (for `amicus-intake inbox`), checking every attachment against the manifest.
#pragma once

#include "common/result.h"
#include "crypto/age_keys.h"
#include "package/package_error.h"
#include "package/submission_package.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace amicus::package {

// One attachment as listed in submission.json, and where it was extracted.
struct ExtractedAttachment {
    std::string path; // inside the package, e.g. attachments/report.pdf
    std::string name; // as the submitter named it
    std::string mediaType;
    std::uint64_t size = 0;
    std::array<std::uint8_t, 32> sha256{};
    std::filesystem::path file; // the extracted file
};

// The content of submission.json, checked, plus where everything was extracted.
struct ExtractedSubmission {
    std::filesystem::path directory;
    int version = 0;
    std::string callId;
    std::string submissionId;
    std::string language;
    std::string createdAt;
    SubmitterInfo submitter;
    PublicationConsent consent = PublicationConsent::Public;
    std::map<std::string, std::string> answers; // by question id
    std::vector<ExtractedAttachment> attachments;
    bool hasRendering = false; // submission.md was present
};

struct PackageReadOptions {
    // submission.json is parsed in memory; a larger one is refused as BadManifest.
    std::uint64_t maxManifestBytes = std::uint64_t{16} * 1024 * 1024;
    // submission.json may list at most this many attachments (TooManyEntries).
    std::size_t maxAttachments = 1000;
    // Called after each 64 KiB of plaintext with the bytes read so far.
    std::function<void(std::uint64_t plaintextBytes)> onProgress;
    // Polled every 64 KiB; returning true stops with Cancelled.
    std::function<bool()> isCancelled;
};

// Opens and extracts envelopes; holds no state between calls.
class PackageReader {
public:
    // Decrypts the envelope at `envelopePath` with the first of `identities` that opens it
    // and extracts the package into `destination`, which must not exist yet (it is created,
    // mode 0700). Only submission.json, submission.md, attachments/ and regular files
    // directly inside it are accepted; links, devices, absolute paths, `..`, unexpected or
    // duplicate names are refused with UnsafeEntry. Every attachment's size and SHA-256 must
    // match submission.json (AttachmentMismatch) and the whole envelope must authenticate,
    // up to its last chunk (Tampered, Truncated). On any failure `destination` is removed.
    [[nodiscard]] static PackageResult<ExtractedSubmission>
    extract(const std::filesystem::path& envelopePath,
            std::span<const crypto::AgeIdentity* const> identities,
            const std::filesystem::path& destination, const PackageReadOptions& options = {});
};

} // namespace amicus::package
