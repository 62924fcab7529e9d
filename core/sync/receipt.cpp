#include "sync/receipt.h"

#include "crypto/base64.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <span>

namespace amicus::sync {
namespace {

Failure<SyncError> invalid(std::string detail)
{
    return fail(SyncError{SyncErrorCode::ReceiptInvalid, 0, std::move(detail)});
}

Result<crypto::Ed25519Signature, SyncError> decodeSignature(std::string_view text)
{
    auto raw = crypto::base64Decode(text);
    if (!raw || raw->size() != 64) {
        return invalid("signature is not base64 of 64 bytes");
    }
    crypto::Ed25519Signature signature{};
    std::copy(raw->begin(), raw->end(), signature.begin());
    return signature;
}

bool isLowerHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

Result<SignedReceipt, SyncError> decodeReceiptHeaders(std::string_view receiptBase64,
                                                      std::string_view signatureBase64)
{
    auto json = crypto::base64Decode(receiptBase64);
    if (!json || json->empty()) {
        return invalid("receipt header is not base64");
    }
    auto signature = decodeSignature(signatureBase64);
    if (!signature) {
        return fail(signature.error());
    }
    return SignedReceipt{std::string(json->begin(), json->end()), *signature};
}

Result<SignedReceipt, SyncError> decodeReceiptDocument(std::string_view body)
{
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return invalid("receipt document is not a JSON object");
    }
    const auto receipt = document.find("receipt");
    const auto signature = document.find("signature");
    if (receipt == document.end() || !receipt->is_string() || signature == document.end() ||
        !signature->is_string()) {
        return invalid("receipt document lacks receipt or signature");
    }
    auto decoded = decodeSignature(signature->get<std::string>());
    if (!decoded) {
        return fail(decoded.error());
    }
    return SignedReceipt{receipt->get<std::string>(), *decoded};
}

Result<Receipt, SyncError> verifyReceipt(const SignedReceipt& signedReceipt,
                                         const crypto::Ed25519PublicKey& key,
                                         const ExpectedEnvelope& expected)
{
    if (!key.verify(std::string_view(signedReceipt.receiptJson), signedReceipt.signature)) {
        return invalid("receipt signature does not verify with the call's key");
    }
    auto document = nlohmann::json::parse(signedReceipt.receiptJson, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return invalid("signed receipt is not a JSON object");
    }
    const auto version = document.find("v");
    if (version == document.end() || !version->is_number_unsigned() || *version != 1) {
        return invalid("receipt version is not 1");
    }
    Receipt receipt;
    const auto field = [&](const char* name) -> const nlohmann::json* {
        const auto it = document.find(name);
        return it == document.end() ? nullptr : &*it;
    };
    const auto* submissionId = field("submission_id");
    const auto* uploadId = field("upload_id");
    const auto* size = field("size");
    const auto* sha256 = field("sha256");
    const auto* receivedAt = field("received_at");
    if (!submissionId || !submissionId->is_string() || !uploadId || !uploadId->is_string() ||
        !size || !size->is_number_unsigned() || !sha256 || !sha256->is_string() || !receivedAt ||
        !receivedAt->is_string()) {
        return invalid("receipt lacks a field or has one of the wrong type");
    }
    receipt.submissionId = submissionId->get<std::string>();
    receipt.uploadId = uploadId->get<std::string>();
    receipt.size = size->get<std::uint64_t>();
    receipt.receivedAt = receivedAt->get<std::string>();
    const auto hex = sha256->get<std::string>();
    if (hex.size() != 64 || !isLowerHex(hex)) {
        return invalid("receipt sha256 is not 64 lower-case hex digits");
    }
    for (std::size_t i = 0; i < 32; ++i) {
        receipt.sha256[i] =
            static_cast<std::uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
    }
    if (receipt.submissionId != expected.submissionId) {
        return invalid("receipt is for another submission");
    }
    if (receipt.size != expected.size) {
        return invalid("receipt size differs from the envelope's");
    }
    if (receipt.sha256 != expected.sha256) {
        return invalid("receipt sha256 differs from the envelope's");
    }
    return receipt;
}

std::string encodeReceiptDocument(const SignedReceipt& signedReceipt)
{
    nlohmann::json document;
    document["receipt"] = signedReceipt.receiptJson;
    document["signature"] = crypto::base64Encode(signedReceipt.signature);
    return document.dump();
}

} // namespace amicus::sync
