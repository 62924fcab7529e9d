#include "store/age_blob_encryptor.h"

#include "crypto/age_writer.h"

#include <array>
#include <cerrno>
#include <cstring>

namespace amicus::store {

namespace {

StoreError fromIo(std::string_view what, int err, const std::string& detail)
{
    StoreError error;
    error.code =
        (err == ENOSPC || err == EFBIG || err == EDQUOT) ? StoreErrc::DiskFull : StoreErrc::Io;
    error.sysErrno = err;
    error.detail = std::string(what) + ": " + (err != 0 ? std::strerror(err) : detail);
    return error;
}

// Passes writes through to the file and remembers the errno of a failure, which the age
// writer's own error does not carry, so a full disk can be told from other I/O errors.
class RecordingSink : public crypto::ByteSink {
public:
    explicit RecordingSink(crypto::FileSink& file) : file_(file) {}
    Result<void, crypto::IoError> write(std::span<const std::uint8_t> bytes) override
    {
        auto written = file_.write(bytes);
        if (!written) {
            lastErrno_ = written.error().systemError;
            lastDetail_ = written.error().detail;
        }
        return written;
    }
    int lastErrno() const { return lastErrno_; }
    const std::string& lastDetail() const { return lastDetail_; }

private:
    crypto::FileSink& file_;
    int lastErrno_ = 0;
    std::string lastDetail_;
};

} // namespace

StoreResult<void> AgeBlobEncryptor::encryptToFile(
    std::istream& input, const std::filesystem::path& destination,
    const std::function<bool(std::span<const std::uint8_t>, StoreError&)>& onChunk) const
{
    auto file = crypto::FileSink::create(destination.string());
    if (!file) {
        return fail(fromIo("create blob", file.error().systemError, file.error().detail));
    }
    RecordingSink sink(**file);
    const crypto::AgeRecipient* recipients[] = {&recipient_};
    auto writer = crypto::AgeWriter::create(recipients, sink);
    if (!writer) {
        if (sink.lastErrno() != 0) {
            return fail(fromIo("write blob", sink.lastErrno(), sink.lastDetail()));
        }
        return fail(StoreError{StoreErrc::Internal, "age writer: " + writer.error().detail});
    }
    std::array<char, std::size_t{64} * 1024> buffer{};
    for (;;) {
        input.read(buffer.data(), buffer.size());
        const auto got = static_cast<std::size_t>(input.gcount());
        if (got == 0) {
            if (input.bad()) {
                return fail(StoreError{StoreErrc::Io, "reading the attachment source failed"});
            }
            break;
        }
        const std::span<const std::uint8_t> chunk(
            reinterpret_cast<const std::uint8_t*>(buffer.data()), got);
        StoreError refusal;
        if (!onChunk(chunk, refusal)) {
            return fail(refusal);
        }
        auto written = (*writer)->write(chunk);
        if (!written) {
            if (sink.lastErrno() != 0 || written.error().code == crypto::AgeErrorCode::Io) {
                return fail(fromIo("write blob", sink.lastErrno(), sink.lastDetail()));
            }
            return fail(StoreError{StoreErrc::Internal, "age writer: " + written.error().detail});
        }
    }
    auto finished = (*writer)->finish();
    if (!finished) {
        return fail(fromIo("finish blob", sink.lastErrno(), finished.error().detail));
    }
    auto synced = (*file)->sync();
    if (!synced) {
        return fail(fromIo("sync blob", synced.error().systemError, synced.error().detail));
    }
    return {};
}

} // namespace amicus::store
