// AgeFileSource: the verified plaintext of an age file as a ByteSource, so a vault attachment
// (an age file to the vault recipient) can be packaged without ever being decrypted to disk.
#pragma once

#include "common/result.h"
#include "crypto/age_keys.h"
#include "crypto/age_reader.h"
#include "crypto/byte_stream.h"

#include <memory>
#include <string>

namespace amicus::package {

class AgeFileSource : public crypto::ByteSource {
public:
    // Opens `path` and its age header with `identity` (which must outlive the source). A
    // missing file fails with systemError ENOENT (PackageWriter reads that as a missing
    // attachment); a file that does not open or authenticate fails with EBADMSG.
    [[nodiscard]] static Result<std::unique_ptr<crypto::ByteSource>, crypto::IoError>
    open(const std::string& path, const crypto::AgeIdentity& identity);

    // Plaintext only after its chunk authenticated; EBADMSG if a chunk does not.
    [[nodiscard]] Result<std::size_t, crypto::IoError> read(std::span<std::uint8_t> out) override;

private:
    AgeFileSource() = default;
    std::unique_ptr<crypto::FileSource> file_;
    std::unique_ptr<crypto::AgeReader> reader_;
};

} // namespace amicus::package
