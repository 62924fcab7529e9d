// Reading the answers of a tus endpoint: what each status means at each step, the headers
// tus and Amicus add, and what an answer that is not the endpoint's (a captive portal, a
// middlebox) is. Internal to amicus_sync.
#pragma once

#include "common/result.h"
#include "sync/receipt.h"
#include "sync/sync_error.h"
#include "sync/tus_exchange.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace amicus::sync::tus {

using Exchange = TusUpload::Exchange;

// Digits only (no sign, no space), fitting in 63 bits: what tus allows for offsets.
[[nodiscard]] std::optional<std::uint64_t> parseOffset(std::optional<std::string_view> text);

// `reference` resolved against `base` (RFC 3986), http(s) only.
[[nodiscard]] std::optional<std::string> resolveUrl(const std::string& base,
                                                    const std::string& reference);

// Whether the answer's Content-Type is an HTML page / a JSON document.
[[nodiscard]] bool isHtml(const Exchange& exchange);
[[nodiscard]] bool isJson(const Exchange& exchange);

// Tus-Resumable: 1.0.0, which every answer of a tus server carries.
[[nodiscard]] bool hasTusResumable(const Exchange& exchange);

// Upload-Expires, when the server says it.
[[nodiscard]] std::optional<std::string> uploadExpires(const Exchange& exchange);

// True when the body is a JSON object whose "error" member is `code`.
[[nodiscard]] bool hasErrorCode(const Exchange& exchange, std::string_view code);

// Classifies an answer that is not one the protocol allows at this step. Pages meant for a
// browser (HTML, 511, a redirect to another host) mean a captive portal or a middlebox.
[[nodiscard]] SyncError unexpected(const Exchange& exchange, const char* step);

// The answers every tus step shares: errors by status class (404/410 Gone, 413, 429/507
// busy, 5xx), or nullopt when the status is none of them.
[[nodiscard]] std::optional<SyncError> commonFailure(const Exchange& exchange, const char* step);

// The receipt in the Amicus-Receipt headers; nullopt when there are none, ReceiptInvalid
// when they are incomplete or do not decode.
[[nodiscard]] Result<std::optional<SignedReceipt>, SyncError>
receiptHeaders(const Exchange& exchange);

// The receipt the body carries as a JSON document; ReceiptInvalid with the answer's status.
[[nodiscard]] Result<SignedReceipt, SyncError> receiptDocument(const Exchange& exchange);

} // namespace amicus::sync::tus
