// The members of one call that are more than a text: ids, dates, status, keys, limits,
// documents, contact. Inside the parser only (throws CatalogRejection).
#pragma once

#include "calls/catalog.h"
#include "calls/catalog_json_reader.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace amicus::calls::catalog_json {

// A stable ASCII id (a-z, 0-9, then also - _ .; at most 64); BadId otherwise.
std::string stableId(const json& value, const std::string& path);

// An RFC 3339 date-time with its offset; BadTimestamp otherwise.
Timestamp timestamp(const json& value, const std::string& path);

// "open" or "closed"; BadStatus otherwise.
CallStatus callStatus(const json& value, const std::string& path);

// At least one age X25519 recipient, each with a valid Bech32 checksum.
std::vector<std::string> recipients(const json& value, const std::string& path);

// The padded base64 of a 32-byte Ed25519 public key; BadReceiptKey otherwise.
std::array<std::uint8_t, 32> receiptKey(const std::string& base64, const std::string& path);

// "sha256//" + padded base64 of 32 bytes, each; BadTlsPin otherwise.
std::vector<std::string> tlsPins(const json& value, const std::string& path);

// Every limit is optional: one the catalog leaves out is Amicus's default, and the app says
// so. `value` is nullptr when the call has no "limits".
CallLimits limits(const json* value, const std::string& path);

// [{language, format: word/pdf/odt, url}], in the catalog's order.
std::vector<CallDocument> documents(const json& value, const std::string& path);

// [{language, format: word/pdf/odt}]: documents the call's page offers, without addresses.
std::vector<CallDocument> documentsOnPage(const json& value, const std::string& path);

// {email, subject?}: one plain address, a one-line visible subject.
CallContact contact(const json& value, const std::string& path);

} // namespace amicus::calls::catalog_json
