#include "crypto/bech32.h"

#include <array>

namespace amicus::crypto {

namespace {

constexpr char charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

std::uint32_t polymod(std::span<const std::uint8_t> values)
{
    static constexpr std::uint32_t generator[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                                  0x2a1462b3};
    std::uint32_t chk = 1;
    for (std::uint8_t v : values) {
        const std::uint32_t top = chk >> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1) {
                chk ^= generator[i];
            }
        }
    }
    return chk;
}

std::vector<std::uint8_t> expandHrp(std::string_view hrp)
{
    std::vector<std::uint8_t> out;
    for (char c : hrp) {
        out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) >> 5));
    }
    out.push_back(0);
    for (char c : hrp) {
        out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) & 31));
    }
    return out;
}

char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

char toUpper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// Regroups bits; `pad` adds zero bits at the end (encoding), otherwise leftover bits must be
// fewer than `from` and zero (decoding).
bool convertBits(std::span<const std::uint8_t> in, int from, int to, bool pad,
                 std::vector<std::uint8_t>& out)
{
    std::uint32_t acc = 0;
    int bits = 0;
    const std::uint32_t maxValue = (1u << to) - 1;
    for (std::uint8_t value : in) {
        if ((value >> from) != 0) {
            return false;
        }
        acc = (acc << from) | value;
        bits += from;
        while (bits >= to) {
            bits -= to;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & maxValue));
        }
    }
    if (pad) {
        if (bits > 0) {
            out.push_back(static_cast<std::uint8_t>((acc << (to - bits)) & maxValue));
        }
    } else if (bits >= from || ((acc << (to - bits)) & maxValue) != 0) {
        return false;
    }
    return true;
}

} // namespace

std::string bech32Encode(std::string_view hrp, std::span<const std::uint8_t> data, bool upperCase)
{
    std::string lowerHrp;
    for (char c : hrp) {
        lowerHrp.push_back(toLower(c));
    }
    std::vector<std::uint8_t> values;
    convertBits(data, 8, 5, true, values);
    std::vector<std::uint8_t> checked = expandHrp(lowerHrp);
    checked.insert(checked.end(), values.begin(), values.end());
    checked.insert(checked.end(), 6, 0);
    const std::uint32_t mod = polymod(checked) ^ 1;
    for (int i = 0; i < 6; ++i) {
        values.push_back(static_cast<std::uint8_t>((mod >> (5 * (5 - i))) & 31));
    }
    std::string out = lowerHrp + "1";
    for (std::uint8_t v : values) {
        out.push_back(charset[v]);
    }
    if (upperCase) {
        for (char& c : out) {
            c = toUpper(c);
        }
    }
    return out;
}

Result<Bech32Data, CryptoError> bech32Decode(std::string_view text)
{
    bool hasLower = false;
    bool hasUpper = false;
    for (char c : text) {
        if (c < 33 || c > 126) {
            return fail(CryptoError::Malformed);
        }
        hasLower = hasLower || (c >= 'a' && c <= 'z');
        hasUpper = hasUpper || (c >= 'A' && c <= 'Z');
    }
    if (hasLower && hasUpper) {
        return fail(CryptoError::Malformed);
    }
    const std::size_t separator = text.rfind('1');
    if (separator == std::string_view::npos || separator == 0 || separator + 7 > text.size()) {
        return fail(CryptoError::Malformed);
    }
    const std::string_view hrp = text.substr(0, separator);
    std::string lowerHrp;
    for (char c : hrp) {
        lowerHrp.push_back(toLower(c));
    }
    std::vector<std::uint8_t> values;
    for (char c : text.substr(separator + 1)) {
        const char* found = nullptr;
        for (const char* p = charset; *p != '\0'; ++p) {
            if (*p == toLower(c)) {
                found = p;
                break;
            }
        }
        if (found == nullptr) {
            return fail(CryptoError::Malformed);
        }
        values.push_back(static_cast<std::uint8_t>(found - charset));
    }
    std::vector<std::uint8_t> checked = expandHrp(lowerHrp);
    checked.insert(checked.end(), values.begin(), values.end());
    if (polymod(checked) != 1) {
        return fail(CryptoError::Malformed);
    }
    values.resize(values.size() - 6);
    Bech32Data out;
    out.hrp = std::string(hrp);
    if (!convertBits(values, 5, 8, false, out.data)) {
        return fail(CryptoError::Malformed);
    }
    return out;
}

} // namespace amicus::crypto
