// BlobEncryptor: writes an attachment's bytes, encrypted to the vault's own recipient, into a
// file. The store uses it so attachments never touch the disk in plain text.
#pragma once

#include "store/store_error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <span>

namespace amicus::store {

class BlobEncryptor {
public:
    virtual ~BlobEncryptor() = default;

    // Streams `input` to the end into `destination` (created, must not exist), encrypted, in
    // constant memory. Calls `onChunk` with each plaintext chunk before it is encrypted;
    // when `onChunk` returns false the copy stops and returns the error it set.
    [[nodiscard]] virtual StoreResult<void> encryptToFile(
        std::istream& input, const std::filesystem::path& destination,
        const std::function<bool(std::span<const std::uint8_t>, StoreError&)>& onChunk) const = 0;
};

} // namespace amicus::store
