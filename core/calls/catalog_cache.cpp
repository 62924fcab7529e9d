#include "calls/catalog_cache.h"

#include "calls/catalog_parser.h"
#include "calls/catalog_signature.h"

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::calls {

namespace {

// One file holds the three parts, so replacing it with rename() is one atomic step.
constexpr const char* kFileName = "catalog-cache.json";

std::optional<std::string> readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

bool writeDurably(const std::filesystem::path& path, const std::string& bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return false;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n <= 0) {
            ::close(fd);
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    return ::close(fd) == 0 && synced;
}

} // namespace

CatalogCache::CatalogCache(std::filesystem::path directory) : directory_(std::move(directory))
{
}

std::optional<CachedCatalog>
CatalogCache::load(std::span<const crypto::Ed25519PublicKey> trustedKeys) const
{
    const auto text = readFile(directory_ / kFileName);
    if (!text) {
        return std::nullopt;
    }
    const auto document = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!document.is_object() || !document.contains("catalog") || !document.contains("signature") ||
        !document["catalog"].is_string() || !document["signature"].is_string()) {
        return std::nullopt;
    }
    const auto& bytes = document["catalog"].get_ref<const std::string&>();
    const auto& signature = document["signature"].get_ref<const std::string&>();
    if (!verifyCatalogSignature(bytes, signature, trustedKeys)) {
        return std::nullopt;
    }
    auto parsed = parseCatalog(bytes);
    if (!parsed) {
        return std::nullopt;
    }
    CachedCatalog cached{std::move(parsed).value(), {}};
    cached.held.sequence = cached.catalog.sequence;
    if (document.contains("etag") && document["etag"].is_string()) {
        cached.held.etag = document["etag"].get<std::string>();
    }
    return cached;
}

Result<void, CatalogCacheError> CatalogCache::save(const RefreshResult& updated) const
{
    std::error_code ignored;
    std::filesystem::create_directories(directory_, ignored);
    const nlohmann::json document{{"catalog", updated.catalogBytes},
                                  {"signature", updated.signatureText},
                                  {"etag", updated.etag}};
    const auto finalPath = directory_ / kFileName;
    const auto temporaryPath = directory_ / (std::string(kFileName) + ".tmp");
    if (!writeDurably(temporaryPath, document.dump())) {
        std::filesystem::remove(temporaryPath, ignored);
        return fail(CatalogCacheError::Io);
    }
    if (std::rename(temporaryPath.c_str(), finalPath.c_str()) != 0) {
        std::filesystem::remove(temporaryPath, ignored);
        return fail(CatalogCacheError::Io);
    }
    return {};
}

} // namespace amicus::calls
