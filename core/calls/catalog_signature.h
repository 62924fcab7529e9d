// The detached catalog signature: base64 text of a 64-byte Ed25519 signature over the exact
// catalog bytes, published at <origin>/catalog.sig and written by `amicus-intake catalog sign`.
#pragma once

#include "crypto/ed25519.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace amicus::calls {

// The signature file's text: padded base64 and a final newline.
[[nodiscard]] std::string catalogSignatureText(const crypto::Ed25519Signature& signature);

// Decodes a signature file: padded base64 of 64 bytes, surrounding ASCII whitespace allowed
// (editors and servers add newlines). Nothing when it is anything else.
[[nodiscard]] std::optional<crypto::Ed25519Signature>
parseCatalogSignature(std::string_view signatureText);

// True only when `signatureText` decodes and verifies over exactly `catalogBytes` under one of
// `trustedKeys`.
[[nodiscard]] bool verifyCatalogSignature(std::string_view catalogBytes,
                                          std::string_view signatureText,
                                          std::span<const crypto::Ed25519PublicKey> trustedKeys);

} // namespace amicus::calls
