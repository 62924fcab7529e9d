// Unit tests of receipt decoding and verification, with receipts signed here by a real
// Ed25519 key (OpenSSL through crypto/ed25519.h).
#include "crypto/base64.h"
#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "sync/receipt.h"

#include <gtest/gtest.h>
#include <span>

namespace amicus::sync {
namespace {

struct Fixture {
    crypto::Ed25519KeyPair key = std::move(crypto::Ed25519KeyPair::generate().value());
    crypto::Sha256Digest digest = crypto::Sha256::digest(std::string_view("envelope bytes"));
    ExpectedEnvelope expected{"sub-0001-abcd", 14, digest};

    std::string json(const std::string& submission = "sub-0001-abcd", std::uint64_t size = 14,
                     std::string hex = "") const
    {
        if (hex.empty()) {
            hex = crypto::toHex(digest);
        }
        return R"({"v":1,"submission_id":")" + submission + R"(","upload_id":"u1","size":)" +
               std::to_string(size) + R"(,"sha256":")" + hex +
               R"(","received_at":"2026-11-28T21:45:13Z"})";
    }
    SignedReceipt sign(const std::string& text) const
    {
        return SignedReceipt{text, *key.sign(std::string_view(text))};
    }
    static std::string b64(std::string_view text)
    {
        return crypto::base64Encode(
            std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    }
};

TEST(Receipt, AValidReceiptVerifiesAndParses)
{
    Fixture f;
    const auto signedReceipt = f.sign(f.json());
    auto receipt = verifyReceipt(signedReceipt, f.key.publicKey(), f.expected);
    ASSERT_TRUE(receipt.ok()) << receipt.error().detail;
    EXPECT_EQ(receipt->submissionId, "sub-0001-abcd");
    EXPECT_EQ(receipt->uploadId, "u1");
    EXPECT_EQ(receipt->size, 14u);
    EXPECT_EQ(receipt->sha256, f.digest);
    EXPECT_EQ(receipt->receivedAt, "2026-11-28T21:45:13Z");
}

TEST(Receipt, HeadersAndDocumentDecodeToTheSameBytes)
{
    Fixture f;
    const auto signedReceipt = f.sign(f.json());
    auto fromHeaders = decodeReceiptHeaders(Fixture::b64(signedReceipt.receiptJson),
                                            crypto::base64Encode(signedReceipt.signature));
    ASSERT_TRUE(fromHeaders.ok());
    EXPECT_EQ(fromHeaders->receiptJson, signedReceipt.receiptJson);
    EXPECT_EQ(fromHeaders->signature, signedReceipt.signature);
    auto fromDocument = decodeReceiptDocument(encodeReceiptDocument(signedReceipt));
    ASSERT_TRUE(fromDocument.ok());
    EXPECT_EQ(fromDocument->receiptJson, signedReceipt.receiptJson);
    EXPECT_TRUE(verifyReceipt(*fromDocument, f.key.publicKey(), f.expected).ok());
}

TEST(Receipt, EveryMismatchIsReceiptInvalid)
{
    Fixture f;
    auto otherPair = crypto::Ed25519KeyPair::generate();
    ASSERT_TRUE(otherPair.ok());
    const auto& other = otherPair.value();
    std::string zeros(64, '0');
    struct Case {
        SignedReceipt receipt;
        const crypto::Ed25519PublicKey* key;
        const char* what;
    };
    auto tampered = f.sign(f.json());
    tampered.receiptJson[tampered.receiptJson.size() - 3] = '4'; // changes the time, not re-signed
    auto badSignature = f.sign(f.json());
    badSignature.signature[10] ^= 0x20;
    const std::vector<Case> cases = {
        {f.sign(f.json()), &other.publicKey(), "another key"},
        {tampered, &f.key.publicKey(), "bytes changed after signing"},
        {badSignature, &f.key.publicKey(), "signature changed"},
        {f.sign(f.json("sub-9999-other")), &f.key.publicKey(), "another submission"},
        {f.sign(f.json("sub-0001-abcd", 15)), &f.key.publicKey(), "another size"},
        {f.sign(f.json("sub-0001-abcd", 14, zeros)), &f.key.publicKey(), "another hash"},
        {f.sign(f.json("sub-0001-abcd", 14, "ABC")), &f.key.publicKey(), "malformed hash"},
        {f.sign(R"({"v":2,"submission_id":"sub-0001-abcd"})"), &f.key.publicKey(), "version 2"},
        {f.sign("not json"), &f.key.publicKey(), "not JSON"},
        {f.sign(
             R"({"v":1,"submission_id":"sub-0001-abcd","upload_id":"u","size":"14","sha256":"x","received_at":"t"})"),
         &f.key.publicKey(), "size as a string"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        auto result = verifyReceipt(c.receipt, *c.key, f.expected);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, SyncErrorCode::ReceiptInvalid);
    }
}

TEST(Receipt, MalformedHeadersAndDocumentsAreRejected)
{
    EXPECT_FALSE(
        decodeReceiptHeaders("!!!", crypto::base64Encode(std::vector<std::uint8_t>(64))).ok());
    EXPECT_FALSE(decodeReceiptHeaders(Fixture::b64("{}"),
                                      crypto::base64Encode(std::vector<std::uint8_t>(63)))
                     .ok());
    EXPECT_FALSE(
        decodeReceiptHeaders("", crypto::base64Encode(std::vector<std::uint8_t>(64))).ok());
    EXPECT_FALSE(decodeReceiptDocument("<html>portal</html>").ok());
    EXPECT_FALSE(decodeReceiptDocument(R"({"receipt":"{}"})").ok());
    EXPECT_FALSE(decodeReceiptDocument(R"({"receipt":1,"signature":"AA=="})").ok());
    const auto error = decodeReceiptDocument("[]").error();
    EXPECT_EQ(error.code, SyncErrorCode::ReceiptInvalid);
}

} // namespace
} // namespace amicus::sync
