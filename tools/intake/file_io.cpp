#include "file_io.h"

#include "common/durable_file.h"

#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace amicus::intake {

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
