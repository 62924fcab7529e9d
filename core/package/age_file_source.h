// AgeFileSource: the verified plaintext of an age file as a ByteSource, so a vault attachment
// (an age file to the vault recipient) can be packaged without ever being decrypted to disk.
#pragma once

#include "common/result.h"
#include "crypto/age_keys.h"
#include "crypto/age_reader.h"
#include "crypto/byte_stream.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace amicus::package {

class AgeFileSource : public crypto::ByteSource {
public:
    // Opens `path` and its age header with `identity` (which must outlive the source). A
    // missing file fails with systemError ENOENT (PackageWriter reads that as a missing
    // attachment); a file that does not open or authenticate fails with EBADMSG, and so does
    // one whose header MAC is not `expectedMac` when given.
    //
    // Why `expectedMac` binds the file to its record: the header MAC is HMAC-SHA-256 under a
    // key derived from the file key, which the reader has just checked. Another header with
    // the same MAC would need an HMAC forgery, so the header is the one recorded, and it wraps
    // the one file key that the vault drew at random when it wrote this blob. Every payload
    // chunk is then authenticated under a key derived from that file key, in order, the last
    // one marked: another blob (another attachment's, another draft's, or any file to the
    // vault's public recipient), a truncated one or a changed byte does not read to the end.
    [[nodiscard]] static Result<std::unique_ptr<crypto::ByteSource>, crypto::IoError>
    open(const std::string& path, const crypto::AgeIdentity& identity,
         const std::optional<std::array<std::uint8_t, 32>>& expectedMac = std::nullopt);

    // Plaintext only after its chunk authenticated; EBADMSG if a chunk does not.
    [[nodiscard]] Result<std::size_t, crypto::IoError> read(std::span<std::uint8_t> out) override;

private:
    AgeFileSource() = default;
    std::unique_ptr<crypto::FileSource> file_;
    std::unique_ptr<crypto::AgeReader> reader_;
};

} // namespace amicus::package
