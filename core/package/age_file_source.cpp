#include "package/age_file_source.h"

#include <cerrno>

namespace amicus::package {

namespace {
crypto::IoError fromAge(const crypto::AgeError& error)
{
    return crypto::IoError{EBADMSG,
                           std::string(crypto::ageErrorName(error.code)) + ": " + error.detail};
}
} // namespace

Result<std::unique_ptr<crypto::ByteSource>, crypto::IoError>
AgeFileSource::open(const std::string& path, const crypto::AgeIdentity& identity,
                    const std::optional<std::array<std::uint8_t, 32>>& expectedMac)
{
    auto file = crypto::FileSource::open(path);
    if (!file) {
        return fail(file.error());
    }
    std::unique_ptr<AgeFileSource> source(new AgeFileSource());
    source->file_ = std::move(file).value();
    const crypto::AgeIdentity* identities[] = {&identity};
    auto reader = crypto::AgeReader::open(*source->file_, identities);
    if (!reader) {
        return fail(fromAge(reader.error()));
    }
    if (expectedMac && (*reader)->header().mac != *expectedMac) {
        return fail(crypto::IoError{EBADMSG, "not the blob recorded (its header MAC differs)"});
    }
    source->reader_ = std::move(reader).value();
    return std::unique_ptr<crypto::ByteSource>(std::move(source));
}

Result<std::size_t, crypto::IoError> AgeFileSource::read(std::span<std::uint8_t> out)
{
    auto n = reader_->read(out);
    if (!n) {
        return fail(fromAge(n.error()));
    }
    return n.value();
}

} // namespace amicus::package
