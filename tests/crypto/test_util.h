// Small helpers shared by the crypto tests (hex decoding, byte views of strings).
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::crypto::test {

inline std::vector<std::uint8_t> unhex(std::string_view hex)
{
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw std::invalid_argument("not hex");
    };
    std::vector<std::uint8_t> out;
    std::string compact;
    for (char c : hex) {
        if (c != ' ' && c != '\n' && c != ':') {
            compact.push_back(c);
        }
    }
    if (compact.size() % 2 != 0) {
        throw std::invalid_argument("odd hex");
    }
    for (std::size_t i = 0; i < compact.size(); i += 2) {
        out.push_back(static_cast<std::uint8_t>(nibble(compact[i]) << 4 | nibble(compact[i + 1])));
    }
    return out;
}

inline std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

} // namespace amicus::crypto::test
