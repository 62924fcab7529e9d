#include "crypto/random.h"

#include "crypto/secret_bytes.h"

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

} // namespace amicus::crypto
