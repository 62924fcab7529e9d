#include "calls/age_recipient.h"

#include <vector>

namespace amicus::calls {
namespace {

constexpr std::string_view charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::string_view agePrefix = "age";
constexpr std::size_t checksumLength = 6;

std::uint32_t polymod(const std::vector<std::uint8_t>& values)
{
    constexpr std::array<std::uint32_t, 5> generator{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                                     0x2a1462b3};
    std::uint32_t checksum = 1;
    for (std::uint8_t value : values) {
        const std::uint32_t top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        for (std::size_t i = 0; i < generator.size(); ++i) {
            if ((top >> i) & 1) {
                checksum ^= generator[i];
            }
        }
    }
    return checksum;
}

char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string canonicalAgeRecipient(std::string_view recipient)
{
    std::string lower(recipient);
    for (char& c : lower) {
        c = toLower(c);
    }
    return lower;
}

std::optional<std::array<std::uint8_t, 32>> decodeAgeRecipient(std::string_view recipient)
{
    bool hasLower = false;
    bool hasUpper = false;
    for (char c : recipient) {
        if (c < 33 || c > 126) {
            return std::nullopt;
        }
        hasLower = hasLower || (c >= 'a' && c <= 'z');
        hasUpper = hasUpper || (c >= 'A' && c <= 'Z');
    }
    if (hasLower && hasUpper) {
        return std::nullopt; // Bech32 forbids mixed case
    }
    const std::string lower = canonicalAgeRecipient(recipient);
    const std::size_t separator = lower.rfind('1');
    if (separator == std::string::npos || lower.substr(0, separator) != agePrefix) {
        return std::nullopt;
    }
    const std::string_view data = std::string_view(lower).substr(separator + 1);
    // 32 bytes are 52 five-bit groups (the last one carrying 4 padding bits), plus the checksum.
    if (data.size() != 52 + checksumLength) {
        return std::nullopt;
    }

    std::vector<std::uint8_t> values;
    values.reserve(agePrefix.size() * 2 + 1 + data.size());
    for (char c : agePrefix) {
        values.push_back(static_cast<std::uint8_t>(c) >> 5);
    }
    values.push_back(0);
    for (char c : agePrefix) {
        values.push_back(static_cast<std::uint8_t>(c) & 31);
    }
    const std::size_t firstDataValue = values.size();
    for (char c : data) {
        const std::size_t index = charset.find(c);
        if (index == std::string_view::npos) {
            return std::nullopt;
        }
        values.push_back(static_cast<std::uint8_t>(index));
    }
    if (polymod(values) != 1) {
        return std::nullopt;
    }

    // Regroup the 5-bit values (without the checksum) into bytes; leftover bits must be zero.
    std::array<std::uint8_t, 32> key{};
    std::uint32_t accumulator = 0;
    int bits = 0;
    std::size_t written = 0;
    for (std::size_t i = firstDataValue; i < values.size() - checksumLength; ++i) {
        accumulator = (accumulator << 5) | values[i];
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            if (written == key.size()) {
                return std::nullopt;
            }
            key[written++] = static_cast<std::uint8_t>((accumulator >> bits) & 0xff);
        }
    }
    if (written != key.size() || bits >= 5 || (accumulator & ((1u << bits) - 1)) != 0) {
        return std::nullopt;
    }
    return key;
}

} // namespace amicus::calls
