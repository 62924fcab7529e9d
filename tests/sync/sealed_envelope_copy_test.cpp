// copySealedEnvelope: the outbox's envelope copied out for the user to carry by hand, on real
// files — the very bytes (decrypted with the real `age` by the secretariat's identity), checked
// against what finalizing recorded, whole or not at all.
#include "sync/sealed_envelope_copy.h"
#include "sync/sealed_envelope_reader.h"
#include "sync_test_support.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>

namespace amicus::sync {
namespace {

namespace fs = std::filesystem;
using namespace amicus::sync::testing;

const std::string kId = "0f8fad5b-d9cb-469f-a165-70867728950e";

TEST(SealedEnvelopeCopy, CopiesTheVeryBytesThatTheSecretariatOpens)
{
    TempDir dir;
    const AgeKey key = makeAgeKey(dir.path());
    writeRandomFile(dir.path() / "plain", 300'000, 7);
    const fs::path envelope = dir.path() / "outbox.age";
    ASSERT_TRUE(ageEncrypt(key, dir.path() / "plain", envelope));
    fs::create_directories(dir.path() / "usb");
    auto copied = copySealedEnvelope(envelope, fs::file_size(envelope), sha256File(envelope), kId,
                                     dir.path() / "usb");
    ASSERT_TRUE(copied.ok()) << copied.error().detail;
    EXPECT_EQ(*copied, dir.path() / "usb" / (kId + ".age"));
    EXPECT_TRUE(sameBytes(*copied, envelope));
    struct stat info {};
    ASSERT_EQ(::stat(copied->c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    ASSERT_TRUE(ageDecrypt(key, *copied, dir.path() / "opened"));
    EXPECT_TRUE(sameBytes(dir.path() / "opened", dir.path() / "plain"));
    // Saved again: replaced, still one file.
    ASSERT_TRUE(copySealedEnvelope(envelope, fs::file_size(envelope), sha256File(envelope), kId,
                                   dir.path() / "usb")
                    .ok());
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "usb"), fs::directory_iterator()),
              1);
}

TEST(SealedEnvelopeCopy, RefusesDamagedMissingOrUnwritableAndLeavesNothing)
{
    TempDir dir;
    writeRandomFile(dir.path() / "outbox.age", 70'000, 3);
    const fs::path envelope = dir.path() / "outbox.age";
    const auto size = fs::file_size(envelope);
    const auto digest = sha256File(envelope);
    const fs::path out = dir.path() / "out";
    fs::create_directories(out);

    // One byte changed in storage: not the envelope finalizing sealed.
    {
        std::fstream file(envelope, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(40'000);
        file.put('\x5a');
    }
    auto damaged = copySealedEnvelope(envelope, size, digest, kId, out);
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, EnvelopeCopyErrc::Damaged);
    // Cut short, or longer than recorded.
    fs::resize_file(envelope, size - 1);
    EXPECT_EQ(copySealedEnvelope(envelope, size, digest, kId, out).error().code,
              EnvelopeCopyErrc::Damaged);
    fs::resize_file(envelope, size + 10);
    EXPECT_EQ(copySealedEnvelope(envelope, size, digest, kId, out).error().code,
              EnvelopeCopyErrc::Damaged);
    EXPECT_TRUE(fs::is_empty(out)) << "no partial file left";

    EXPECT_EQ(copySealedEnvelope(dir.path() / "gone.age", size, digest, kId, out).error().code,
              EnvelopeCopyErrc::NotFound);
    EXPECT_EQ(copySealedEnvelope(envelope, size, digest, "../../etc/passwd", out).error().code,
              EnvelopeCopyErrc::BadName);
    EXPECT_EQ(
        copySealedEnvelope(envelope, size, digest, kId, dir.path() / "no-such-folder").error().code,
        EnvelopeCopyErrc::WriteFailed);
    EXPECT_TRUE(fs::is_empty(out));
}

// An envelope sealed before the outbox kept its digest: only its size can be checked, and no
// byte beyond the recorded size is ever handed out.
TEST(SealedEnvelopeReader, WithoutADigestChecksTheSizeAndHandsOutNothingBeyondIt)
{
    TempDir dir;
    const fs::path envelope = dir.path() / "outbox.age";
    writeRandomFile(envelope, 70'000, 5);
    std::array<std::uint8_t, 1 << 16> buffer{};
    const auto readAll = [&](std::uint64_t size) {
        SealedEnvelopeReader reader(envelope, size, std::nullopt);
        EXPECT_TRUE(reader.open().ok());
        std::uint64_t total = 0;
        while (true) {
            auto got = reader.read(buffer);
            if (!got) {
                return std::pair{total, std::optional(got.error().code)};
            }
            if (*got == 0) {
                return std::pair{total, std::optional<EnvelopeCopyErrc>()};
            }
            total += *got;
        }
    };
    EXPECT_EQ(readAll(70'000), std::pair(std::uint64_t{70'000}, std::optional<EnvelopeCopyErrc>()));
    const auto longer = readAll(69'999);
    EXPECT_EQ(longer.second, EnvelopeCopyErrc::Damaged);
    EXPECT_LT(longer.first, 69'999u);
    EXPECT_EQ(readAll(70'001).second, EnvelopeCopyErrc::Damaged);

    SealedEnvelopeReader gone(dir.path() / "gone.age", 1, std::nullopt);
    EXPECT_EQ(gone.open().error().code, EnvelopeCopyErrc::NotFound);
}

} // namespace
} // namespace amicus::sync
