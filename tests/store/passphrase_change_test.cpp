// Changing the passphrase from the settings screen (store::changeVaultPassphrase), on a real
// vault: the new passphrase opens the same drafts, the old one no longer does, and a wrong
// current passphrase, a missing vault or an attempt too soon is answered as a login answers it.
#include "store/passphrase_change.h"
#include "store/vault_session.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace amicus::store {
namespace {

using testing::cheapVault;
using testing::TempDir;

TEST(PassphraseChange, TheNewPassphraseOpensTheSameDraftsAndTheOldOneNoLonger)
{
    TempDir dir;
    const auto data = dir.path() / "data";
    std::int64_t id = 0;
    {
        auto session = VaultSession::create(data, "old pass phrase", cheapVault());
        ASSERT_TRUE(session.ok()) << session.error().detail;
        id = (*session)->store().drafts().create("c").value();
        ASSERT_TRUE((*session)->store().drafts().saveAnswer(id, "q1", "kept").ok());
        // Changed while the session is open, through a vault object of its own.
        const auto changed =
            changeVaultPassphrase(data, "old pass phrase", "new pass phrase", cheapVault());
        ASSERT_TRUE(changed.ok()) << changed.error().detail;
    }
    {
        auto session = VaultSession::open(data, "new pass phrase", cheapVault());
        ASSERT_TRUE(session.ok()) << session.error().detail;
        EXPECT_EQ((*session)->store().drafts().get(id)->answers["q1"], "kept");
    }
    EXPECT_EQ(VaultSession::open(data, "old pass phrase", cheapVault()).error().code,
              LoginErrc::WrongPassphrase);
}

TEST(PassphraseChange, AWrongCurrentPassphraseOrNoVaultIsALoginAnswer)
{
    TempDir dir;
    const auto data = dir.path() / "data";
    EXPECT_EQ(changeVaultPassphrase(data, "a", "b", cheapVault()).error().code, LoginErrc::NoVault);
    ASSERT_TRUE(VaultSession::create(data, "right pass phrase", cheapVault()).ok());
    EXPECT_EQ(changeVaultPassphrase(data, "wrong pass phrase", "b", cheapVault()).error().code,
              LoginErrc::WrongPassphrase);
    // A failed attempt counts as an unlock's does: the next one waits.
    EXPECT_EQ(changeVaultPassphrase(data, "right pass phrase", "b", cheapVault()).error().code,
              LoginErrc::RateLimited);
}

} // namespace
} // namespace amicus::store
