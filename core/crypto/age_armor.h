// ASCII armor for age files (C2SP age.md, "ASCII armor"): a PEM-like wrapping with strict
// canonical base64 lines of 64 columns. A decoding source and an encoding sink, both streaming.
#pragma once

#include "crypto/age_error.h"
#include "crypto/age_format.h"
#include "crypto/byte_stream.h"

#include <array>
#include <optional>
#include <string_view>

namespace amicus::crypto {

inline constexpr std::string_view ageArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
inline constexpr std::string_view ageArmorEnd = "-----END AGE ENCRYPTED FILE-----";

// Reads an armored age file from `armored` and yields the binary file. Whitespace is allowed
// before the first and after the last line (a little), LF or CRLF line ends, nothing else.
class AgeArmorDecoder : public ByteSource {
public:
    explicit AgeArmorDecoder(BufferedSource& armored) : in_(armored) {}
    // On malformed armor, fails with an IoError whose detail starts with "armor:" and
    // error() tells what was wrong as an AgeErrorCode::Armor.
    [[nodiscard]] Result<std::size_t, IoError> read(std::span<std::uint8_t> out) override;
    [[nodiscard]] const std::optional<AgeError>& error() const { return error_; }

private:
    Result<void, IoError> armorFailure(std::string detail);
    Result<void, IoError> decodeNextLine();
    Result<void, IoError> checkOnlyWhitespaceFollows();

    BufferedSource& in_;
    bool started_ = false;
    bool finished_ = false;
    std::array<std::uint8_t, 48> decoded_{};
    std::size_t offset_ = 0;
    std::size_t size_ = 0;
    std::optional<AgeError> error_;
};

// Writes what it is given to `sink` as armor; finish() writes the last line and END line.
class AgeArmorEncoder : public ByteSink {
public:
    explicit AgeArmorEncoder(ByteSink& sink) : sink_(sink) {}
    [[nodiscard]] Result<void, IoError> write(std::span<const std::uint8_t> bytes) override;
    [[nodiscard]] Result<void, IoError> finish();

private:
    Result<void, IoError> flushLines(bool final);

    ByteSink& sink_;
    bool begun_ = false;
    std::vector<std::uint8_t> pending_; // bytes not yet encoded (less than a batch of lines)
};

} // namespace amicus::crypto
