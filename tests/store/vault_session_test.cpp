#include "store/sqlite_db.h"
#include "store/vault_session.h"
#include "test_support.h"

#include <chrono>
#include <gtest/gtest.h>
#include <sstream>

namespace amicus::store {
namespace {

using testing::cheapVault;
using testing::TempDir;

TEST(VaultSession, CreateSaveReopenWithThePassphrase)
{
    TempDir dir;
    const auto data = dir.path() / "data";
    std::int64_t id = 0;
    {
        auto session = VaultSession::create(data, "pass phrase", cheapVault());
        ASSERT_TRUE(session.ok()) << session.error().detail;
        auto created = (*session)->store().drafts().create("c");
        ASSERT_TRUE(created.ok());
        id = *created;
        ASSERT_TRUE((*session)->store().drafts().saveAnswer(id, "q1", "saved text").ok());
    }
    EXPECT_EQ(VaultSession::create(data, "other", cheapVault()).error().code,
              LoginErrc::AlreadyExists);
    auto session = VaultSession::open(data, "pass phrase");
    ASSERT_TRUE(session.ok()) << session.error().detail;
    EXPECT_EQ((*session)->store().drafts().get(id)->answers["q1"], "saved text");
    (*session)->lock();
    EXPECT_EQ((*session)->identity(), nullptr);
    EXPECT_EQ((*session)->store().drafts().saveAnswer(id, "q1", "after lock").error().code,
              StoreErrc::Locked);
    EXPECT_EQ((*session)->store().drafts().get(id).error().code, StoreErrc::Locked);
}

TEST(VaultSession, WrongPassphraseAndMissingVaultAreTyped)
{
    TempDir dir;
    const auto data = dir.path() / "data";
    EXPECT_EQ(VaultSession::open(data, "x").error().code, LoginErrc::NoVault);
    ASSERT_TRUE(VaultSession::create(data, "right", cheapVault()).ok());
    const auto before = std::chrono::system_clock::now();
    const auto wrong = VaultSession::open(data, "wrong");
    EXPECT_EQ(wrong.error().code, LoginErrc::WrongPassphrase);
    EXPECT_STREQ(loginErrcName(wrong.error()), "wrong-passphrase");
    const auto tooSoon = VaultSession::open(data, "right");
    EXPECT_EQ(tooSoon.error().code, LoginErrc::RateLimited);
    EXPECT_GT(tooSoon.error().retryAfter, before); // the app can say when to try again
}

TEST(VaultSession, AStoreFailureBehindAnUnlockedVaultKeepsItsStoreCode)
{
    TempDir dir;
    const auto data = dir.path() / "data";
    ASSERT_TRUE(VaultSession::create(data, "pass phrase", cheapVault()).ok());
    {
        auto raw =
            Database::open(DataLayout::storePaths(data).database, Database::OpenMode::MustExist);
        ASSERT_TRUE(raw.ok());
        ASSERT_TRUE(raw->exec("PRAGMA user_version = 9999").ok());
    }
    const auto refused = VaultSession::open(data, "pass phrase");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, LoginErrc::Store);
    EXPECT_EQ(refused.error().store.code, StoreErrc::NewerVersion);
    EXPECT_STREQ(loginErrcName(refused.error()), "newer-version");
}

TEST(VaultSession, EraseShredsTheKeysAndDeletesEverything)
{
    TempDir dir;
    const auto data = dir.path() / "data";
    {
        auto session = VaultSession::create(data, "pass", cheapVault());
        ASSERT_TRUE(session.ok());
        auto id = (*session)->store().drafts().create("c");
        std::istringstream input("attachment");
        ASSERT_TRUE((*session)->store().attachments().add(*id, input, "a", "b", 100).ok());
    }
    ASSERT_TRUE(VaultSession::eraseDataDirectory(data).ok());
    std::vector<std::string> left;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data)) {
        left.push_back(entry.path().string());
    }
    EXPECT_TRUE(left.empty()) << ::testing::PrintToString(left);
    EXPECT_EQ(VaultSession::open(data, "pass").error().code, LoginErrc::NoVault);
}

} // namespace
} // namespace amicus::store
