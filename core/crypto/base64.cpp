#include "crypto/base64.h"

#include <array>

namespace amicus::crypto {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> makeReverse()
{
    std::array<std::int8_t, 256> table{};
    for (auto& v : table) {
        v = -1;
    }
    for (int i = 0; i < 64; ++i) {
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    }
    return table;
}

constexpr auto reverse = makeReverse();

} // namespace

std::string base64Encode(std::span<const std::uint8_t> bytes, Base64Padding padding)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        out.push_back(alphabet[(v >> 6) & 63]);
        out.push_back(alphabet[v & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t v = bytes[i] << 16;
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        if (padding == Base64Padding::Padded) {
            out += "==";
        }
    } else if (rest == 2) {
        const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8);
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        out.push_back(alphabet[(v >> 6) & 63]);
        if (padding == Base64Padding::Padded) {
            out += "=";
        }
    }
    return out;
}

Result<std::vector<std::uint8_t>, CryptoError> base64Decode(std::string_view text,
                                                            Base64Padding padding)
{
    if (padding == Base64Padding::Padded) {
        if (text.size() % 4 != 0) {
            return fail(CryptoError::Malformed);
        }
        std::size_t pad = 0;
        while (pad < 2 && pad < text.size() && text[text.size() - 1 - pad] == '=') {
            ++pad;
        }
        text.remove_suffix(pad);
    }
    if (text.size() % 4 == 1) {
        return fail(CryptoError::Malformed);
    }
    std::vector<std::uint8_t> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = reverse[static_cast<unsigned char>(c)];
        if (v < 0) {
            return fail(CryptoError::Malformed);
        }
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xff));
        }
    }
    // Canonical encodings leave the unused low bits of the last character at zero.
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) {
        return fail(CryptoError::Malformed);
    }
    return out;
}

} // namespace amicus::crypto
