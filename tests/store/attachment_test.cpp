#include "age_store_fixture.h"
#include "crypto/age_keys.h"
#include "store/age_blob_encryptor.h"
#include "store/sqlite_db.h"
#include "store/vault_store.h"
#include "test_support.h"

#include <algorithm>
#include <cstdio>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sstream>
#include <sys/wait.h>

namespace amicus::store {
namespace {

using testing::TempDir;
using testing::TestSealer;

// An input stream of `size` pseudo-random bytes made on the fly, so a large import needs no
// large buffer in the test either.
class GeneratedBuf : public std::streambuf {
public:
    explicit GeneratedBuf(std::uint64_t size) : left_(size) {}

protected:
    int_type underflow() override
    {
        if (left_ == 0) {
            return traits_type::eof();
        }
        const std::size_t n =
            left_ < chunk_.size() ? static_cast<std::size_t>(left_) : chunk_.size();
        for (std::size_t i = 0; i < n; ++i) {
            state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
            chunk_[i] = static_cast<char>(state_ >> 56);
        }
        left_ -= n;
        setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
        return traits_type::to_int_type(chunk_[0]);
    }

private:
    std::uint64_t left_;
    std::uint64_t state_ = 42;
    std::array<char, 4096> chunk_{};
};

// Peak resident set size in KiB since the last resetPeakRss() (Linux /proc).
long peakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

long currentRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

bool resetPeakRss()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return static_cast<bool>(clear);
}

std::string runAgeDecrypt(const std::filesystem::path& identityFile,
                          const std::filesystem::path& blob, int* exitCode)
{
    const std::string cmd =
        "/usr/bin/age -d -i '" + identityFile.string() + "' '" + blob.string() + "' 2>/dev/null";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[65536];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) {
        out.append(buf, n);
    }
    const int status = ::pclose(pipe);
    *exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

class AttachmentTest : public testing::AgeStoreTest {
protected:
    void SetUp() override
    {
        openStore();
        if (HasFatalFailure()) {
            return;
        }
        identityFile_ = keys_.path() / "vault-identity.txt";
        testing::writeAll(identityFile_, identity_->toString() + "\n");
        auto draft = store_->drafts().create("c");
        ASSERT_TRUE(draft.ok());
        draftId_ = *draft;
    }
    std::size_t blobCount() const
    {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e :
             std::filesystem::directory_iterator(paths().blobDir)) {
            ++n;
        }
        return n;
    }

    TempDir keys_; // outside the data directory, like the user's own key material
    std::filesystem::path identityFile_;
    std::int64_t draftId_ = 0;
};

TEST_F(AttachmentTest, ImportIsAnAgeFileTheAgeCliOpens)
{
    const std::string content = "photo bytes \x01\x02\x03 " + std::string(200000, 'z');
    std::istringstream input(content);
    auto info = store_->attachments().add(draftId_, input, "témoin.jpg", "image/jpeg", 1 << 20);
    ASSERT_TRUE(info.ok()) << info.error().detail;
    EXPECT_EQ(info->size, content.size());
    std::array<std::uint8_t, 32> expected{};
    EVP_Digest(content.data(), content.size(), expected.data(), nullptr, EVP_sha256(), nullptr);
    EXPECT_EQ(info->sha256, expected);

    int exitCode = -1;
    EXPECT_EQ(runAgeDecrypt(identityFile_, store_->attachments().blobPath(*info), &exitCode),
              content);
    EXPECT_EQ(exitCode, 0);

    auto draft = store_->drafts().get(draftId_);
    ASSERT_TRUE(draft.ok());
    ASSERT_EQ(draft->attachments.size(), 1u);
    EXPECT_EQ(draft->attachments[0].fileName, "témoin.jpg");
    EXPECT_EQ(draft->attachments[0].mediaType, "image/jpeg");
    EXPECT_EQ(draft->attachments[0].sha256, expected);
    EXPECT_EQ(draft->attachments[0].size, content.size());
}

TEST_F(AttachmentTest, OverTheLimitLeavesNothingBehind)
{
    std::istringstream input(std::string(10001, 'x'));
    auto info =
        store_->attachments().add(draftId_, input, "big.bin", "application/octet-stream", 10000);
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error().code, StoreErrc::TooLarge);
    EXPECT_EQ(blobCount(), 0u);
    EXPECT_TRUE(store_->drafts().get(draftId_)->attachments.empty());
    std::istringstream exact(std::string(10000, 'x'));
    EXPECT_TRUE(store_->attachments().add(draftId_, exact, "ok.bin", "x/y", 10000).ok());
}

TEST_F(AttachmentTest, RemovalAndDraftDeletionDeleteTheBlobs)
{
    std::istringstream a("first"), b("second");
    auto first = store_->attachments().add(draftId_, a, "a.txt", "text/plain", 100);
    auto second = store_->attachments().add(draftId_, b, "b.txt", "text/plain", 100);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(blobCount(), 2u);
    ASSERT_TRUE(store_->attachments().remove(first->id).ok());
    EXPECT_FALSE(std::filesystem::exists(store_->attachments().blobPath(*first)));
    EXPECT_EQ(store_->drafts().get(draftId_)->attachments.size(), 1u);
    ASSERT_TRUE(store_->drafts().remove(draftId_).ok());
    EXPECT_EQ(blobCount(), 0u);
    EXPECT_EQ(store_->attachments().remove(second->id).error().code, StoreErrc::NotFound);
}

TEST_F(AttachmentTest, UnknownDraftWritesNoBlob)
{
    std::istringstream input("x");
    EXPECT_EQ(store_->attachments().add(draftId_ + 100, input, "x", "x", 10).error().code,
              StoreErrc::NotFound);
    EXPECT_EQ(blobCount(), 0u);
}

// 256 MiB through a generated stream: the store holds about one chunk at a time, so the peak
// resident memory grows by far less than the size of the file.
TEST_F(AttachmentTest, LargeImportStreamsInConstantMemory)
{
    constexpr std::uint64_t size = 256ull << 20;
    GeneratedBuf buf(size);
    std::istream input(&buf);
    ASSERT_TRUE(resetPeakRss());
    const long before = currentRssKiB();
    auto info = store_->attachments().add(draftId_, input, "video.mp4", "video/mp4", size);
    const long growth = peakRssKiB() - before;
    EXPECT_LT(growth, 32 * 1024) << "peak RSS grew by " << growth << " KiB";
    ASSERT_TRUE(info.ok()) << info.error().detail;
    EXPECT_EQ(info->size, size);
    EXPECT_GT(std::filesystem::file_size(store_->attachments().blobPath(*info)), size);
    // The hash is the one of the bytes streamed in.
    GeneratedBuf again(size);
    std::istream replay(&again);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    std::array<char, 65536> chunk{};
    while (replay.read(chunk.data(), chunk.size()) || replay.gcount() > 0) {
        EVP_DigestUpdate(ctx, chunk.data(), static_cast<std::size_t>(replay.gcount()));
    }
    std::array<std::uint8_t, 32> expected{};
    EVP_DigestFinal_ex(ctx, expected.data(), nullptr);
    EVP_MD_CTX_free(ctx);
    EXPECT_EQ(info->sha256, expected);
}

TEST_F(AttachmentTest, DecryptsBackAndChecksItsRecord)
{
    const std::string content = "evidence " + std::string(150000, 'e');
    std::istringstream input(content);
    auto info = store_->attachments().add(draftId_, input, "e.bin", "x/y", 1 << 20);
    ASSERT_TRUE(info.ok());
    crypto::VectorSink out;
    ASSERT_TRUE(store_->attachments().decrypt(*info, *identity_, out).ok());
    EXPECT_EQ(std::string(out.bytes().begin(), out.bytes().end()), content);

    // Another key does not open it.
    auto stranger = crypto::X25519Identity::generate();
    crypto::VectorSink none;
    EXPECT_EQ(store_->attachments().decrypt(*info, *stranger, none).error().code,
              StoreErrc::Corrupt);

    // A blob swapped for another attachment's is caught by the recorded hash.
    std::istringstream otherInput("other");
    auto other = store_->attachments().add(draftId_, otherInput, "o", "x/y", 100);
    ASSERT_TRUE(other.ok());
    std::filesystem::copy_file(store_->attachments().blobPath(*other),
                               store_->attachments().blobPath(*info),
                               std::filesystem::copy_options::overwrite_existing);
    crypto::VectorSink swapped;
    EXPECT_EQ(store_->attachments().decrypt(*info, *identity_, swapped).error().code,
              StoreErrc::Corrupt);

    // A flipped byte fails authentication.
    auto bytes = testing::readAll(store_->attachments().blobPath(*other));
    bytes[bytes.size() - 20] ^= 1;
    testing::writeAll(store_->attachments().blobPath(*other),
                      std::string(bytes.begin(), bytes.end()));
    crypto::VectorSink tampered;
    EXPECT_EQ(store_->attachments().decrypt(*other, *identity_, tampered).error().code,
              StoreErrc::Corrupt);
}

TEST_F(AttachmentTest, OrphanBlobsAreSweptOnlyWhenOld)
{
    testing::writeAll(paths().blobDir / "deadbeef.age.part", "partial");
    testing::writeAll(paths().blobDir / "cafe.age", "orphan");
    std::istringstream input("kept");
    auto kept = store_->attachments().add(draftId_, input, "k", "k", 100);
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(*store_->attachments().sweepOrphans(std::chrono::hours(1)), 0);
    EXPECT_EQ(blobCount(), 3u);
    EXPECT_EQ(*store_->attachments().sweepOrphans(std::chrono::seconds(-1)), 2);
    EXPECT_EQ(blobCount(), 1u);
    EXPECT_TRUE(std::filesystem::exists(store_->attachments().blobPath(*kept)));
}

// ---- the smaller copy of a photo ---------------------------------------------------------------

namespace reduced {

std::array<std::uint8_t, 32> sha256Of(const std::string& bytes)
{
    std::array<std::uint8_t, 32> digest{};
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), nullptr, EVP_sha256(), nullptr);
    return digest;
}

} // namespace reduced

class ReducedCopyTest : public AttachmentTest {
protected:
    void SetUp() override
    {
        AttachmentTest::SetUp();
        std::istringstream input(original_);
        auto info =
            store_->attachments().add(draftId_, input, "IMG_0042.HEIC", "image/heic", 1 << 20);
        ASSERT_TRUE(info.ok()) << info.error().detail;
        attachment_ = *info;
    }
    AttachmentInfo reload()
    {
        auto draft = store_->drafts().get(draftId_);
        EXPECT_TRUE(draft.ok());
        EXPECT_EQ(draft->attachments.size(), 1u);
        return draft->attachments.at(0);
    }

    const std::string original_ = "original photo " + std::string(300000, 'o');
    const std::string smaller_ = "smaller jpeg " + std::string(20000, 's');
    AttachmentInfo attachment_;
};

TEST_F(ReducedCopyTest, IsRecordedAsWhatWillBeSentAndOpensWithTheAgeCli)
{
    EXPECT_FALSE(attachment_.reduced);
    EXPECT_EQ(attachment_.sentSize(), original_.size());
    const auto before = store_->drafts().get(draftId_)->updatedAt;
    std::istringstream input(smaller_);
    auto info = store_->attachments().addReducedCopy(attachment_.id, input, "image/jpeg", 1 << 20);
    ASSERT_TRUE(info.ok()) << info.error().detail;
    ASSERT_TRUE(info->reduced);
    EXPECT_EQ(info->reduced->size, smaller_.size());
    EXPECT_EQ(info->reduced->sha256, reduced::sha256Of(smaller_));
    EXPECT_EQ(info->sentSize(), smaller_.size());
    EXPECT_EQ(blobCount(), 2u);

    // Read back from the database exactly as recorded; the original is untouched.
    const AttachmentInfo stored = reload();
    ASSERT_TRUE(stored.reduced);
    EXPECT_EQ(stored.reduced->mediaType, "image/jpeg");
    EXPECT_EQ(stored.reduced->size, smaller_.size());
    EXPECT_EQ(stored.reduced->sha256, reduced::sha256Of(smaller_));
    EXPECT_EQ(stored.reduced->blobName, info->reduced->blobName);
    EXPECT_EQ(stored.size, original_.size());
    EXPECT_EQ(stored.sha256, reduced::sha256Of(original_));
    EXPECT_GE(store_->drafts().get(draftId_)->updatedAt, before);

    int exitCode = -1;
    EXPECT_EQ(
        runAgeDecrypt(identityFile_, store_->attachments().reducedBlobPath(stored), &exitCode),
        smaller_);
    EXPECT_EQ(exitCode, 0);
    EXPECT_EQ(runAgeDecrypt(identityFile_, store_->attachments().blobPath(stored), &exitCode),
              original_);
    crypto::VectorSink out;
    ASSERT_TRUE(store_->attachments().decryptReducedCopy(stored, *identity_, out).ok());
    EXPECT_EQ(std::string(out.bytes().begin(), out.bytes().end()), smaller_);
    crypto::VectorSink none;
    EXPECT_EQ(store_->attachments().decryptReducedCopy(attachment_, *identity_, none).error().code,
              StoreErrc::InvalidArgument);
}

TEST_F(ReducedCopyTest, SealedAndBoundToItsRow)
{
    std::istringstream otherInput("another photo");
    auto other = store_->attachments().add(draftId_, otherInput, "b.png", "image/png", 100);
    ASSERT_TRUE(other.ok());
    std::istringstream a(smaller_), b("b smaller");
    ASSERT_TRUE(
        store_->attachments().addReducedCopy(attachment_.id, a, "image/jpeg", 1 << 20).ok());
    ASSERT_TRUE(store_->attachments().addReducedCopy(other->id, b, "image/jpeg", 1 << 20).ok());

    auto db = Database::open(paths().database, Database::OpenMode::MustExist);
    ASSERT_TRUE(db.ok());
    {
        // Nothing readable in the row: neither the media type nor the hash.
        auto row = db->prepare("SELECT sha256_sealed, media_type_sealed FROM "
                               "attachment_reductions WHERE attachment_id = ?1");
        row->bind(1, attachment_.id);
        ASSERT_TRUE(*row->step());
        const auto sha = row->blob(0);
        const auto type = row->blob(1);
        const std::string typeBytes(type.begin(), type.end());
        EXPECT_EQ(typeBytes.find("image/jpeg"), std::string::npos);
        const auto digest = reduced::sha256Of(smaller_);
        EXPECT_EQ(std::search(sha.begin(), sha.end(), digest.begin(), digest.end()), sha.end());
    }
    // A sealed value moved to another row does not open there: the reading fails as Corrupt.
    ASSERT_TRUE(db->exec("UPDATE attachment_reductions SET media_type_sealed = (SELECT "
                         "media_type_sealed FROM attachment_reductions WHERE attachment_id = " +
                         std::to_string(other->id) +
                         ") WHERE attachment_id = " + std::to_string(attachment_.id))
                    .ok());
    auto draft = store_->drafts().get(draftId_);
    ASSERT_FALSE(draft.ok());
    EXPECT_EQ(draft.error().code, StoreErrc::Corrupt);
}

TEST_F(ReducedCopyTest, ReplacingAndRemovingKeepOneBlobAndGoBackToTheOriginal)
{
    std::istringstream first(smaller_);
    auto one = store_->attachments().addReducedCopy(attachment_.id, first, "image/jpeg", 1 << 20);
    ASSERT_TRUE(one.ok());
    std::istringstream second("even smaller");
    auto two = store_->attachments().addReducedCopy(attachment_.id, second, "image/jpeg", 1 << 20);
    ASSERT_TRUE(two.ok());
    EXPECT_FALSE(std::filesystem::exists(store_->attachments().reducedBlobPath(*one)));
    EXPECT_TRUE(std::filesystem::exists(store_->attachments().reducedBlobPath(*two)));
    EXPECT_EQ(blobCount(), 2u);
    EXPECT_EQ(reload().sentSize(), std::string("even smaller").size());

    ASSERT_TRUE(store_->attachments().removeReducedCopy(attachment_.id).ok());
    EXPECT_FALSE(std::filesystem::exists(store_->attachments().reducedBlobPath(*two)));
    EXPECT_EQ(blobCount(), 1u);
    const AttachmentInfo back = reload();
    EXPECT_FALSE(back.reduced);
    EXPECT_EQ(back.sentSize(), original_.size());
    // Again: nothing to remove is not an error; an unknown attachment is.
    EXPECT_TRUE(store_->attachments().removeReducedCopy(attachment_.id).ok());
    EXPECT_EQ(store_->attachments().removeReducedCopy(attachment_.id + 100).error().code,
              StoreErrc::NotFound);
    std::istringstream stray("x");
    EXPECT_EQ(store_->attachments()
                  .addReducedCopy(attachment_.id + 100, stray, "image/jpeg", 10)
                  .error()
                  .code,
              StoreErrc::NotFound);
    EXPECT_EQ(blobCount(), 1u);
}

TEST_F(ReducedCopyTest, OverTheLimitOrLockedLeavesEverythingAsItWas)
{
    std::istringstream first(smaller_);
    auto one = store_->attachments().addReducedCopy(attachment_.id, first, "image/jpeg", 1 << 20);
    ASSERT_TRUE(one.ok());
    std::istringstream big(std::string(1001, 'b'));
    auto refused = store_->attachments().addReducedCopy(attachment_.id, big, "image/jpeg", 1000);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, StoreErrc::TooLarge);
    EXPECT_EQ(blobCount(), 2u);
    EXPECT_EQ(reload().reduced->sha256, one->reduced->sha256);

    sealer_.lock();
    std::istringstream locked("while locked");
    auto lockedResult =
        store_->attachments().addReducedCopy(attachment_.id, locked, "image/jpeg", 1 << 20);
    ASSERT_FALSE(lockedResult.ok());
    EXPECT_EQ(lockedResult.error().code, StoreErrc::Locked);
    sealer_.unlock();
    EXPECT_EQ(blobCount(), 2u);
    EXPECT_EQ(reload().reduced->sha256, one->reduced->sha256);
}

TEST_F(ReducedCopyTest, RemovingTheAttachmentOrTheDraftDeletesBothBlobs)
{
    std::istringstream first(smaller_);
    auto one = store_->attachments().addReducedCopy(attachment_.id, first, "image/jpeg", 1 << 20);
    ASSERT_TRUE(one.ok());
    ASSERT_TRUE(store_->attachments().remove(attachment_.id).ok());
    EXPECT_EQ(blobCount(), 0u);
    auto db = Database::open(paths().database, Database::OpenMode::MustExist);
    EXPECT_EQ(*db->queryInt("SELECT count(*) FROM attachment_reductions"), 0);

    std::istringstream again(original_), againSmaller(smaller_);
    auto second = store_->attachments().add(draftId_, again, "p.jpg", "image/jpeg", 1 << 20);
    ASSERT_TRUE(second.ok());
    ASSERT_TRUE(
        store_->attachments().addReducedCopy(second->id, againSmaller, "image/jpeg", 1 << 20).ok());
    EXPECT_EQ(blobCount(), 2u);
    ASSERT_TRUE(store_->drafts().remove(draftId_).ok());
    EXPECT_EQ(blobCount(), 0u);
    EXPECT_EQ(*db->queryInt("SELECT count(*) FROM attachment_reductions"), 0);
}

TEST_F(ReducedCopyTest, SweepKeepsReducedBlobs)
{
    std::istringstream first(smaller_);
    auto one = store_->attachments().addReducedCopy(attachment_.id, first, "image/jpeg", 1 << 20);
    ASSERT_TRUE(one.ok());
    testing::writeAll(paths().blobDir / "cafe.age", "orphan");
    EXPECT_EQ(*store_->attachments().sweepOrphans(std::chrono::seconds(-1)), 1);
    EXPECT_EQ(blobCount(), 2u);
    EXPECT_TRUE(std::filesystem::exists(store_->attachments().reducedBlobPath(*one)));
}

TEST(ReducedFileName, KeepsTheStemAndTakesTheExtensionOfTheNewType)
{
    EXPECT_EQ(reducedFileName("IMG_0042.HEIC", "image/jpeg"), "IMG_0042.jpg");
    EXPECT_EQ(reducedFileName("témoin.final.png", "image/jpeg"), "témoin.final.jpg");
    EXPECT_EQ(reducedFileName("scan", "image/jpeg"), "scan.jpg");
    EXPECT_EQ(reducedFileName(".hidden", "image/jpeg"), ".hidden.jpg");
    EXPECT_EQ(reducedFileName("", "image/jpeg"), "photo.jpg");
    EXPECT_EQ(reducedFileName("chart.bmp", "image/png"), "chart.png");
}

} // namespace
} // namespace amicus::store
