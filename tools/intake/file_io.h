// The file plumbing the amicus-intake commands share: whole writes (writeAll, from core's
// common/write_all.h), directory syncs after a rename, and bounded reads of small files.
#pragma once

#include "common/write_all.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace amicus::intake {

// Writes `text` to `path` (created with `mode`) and fsyncs it; `exclusive` refuses a file that
// is already there, otherwise it is truncated. False when any step failed (errno says which).
[[nodiscard]] bool writeFileSynced(const std::filesystem::path& path, std::string_view text,
                                   mode_t mode, bool exclusive);

// Replaces `path` by `text` through `path`.tmp-<pid>, fsync and rename, so a reader never sees
// half of it. False (errno kept, the temporary removed) when any step failed.
[[nodiscard]] bool replaceFileAtomically(const std::filesystem::path& path, std::string_view text,
                                         mode_t mode);

// Makes a rename or a new entry in `dir` durable; best effort (a failure is not reported).
void syncDirectory(const std::filesystem::path& dir);

// The whole content of `path`, or nullopt when it cannot be read or is over `limit` bytes.
[[nodiscard]] std::optional<std::string> readWholeFile(const std::filesystem::path& path,
                                                       std::uintmax_t limit);

} // namespace amicus::intake
