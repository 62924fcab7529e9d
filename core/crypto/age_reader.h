// AgeReader: decrypts an age v1 stream, pull-style, releasing only authenticated plaintext.
#pragma once

#include "common/result.h"
#include "crypto/age_armor.h"
#include "crypto/age_error.h"
#include "crypto/age_format.h"
#include "crypto/age_keys.h"
#include "crypto/byte_stream.h"
#include "crypto/primitives.h"
#include "crypto/stream_control.h"

#include <memory>
#include <span>
#include <vector>

namespace amicus::crypto {

// How the input is encoded: binary, ASCII-armored, or either (decided from its first bytes,
// as the age CLI does).
enum class AgeEncoding { Detect, Binary, Armored };

// open() parses the header, unwraps the file key with the first identity that can, checks
// the header MAC and reads the nonce; read() then returns plaintext chunk by chunk, each only
// after its tag verified. Holds at most one sealed and one open chunk.
class AgeReader {
public:
    [[nodiscard]] static Result<std::unique_ptr<AgeReader>, AgeError>
    open(ByteSource& source, std::span<const AgeIdentity* const> identities,
         StreamControl control = {}, AgeEncoding encoding = AgeEncoding::Detect);
    ~AgeReader();
    AgeReader(const AgeReader&) = delete;
    AgeReader& operator=(const AgeReader&) = delete;

    // Fills `out` with up to out.size() bytes of verified plaintext; 0 means the end of a
    // complete, authentic file. After an error every further call returns the same error.
    [[nodiscard]] Result<std::size_t, AgeError> read(std::span<std::uint8_t> out);

    [[nodiscard]] const AgeHeader& header() const { return header_; }

private:
    AgeReader(ByteSource& source, StreamControl control);
    Result<void, AgeError> nextChunk();
    Result<void, AgeError> failWith(AgeError error);
    // An I/O error from a broken armor is an armor error.
    AgeError classify(AgeError error) const;

    BufferedSource raw_;
    std::unique_ptr<AgeArmorDecoder> armor_;
    std::unique_ptr<BufferedSource> decoded_;
    BufferedSource* source_ = &raw_;
    StreamControl control_;
    AgeHeader header_;
    std::unique_ptr<ChaCha20Poly1305> aead_;
    std::vector<std::uint8_t> sealed_; // one sealed chunk plus one byte of look-ahead
    std::size_t carried_ = 0;          // look-ahead bytes already at the front of sealed_
    std::vector<std::uint8_t> plain_;
    std::size_t plainOffset_ = 0;
    std::size_t plainSize_ = 0;
    std::uint64_t counter_ = 0;
    std::uint64_t released_ = 0;
    bool done_ = false;
    std::unique_ptr<AgeError> error_;
    std::unique_ptr<AgeError> pendingError_; // reported once the released chunk is consumed
};

// Reads an age file from `source` and writes its plaintext to `sink` as it verifies.
[[nodiscard]] Result<void, AgeError> ageDecrypt(ByteSource& source,
                                                std::span<const AgeIdentity* const> identities,
                                                ByteSink& sink, StreamControl control = {},
                                                AgeEncoding encoding = AgeEncoding::Detect);

} // namespace amicus::crypto
