// Ed25519 against RFC 8032, section 7.1 (https://www.rfc-editor.org/rfc/rfc8032#section-7.1),
// TEST 1, TEST 2 and TEST 3: public key from seed, deterministic signature, verification.
#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "test_util.h"

#include <gtest/gtest.h>

namespace amicus::crypto {
namespace {

using test::unhex;

struct Rfc8032Vector {
    const char* name;
    const char* secretKey;
    const char* publicKey;
    const char* message;
    const char* signature;
};

const Rfc8032Vector rfc8032Vectors[] = {
    {"TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    {"TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
};

TEST(Ed25519, Rfc8032SignAndVerify)
{
    for (const auto& v : rfc8032Vectors) {
        SCOPED_TRACE(v.name);
        auto pair = Ed25519KeyPair::fromSeed(unhex(v.secretKey));
        ASSERT_TRUE(pair.ok());
        EXPECT_EQ(toHex(pair->publicKey().raw()), v.publicKey);

        const auto message = unhex(v.message);
        auto signature = pair->sign(message);
        ASSERT_TRUE(signature.ok());
        EXPECT_EQ(toHex(*signature), v.signature);

        auto publicKey = Ed25519PublicKey::fromRaw(unhex(v.publicKey));
        ASSERT_TRUE(publicKey.ok());
        EXPECT_TRUE(publicKey->verify(message, unhex(v.signature)));
    }
}

TEST(Ed25519, RejectsTamperedMessageSignatureAndKey)
{
    const auto& v = rfc8032Vectors[1];
    auto publicKey = Ed25519PublicKey::fromRaw(unhex(v.publicKey));
    ASSERT_TRUE(publicKey.ok());
    const auto message = unhex(v.message);
    auto signature = unhex(v.signature);

    auto otherMessage = message;
    otherMessage[0] ^= 0x01;
    EXPECT_FALSE(publicKey->verify(otherMessage, signature));

    for (std::size_t i : {0u, 31u, 32u, 63u}) {
        auto bad = signature;
        bad[i] ^= 0x40;
        EXPECT_FALSE(publicKey->verify(message, bad)) << "byte " << i;
    }
    EXPECT_FALSE(publicKey->verify(message, std::span(signature).first(63)));

    auto otherKey = Ed25519PublicKey::fromRaw(unhex(rfc8032Vectors[0].publicKey));
    ASSERT_TRUE(otherKey.ok());
    EXPECT_FALSE(otherKey->verify(message, signature));
}

TEST(Ed25519, GeneratedKeysSignAndVerifyThroughBase64)
{
    auto pair = Ed25519KeyPair::generate();
    ASSERT_TRUE(pair.ok());
    auto again = Ed25519KeyPair::generate();
    ASSERT_TRUE(again.ok());
    EXPECT_NE(pair->publicKey().raw(), again->publicKey().raw());

    const std::string text = pair->publicKey().toBase64();
    EXPECT_EQ(text.size(), 44u);
    auto parsed = Ed25519PublicKey::fromBase64(text);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, pair->publicKey());

    auto signature = pair->sign("receipt: submission 42");
    ASSERT_TRUE(signature.ok());
    EXPECT_TRUE(parsed->verify("receipt: submission 42", *signature));
    EXPECT_FALSE(parsed->verify("receipt: submission 43", *signature));
}

TEST(Ed25519, RejectsMalformedKeys)
{
    EXPECT_EQ(Ed25519PublicKey::fromRaw(unhex("00112233")).error(), CryptoError::InvalidLength);
    EXPECT_EQ(Ed25519PublicKey::fromBase64("not base64!").error(), CryptoError::Malformed);
    EXPECT_EQ(Ed25519KeyPair::fromSeed(unhex("0011")).error(), CryptoError::InvalidLength);
}

} // namespace
} // namespace amicus::crypto
