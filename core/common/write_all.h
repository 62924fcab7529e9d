// Writing a whole buffer to a file descriptor. write(2) may write less than it was asked or be
// interrupted by a signal before writing anything, so every caller that must write it all
// retries the same way; this is that loop, once.
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <unistd.h>

namespace amicus {

// Writes all of `bytes` to `fd`, retrying short writes and EINTR. False on an error, with errno
// set by write(2) (EIO when it wrote nothing and reported no error, so the loop cannot spin).
[[nodiscard]] inline bool writeAll(int fd, std::span<const std::uint8_t> bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return false;
        }
        if (n == 0) {
            errno = EIO;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

[[nodiscard]] inline bool writeAll(int fd, std::string_view text)
{
    return writeAll(fd, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

} // namespace amicus
