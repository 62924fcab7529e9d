#include "sync/sealed_envelope_reader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace amicus::sync {
namespace {

EnvelopeCopyError damaged()
{
    return {EnvelopeCopyErrc::Damaged, "the envelope is not the one finalizing recorded"};
}

} // namespace

SealedEnvelopeReader::SealedEnvelopeReader(std::filesystem::path envelope, std::uint64_t size,
                                           std::optional<crypto::Sha256Digest> sha256)
    : envelope_(std::move(envelope)), size_(size), sha256_(sha256)
{
}

SealedEnvelopeReader::~SealedEnvelopeReader()
{
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

Result<void, EnvelopeCopyError> SealedEnvelopeReader::open()
{
    fd_ = ::open(envelope_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
        return fail(EnvelopeCopyError{EnvelopeCopyErrc::NotFound, std::strerror(errno)});
    }
    return {};
}

Result<std::size_t, EnvelopeCopyError> SealedEnvelopeReader::read(std::span<std::uint8_t> out)
{
    if (checked_ || out.empty()) {
        return std::size_t{0};
    }
    ssize_t got = 0;
    do {
        got = ::read(fd_, out.data(), out.size());
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        return fail(EnvelopeCopyError{EnvelopeCopyErrc::NotFound, std::strerror(errno)});
    }
    if (got > 0) {
        const auto piece = out.first(static_cast<std::size_t>(got));
        read_ += piece.size();
        if (read_ > size_) {
            return fail(damaged()); // longer than recorded, whatever follows
        }
        hasher_.update(piece);
        return piece.size();
    }
    if (read_ != size_ || (sha256_ && hasher_.finish() != *sha256_)) {
        return fail(damaged());
    }
    checked_ = true;
    return std::size_t{0};
}

} // namespace amicus::sync
