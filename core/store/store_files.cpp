#include "store/store_files.h"

#include "common/durable_file.h"
#include "crypto/random.h"
#include "crypto/sha256.h"

#include <cerrno>
#include <cstring>
#include <system_error>

namespace amicus::store {

std::string sealingPlace(std::string_view table, std::string_view column, std::int64_t rowId)
{
    return std::string(table) + "/" + std::string(column) + "/" + std::to_string(rowId);
}

std::string attachmentHashPlace(std::int64_t attachmentId, std::int64_t draftId)
{
    return sealingPlace("attachments", "sha256", attachmentId) + "/draft/" +
           std::to_string(draftId);
}

StoreResult<std::string> randomHexName(std::size_t bytes, std::string_view suffix)
{
    auto random = crypto::randomBytes(bytes);
    if (!random) {
        return fail(StoreError{StoreErrc::Internal, "no randomness available"});
    }
    return crypto::toHex(*random) + std::string(suffix);
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
    if (auto failed = syncToDisk(path, directory)) {
        return fail(ioError(std::string(failed->step) + " for durability", failed->errorNumber));
    }
    return {};
}

StoreResult<void> placeDurably(const std::filesystem::path& partial,
                               const std::filesystem::path& final, bool syncDirectory)
{
    if (auto synced = syncPath(partial, false); !synced) {
        removeQuietly(partial);
        return fail(synced.error());
    }
    std::error_code ec;
    std::filesystem::rename(partial, final, ec);
    if (ec) {
        removeQuietly(partial);
        return fail(ioError("rename into place", ec.value()));
    }
    if (syncDirectory) {
        if (auto synced = syncPath(final.parent_path(), true); !synced) {
            removeQuietly(final);
            return fail(synced.error());
        }
    }
    return {};
}

void removeQuietly(const std::filesystem::path& path)
{
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

} // namespace amicus::store
