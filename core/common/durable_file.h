// Files that survive a power cut once the call has returned: fsync of a file or a directory,
// and replacing a file through a temporary, fsync, rename and fsync of its directory so a crash
// leaves the old or the new content, never a mix. The one copy the vault, the store, the
// package writer, the file outbox and amicus-intake share.
#pragma once

#include "common/write_all.h"

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus {

// Which step failed ("open", "fsync", "create", "write", "rename", "sync directory") and its
// errno.
struct FileFailure {
    const char* step = "";
    int errorNumber = 0;
};

// Flushes the file or directory at `path` to stable storage. Returns {} or the failure.
[[nodiscard]] inline std::optional<FileFailure> syncToDisk(const std::filesystem::path& path,
                                                           bool directory)
{
    const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return FileFailure{"open", errno};
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        return FileFailure{"fsync", err};
    }
    return std::nullopt;
}

// A new file or directory entry in `directory` survives a power cut once this returns.
[[nodiscard]] inline std::optional<FileFailure>
syncDirectory(const std::filesystem::path& directory)
{
    return syncToDisk(directory, true);
}

// Replaces `path` with `bytes` (mode `mode`): `path`.tmp written and fsynced, renamed over
// `path`, then the directory fsynced. On failure the temporary is removed and `path` is as it
// was (or, when only the directory sync failed, already the new content).
[[nodiscard]] inline std::optional<FileFailure>
replaceFileDurably(const std::filesystem::path& path, std::string_view bytes, mode_t mode = 0600)
{
    const std::string temporary = path.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        return FileFailure{"create", errno};
    }
    std::optional<FileFailure> failure;
    if (!writeAll(fd, bytes)) {
        failure = FileFailure{"write", errno};
    } else if (::fsync(fd) != 0) {
        failure = FileFailure{"fsync", errno};
    }
    ::close(fd);
    if (!failure && ::rename(temporary.c_str(), path.c_str()) != 0) {
        failure = FileFailure{"rename", errno};
    }
    if (failure) {
        ::unlink(temporary.c_str());
        return failure;
    }
    const auto parent = path.parent_path();
    if (auto unsynced = syncDirectory(parent.empty() ? std::filesystem::path(".") : parent)) {
        return FileFailure{"sync directory", unsynced->errorNumber};
    }
    return std::nullopt;
}

} // namespace amicus
