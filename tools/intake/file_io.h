// The file plumbing the amicus-intake commands share: whole writes (writeAll, from core's
// common/write_all.h), directory syncs after a rename, and bounded reads of small files.
#pragma once

#include "common/write_all.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace amicus::intake {

// Makes a rename or a new entry in `dir` durable; best effort (a failure is not reported).
void syncDirectory(const std::filesystem::path& dir);

// The whole content of `path`, or nullopt when it cannot be read or is over `limit` bytes.
[[nodiscard]] std::optional<std::string> readWholeFile(const std::filesystem::path& path,
                                                       std::uintmax_t limit);

} // namespace amicus::intake
