// Finalize holds each attachment blob to the header MAC the vault recorded when it wrote it,
// and leaves the rest to decryption (every chunk authenticated, in order, to the end) instead
// of hashing the plaintext again. These tests change the blob files of a real vault the ways
// a copy can go wrong and expect each finalize to stop with AttachmentChanged, leaving no
// envelope and the draft editable. A swap with a blob of the same size passes every other
// check (it decrypts, its size is right): only the MAC refuses it.
#include "finalize_fixture.h"
#include "store/sqlite_db.h"
#include "submission/draft_finalizer.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace amicus::submission {
namespace {

std::string readAll(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeAll(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class FinalizeBlobBinding : public testing::FinalizeFixture {
protected:
    FinalizeBlobBinding() : FinalizeFixture("amicus-blob-binding") {}

    store::Attachments attachments() { return session_->store().attachments(); }

    // More than two 64 KiB age chunks, so a cut can fall on a chunk's end.
    store::AttachmentInfo attach(std::int64_t draftId, char fill, const std::string& name)
    {
        std::istringstream input(std::string(150000, fill));
        auto added = attachments().add(draftId, input, name, "application/pdf", 1 << 20);
        EXPECT_TRUE(added.ok());
        return added.ok() ? *added : store::AttachmentInfo{};
    }

    std::filesystem::path blob(const store::AttachmentInfo& info)
    {
        return attachments().blobPath(info);
    }

    void expectRefused(std::int64_t draftId)
    {
        auto envelope = finalizeDraft(*session_, root_ / "data", draftId, *call_, {recipient_});
        ASSERT_FALSE(envelope.ok());
        ASSERT_EQ(envelope.error().code, FinalizeErrc::Package);
        EXPECT_EQ(envelope.error().packageError.code, package::PackageErrc::AttachmentChanged)
            << envelope.error().packageError.detail;
        EXPECT_FALSE(session_->store().outbox().entry(draftId).ok());
        EXPECT_EQ(session_->store().drafts().get(draftId)->status, store::DraftStatus::Editing);
        const auto outbox = store::DataLayout::outboxDir(root_ / "data");
        EXPECT_TRUE(!std::filesystem::exists(outbox) || std::filesystem::is_empty(outbox));
    }
};

TEST_F(FinalizeBlobBinding, TheVaultRecordsEachBlobsHeaderMac)
{
    const auto id = draft();
    const auto a = attach(id, 'a', "a.pdf");
    const auto b = attach(id, 'b', "b.pdf");
    ASSERT_TRUE(a.blobMac.has_value());
    ASSERT_TRUE(b.blobMac.has_value());
    EXPECT_NE(*a.blobMac, *b.blobMac);
    EXPECT_EQ(attachments().get(a.id)->blobMac, a.blobMac);
    // An editable copy of the draft copies the blob file, header and all: the same MAC.
    auto copy = session_->store().drafts().copyAsNew(id);
    ASSERT_TRUE(copy.ok());
    auto copied = attachments().of(*copy);
    ASSERT_TRUE(copied.ok());
    ASSERT_EQ(copied->size(), 2u);
    EXPECT_EQ(copied->front().blobMac, a.blobMac);
    EXPECT_TRUE(finalizeDraft(*session_, root_ / "data", *copy, *call_, {recipient_}).ok());
}

TEST_F(FinalizeBlobBinding, AnotherAttachmentsBlobOfTheSameSizeIsRefused)
{
    const auto id = draft();
    const auto a = attach(id, 'a', "a.pdf");
    const auto b = attach(id, 'b', "b.pdf");
    std::filesystem::copy_file(blob(b), blob(a), std::filesystem::copy_options::overwrite_existing);
    expectRefused(id);
}

TEST_F(FinalizeBlobBinding, AnotherDraftsBlobOfTheSameSizeIsRefused)
{
    const auto id = draft();
    const auto a = attach(id, 'a', "a.pdf");
    const auto other = attach(draft(), 'o', "other.pdf");
    std::filesystem::copy_file(blob(other), blob(a),
                               std::filesystem::copy_options::overwrite_existing);
    expectRefused(id);
}

TEST_F(FinalizeBlobBinding, ABlobCutAtAChunksEndIsRefused)
{
    const auto id = draft();
    const auto a = attach(id, 'a', "a.pdf");
    // The last chunk holds 150000 - 2 * 65536 bytes and its 16-byte tag: without it the file
    // ends on a whole chunk that was not sealed as the last one.
    const std::string bytes = readAll(blob(a));
    writeAll(blob(a), bytes.substr(0, bytes.size() - (150000 - 2 * 65536 + 16)));
    expectRefused(id);
}

TEST_F(FinalizeBlobBinding, ABlobWithAByteChangedIsRefused)
{
    const auto id = draft();
    const auto a = attach(id, 'a', "a.pdf");
    std::string bytes = readAll(blob(a));
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    writeAll(blob(a), bytes);
    expectRefused(id);
}

TEST_F(FinalizeBlobBinding, ASwappedReducedCopyIsRefused)
{
    const auto id = draft();
    const auto photo = attach(id, 'p', "photo.heic");
    std::istringstream smaller(std::string(150000, 's'));
    auto reduced = attachments().addReducedCopy(photo.id, smaller, "image/jpeg", 1 << 20);
    ASSERT_TRUE(reduced.ok());
    ASSERT_TRUE(reduced->reduced->blobMac.has_value());
    const auto other = attach(draft(), 'o', "other.jpg");
    std::filesystem::copy_file(blob(other), attachments().reducedBlobPath(*reduced),
                               std::filesystem::copy_options::overwrite_existing);
    expectRefused(id);
}

// A blob written before the vault recorded MACs (its column NULL) is checked against its
// SHA-256 as before: the swap is refused, and the blob itself still goes through.
TEST_F(FinalizeBlobBinding, ABlobWithoutARecordedMacIsHashedAsBefore)
{
    const auto id = draft();
    const auto a = attach(id, 'a', "a.pdf");
    const auto b = attach(id, 'b', "b.pdf");
    {
        auto raw = store::Database::open(store::DataLayout::storePaths(root_ / "data").database,
                                         store::Database::OpenMode::MustExist);
        ASSERT_TRUE(raw.ok());
        ASSERT_TRUE(raw->exec("UPDATE attachments SET blob_mac_sealed = NULL").ok());
    }
    ASSERT_FALSE(attachments().get(a.id)->blobMac.has_value());
    const std::string original = readAll(blob(a));
    std::filesystem::copy_file(blob(b), blob(a), std::filesystem::copy_options::overwrite_existing);
    expectRefused(id);
    writeAll(blob(a), original);
    EXPECT_TRUE(finalizeDraft(*session_, root_ / "data", id, *call_, {recipient_}).ok());
}

} // namespace
} // namespace amicus::submission
