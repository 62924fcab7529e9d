// Strict UTF-8 decoding, one sequence at a time, for code that must treat invalid bytes
// itself (file names, XML text) instead of trusting its input.
#pragma once

#include <cstddef>
#include <string_view>

namespace amicus {

// Decodes one UTF-8 sequence at `i` of `s` into `out`; returns its length, or 0 when it is
// not valid UTF-8 (overlong, surrogate, beyond U+10FFFF, truncated, stray continuation byte).
[[nodiscard]] inline std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t& out)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + length > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        return 0;
    }
    out = cp;
    return length;
}

} // namespace amicus
