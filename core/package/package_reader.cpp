#include "package/package_reader.h"

#include "common/write_all.h"
#include "crypto/age_reader.h"
#include "crypto/sha256.h"
#include "package/printable_text.h"
#include "package/submission_document.h"
#include "package/utf8_locale.h"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::package {

namespace {

constexpr std::size_t chunkSize = std::size_t{64} * 1024;

PackageError fromAge(const crypto::AgeError& error)
{
    switch (error.code) {
    case crypto::AgeErrorCode::Header:
        return PackageError{PackageErrc::NotAnEnvelope, error.detail};
    case crypto::AgeErrorCode::NoMatchingIdentity:
        return PackageError{PackageErrc::NotForThisIdentity, error.detail};
    case crypto::AgeErrorCode::HeaderMac:
    case crypto::AgeErrorCode::Payload:
        return PackageError{PackageErrc::Tampered, error.detail};
    case crypto::AgeErrorCode::Truncated:
        return PackageError{PackageErrc::Truncated, error.detail};
    case crypto::AgeErrorCode::Io:
        return PackageError{PackageErrc::Io, error.detail};
    case crypto::AgeErrorCode::Cancelled:
        return PackageError{PackageErrc::Cancelled, error.detail};
    default:
        return PackageError{PackageErrc::Crypto, error.detail};
    }
}

PackageError systemFailure(PackageErrc code, const std::string& what)
{
    const int number = errno;
    const PackageErrc effective =
        (number == ENOSPC || number == EDQUOT || number == EFBIG) ? PackageErrc::DiskFull : code;
    return PackageError{effective, what + ": " + std::strerror(number), number};
}

// The libarchive read callback's state: the age plaintext it pulls, and the first error.
struct TarInput {
    crypto::AgeReader* age = nullptr;
    const PackageReadOptions* options = nullptr;
    std::vector<std::uint8_t> buffer = std::vector<std::uint8_t>(chunkSize);
    std::uint64_t total = 0;
    std::optional<PackageError> error;
};

la_ssize_t readFromEnvelope(struct archive*, void* context, const void** out)
{
    auto* in = static_cast<TarInput*>(context);
    if (in->options->isCancelled && in->options->isCancelled()) {
        in->error = PackageError{PackageErrc::Cancelled, "extraction cancelled"};
        return -1;
    }
    auto n = in->age->read(in->buffer);
    if (!n) {
        in->error = fromAge(n.error());
        return -1;
    }
    in->total += n.value();
    if (in->options->onProgress && n.value() > 0) {
        in->options->onProgress(in->total);
    }
    *out = in->buffer.data();
    return static_cast<la_ssize_t>(n.value());
}

struct ArchiveDeleter {
    void operator()(struct archive* a) const { archive_read_free(a); }
};

// A file descriptor closed when it goes out of scope.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd()
    {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool valid() const { return fd_ >= 0; }

private:
    int fd_;
};

// What a tar entry is allowed to be, decided from its name alone.
enum class EntryKind { Manifest, Rendering, AttachmentsDir, Attachment };

std::optional<EntryKind> classify(const std::string& path, bool isDirectory)
{
    if (!isDirectory && path == manifestPath) {
        return EntryKind::Manifest;
    }
    if (!isDirectory && path == renderingPath) {
        return EntryKind::Rendering;
    }
    const std::string dir(attachmentsDir);
    if (isDirectory && (path == dir || path == dir + "/")) {
        return EntryKind::AttachmentsDir;
    }
    if (!isDirectory && path.size() > dir.size() + 1 &&
        path.compare(0, dir.size() + 1, dir + "/") == 0) {
        const std::string name = path.substr(dir.size() + 1);
        // The writer's own rule: a name is acceptable only if sanitizing leaves it unchanged,
        // which rules out '/', '\\', "..", leading dots, controls and invalid UTF-8.
        if (sanitizeFileName(name) == name) {
            return EntryKind::Attachment;
        }
    }
    return std::nullopt;
}

// What was extracted of one entry: its length and SHA-256.
struct EntryDigest {
    std::uint64_t size = 0;
    crypto::Sha256Digest sha256{};
};

class Extraction {
public:
    Extraction(const std::filesystem::path& destination, const PackageReadOptions& options)
        : destination_(destination), options_(options)
    {
    }

    PackageResult<ExtractedSubmission> run(const std::filesystem::path& envelopePath,
                                           std::span<const crypto::AgeIdentity* const> identities)
    {
        if (::mkdir(destination_.c_str(), 0700) != 0) {
            if (errno == EEXIST) {
                return fail(PackageError{PackageErrc::DestinationExists,
                                         "the extraction directory already exists", EEXIST});
            }
            return fail(systemFailure(PackageErrc::Io, "creating the extraction directory"));
        }
        created_ = true;
        root_ = std::make_unique<Fd>(
            ::open(destination_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!root_->valid()) {
            return fail(systemFailure(PackageErrc::Io, "opening the extraction directory"));
        }

        // The tar is inside the envelope, so honest contents never add up to more bytes than
        // the envelope has: that is all this extraction will ever write.
        std::error_code sizeError;
        budget_ = std::filesystem::file_size(envelopePath, sizeError);
        if (sizeError) {
            return fail(PackageError{PackageErrc::Io,
                                     "reading the envelope's size: " + sizeError.message(),
                                     sizeError.value()});
        }
        auto source = crypto::FileSource::open(envelopePath.string());
        if (!source) {
            return fail(
                PackageError{PackageErrc::Io, source.error().detail, source.error().systemError});
        }
        auto age = crypto::AgeReader::open(*source.value(), identities);
        if (!age) {
            return fail(fromAge(age.error()));
        }
        input_.age = age.value().get();
        input_.options = &options_;

        std::unique_ptr<struct archive, ArchiveDeleter> archive(archive_read_new());
        if (!archive) {
            return fail(PackageError{PackageErrc::Archive, "archive_read_new failed"});
        }
        archive_ = archive.get();
        if (archive_read_support_format_tar(archive_) != ARCHIVE_OK ||
            archive_read_open(archive_, &input_, nullptr, readFromEnvelope, nullptr) !=
                ARCHIVE_OK) {
            return fail(archiveError("opening the tar"));
        }
        while (true) {
            struct archive_entry* entry = nullptr;
            const int next = archive_read_next_header(archive_, &entry);
            if (next == ARCHIVE_EOF) {
                break;
            }
            if (next < ARCHIVE_WARN) {
                return fail(archiveError("reading the tar"));
            }
            if (auto handled = handleEntry(entry); !handled) {
                return fail(handled.error());
            }
        }
        // libarchive stops at the end-of-archive blocks; the rest of the envelope must still
        // authenticate up to its final chunk, or a truncated or altered tail would pass.
        while (true) {
            auto n = input_.age->read(input_.buffer);
            if (!n) {
                return fail(fromAge(n.error()));
            }
            if (n.value() == 0) {
                break;
            }
        }
        if (input_.error) {
            return fail(*input_.error);
        }
        return checkAttachments();
    }

    // Removes what a failed extraction made.
    void discard()
    {
        root_.reset();
        if (created_) {
            std::error_code ignored;
            std::filesystem::remove_all(destination_, ignored);
        }
    }

private:
    PackageError archiveError(const std::string& what)
    {
        if (input_.error) {
            return *input_.error;
        }
        const char* message = archive_error_string(archive_);
        // libarchive's messages may quote names from the tar.
        return PackageError{PackageErrc::Archive,
                            what + ": " + printableText(message ? message : "failed"),
                            archive_errno(archive_)};
    }

    PackageResult<void> handleEntry(struct archive_entry* entry)
    {
        const char* utf8 = archive_entry_pathname_utf8(entry);
        const char* raw = utf8 ? utf8 : archive_entry_pathname(entry);
        const std::string path = raw ? raw : "";
        const std::string shown = printableText(path);
        const auto type = archive_entry_filetype(entry);
        if (archive_entry_hardlink(entry) != nullptr || archive_entry_symlink(entry) != nullptr ||
            (type != AE_IFREG && type != AE_IFDIR)) {
            return fail(PackageError{PackageErrc::UnsafeEntry, "a link or special file: " + shown});
        }
        const auto kind = classify(path, type == AE_IFDIR);
        if (!kind) {
            return fail(PackageError{PackageErrc::UnsafeEntry, "an unexpected path: " + shown});
        }
        std::string key = path;
        if (!key.empty() && key.back() == '/') {
            key.pop_back();
        }
        if (!seen_.insert(key).second) {
            return fail(PackageError{PackageErrc::UnsafeEntry, "a duplicate entry: " + shown});
        }
        // The writer puts submission.json first, so every later entry can be held to it
        // before a byte of it is written.
        if (!submission_ && *kind != EntryKind::Manifest) {
            return fail(PackageError{PackageErrc::ManifestNotFirst,
                                     "an entry before submission.json: " + shown});
        }
        // GNU and pax sparse entries (libarchive reads all four forms) unpack their holes
        // as zeros: a few KiB can declare gigabytes.
        if (archive_entry_sparse_count(entry) > 0) {
            return fail(PackageError{PackageErrc::SparseEntry, "a sparse entry: " + shown});
        }
        const std::uint64_t declared = archive_entry_size(entry) > 0
                                           ? static_cast<std::uint64_t>(archive_entry_size(entry))
                                           : 0;
        switch (*kind) {
        case EntryKind::AttachmentsDir:
            return ensureAttachmentsDir();
        case EntryKind::Manifest: {
            if (declared > options_.maxManifestBytes) {
                return fail(PackageError{PackageErrc::BadManifest, "submission.json is too large"});
            }
            if (auto reserved = reserve(declared, path); !reserved) {
                return reserved;
            }
            std::string text;
            auto written = extractData(root_->get(), path, declared, &text);
            if (!written) {
                return fail(written.error());
            }
            return parseManifest(text);
        }
        case EntryKind::Rendering: {
            if (auto reserved = reserve(declared, path); !reserved) {
                return reserved;
            }
            auto written = extractData(root_->get(), path, declared, nullptr);
            if (!written) {
                return fail(written.error());
            }
            hasRendering_ = true;
            return {};
        }
        case EntryKind::Attachment: {
            const auto listed = listed_.find(path);
            if (listed == listed_.end()) {
                return fail(PackageError{PackageErrc::AttachmentMismatch,
                                         "not listed in submission.json: " + shown});
            }
            if (declared > listed->second->size) {
                return fail(PackageError{PackageErrc::EntryLargerThanManifest,
                                         shown + " declares " + std::to_string(declared) +
                                             " bytes, submission.json " +
                                             std::to_string(listed->second->size)});
            }
            if (auto reserved = reserve(declared, path); !reserved) {
                return reserved;
            }
            if (auto dir = ensureAttachmentsDir(); !dir) {
                return dir;
            }
            const std::string name = path.substr(attachmentsDir.size() + 1);
            auto written = extractData(attachments_->get(), name, declared, nullptr);
            if (!written) {
                return fail(written.error());
            }
            extracted_[path] = written.value();
            return {};
        }
        }
        return {};
    }

    // A cut or altered envelope also looks too small for the sizes its tar declares: reads
    // the rest of it (writing nothing) so that such an envelope is named Truncated or Tampered.
    PackageError unlessCut(PackageError refusal)
    {
        while (true) {
            auto n = input_.age->read(input_.buffer);
            if (!n) {
                return fromAge(n.error());
            }
            if (n.value() == 0) {
                return refusal;
            }
        }
    }

    // Takes `bytes` from what the envelope can hold, or refuses the entry.
    PackageResult<void> reserve(std::uint64_t bytes, const std::string& path)
    {
        if (bytes > budget_) {
            return fail(
                unlessCut(PackageError{PackageErrc::LargerThanEnvelope,
                                       printableText(path) + " declares " + std::to_string(bytes) +
                                           " bytes, more than the envelope can hold"}));
        }
        budget_ -= bytes;
        return {};
    }

    PackageResult<void> ensureAttachmentsDir()
    {
        if (attachments_) {
            return {};
        }
        const std::string dir(attachmentsDir);
        if (::mkdirat(root_->get(), dir.c_str(), 0700) != 0) {
            return fail(systemFailure(PackageErrc::Io, "creating attachments/"));
        }
        attachments_ = std::make_unique<Fd>(
            ::openat(root_->get(), dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!attachments_->valid()) {
            return fail(systemFailure(PackageErrc::Io, "opening attachments/"));
        }
        return {};
    }

    // Writes the current entry's data to a new file `name` under `directory` (never through
    // a link, never over an existing file), keeping a copy in `memory` when asked. The data
    // must be exactly the `declared` bytes, in one piece from offset 0: never more is written.
    PackageResult<EntryDigest> extractData(int directory, const std::string& name,
                                           std::uint64_t declared, std::string* memory)
    {
        const std::string shown = printableText(name);
        Fd out(::openat(directory, name.c_str(),
                        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!out.valid()) {
            return fail(systemFailure(PackageErrc::Io, "creating " + shown));
        }
        crypto::Sha256 hash;
        EntryDigest digest;
        while (true) {
            const void* block = nullptr;
            std::size_t length = 0;
            la_int64_t offset = 0;
            const int status = archive_read_data_block(archive_, &block, &length, &offset);
            if (status == ARCHIVE_EOF) {
                break;
            }
            if (status < ARCHIVE_WARN) {
                return fail(archiveError("reading " + shown));
            }
            // Data that does not continue where the last block ended skips a hole.
            if (offset < 0 || static_cast<std::uint64_t>(offset) != digest.size) {
                return fail(PackageError{PackageErrc::SparseEntry, "a hole in " + shown});
            }
            if (length > declared - digest.size) {
                return fail(PackageError{PackageErrc::EntryLargerThanManifest,
                                         shown + " holds more than its declared size"});
            }
            const std::span<const std::uint8_t> piece(static_cast<const std::uint8_t*>(block),
                                                      length);
            hash.update(piece);
            digest.size += piece.size();
            if (memory) {
                memory->append(reinterpret_cast<const char*>(piece.data()), piece.size());
            }
            if (!writeAll(out.get(), piece)) {
                return fail(systemFailure(PackageErrc::Io, "writing " + shown));
            }
        }
        if (digest.size != declared) {
            // libarchive ends the data early only over a trailing hole.
            return fail(PackageError{PackageErrc::SparseEntry, "a hole at the end of " + shown});
        }
        if (::fsync(out.get()) != 0) {
            return fail(systemFailure(PackageErrc::Io, "syncing " + shown));
        }
        digest.sha256 = hash.finish();
        return digest;
    }

    static std::string stringOrEmpty(const nlohmann::json& object, const char* key)
    {
        const auto found = object.find(key);
        if (found == object.end() || found->is_null()) {
            return {};
        }
        if (!found->is_string()) {
            throw std::runtime_error(std::string(key) + " is not a string");
        }
        return found->get<std::string>();
    }

    static std::optional<crypto::Sha256Digest> parseHex(const std::string& hex)
    {
        crypto::Sha256Digest digest{};
        if (hex.size() != 64) {
            return std::nullopt;
        }
        for (std::size_t i = 0; i < digest.size(); ++i) {
            unsigned value = 0;
            for (int k = 0; k < 2; ++k) {
                const char c = hex[2 * i + static_cast<std::size_t>(k)];
                value <<= 4;
                if (c >= '0' && c <= '9') {
                    value |= static_cast<unsigned>(c - '0');
                } else if (c >= 'a' && c <= 'f') {
                    value |= static_cast<unsigned>(c - 'a' + 10);
                } else {
                    return std::nullopt;
                }
            }
            digest[i] = static_cast<std::uint8_t>(value);
        }
        return digest;
    }

    // Reads submission.json, the first entry, into submission_ and listed_.
    PackageResult<void> parseManifest(const std::string& text)
    {
        ExtractedSubmission out;
        out.directory = destination_;
        try {
            const nlohmann::json json = nlohmann::json::parse(text);
            if (!json.is_object() || json.value("format", "") != submissionFormat ||
                !json.contains("version") || !json["version"].is_number_integer()) {
                return fail(PackageError{PackageErrc::BadManifest, "not an amicus submission"});
            }
            out.version = json["version"].get<int>();
            if (out.version != submissionFormatVersion) {
                return fail(PackageError{PackageErrc::BadManifest,
                                         "unsupported version " + std::to_string(out.version)});
            }
            out.callId = json.at("call_id").get<std::string>();
            out.submissionId = json.at("submission_id").get<std::string>();
            out.language = json.at("language").get<std::string>();
            out.createdAt = json.at("created_at").get<std::string>();
            const auto& submitter = json.at("submitter");
            out.submitter.organization = stringOrEmpty(submitter, "organization");
            out.submitter.organizationKind = stringOrEmpty(submitter, "organization_kind");
            out.submitter.country = stringOrEmpty(submitter, "country");
            out.submitter.contact = stringOrEmpty(submitter, "contact");
            const auto consent =
                parsePublicationConsent(json.at("publication_consent").get<std::string>());
            if (!consent || !isSubmissionId(out.submissionId)) {
                return fail(PackageError{PackageErrc::BadManifest, "bad consent or submission id"});
            }
            out.consent = *consent;
            for (const auto& [id, answer] : json.at("answers").items()) {
                out.answers[id] = answer.get<std::string>();
            }
            const auto& attachments = json.at("attachments");
            if (!attachments.is_array()) {
                return fail(PackageError{PackageErrc::BadManifest, "attachments is not a list"});
            }
            if (attachments.size() > options_.maxAttachments) {
                return fail(PackageError{
                    PackageErrc::TooManyEntries,
                    std::to_string(attachments.size()) + " attachments listed, at most " +
                        std::to_string(options_.maxAttachments) + " accepted"});
            }
            for (const auto& item : attachments) {
                ExtractedAttachment attachment;
                attachment.path = item.at("path").get<std::string>();
                attachment.name = item.at("name").get<std::string>();
                attachment.mediaType = item.at("media_type").get<std::string>();
                attachment.size = item.at("size").get<std::uint64_t>();
                const auto digest = parseHex(item.at("sha256").get<std::string>());
                if (!digest) {
                    return fail(PackageError{PackageErrc::BadManifest,
                                             "bad sha256 for " + printableText(attachment.path)});
                }
                attachment.sha256 = *digest;
                attachment.file = destination_ / attachment.path;
                out.attachments.push_back(std::move(attachment));
            }
        } catch (const std::exception& e) {
            // nlohmann's parse and type errors, and stringOrEmpty's.
            return fail(PackageError{PackageErrc::BadManifest, printableText(e.what())});
        }
        submission_ = std::move(out);
        for (const ExtractedAttachment& attachment : submission_->attachments) {
            if (!listed_.emplace(attachment.path, &attachment).second) {
                return fail(PackageError{PackageErrc::AttachmentMismatch,
                                         "listed twice: " + printableText(attachment.path)});
            }
        }
        return {};
    }

    // Every attachment submission.json lists is there, with its size and SHA-256.
    PackageResult<ExtractedSubmission> checkAttachments()
    {
        if (!submission_) {
            return fail(PackageError{PackageErrc::BadManifest, "no submission.json"});
        }
        for (const ExtractedAttachment& attachment : submission_->attachments) {
            const std::string shown = printableText(attachment.path);
            const auto found = extracted_.find(attachment.path);
            if (found == extracted_.end()) {
                return fail(PackageError{PackageErrc::AttachmentMismatch,
                                         "listed but not in the package: " + shown});
            }
            if (found->second.size != attachment.size ||
                found->second.sha256 != attachment.sha256) {
                return fail(PackageError{PackageErrc::AttachmentMismatch,
                                         "size or SHA-256 differs: " + shown});
            }
        }
        submission_->hasRendering = hasRendering_;
        return std::move(*submission_);
    }

    std::filesystem::path destination_;
    const PackageReadOptions& options_;
    bool created_ = false;
    std::unique_ptr<Fd> root_;
    std::unique_ptr<Fd> attachments_;
    TarInput input_;
    struct archive* archive_ = nullptr;
    std::uint64_t budget_ = 0; // bytes the remaining entries may still declare
    std::set<std::string> seen_;
    std::optional<ExtractedSubmission> submission_;            // from submission.json, once read
    std::map<std::string, const ExtractedAttachment*> listed_; // into submission_, by path
    bool hasRendering_ = false;
    std::map<std::string, EntryDigest> extracted_;
};

} // namespace

PackageResult<ExtractedSubmission>
PackageReader::extract(const std::filesystem::path& envelopePath,
                       std::span<const crypto::AgeIdentity* const> identities,
                       const std::filesystem::path& destination, const PackageReadOptions& options)
{
    const ScopedUtf8Locale utf8;
    Extraction extraction(destination, options);
    auto result = extraction.run(envelopePath, identities);
    if (!result) {
        if (result.error().code != PackageErrc::DestinationExists) {
            extraction.discard();
        }
    }
    return result;
}

} // namespace amicus::package
