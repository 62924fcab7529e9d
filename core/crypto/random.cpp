#include "crypto/random.h"

#include "crypto/secret_bytes.h"
#include "crypto/sha256.h"

#include <array>
#include <climits>
#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace amicus::crypto {

void wipe(void* data, std::size_t size)
{
    if (data != nullptr && size > 0) {
        OPENSSL_cleanse(data, size);
    }
}

Result<void, CryptoError> fillRandom(std::span<std::uint8_t> out)
{
    std::size_t done = 0;
    while (done < out.size()) {
        const std::size_t step = std::min<std::size_t>(out.size() - done, INT_MAX);
        if (RAND_bytes(out.data() + done, static_cast<int>(step)) != 1) {
            return fail(CryptoError::Backend);
        }
        done += step;
    }
    return {};
}

Result<std::vector<std::uint8_t>, CryptoError> randomBytes(std::size_t count)
{
    std::vector<std::uint8_t> bytes(count);
    auto filled = fillRandom(bytes);
    if (!filled) {
        return fail(filled.error());
    }
    return bytes;
}

Result<std::string, CryptoError> randomUuid()
{
    std::array<std::uint8_t, 16> bytes{};
    if (auto filled = fillRandom(bytes); !filled) {
        return fail(filled.error());
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80); // RFC variant
    const std::string hex = toHex(bytes);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace amicus::crypto
