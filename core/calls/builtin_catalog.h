// The catalog compiled into the app: the seed call, shown until a signed refresh replaces it.
#pragma once

#include "calls/catalog.h"

#include <span>
#include <string_view>

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

} // namespace amicus::calls
