#include "store/store_files.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/rand.h>
#include <unistd.h>
#include <vector>

namespace amicus::store {

std::string sealingPlace(std::string_view table, std::string_view column, std::int64_t rowId)
{
    return std::string(table) + "/" + std::string(column) + "/" + std::to_string(rowId);
}

StoreResult<std::string> randomHexName(std::size_t bytes, std::string_view suffix)
{
    std::vector<std::uint8_t> random(bytes);
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
        return fail(StoreError{StoreErrc::Internal, "no randomness available"});
    }
    static const char digits[] = "0123456789abcdef";
    std::string name;
    name.reserve(bytes * 2 + suffix.size());
    for (const std::uint8_t byte : random) {
        name.push_back(digits[byte >> 4]);
        name.push_back(digits[byte & 0x0f]);
    }
    return name + std::string(suffix);
}

StoreError ioError(std::string_view what, int err)
{
    StoreError error;
    error.code =
        (err == ENOSPC || err == EFBIG || err == EDQUOT) ? StoreErrc::DiskFull : StoreErrc::Io;
    error.sysErrno = err;
    error.detail = std::string(what) + ": " + std::strerror(err);
    return error;
}

StoreResult<void> syncPath(const std::filesystem::path& path, bool directory)
{
    const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail(ioError("open for fsync", errno));
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        return fail(ioError("fsync", err));
    }
    return {};
}

} // namespace amicus::store
