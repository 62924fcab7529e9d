// Base64 against RFC 4648 section 10 test vectors, SHA-256 against FIPS 180-4 examples
// ("abc" and the empty string, from NIST's SHA examples), and the streaming hasher.
#include "crypto/base64.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "test_util.h"

#include <gtest/gtest.h>

namespace amicus::crypto {
namespace {

using test::bytesOf;

TEST(Base64, Rfc4648Vectors)
{
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(base64Encode(bytesOf(plain)), encoded);
        auto decoded = base64Decode(encoded);
        ASSERT_TRUE(decoded.ok()) << encoded;
        EXPECT_EQ(std::string(decoded->begin(), decoded->end()), plain);

        std::string unpadded = encoded;
        while (!unpadded.empty() && unpadded.back() == '=') {
            unpadded.pop_back();
        }
        EXPECT_EQ(base64Encode(bytesOf(plain), Base64Padding::Unpadded), unpadded);
        auto decodedUnpadded = base64Decode(unpadded, Base64Padding::Unpadded);
        ASSERT_TRUE(decodedUnpadded.ok()) << unpadded;
        EXPECT_EQ(std::string(decodedUnpadded->begin(), decodedUnpadded->end()), plain);
    }
}

TEST(Base64, RejectsNonCanonicalInput)
{
    EXPECT_FALSE(base64Decode("Zg=", Base64Padding::Padded).ok());
    EXPECT_FALSE(base64Decode("Zh==", Base64Padding::Padded).ok()); // stray low bits
    EXPECT_FALSE(base64Decode("Zg==", Base64Padding::Unpadded).ok());
    EXPECT_FALSE(base64Decode("Zh", Base64Padding::Unpadded).ok());
    EXPECT_FALSE(base64Decode("Z", Base64Padding::Unpadded).ok());
    EXPECT_FALSE(base64Decode("Zm9v\n", Base64Padding::Unpadded).ok());
    EXPECT_FALSE(base64Decode("Zm-v", Base64Padding::Unpadded).ok());
}

TEST(Sha256, Fips180Examples)
{
    EXPECT_EQ(toHex(Sha256::digest(std::string_view("abc"))),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(toHex(Sha256::digest(std::string_view(""))),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(toHex(Sha256::digest(
                  std::string_view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, StreamingEqualsOneShot)
{
    auto data = randomBytes(100000);
    ASSERT_TRUE(data.ok());
    Sha256 hasher;
    std::size_t offset = 0;
    std::size_t step = 1;
    while (offset < data->size()) {
        const std::size_t n = std::min(step, data->size() - offset);
        hasher.update(std::span(*data).subspan(offset, n));
        offset += n;
        step = step * 3 + 1;
    }
    EXPECT_EQ(hasher.finish(), Sha256::digest(*data));
    // finish() resets, so the hasher can be reused.
    hasher.update(std::string_view("abc"));
    EXPECT_EQ(toHex(hasher.finish()),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Random, ProducesDistinctBytes)
{
    auto a = randomBytes(32);
    auto b = randomBytes(32);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_NE(*a, *b);
    EXPECT_EQ(a->size(), 32u);
}

} // namespace
} // namespace amicus::crypto
