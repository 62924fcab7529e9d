#include "crypto/age_armor.h"

#include "crypto/base64.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace amicus::crypto {

namespace {

constexpr std::size_t columns = 64;
constexpr std::size_t bytesPerLine = 48;
// How much whitespace may surround the armor before it is taken for something else.
constexpr std::size_t maxWhitespace = 1024;

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

void stripCarriageReturn(std::string& line)
{
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
}

} // namespace

Result<void, IoError> AgeArmorDecoder::armorFailure(std::string detail)
{
    error_ = AgeError{AgeErrorCode::Armor, detail};
    return fail(IoError{EILSEQ, "armor: " + detail});
}

Result<void, IoError> AgeArmorDecoder::checkOnlyWhitespaceFollows()
{
    std::array<std::uint8_t, 256> buffer{};
    std::size_t seen = 0;
    while (true) {
        auto n = in_.read(buffer);
        if (!n) {
            return fail(n.error());
        }
        if (*n == 0) {
            return {};
        }
        for (std::size_t i = 0; i < *n; ++i) {
            if (!isWhitespace(static_cast<char>(buffer[i]))) {
                return armorFailure("data after the end line");
            }
        }
        seen += *n;
        if (seen > maxWhitespace) {
            return armorFailure("too much whitespace after the end line");
        }
    }
}

Result<void, IoError> AgeArmorDecoder::decodeNextLine()
{
    std::string line;
    auto readLine = [&](std::size_t maxLength) -> Result<bool, IoError> {
        line.clear();
        auto got = in_.readLine(line, maxLength);
        if (!got) {
            if (got.error().code == AgeErrorCode::Io) {
                return fail(IoError{EIO, got.error().detail});
            }
            return fail(armorFailure("line too long").error());
        }
        if (!*got && line.empty()) {
            return false; // end of input
        }
        stripCarriageReturn(line);
        return true;
    };

    if (!started_) {
        std::size_t skipped = 0;
        while (true) {
            auto got = readLine(maxWhitespace + 1);
            if (!got) {
                return fail(got.error());
            }
            if (!*got) {
                return armorFailure("no armor begin line");
            }
            if (std::all_of(line.begin(), line.end(), isWhitespace)) {
                skipped += line.size() + 1;
                if (skipped > maxWhitespace) {
                    return armorFailure("too much whitespace before the begin line");
                }
                continue;
            }
            if (line != ageArmorBegin) {
                return armorFailure("invalid begin line");
            }
            started_ = true;
            break;
        }
    }

    auto got = readLine(columns + 1);
    if (!got) {
        return fail(got.error());
    }
    if (!*got) {
        return armorFailure("no armor end line");
    }
    if (line == ageArmorEnd) {
        finished_ = true;
        return checkOnlyWhitespaceFollows();
    }
    if (line.empty() || line.size() > columns) {
        return armorFailure("armor line of the wrong length");
    }
    auto bytes = base64Decode(line, Base64Padding::Padded);
    if (!bytes) {
        return armorFailure("armor line is not canonical base64");
    }
    std::copy(bytes->begin(), bytes->end(), decoded_.begin());
    offset_ = 0;
    size_ = bytes->size();
    if (size_ < bytesPerLine) {
        // A short line is the last one: the end line must follow.
        auto next = readLine(columns + 1);
        if (!next) {
            return fail(next.error());
        }
        if (!*next || line != ageArmorEnd) {
            return armorFailure("a short armor line must be the last");
        }
        finished_ = true;
        return checkOnlyWhitespaceFollows();
    }
    return {};
}

Result<std::size_t, IoError> AgeArmorDecoder::read(std::span<std::uint8_t> out)
{
    if (error_) {
        return fail(IoError{EILSEQ, "armor: " + error_->detail});
    }
    while (offset_ == size_) {
        if (finished_) {
            return std::size_t{0};
        }
        if (auto r = decodeNextLine(); !r) {
            return fail(r.error());
        }
    }
    const std::size_t n = std::min(out.size(), size_ - offset_);
    std::memcpy(out.data(), decoded_.data() + offset_, n);
    offset_ += n;
    return n;
}

Result<void, IoError> AgeArmorEncoder::flushLines(bool final)
{
    std::string text;
    if (!begun_) {
        text += ageArmorBegin;
        text += '\n';
        begun_ = true;
    }
    std::size_t offset = 0;
    while (pending_.size() - offset >= bytesPerLine || (final && offset < pending_.size())) {
        const std::size_t n = std::min(bytesPerLine, pending_.size() - offset);
        text += base64Encode(std::span(pending_).subspan(offset, n), Base64Padding::Padded);
        text += '\n';
        offset += n;
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(offset));
    if (final) {
        text += ageArmorEnd;
        text += '\n';
    }
    return sink_.write(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

Result<void, IoError> AgeArmorEncoder::write(std::span<const std::uint8_t> bytes)
{
    pending_.insert(pending_.end(), bytes.begin(), bytes.end());
    // Encode in batches of whole lines to keep writes large and memory small.
    if (pending_.size() >= 1024 * bytesPerLine) {
        return flushLines(false);
    }
    return {};
}

Result<void, IoError> AgeArmorEncoder::finish()
{
    return flushLines(true);
}

} // namespace amicus::crypto
