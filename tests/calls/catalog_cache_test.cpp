// CatalogCache: a refreshed catalog survives a restart only while its signature still holds.
#include "calls/builtin_catalog.h"
#include "calls/catalog_cache.h"
#include "calls/catalog_signature.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <string>

namespace amicus::calls {
namespace {

class CatalogCacheTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        directory_ = std::filesystem::temp_directory_path() /
                     ("amicus-catalog-cache-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(directory_);
        auto key = crypto::Ed25519KeyPair::generate();
        ASSERT_TRUE(key.ok());
        key_.emplace(std::move(key).value());
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    // A refresh result as the refresher returns it for a newer catalog signed by key_.
    RefreshResult updated(std::uint64_t sequence)
    {
        std::string bytes(builtinCatalogBytes());
        const std::string from = "\"sequence\": 0";
        const auto at = bytes.find(from);
        EXPECT_NE(at, std::string::npos);
        bytes.replace(at, from.size(), "\"sequence\": " + std::to_string(sequence));
        RefreshResult result;
        result.outcome = RefreshOutcome::Updated;
        result.catalogBytes = bytes;
        result.signatureText = catalogSignatureText(key_->sign(bytes).value());
        result.etag = "\"etag-" + std::to_string(sequence) + "\"";
        return result;
    }

    std::vector<crypto::Ed25519PublicKey> trusted() const { return {key_->publicKey()}; }

    std::filesystem::path directory_;
    std::optional<crypto::Ed25519KeyPair> key_;
};

TEST_F(CatalogCacheTest, NothingCachedGivesNothing)
{
    EXPECT_FALSE(CatalogCache(directory_).load(trusted()).has_value());
}

TEST_F(CatalogCacheTest, ASavedCatalogLoadsWithItsSequenceAndEtag)
{
    CatalogCache cache(directory_);
    ASSERT_TRUE(cache.save(updated(7)).ok());
    const auto loaded = cache.load(trusted());
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->catalog.sequence, 7u);
    EXPECT_EQ(loaded->held.sequence, 7u);
    EXPECT_EQ(loaded->held.etag, "\"etag-7\"");
    ASSERT_EQ(loaded->catalog.calls.size(), builtinCatalog().calls.size());
}

TEST_F(CatalogCacheTest, ANewerSaveReplacesTheOlder)
{
    CatalogCache cache(directory_);
    ASSERT_TRUE(cache.save(updated(3)).ok());
    ASSERT_TRUE(cache.save(updated(4)).ok());
    EXPECT_EQ(cache.load(trusted())->catalog.sequence, 4u);
}

TEST_F(CatalogCacheTest, AFileChangedOnDiskIsRefused)
{
    CatalogCache cache(directory_);
    ASSERT_TRUE(cache.save(updated(5)).ok());
    const auto path = directory_ / "catalog-cache.json";
    std::string text;
    {
        std::ifstream in(path);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto at = text.find("sequence");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 8, "sequencf");
    std::ofstream(path, std::ios::trunc) << text;
    EXPECT_FALSE(cache.load(trusted()).has_value());
}

TEST_F(CatalogCacheTest, AKeyNoLongerTrustedIsRefused)
{
    CatalogCache cache(directory_);
    ASSERT_TRUE(cache.save(updated(5)).ok());
    auto other = crypto::Ed25519KeyPair::generate();
    ASSERT_TRUE(other.ok());
    const std::vector<crypto::Ed25519PublicKey> otherKeys{other->publicKey()};
    EXPECT_FALSE(cache.load(otherKeys).has_value());
}

TEST_F(CatalogCacheTest, AnUnwritableDirectoryIsATypedError)
{
    CatalogCache cache("/proc/amicus-cannot-write-here");
    const auto saved = cache.save(updated(2));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error(), CatalogCacheError::Io);
}

} // namespace
} // namespace amicus::calls
