#include "file_io.h"

#include "common/durable_file.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace amicus::intake {

bool writeFileSynced(const std::filesystem::path& path, std::string_view text, mode_t mode,
                     bool exclusive)
{
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), mode);
    if (fd < 0) {
        return false;
    }
    const bool ok = writeAll(fd, text) && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    errno = err;
    return ok;
}

bool replaceFileAtomically(const std::filesystem::path& path, std::string_view text, mode_t mode)
{
    const std::filesystem::path temporary = path.string() + ".tmp-" + std::to_string(::getpid());
    if (writeFileSynced(temporary, text, mode, false) &&
        std::rename(temporary.c_str(), path.c_str()) == 0) {
        return true;
    }
    const int err = errno;
    ::unlink(temporary.c_str());
    errno = err;
    return false;
}

void syncDirectory(const std::filesystem::path& dir)
{
    (void)amicus::syncDirectory(dir);
}

std::optional<std::string> readWholeFile(const std::filesystem::path& path, std::uintmax_t limit)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || size > limit) {
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace amicus::intake
