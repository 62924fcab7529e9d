#include "sync/kept_receipt.h"

#include "crypto/ed25519.h"
#include "sync/receipt.h"

#include <nlohmann/json.hpp>
#include <type_traits>

namespace amicus::sync {

namespace {

// `name` of `fields` when it is a `T`, else `fallback` (a receipt stored by an older or broken
// endpoint must not throw).
template <typename T>
T fieldOr(const nlohmann::json& fields, const char* name, T fallback)
{
    const auto found = fields.find(name);
    if (found == fields.end()) {
        return fallback;
    }
    if constexpr (std::is_same_v<T, std::string>) {
        return found->is_string() ? found->template get<std::string>() : fallback;
    } else {
        return found->is_number_unsigned() ? found->template get<T>() : fallback;
    }
}

} // namespace

std::optional<KeptReceiptFields> readKeptReceipt(std::string_view document)
{
    const auto signedReceipt = decodeReceiptDocument(document);
    if (!signedReceipt) {
        return std::nullopt;
    }
    const auto fields = nlohmann::json::parse(signedReceipt->receiptJson, nullptr, false);
    if (!fields.is_object()) {
        return std::nullopt;
    }
    KeptReceiptFields read;
    read.submissionId = fieldOr(fields, "submission_id", std::string());
    read.receivedAt = fieldOr(fields, "received_at", std::string());
    read.size = fieldOr(fields, "size", std::uint64_t{0});
    read.sha256Hex = fieldOr(fields, "sha256", std::string());
    return read;
}

bool keptReceiptChecks(const store::OutboxEntry& entry, const std::string& submissionId,
                       const std::string& receiptKeyBase64)
{
    if (!entry.receipt || !entry.envelopeSize || !entry.envelopeSha256) {
        return false;
    }
    const auto signedReceipt = decodeReceiptDocument(*entry.receipt);
    const auto key = crypto::Ed25519PublicKey::fromBase64(receiptKeyBase64);
    if (!signedReceipt || !key) {
        return false;
    }
    ExpectedEnvelope expected;
    expected.submissionId = submissionId;
    expected.size = *entry.envelopeSize;
    expected.sha256 = *entry.envelopeSha256;
    return verifyReceipt(*signedReceipt, *key, expected).ok();
}

} // namespace amicus::sync
