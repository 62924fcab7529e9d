// The age v1 header text format (C2SP age.md): stanzas, the MAC line, parsing from a stream
// and encoding. No cryptography here beyond what the format itself needs.
#pragma once

#include "common/result.h"
#include "crypto/age_error.h"
#include "crypto/byte_stream.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::crypto {

inline constexpr std::string_view ageVersionLine = "age-encryption.org/v1";
inline constexpr std::size_t ageFileKeySize = 16;
inline constexpr std::size_t ageNonceSize = 16;
inline constexpr std::size_t ageChunkSize = 64 * 1024;
inline constexpr std::size_t ageTagSize = 16;
inline constexpr std::size_t ageSealedChunkSize = ageChunkSize + ageTagSize;
// Headers larger than this are refused rather than buffered (a header is a few hundred bytes).
inline constexpr std::size_t ageMaxHeaderSize = 1024 * 1024;

// The size of the STREAM payload (nonce excluded) for `plaintextSize` bytes of plaintext.
[[nodiscard]] constexpr std::uint64_t agePayloadSize(std::uint64_t plaintextSize)
{
    const std::uint64_t chunks =
        plaintextSize == 0 ? 1 : (plaintextSize + ageChunkSize - 1) / ageChunkSize;
    return plaintextSize + chunks * ageTagSize;
}

// One recipient stanza: "-> type arg..." and its binary body.
struct AgeStanza {
    std::string type;
    std::vector<std::string> args;
    std::vector<std::uint8_t> body;
};

// A parsed header: the stanzas, the MAC, and the exact bytes the MAC covers.
struct AgeHeader {
    std::vector<AgeStanza> stanzas;
    std::array<std::uint8_t, 32> mac{};
    std::string macInput; // from the version line through "---"
};

// A ByteSource with a small read-ahead buffer, so the header can be read line by line and
// the payload continue from the exact byte after it.
class BufferedSource : public ByteSource {
public:
    explicit BufferedSource(ByteSource& inner) : inner_(inner) {}
    [[nodiscard]] Result<std::size_t, IoError> read(std::span<std::uint8_t> out) override;
    // Reads bytes up to and including '\n', appending them to `line` (without the '\n').
    // Returns false at end of input before a '\n'; refuses lines over `maxLength`.
    [[nodiscard]] Result<bool, AgeError> readLine(std::string& line, std::size_t maxLength);
    // Returns up to `count` (at most 4096) upcoming bytes without consuming them; fewer only
    // at the end of the input.
    [[nodiscard]] Result<std::span<const std::uint8_t>, IoError> peek(std::size_t count);
    // Reads exactly out.size() bytes unless the input ends first; returns how many were read.
    [[nodiscard]] Result<std::size_t, IoError> readFull(std::span<std::uint8_t> out);

private:
    ByteSource& inner_;
    std::array<std::uint8_t, 4096> buffer_{};
    std::size_t start_ = 0;
    std::size_t end_ = 0;
};

// Parses the header from `source`, leaving it positioned at the payload nonce.
[[nodiscard]] Result<AgeHeader, AgeError> parseAgeHeader(BufferedSource& source);

// Encodes the version line and stanzas and the "---" that ends the MAC input.
[[nodiscard]] std::string encodeAgeHeaderMacInput(std::span<const AgeStanza> stanzas);

// Whether `arg` is a valid stanza argument: non-empty, visible ASCII only.
[[nodiscard]] bool isValidStanzaArgument(std::string_view arg);

} // namespace amicus::crypto
