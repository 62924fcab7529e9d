// KeptReceipt: a delivered submission's receipt as the outbox keeps it (encodeReceiptDocument),
// read for the user — the outbox's delivered line, the receipt dialog — and checked again with
// the key the catalog gives for the call now: the check the secretariat's tool makes
// (`amicus-intake receipt verify`, docs/receipts.md).
#pragma once

#include "store/store_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace amicus::sync {

// What the receipt says, as the endpoint wrote it (missing fields empty or 0).
struct KeptReceiptFields {
    std::string submissionId;
    std::string receivedAt; // RFC 3339 UTC
    std::uint64_t size = 0;
    std::string sha256Hex;
};

// The fields of the kept receipt `document`, read without checking its signature; nullopt when
// it is not a receipt document.
[[nodiscard]] std::optional<KeptReceiptFields> readKeptReceipt(std::string_view document);

// Whether the receipt `entry` keeps is signed with `receiptKeyBase64` (the call's key) and names
// the envelope the entry recorded for submission `submissionId`. False when the entry has no
// receipt, no recorded envelope, or the key is not one.
[[nodiscard]] bool keptReceiptChecks(const store::OutboxEntry& entry,
                                     const std::string& submissionId,
                                     const std::string& receiptKeyBase64);

} // namespace amicus::sync
