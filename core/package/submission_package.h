// SubmissionPackage and PackageWriter: turn a finalized submission into the package of
// DESIGN.md ("Inside the envelope"), a POSIX tar streamed straight into an age envelope.
#pragma once

#include "common/result.h"
#include "crypto/byte_stream.h"
#include "package/package_error.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::package {

// The format id and version written into submission.json.
inline constexpr std::string_view submissionFormat = "amicus-submission";
inline constexpr int submissionFormatVersion = 1;

// How the submitter lets the secretariat publish the submission.
enum class PublicationConsent { Public, Confidential, Anonymous };
// "public", "confidential" or "anonymous", as written in submission.json.
[[nodiscard]] std::string_view publicationConsentName(PublicationConsent consent);
[[nodiscard]] std::optional<PublicationConsent> parsePublicationConsent(std::string_view name);

// Who submits. Empty strings mean "not given" and are written as JSON null.
struct SubmitterInfo {
    std::string organization;
    std::string organizationKind; // e.g. NGO, national human rights institution
    std::string country;
    std::string contact;
};

// One answer, with the question text (in the submission's language) for the rendering.
struct PackageAnswer {
    std::string questionId;
    std::string questionText;
    std::string text;
};

// Opens the plaintext of an attachment from its start. In the app this decrypts the vault's
// age file on the fly. A missing file must fail with IoError::systemError == ENOENT.
using AttachmentOpener =
    std::function<Result<std::unique_ptr<crypto::ByteSource>, crypto::IoError>()>;

// One attachment as the vault recorded it; the package checks the bytes against the record.
struct PackageAttachment {
    std::string fileName;  // as the user named it; sanitized for the tar path
    std::string mediaType; // e.g. application/pdf
    std::uint64_t size = 0;
    std::array<std::uint8_t, 32> sha256{};
    AttachmentOpener open;
    // True when open() itself refuses any bytes but the recorded ones (the vault's blob held
    // to the header MAC recorded with it: see AgeFileSource); the plaintext is then not hashed
    // again. Its size is checked either way; a source that fails to authenticate (EBADMSG)
    // is AttachmentChanged.
    bool openAuthenticates = false;
};

// Everything that goes into one package.
struct SubmissionPackage {
    std::string callId;
    std::string submissionId; // lower-case UUID v4; see newSubmissionId()
    std::string language;     // "en", "fr" or "es" (the rendering's headings follow it)
    SubmitterInfo submitter;
    PublicationConsent consent = PublicationConsent::Public;
    std::vector<PackageAnswer> answers; // in the call's question order
    std::vector<PackageAttachment> attachments;
    std::chrono::system_clock::time_point createdAt = std::chrono::system_clock::now();
};

// A fresh random UUID v4 (RFC 9562) from the crypto DRBG, lower-case.
[[nodiscard]] PackageResult<std::string> newSubmissionId();
// True for a lower-case UUID v4 such as newSubmissionId() makes.
[[nodiscard]] bool isSubmissionId(std::string_view text);

// Progress through the tar's content: bytes of files (json, rendering, attachments) so far.
struct PackageProgress {
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
};

struct PackageWriteOptions {
    // Called every 128 KiB or so of content.
    std::function<void(const PackageProgress&)> onProgress;
    // Polled every 64 KiB or so; returning true stops with Cancelled and removes the file.
    std::function<bool()> isCancelled;
};

// What a finished envelope is: its path, the digest and size of its (encrypted) bytes.
struct EnvelopeInfo {
    std::filesystem::path path;
    std::uint64_t size = 0;
    std::array<std::uint8_t, 32> sha256{};
    std::string submissionId;
};

// Writes submission packages into age envelopes, in constant memory.
class PackageWriter {
public:
    // Streams the package of `submission` into an age envelope to `recipients` (one or more
    // `age1…` X25519 recipients) at `envelopePath`. The file appears there only complete and
    // synced: it is written under a temporary name in the same directory, fsynced and renamed.
    // On any failure nothing is left at `envelopePath` nor under the temporary name. An
    // existing file at `envelopePath` is replaced.
    [[nodiscard]] static PackageResult<EnvelopeInfo>
    write(const SubmissionPackage& submission, const std::vector<std::string>& recipients,
          const std::filesystem::path& envelopePath, const PackageWriteOptions& options = {});

    // Deletes the temporary files that write() left in `directory` when the process was
    // killed mid-way (they are encrypted, but useless), if older than `minAge` so a write
    // running in another process is not disturbed. Returns how many it removed.
    [[nodiscard]] static PackageResult<int> removeAbandoned(const std::filesystem::path& directory,
                                                            std::chrono::seconds minAge);
};

} // namespace amicus::package
