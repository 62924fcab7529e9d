// The catalog compiled into the app: the seed call, shown until a signed refresh replaces it.
#pragma once

#include "calls/catalog.h"
#include "crypto/ed25519.h"

#include <span>
#include <string_view>
#include <vector>

namespace amicus::calls {

// The exact bytes of core/calls/builtin_catalog.json (sequence 0, unsigned: it is trusted
// because it is part of the binary).
[[nodiscard]] std::string_view builtinCatalogBytes();

// The built-in catalog, parsed once. Its validity is checked by the tests, so this never fails
// in a tested build.
[[nodiscard]] const Catalog& builtinCatalog();

// Base64 Ed25519 public keys whose signatures the app accepts on a refreshed catalog, fixed at
// build time (CMake cache variable AMICUS_CATALOG_SIGNING_KEYS). Empty unless a deployment sets
// it: then no refresh is accepted and the built-in catalog stays.
[[nodiscard]] std::span<const std::string_view> builtinCatalogSigningKeys();

// The same keys, ready for CatalogRefresher. A key that is not a valid Ed25519 point is left
// out (the build already refuses anything that is not 32 bytes of base64).
[[nodiscard]] std::vector<crypto::Ed25519PublicKey> builtinCatalogTrustedKeys();

} // namespace amicus::calls
