// Receipt: the endpoint's Ed25519-signed statement of what it received for a submission, and
// the checks that must pass before the app calls the submission delivered.
#pragma once

#include "common/result.h"
#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "sync/sync_error.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace amicus::sync {

// A receipt exactly as received: the JSON bytes the signature covers, and the signature.
struct SignedReceipt {
    std::string receiptJson; // the signed bytes, never re-serialised
    crypto::Ed25519Signature signature{};
};

// The fields of a receipt (version 1).
struct Receipt {
    std::string submissionId;
    std::string uploadId; // may name another upload of the same submission (the first one)
    std::uint64_t size = 0;
    crypto::Sha256Digest sha256{};
    std::string receivedAt; // RFC 3339 UTC, as the server wrote it
};

// What our envelope is; a receipt must match it.
struct ExpectedEnvelope {
    std::string submissionId;
    std::uint64_t size = 0;
    crypto::Sha256Digest sha256{};
};

// Decodes the Amicus-Receipt (base64 JSON bytes) and Amicus-Receipt-Signature (base64 of 64
// bytes) header values. Malformed input is ReceiptInvalid.
[[nodiscard]] Result<SignedReceipt, SyncError>
decodeReceiptHeaders(std::string_view receiptBase64, std::string_view signatureBase64);

// Decodes the body of GET /receipts/<id> or of a 409 duplicate_submission answer:
// {"receipt": "<json string>", "signature": "<base64>"}.
[[nodiscard]] Result<SignedReceipt, SyncError> decodeReceiptDocument(std::string_view body);

// Verifies the signature with the call's key, parses the fields and checks that they describe
// `expected` (submission id, size, SHA-256). Any mismatch is ReceiptInvalid.
[[nodiscard]] Result<Receipt, SyncError> verifyReceipt(const SignedReceipt& signedReceipt,
                                                       const crypto::Ed25519PublicKey& key,
                                                       const ExpectedEnvelope& expected);

// The form the outbox stores: {"receipt": "...", "signature": "<base64>"} (same as the GET
// /receipts body), so it can be verified again later.
[[nodiscard]] std::string encodeReceiptDocument(const SignedReceipt& signedReceipt);

} // namespace amicus::sync
