// The EVP wrappers against published vectors, each table citing its source:
//   X25519            RFC 7748 section 5.2 (scalar multiplication) and 6.1 (Diffie-Hellman)
//   ChaCha20-Poly1305 RFC 8439 section 2.8.2 (AEAD encryption)
//   HKDF-SHA256       RFC 5869 appendix A.1, A.2 and A.3
//   HMAC-SHA256       RFC 4231 section 4.3 (test case 2)
//   scrypt            RFC 7914 section 12
#include "crypto/primitives.h"
#include "crypto/sha256.h"
#include "test_util.h"

#include <gtest/gtest.h>

namespace amicus::crypto {
namespace {

using test::bytesOf;
using test::unhex;

TEST(X25519, Rfc7748ScalarMultiplication)
{
    const struct {
        const char* scalar;
        const char* u;
        const char* out;
    } vectors[] = {
        {"a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
         "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
         "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"},
        {"4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
         "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
         "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"},
    };
    for (const auto& v : vectors) {
        auto out = x25519(unhex(v.scalar), unhex(v.u));
        ASSERT_TRUE(out.ok());
        EXPECT_EQ(toHex(*out), v.out);
    }
}

TEST(X25519, Rfc7748DiffieHellman)
{
    const auto alice = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    const auto bob = unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    auto alicePublic = x25519PublicKey(alice);
    auto bobPublic = x25519PublicKey(bob);
    ASSERT_TRUE(alicePublic.ok());
    ASSERT_TRUE(bobPublic.ok());
    EXPECT_EQ(toHex(*alicePublic),
              "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    EXPECT_EQ(toHex(*bobPublic),
              "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    auto ab = x25519(alice, *bobPublic);
    auto ba = x25519(bob, *alicePublic);
    ASSERT_TRUE(ab.ok());
    ASSERT_TRUE(ba.ok());
    EXPECT_EQ(toHex(*ab), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    EXPECT_EQ(*ab, *ba);
}

TEST(X25519, RejectsLowOrderPoints)
{
    const auto alice = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    std::array<std::uint8_t, 32> zero{};
    EXPECT_EQ(x25519(alice, zero).error(), CryptoError::InvalidKey);
    std::array<std::uint8_t, 32> one{1};
    EXPECT_EQ(x25519(alice, one).error(), CryptoError::InvalidKey);
}

TEST(ChaCha20Poly1305, Rfc8439Aead)
{
    const auto key = unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    const auto nonce = unhex("070000004041424344454647");
    const auto aad = unhex("50515253c0c1c2c3c4c5c6c7");
    const std::string plaintext = "Ladies and Gentlemen of the class of '99: If I could offer "
                                  "you only one tip for the future, sunscreen would be it.";
    const std::string expected = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                                 "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                                 "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                                 "3ff4def08e4b7a9de576d26586cec64b6116"
                                 "1ae10b594f09e26a7e902ecbd0600691";
    auto aead = ChaCha20Poly1305::create(key);
    ASSERT_TRUE(aead.ok());
    std::vector<std::uint8_t> sealed(plaintext.size() + 16);
    ASSERT_TRUE(aead->seal(nonce, bytesOf(plaintext), aad, sealed).ok());
    EXPECT_EQ(toHex(sealed), expected);

    std::vector<std::uint8_t> opened(plaintext.size());
    ASSERT_TRUE(aead->open(nonce, sealed, aad, opened).ok());
    EXPECT_EQ(std::string(opened.begin(), opened.end()), plaintext);

    // Any change to ciphertext, tag, nonce or associated data fails, and wipes the output.
    for (std::size_t i : {std::size_t{0}, plaintext.size() - 1, plaintext.size() + 15}) {
        auto bad = sealed;
        bad[i] ^= 1;
        auto result = aead->open(nonce, bad, aad, opened);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error(), CryptoError::Unauthentic);
        EXPECT_EQ(opened, std::vector<std::uint8_t>(opened.size(), 0));
    }
    auto badAad = aad;
    badAad[0] ^= 1;
    EXPECT_EQ(aead->open(nonce, sealed, badAad, opened).error(), CryptoError::Unauthentic);
    auto badNonce = nonce;
    badNonce[11] ^= 1;
    EXPECT_EQ(aead->open(badNonce, sealed, aad, opened).error(), CryptoError::Unauthentic);
}

TEST(HkdfSha256, Rfc5869AppendixA)
{
    // A.1: basic case.
    auto okm = hkdfSha256(std::vector<std::uint8_t>(22, 0x0b), unhex("000102030405060708090a0b0c"),
                          std::string_view("\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9", 10), 42);
    ASSERT_TRUE(okm.ok());
    EXPECT_EQ(toHex(okm->span()), "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                                  "34007208d5b887185865");

    // A.2: longer inputs and output.
    std::vector<std::uint8_t> ikm(80), salt(80);
    std::string info(80, '\0');
    for (int i = 0; i < 80; ++i) {
        ikm[i] = static_cast<std::uint8_t>(i);
        salt[i] = static_cast<std::uint8_t>(0x60 + i);
        info[i] = static_cast<char>(0xb0 + i);
    }
    auto longOkm = hkdfSha256(ikm, salt, info, 82);
    ASSERT_TRUE(longOkm.ok());
    EXPECT_EQ(toHex(longOkm->span()),
              "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
              "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
              "cc30c58179ec3e87c14c01d5c1f3434f1d87");

    // A.3: no salt, no info (age derives its header MAC key with an empty salt).
    auto noSalt = hkdfSha256(std::vector<std::uint8_t>(22, 0x0b), {}, "", 42);
    ASSERT_TRUE(noSalt.ok());
    EXPECT_EQ(toHex(noSalt->span()), "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c73"
                                     "8d2d9d201395faa4b61a96c8");
}

TEST(HmacSha256, Rfc4231TestCase2)
{
    auto mac = hmacSha256(bytesOf("Jefe"), bytesOf("what do ya want for nothing?"));
    ASSERT_TRUE(mac.ok());
    EXPECT_EQ(toHex(*mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Scrypt, Rfc7914Section12)
{
    auto first = scrypt({}, {}, 4, 1, 1, 64); // N = 16
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(toHex(first->span()),
              "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
              "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    auto second = scrypt(bytesOf("password"), bytesOf("NaCl"), 10, 8, 16, 64); // N = 1024
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(toHex(second->span()),
              "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
              "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    auto third = scrypt(bytesOf("pleaseletmein"), bytesOf("SodiumChloride"), 14, 8, 1, 64);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(toHex(third->span()),
              "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
              "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

} // namespace
} // namespace amicus::crypto
