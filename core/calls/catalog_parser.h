// Parsing and validation of catalog bytes (amicus-catalog/1, schemas/catalog.schema.json).
#pragma once

#include "calls/catalog.h"
#include "common/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace amicus::calls {

enum class CatalogErrorCode {
    TooLarge,          // more bytes than maxCatalogBytes
    NotJson,           // not well-formed JSON, or not valid UTF-8
    UnsupportedFormat, // "format" is not amicus-catalog/1
    MissingField,      // a required member is absent
    WrongType,         // a member has the wrong JSON type
    EmptyText,         // a human text is empty or only whitespace
    BadId,             // a call or question id is not a stable ASCII id
    DuplicateId,       // two calls, or two questions of one call, share an id
    NoQuestions,       // a call has no key question
    BadSequence,       // sequence is negative or beyond 2^53 - 1
    BadTimestamp,      // issued_at or deadline is not an RFC 3339 date-time
    BadStatus,         // status is neither "open" nor "closed"
    BadEndpoint,       // not an https URL (or http to a loopback host)
    NoRecipients,      // a call has no age recipient
    BadRecipient,      // not an age X25519 recipient (prefix, case, length or Bech32 checksum)
    BadReceiptKey,     // not the padded base64 of a 32-byte Ed25519 public key
    BadTlsPin,         // not "sha256//" + padded base64 of 32 bytes
    BadLimit,          // a limit is negative, zero where it must not be, or beyond 2^53 - 1
    BadUrl,            // a page or document URL is not https (or http to a loopback host)
    BadLanguage,       // a language code is not "en", "fr" or "es"
    BadDocument,       // a document's format is not "word", "pdf" or "odt"
    BadEmail,          // the contact's e-mail is not one plain address (user@domain.tld)
};

// A typed parse failure; `path` is the JSON pointer of the offending value (detail for logs
// and for the secretariat's tool, never shown to app users as is).
struct CatalogError {
    CatalogErrorCode code = CatalogErrorCode::NotJson;
    std::string path;
};

// The largest catalog accepted: far above any real one, small enough for a phone.
inline constexpr std::size_t maxCatalogBytes = std::size_t{4} * 1024 * 1024;

// Parses and validates catalog bytes. Unknown members are ignored; every required member must
// be present and well-formed; keys are checked (Bech32 checksum, key lengths). A missing fr/es
// text is replaced by English and recorded in Catalog::fallbacks. Never throws.
[[nodiscard]] Result<Catalog, CatalogError> parseCatalog(std::string_view bytes);

// A short stable name for the code ("bad-recipient"), for logs and the command line.
[[nodiscard]] std::string_view catalogErrorName(CatalogErrorCode code);

} // namespace amicus::calls
