#include "sync/sealed_envelope_copy.h"

#include "common/durable_file.h"
#include "common/write_all.h"
#include "sync/sealed_envelope_reader.h"

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
    SealedEnvelopeReader reader(envelope, size, sha256);
    if (auto opened = reader.open(); !opened) {
        return fail(opened.error());
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

    std::array<std::uint8_t, 1 << 16> buffer{};
    while (true) {
        auto got = reader.read(buffer);
        if (!got) {
            return fail(got.error()); // damaged or unreadable: the temporary goes
        }
        if (*got == 0) {
            break;
        }
        if (!writeAll(out.fd, std::span<const std::uint8_t>(buffer.data(), *got))) {
            return fail(writeFailed("write", errno));
        }
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
