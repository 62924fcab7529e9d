// What the store's implementation files share: where a sealed value is bound to, random file
// names, and durable files (typed I/O errors, fsync). Internal to amicus_store.
#pragma once

#include "store/store_error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace amicus::store {

// The associated data a sealed value is bound to: "table/column/row", so that a value copied
// to another row or column no longer opens.
[[nodiscard]] std::string sealingPlace(std::string_view table, std::string_view column,
                                       std::int64_t rowId);
// Where an attachment's hash is sealed: its row and the draft it belongs to
// ("attachments/sha256/<id>/draft/<draft id>"), so a row moved to another draft no longer reads
// (the draft id itself is a plain column). Rows sealed before migration 8 used sealingPlace.
[[nodiscard]] std::string attachmentHashPlace(std::int64_t attachmentId, std::int64_t draftId);

// `bytes` random bytes (OpenSSL's generator) as lower-case hex, then `suffix`.
[[nodiscard]] StoreResult<std::string> randomHexName(std::size_t bytes, std::string_view suffix);

// An errno as a StoreError: DiskFull when the disk or a quota is full, else Io.
[[nodiscard]] StoreError ioError(std::string_view what, int err);

// Flushes a file or directory to stable storage, so a rename or a new file survives power loss.
[[nodiscard]] StoreResult<void> syncPath(const std::filesystem::path& path, bool directory);

// Makes the finished file `partial` durable under `final`: fsync, rename, then (when
// `syncDirectory`) fsync of the directory. On failure nothing is left under either name.
[[nodiscard]] StoreResult<void> placeDurably(const std::filesystem::path& partial,
                                             const std::filesystem::path& final,
                                             bool syncDirectory = true);

// Removes a file if it is there; errors are ignored (a leftover is swept later).
void removeQuietly(const std::filesystem::path& path);

} // namespace amicus::store
