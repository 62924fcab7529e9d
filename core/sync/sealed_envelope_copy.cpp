#include "sync/sealed_envelope_copy.h"

#include "common/durable_file.h"
#include "common/write_all.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace amicus::sync {
namespace {

// The ids Amicus makes are lower-case UUIDs; nothing else becomes part of a file name.
bool safeId(const std::string& id)
{
    if (id.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

EnvelopeCopyError writeFailed(const char* step, int errorNumber)
{
    return {EnvelopeCopyErrc::WriteFailed, std::string(step) + ": " + std::strerror(errorNumber)};
}

} // namespace

std::string sealedEnvelopeFileName(const std::string& submissionId)
{
    return submissionId + ".age";
}

Result<std::filesystem::path, EnvelopeCopyError>
copySealedEnvelope(const std::filesystem::path& envelope, std::uint64_t size,
                   const crypto::Sha256Digest& sha256, const std::string& submissionId,
                   const std::filesystem::path& directory)
{
    if (!safeId(submissionId)) {
        return fail(EnvelopeCopyError{EnvelopeCopyErrc::BadName, "not an Amicus submission id"});
    }
    Fd in{::open(envelope.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) {
        return fail(EnvelopeCopyError{EnvelopeCopyErrc::NotFound, std::strerror(errno)});
    }
    const auto target = directory / sealedEnvelopeFileName(submissionId);
    const auto temporary = directory / ("." + sealedEnvelopeFileName(submissionId) + ".part");
    Fd out{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
    if (out.fd < 0) {
        return fail(writeFailed("create", errno));
    }
    // Removes the temporary unless the copy made it into place.
    struct Cleanup {
        const std::filesystem::path& path;
        bool keep = false;
        ~Cleanup()
        {
            if (!keep) {
                ::unlink(path.c_str());
            }
        }
    } cleanup{temporary};

    crypto::Sha256 hasher;
    std::uint64_t copied = 0;
    std::array<std::uint8_t, 1 << 16> buffer{};
    while (true) {
        const ssize_t got = ::read(in.fd, buffer.data(), buffer.size());
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail(EnvelopeCopyError{EnvelopeCopyErrc::NotFound, std::strerror(errno)});
        }
        if (got == 0) {
            break;
        }
        const std::span<const std::uint8_t> piece(buffer.data(), static_cast<std::size_t>(got));
        hasher.update(piece);
        copied += piece.size();
        if (copied > size) {
            break; // longer than recorded: damaged, whatever follows
        }
        if (!writeAll(out.fd, piece)) {
            return fail(writeFailed("write", errno));
        }
    }
    if (copied != size || hasher.finish() != sha256) {
        return fail(EnvelopeCopyError{EnvelopeCopyErrc::Damaged,
                                      "the envelope is not the one finalizing recorded"});
    }
    if (::fsync(out.fd) != 0) {
        return fail(writeFailed("fsync", errno));
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        return fail(writeFailed("rename", errno));
    }
    cleanup.keep = true;
    if (const auto failure = syncDirectory(directory)) {
        return fail(writeFailed(failure->step, failure->errorNumber));
    }
    return target;
}

} // namespace amicus::sync
