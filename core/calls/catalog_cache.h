// CatalogCache: the last good refreshed catalog, kept on the device between runs as the exact
// signed bytes, their detached signature and ETag (public data: nothing personal).
#pragma once

#include "calls/catalog.h"
#include "calls/catalog_refresher.h"
#include "common/result.h"
#include "crypto/ed25519.h"

#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace amicus::calls {

// A catalog read back from the cache, with what the next refresh needs.
struct CachedCatalog {
    Catalog catalog;
    HeldCatalog held;
};

enum class CatalogCacheError {
    Io, // the directory or a file could not be written; the previous copy is intact
};

class CatalogCache {
public:
    explicit CatalogCache(std::filesystem::path directory);

    // The cached catalog, only if its signature still verifies under `trustedKeys` and it
    // parses: a file changed on disk, or a key no longer trusted, gives nothing (the caller
    // falls back to the built-in catalog).
    [[nodiscard]] std::optional<CachedCatalog>
    load(std::span<const crypto::Ed25519PublicKey> trustedKeys) const;

    // Keeps an Updated refresh result, replacing the previous copy atomically (a crash leaves
    // either the old or the new catalog, never a mix).
    [[nodiscard]] Result<void, CatalogCacheError> save(const RefreshResult& updated) const;

private:
    std::filesystem::path directory_;
};

} // namespace amicus::calls
