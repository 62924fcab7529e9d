// The vault key hierarchy on a real directory: create, lock/unlock, field sealing bound to its
// place, passphrase change without touching data, throttled failures that survive a restart,
// and crypto-shredding. A low scrypt cost keeps it fast; one test checks the calibration.
#include "crypto/age_reader.h"
#include "crypto/age_writer.h"
#include "crypto/vault.h"
#include "test_util.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace amicus::crypto {
namespace {

namespace fs = std::filesystem;
using test::bytesOf;
using namespace std::chrono_literals;

class VaultTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() /
               ("amicus-vault-test-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    VaultOptions options()
    {
        VaultOptions o;
        o.scryptWorkFactor = 10;
        o.clock = [this] { return now_; };
        return o;
    }

    fs::path dir_;
    std::chrono::system_clock::time_point now_ =
        std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
};

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(VaultTest, CreateUnlockLockAndSeal)
{
    auto created = Vault::create(dir_, "correct horse", options());
    ASSERT_TRUE(created.ok()) << created.error().detail;
    auto& vault = **created;
    EXPECT_TRUE(vault.isUnlocked());
    EXPECT_EQ(vault.workFactor(), 10u);
    EXPECT_TRUE(Vault::exists(dir_));

    // The identity file is an age file under scrypt, and holds no plaintext key.
    const std::string identityFile = readAll(dir_ / Vault::identityFileName);
    EXPECT_EQ(identityFile.rfind("age-encryption.org/v1\n-> scrypt ", 0), 0u);
    EXPECT_EQ(identityFile.find("AGE-SECRET-KEY"), std::string::npos);
    EXPECT_EQ(readAll(dir_ / Vault::recipientFileName), vault.recipient().toString() + "\n");

    auto sealed = vault.fieldSealer().seal(bytesOf("draft answer"), "drafts/answer/42/q1");
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ((*sealed)[0], 1);
    EXPECT_EQ(sealed->size(), 1 + 12 + 12 + 16u);
    auto opened = vault.fieldSealer().open(*sealed, "drafts/answer/42/q1");
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(std::string(opened->begin(), opened->end()), "draft answer");
    // Bound to its place: another row or column does not open it.
    EXPECT_EQ(vault.fieldSealer().open(*sealed, "drafts/answer/43/q1").error(),
              SealError::Unauthentic);
    auto tampered = *sealed;
    tampered[20] ^= 1;
    EXPECT_EQ(vault.fieldSealer().open(tampered, "drafts/answer/42/q1").error(),
              SealError::Unauthentic);
    tampered = *sealed;
    tampered[0] = 2;
    EXPECT_EQ(vault.fieldSealer().open(tampered, "drafts/answer/42/q1").error(),
              SealError::Malformed);

    vault.lock();
    EXPECT_FALSE(vault.isUnlocked());
    EXPECT_EQ(vault.identity(), nullptr);
    EXPECT_EQ(vault.fieldSealer().seal(bytesOf("x"), "a").error(), SealError::Locked);
    EXPECT_EQ(vault.fieldSealer().open(*sealed, "drafts/answer/42/q1").error(), SealError::Locked);

    ASSERT_TRUE(vault.unlock("correct horse").ok());
    auto reopened = vault.fieldSealer().open(*sealed, "drafts/answer/42/q1");
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(std::string(reopened->begin(), reopened->end()), "draft answer");
}

TEST_F(VaultTest, ReopenedVaultEncryptsWhileLockedAndDecryptsOnceUnlocked)
{
    std::string recipientText;
    std::vector<std::uint8_t> sealedField;
    {
        auto created = Vault::create(dir_, "pass phrase", options());
        ASSERT_TRUE(created.ok());
        recipientText = (*created)->recipient().toString();
        sealedField = *(*created)->fieldSealer().seal(bytesOf("v"), "t/c/1");
    }
    auto opened = Vault::open(dir_, options());
    ASSERT_TRUE(opened.ok()) << opened.error().detail;
    auto& vault = **opened;
    EXPECT_FALSE(vault.isUnlocked());
    EXPECT_EQ(vault.recipient().toString(), recipientText);
    EXPECT_EQ(vault.workFactor(), 10u);

    // Locked: an attachment can still be encrypted to the vault.
    const std::string attachment(200000, 'a');
    MemorySource plain(bytesOf(attachment));
    VectorSink envelope;
    const AgeRecipient* recipients[] = {&vault.recipient()};
    ASSERT_TRUE(ageEncrypt(plain, recipients, envelope).ok());

    ASSERT_TRUE(vault.unlock("pass phrase").ok());
    MemorySource sealed(envelope.bytes());
    VectorSink out;
    const AgeIdentity* identities[] = {vault.identity()};
    ASSERT_TRUE(ageDecrypt(sealed, identities, out).ok());
    EXPECT_EQ(std::string(out.bytes().begin(), out.bytes().end()), attachment);
    // The field key is derived from the identity, so it is the same after a restart.
    auto field = vault.fieldSealer().open(sealedField, "t/c/1");
    ASSERT_TRUE(field.ok());
    EXPECT_EQ((*field)[0], 'v');
}

TEST_F(VaultTest, WrongPassphraseIsTypedAndThrottledExponentiallyAcrossRestarts)
{
    ASSERT_TRUE(Vault::create(dir_, "right", options()).ok());
    auto vault = Vault::open(dir_, options()).value();

    auto first = vault->unlock("wrong");
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, VaultError::WrongPassphrase);
    EXPECT_EQ(vault->failedAttempts(), 1u);

    // Immediately again: refused without trying, with the time to wait.
    auto tooSoon = vault->unlock("right");
    ASSERT_FALSE(tooSoon.ok());
    EXPECT_EQ(tooSoon.error().code, VaultError::RateLimited);
    EXPECT_EQ(tooSoon.error().retryAfter, now_ + Vault::delayAfterFailures(1));

    now_ += Vault::delayAfterFailures(1);
    EXPECT_EQ(vault->unlock("wrong again").error().code, VaultError::WrongPassphrase);
    EXPECT_EQ(vault->failedAttempts(), 2u);

    // A restart (a new Vault object on the same directory) keeps the count and the delay.
    vault.reset();
    auto restarted = Vault::open(dir_, options()).value();
    EXPECT_EQ(restarted->failedAttempts(), 2u);
    auto stillLimited = restarted->unlock("right");
    ASSERT_FALSE(stillLimited.ok());
    EXPECT_EQ(stillLimited.error().code, VaultError::RateLimited);
    EXPECT_EQ(stillLimited.error().retryAfter, now_ + Vault::delayAfterFailures(2));

    now_ += Vault::delayAfterFailures(2);
    ASSERT_TRUE(restarted->unlock("right").ok());
    EXPECT_EQ(restarted->failedAttempts(), 0u);

    // The delays double, and stop growing at an hour.
    EXPECT_EQ(Vault::delayAfterFailures(0), 0s);
    EXPECT_EQ(Vault::delayAfterFailures(1), 1s);
    EXPECT_EQ(Vault::delayAfterFailures(2), 2s);
    EXPECT_EQ(Vault::delayAfterFailures(5), 16s);
    EXPECT_EQ(Vault::delayAfterFailures(30), 3600s);
}

TEST_F(VaultTest, ChangePassphraseRewrapsOnlyTheIdentity)
{
    auto created = Vault::create(dir_, "old secret", options());
    ASSERT_TRUE(created.ok());
    auto& vault = **created;
    const auto recipientBefore = vault.recipient().toString();
    auto sealed = *vault.fieldSealer().seal(bytesOf("kept"), "t/c/9");
    const std::string identityBefore = readAll(dir_ / Vault::identityFileName);

    auto wrongOld = vault.changePassphrase("not it", "new secret");
    ASSERT_FALSE(wrongOld.ok());
    EXPECT_EQ(wrongOld.error().code, VaultError::WrongPassphrase);
    now_ += 1h;

    ASSERT_TRUE(vault.changePassphrase("old secret", "new secret").ok());
    EXPECT_NE(readAll(dir_ / Vault::identityFileName), identityBefore);
    EXPECT_FALSE(fs::exists(dir_ / (std::string(Vault::identityFileName) + ".tmp")));

    auto reopened = Vault::open(dir_, options()).value();
    EXPECT_EQ(reopened->unlock("old secret").error().code, VaultError::WrongPassphrase);
    now_ += 1h;
    ASSERT_TRUE(reopened->unlock("new secret").ok());
    EXPECT_EQ(reopened->recipient().toString(), recipientBefore);
    auto field = reopened->fieldSealer().open(sealed, "t/c/9");
    ASSERT_TRUE(field.ok());
    EXPECT_EQ(std::string(field->begin(), field->end()), "kept");
}

TEST_F(VaultTest, IdentityFileOpensWithTheAgeFormatAndPassphrase)
{
    auto created = Vault::create(dir_, "interop", options());
    ASSERT_TRUE(created.ok());
    auto source = FileSource::open((dir_ / Vault::identityFileName).string());
    ASSERT_TRUE(source.ok());
    ScryptIdentity passphrase("interop");
    const AgeIdentity* identities[] = {&passphrase};
    VectorSink out;
    ASSERT_TRUE(ageDecrypt(**source, identities, out).ok());
    const std::string text(out.bytes().begin(), out.bytes().end());
    EXPECT_NE(text.find("# public key: " + (*created)->recipient().toString()), std::string::npos);
    EXPECT_EQ((*created)->identity()->toString().size(), 74u);
    EXPECT_NE(text.find((*created)->identity()->toString()), std::string::npos);
}

TEST_F(VaultTest, EraseShredsTheKeyFiles)
{
    auto created = Vault::create(dir_, "gone", options());
    ASSERT_TRUE(created.ok());
    MemorySource plain(bytesOf("attachment"));
    VectorSink envelope;
    const AgeRecipient* recipients[] = {&(*created)->recipient()};
    ASSERT_TRUE(ageEncrypt(plain, recipients, envelope).ok());
    created->reset();

    ASSERT_TRUE(Vault::erase(dir_).ok());
    EXPECT_FALSE(Vault::exists(dir_));
    EXPECT_FALSE(fs::exists(dir_ / Vault::identityFileName));
    EXPECT_FALSE(fs::exists(dir_ / Vault::recipientFileName));
    auto reopened = Vault::open(dir_, options());
    ASSERT_FALSE(reopened.ok());
    EXPECT_EQ(reopened.error().code, VaultError::NotFound);
    // Erasing twice is harmless.
    EXPECT_TRUE(Vault::erase(dir_).ok());
}

TEST_F(VaultTest, CreateRefusesToOverwriteAVault)
{
    ASSERT_TRUE(Vault::create(dir_, "a", options()).ok());
    auto again = Vault::create(dir_, "b", options());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, VaultError::AlreadyExists);
}

TEST(VaultCalibration, PicksAWorkFactorThatTakesAboutTheTarget)
{
    const unsigned factor = calibrateScryptWorkFactor(250ms);
    EXPECT_GE(factor, 14u);
    EXPECT_LE(factor, ageMaxScryptWorkFactor);
    const auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(scrypt(bytesOf("p"), bytesOf("salt"), factor, 8, 1, 32).ok());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    // Within a factor of eight either way: CI machines are shared and noisy, and the work
    // factor moves in steps of two. A wrong extrapolation is off by far more.
    if (factor > 14) {
        EXPECT_GT(elapsed, 250ms / 8);
    }
    EXPECT_LT(elapsed, 250ms * 8);
}

} // namespace
} // namespace amicus::crypto
