#include "common/durable_file.h"
#include "crypto/age_keys.h"
#include "crypto/age_writer.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "package/package_writer_pipeline.h"
#include "package/submission_document.h"
#include "package/submission_package.h"
#include "package/utf8_locale.h"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace amicus::package {

namespace {

constexpr std::size_t copyChunk = std::size_t{64} * 1024;

bool isSpaceError(int code)
{
    return code == ENOSPC || code == EDQUOT || code == EFBIG;
}

PackageError ioFailure(const crypto::IoError& error, std::string_view what)
{
    const PackageErrc code =
        isSpaceError(error.systemError) ? PackageErrc::DiskFull : PackageErrc::Io;
    return PackageError{code, std::string(what) + ": " + error.detail, error.systemError};
}

PackageError fromAge(const crypto::AgeError& error, const EnvelopeWriter& sink)
{
    switch (error.code) {
    case crypto::AgeErrorCode::Io:
        if (sink.lastError()) {
            return ioFailure(*sink.lastError(), "writing the envelope");
        }
        return PackageError{PackageErrc::Io, error.detail};
    case crypto::AgeErrorCode::Cancelled:
        return PackageError{PackageErrc::Cancelled, error.detail};
    case crypto::AgeErrorCode::InvalidKey:
    case crypto::AgeErrorCode::InvalidRecipients:
        return PackageError{PackageErrc::InvalidRecipient, error.detail};
    default:
        return PackageError{PackageErrc::Crypto, error.detail};
    }
}

// Everything the libarchive write callback needs: where the tar goes and the first error.
struct TarOutput {
    crypto::AgeWriter* age = nullptr;
    EnvelopeWriter* sink = nullptr;
    std::optional<PackageError> error;
    bool abandoned = false; // the run failed: refuse every further write
};

la_ssize_t writeToEnvelope(struct archive*, void* context, const void* buffer, size_t length)
{
    auto* out = static_cast<TarOutput*>(context);
    if (out->abandoned) {
        return -1;
    }
    auto written = out->age->write(
        std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(buffer), length));
    if (!written) {
        out->error = fromAge(written.error(), *out->sink);
        return -1;
    }
    return static_cast<la_ssize_t>(length);
}

struct ArchiveDeleter {
    void operator()(struct archive* a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(struct archive_entry* e) const { archive_entry_free(e); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;
using EntryPtr = std::unique_ptr<struct archive_entry, EntryDeleter>;

// One run of PackageWriter::write: the state shared by the steps, so each step can report
// the first error (a callback's error wins over libarchive's generic one).
class PackageRun {
public:
    PackageRun(const SubmissionPackage& submission, const PackageWriteOptions& options,
               std::uint64_t total)
        : submission_(submission), options_(options), progress_{0, total}
    {
    }

    PackageResult<void> open(crypto::AgeWriter& age, EnvelopeWriter& sink)
    {
        output_.age = &age;
        output_.sink = &sink;
        archive_.reset(archive_write_new());
        if (!archive_) {
            return fail(PackageError{PackageErrc::Archive, "archive_write_new failed"});
        }
        if (archive_write_set_format_pax_restricted(archive_.get()) != ARCHIVE_OK ||
            archive_write_open(archive_.get(), &output_, nullptr, writeToEnvelope, nullptr) !=
                ARCHIVE_OK) {
            return fail(archiveError("opening the tar"));
        }
        return {};
    }

    PackageResult<void> addFile(std::string_view path, std::string_view content)
    {
        auto header = writeHeader(path, AE_IFREG | 0644, content.size());
        if (!header) {
            return header;
        }
        std::size_t done = 0;
        while (done < content.size()) {
            if (cancelled()) {
                return fail(PackageError{PackageErrc::Cancelled, "packaging cancelled"});
            }
            const std::size_t n = std::min(copyChunk, content.size() - done);
            if (archive_write_data(archive_.get(), content.data() + done, n) !=
                static_cast<la_ssize_t>(n)) {
                return fail(archiveError("writing " + std::string(path)));
            }
            done += n;
            advance(n);
        }
        return {};
    }

    PackageResult<void> addDirectory(std::string_view path)
    {
        return writeHeader(path, AE_IFDIR | 0755, 0);
    }

    PackageResult<void> addAttachment(const PackageAttachment& attachment, const std::string& path)
    {
        if (!attachment.open) {
            return fail(PackageError{PackageErrc::InvalidInput, path + ": no way to open it"});
        }
        auto opened = attachment.open();
        if (!opened) {
            if (opened.error().systemError == ENOENT) {
                return fail(
                    PackageError{PackageErrc::AttachmentChanged, path + ": missing", ENOENT});
            }
            if (opened.error().systemError == EBADMSG) {
                return fail(PackageError{PackageErrc::AttachmentChanged,
                                         path + ": does not authenticate: " + opened.error().detail,
                                         EBADMSG});
            }
            return fail(ioFailure(opened.error(), "opening " + path));
        }
        auto header = writeHeader(path, AE_IFREG | 0644, attachment.size);
        if (!header) {
            return header;
        }
        // Decrypting, checking and hashing the plaintext happen in the reader's thread; a
        // source that authenticates itself against the record is not hashed again.
        std::optional<std::array<std::uint8_t, 32>> sha256;
        if (!attachment.openAuthenticates) {
            sha256 = attachment.sha256;
        }
        AttachmentReader reader(std::move(opened).value(), attachment.size, sha256, path);
        BlockChannel& blocks = reader.channel();
        while (true) {
            if (cancelled()) {
                return fail(PackageError{PackageErrc::Cancelled, "packaging cancelled"});
            }
            const auto [block, used] = blocks.pop();
            if (!block) {
                break;
            }
            const la_ssize_t written = archive_write_data(archive_.get(), block->data(), used);
            blocks.release(block);
            if (written != static_cast<la_ssize_t>(used)) {
                return fail(archiveError("writing " + path));
            }
            advance(used);
        }
        return reader.result();
    }

    // Writes the tar's end-of-archive blocks through to the age writer.
    PackageResult<void> close()
    {
        if (archive_write_close(archive_.get()) != ARCHIVE_OK) {
            return fail(archiveError("closing the tar"));
        }
        closed_ = true;
        return {};
    }

    // A run that failed must not let libarchive pad the current entry to its declared size
    // (up to gigabytes of zeros) into an envelope that is about to be deleted: the callback
    // refuses the first write, so the close stops there. (archive_write_fail() would skip the
    // close too, but libarchive 3.6 then leaks the output buffer.)
    ~PackageRun()
    {
        if (archive_ && !closed_) {
            output_.abandoned = true;
            (void)archive_write_close(archive_.get());
        }
    }
    PackageRun(const PackageRun&) = delete;
    PackageRun& operator=(const PackageRun&) = delete;

private:
    PackageResult<void> writeHeader(std::string_view path, unsigned mode, std::uint64_t size)
    {
        EntryPtr entry(archive_entry_new());
        if (!entry) {
            return fail(PackageError{PackageErrc::Archive, "archive_entry_new failed"});
        }
        const std::string name(path);
        archive_entry_set_pathname_utf8(entry.get(), name.c_str());
        archive_entry_set_mode(entry.get(), mode);
        archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
        archive_entry_set_mtime(entry.get(),
                                std::chrono::system_clock::to_time_t(submission_.createdAt), 0);
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        if (archive_write_header(archive_.get(), entry.get()) != ARCHIVE_OK) {
            return fail(archiveError("writing the header of " + name));
        }
        return {};
    }

    PackageError archiveError(const std::string& what)
    {
        if (output_.error) {
            return *output_.error;
        }
        const char* message = archive_error_string(archive_.get());
        return PackageError{PackageErrc::Archive, what + ": " + (message ? message : "failed"),
                            archive_errno(archive_.get())};
    }

    bool cancelled() const { return options_.isCancelled && options_.isCancelled(); }

    void advance(std::uint64_t n)
    {
        progress_.bytesDone += n;
        if (options_.onProgress) {
            options_.onProgress(progress_);
        }
    }

    const SubmissionPackage& submission_;
    const PackageWriteOptions& options_;
    PackageProgress progress_;
    TarOutput output_;
    ArchivePtr archive_;
    bool closed_ = false;
};

PackageResult<void> syncDirectory(const std::filesystem::path& directory)
{
    if (auto failed = amicus::syncDirectory(directory)) {
        return fail(PackageError{PackageErrc::Io,
                                 std::string(failed->step) + " of the envelope directory: " +
                                     std::string(strerror(failed->errorNumber)),
                                 failed->errorNumber});
    }
    return {};
}

// Writes the whole envelope to `file`; the caller owns the temporary name.
PackageResult<EnvelopeInfo> writeEnvelope(const SubmissionPackage& submission,
                                          const std::vector<crypto::X25519Recipient>& recipients,
                                          crypto::FileSink& file,
                                          const PackageWriteOptions& options)
{
    const std::vector<std::string> names = [&] {
        std::vector<std::string> original;
        for (const PackageAttachment& attachment : submission.attachments) {
            original.push_back(attachment.fileName);
        }
        return uniqueFileNames(original);
    }();
    const std::string manifest = buildManifest(submission, names);
    const std::string rendering = renderSubmission(submission, names);
    std::uint64_t total = manifest.size() + rendering.size();
    for (const PackageAttachment& attachment : submission.attachments) {
        total += attachment.size;
    }

    const ScopedUtf8Locale utf8;
    if (!utf8.active()) {
        for (const std::string& name : names) {
            for (char c : name) {
                if (static_cast<unsigned char>(c) >= 0x80) {
                    return fail(PackageError{PackageErrc::Archive,
                                             "no UTF-8 locale for a non-ASCII attachment name"});
                }
            }
        }
    }
    EnvelopeWriter sink(file);
    std::vector<const crypto::AgeRecipient*> pointers;
    pointers.reserve(recipients.size());
    for (const crypto::X25519Recipient& recipient : recipients) {
        pointers.push_back(&recipient);
    }
    auto age = crypto::AgeWriter::create(pointers, sink);
    if (!age) {
        return fail(fromAge(age.error(), sink));
    }

    PackageRun run(submission, options, total);
    if (auto opened = run.open(*age.value(), sink); !opened) {
        return fail(opened.error());
    }
    if (auto added = run.addFile(manifestPath, manifest); !added) {
        return fail(added.error());
    }
    if (auto added = run.addFile(renderingPath, rendering); !added) {
        return fail(added.error());
    }
    if (!submission.attachments.empty()) {
        if (auto added = run.addDirectory(std::string(attachmentsDir) + "/"); !added) {
            return fail(added.error());
        }
    }
    for (std::size_t i = 0; i < submission.attachments.size(); ++i) {
        const std::string path = std::string(attachmentsDir) + "/" + names[i];
        if (auto added = run.addAttachment(submission.attachments[i], path); !added) {
            return fail(added.error());
        }
    }
    if (auto closed = run.close(); !closed) {
        return fail(closed.error());
    }
    if (auto finished = age.value()->finish(); !finished) {
        return fail(fromAge(finished.error(), sink));
    }
    if (auto written = sink.finish(); !written) {
        return fail(ioFailure(written.error(), "writing the envelope"));
    }
    if (auto synced = file.sync(); !synced) {
        return fail(ioFailure(synced.error(), "syncing the envelope"));
    }
    EnvelopeInfo info;
    info.size = sink.size();
    info.sha256 = sink.digest();
    info.submissionId = submission.submissionId;
    return info;
}

} // namespace

std::string_view publicationConsentName(PublicationConsent consent)
{
    switch (consent) {
    case PublicationConsent::Public:
        return "public";
    case PublicationConsent::Confidential:
        return "confidential";
    case PublicationConsent::Anonymous:
        return "anonymous";
    }
    return "public";
}

std::optional<PublicationConsent> parsePublicationConsent(std::string_view name)
{
    for (PublicationConsent consent : {PublicationConsent::Public, PublicationConsent::Confidential,
                                       PublicationConsent::Anonymous}) {
        if (publicationConsentName(consent) == name) {
            return consent;
        }
    }
    return std::nullopt;
}

PackageResult<std::string> newSubmissionId()
{
    auto id = crypto::randomUuid();
    if (!id) {
        return fail(PackageError{PackageErrc::Crypto, "no random bytes for the submission id"});
    }
    return std::move(*id);
}

bool isSubmissionId(std::string_view text)
{
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') {
                return false;
            }
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    const char variant = text[19];
    return text[14] == '4' &&
           (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
}

PackageResult<int> PackageWriter::removeAbandoned(const std::filesystem::path& directory,
                                                  std::chrono::seconds minAge)
{
    constexpr std::string_view marker = ".partial-";
    constexpr std::size_t suffixLength = 16; // hex of the 8 random bytes
    const auto now = std::filesystem::file_time_type::clock::now();
    std::error_code error;
    std::filesystem::directory_iterator it(directory, error);
    if (error) {
        return fail(PackageError{PackageErrc::Io,
                                 "listing " + directory.string() + ": " + error.message(),
                                 error.value()});
    }
    int removed = 0;
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        const std::size_t at = name.rfind(marker);
        if (name.empty() || name.front() != '.' || at == std::string::npos ||
            name.size() != at + marker.size() + suffixLength ||
            name.find_first_not_of("0123456789abcdef", at + marker.size()) != std::string::npos ||
            !entry.is_regular_file(error)) {
            continue;
        }
        const auto modified = entry.last_write_time(error);
        if (error || now - modified < minAge) {
            continue;
        }
        if (std::filesystem::remove(entry.path(), error)) {
            ++removed;
        }
    }
    return removed;
}

PackageResult<EnvelopeInfo> PackageWriter::write(const SubmissionPackage& submission,
                                                 const std::vector<std::string>& recipients,
                                                 const std::filesystem::path& envelopePath,
                                                 const PackageWriteOptions& options)
{
    if (!isSubmissionId(submission.submissionId)) {
        return fail(PackageError{PackageErrc::InvalidInput, "the submission id is not a UUID v4"});
    }
    if (submission.callId.empty()) {
        return fail(PackageError{PackageErrc::InvalidInput, "no call id"});
    }
    if (recipients.empty()) {
        return fail(PackageError{PackageErrc::InvalidInput, "the call has no recipients"});
    }
    std::vector<crypto::X25519Recipient> parsed;
    for (const std::string& text : recipients) {
        auto recipient = crypto::X25519Recipient::parse(text);
        if (!recipient) {
            return fail(PackageError{PackageErrc::InvalidRecipient, recipient.error().detail});
        }
        parsed.push_back(recipient.value());
    }
    if (envelopePath.filename().empty()) {
        return fail(PackageError{PackageErrc::InvalidInput, "the envelope path names no file"});
    }

    std::array<std::uint8_t, 8> nonce{};
    if (!crypto::fillRandom(nonce)) {
        return fail(PackageError{PackageErrc::Crypto, "no random bytes for the temporary name"});
    }
    const std::filesystem::path temporary =
        envelopePath.parent_path() /
        ("." + envelopePath.filename().string() + ".partial-" + crypto::toHex(nonce));
    auto file = crypto::FileSink::create(temporary.string());
    if (!file) {
        return fail(ioFailure(file.error(), "creating the envelope"));
    }
    auto written = writeEnvelope(submission, parsed, *file.value(), options);
    file.value().reset(); // closes the descriptor before rename or unlink
    if (!written) {
        ::unlink(temporary.c_str());
        return written;
    }
    if (::rename(temporary.c_str(), envelopePath.c_str()) != 0) {
        const int code = errno;
        ::unlink(temporary.c_str());
        return fail(PackageError{PackageErrc::Io,
                                 "renaming the envelope: " + std::string(strerror(code)), code});
    }
    const std::filesystem::path directory = envelopePath.parent_path().empty()
                                                ? std::filesystem::path(".")
                                                : envelopePath.parent_path();
    if (auto synced = syncDirectory(directory); !synced) {
        return fail(synced.error());
    }
    EnvelopeInfo info = std::move(written).value();
    info.path = envelopePath;
    return info;
}

} // namespace amicus::package
