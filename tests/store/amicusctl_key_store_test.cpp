// amicusctl opens the vault with the platform's key store as the app does (vault_key_store.h):
// a vault whose key a key store wraps (the fake, a phone's that really encrypts) opens through
// amicusctl's openSession, and not without that key store; a vault written before key stores
// (tests/platform/data/passphrase-only-vault) opens with this OS's (the desktop's) unchanged.
#include "cli.h"
#include "fake/fake_key_store.h"
#include "key_store_vault_wrap.h"
#include "platform_key_store.h"
#include "test_temp_dir.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace amicus::amicusctl {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

Invocation invocationFor(const fs::path& data, const fs::path& passphraseFile,
                         const std::string& passphrase)
{
    std::ofstream(passphraseFile) << passphrase << "\n";
    return Invocation{data, passphraseFile, "show", {}};
}

class AmicusctlKeyStore : public ::testing::Test {
protected:
    void TearDown() override { useKeyStore(nullptr); }
    test_support::TempDir dir_{"amicusctl-key-store"};
};

TEST_F(AmicusctlKeyStore, OpensAVaultItsKeyStoreWraps)
{
    platform::FakeKeyStore phone;
    platform::KeyStoreVaultWrap wrap(phone);
    crypto::VaultOptions options;
    options.scryptWorkFactor = 10;
    options.keyWrap = &wrap;
    const fs::path data = dir_.path() / "data";
    {
        auto made = store::VaultSession::create(data, "wrapped words", options);
        ASSERT_TRUE(made.ok());
        ASSERT_EQ((*made)->vault().protection(), crypto::VaultProtection::PassphraseAndKeyStore);
        ASSERT_TRUE((*made)->store().drafts().create("call").ok());
    }
    const Invocation invocation = invocationFor(data, dir_.path() / "pass", "wrapped words");
    int exitCode = -1;
    // This OS's key store (the desktop's) cannot unwrap it: refused, typed.
    EXPECT_EQ(openSession(invocation, exitCode), nullptr);
    EXPECT_NE(exitCode, exitOk);

    useKeyStore(&phone);
    auto session = openSession(invocation, exitCode);
    ASSERT_NE(session, nullptr);
    EXPECT_EQ(exitCode, exitOk);
    auto drafts = session->store().drafts().list();
    ASSERT_TRUE(drafts.ok());
    EXPECT_EQ(drafts->size(), 1u);
}

TEST_F(AmicusctlKeyStore, AVaultFromBeforeKeyStoresOpensWithThisOsKeyStoreUnchanged)
{
    const fs::path data = dir_.path() / "data";
    fs::copy(fs::path(AMICUS_PASSPHRASE_ONLY_VAULT), data, fs::copy_options::recursive);
    const fs::path identity = store::DataLayout::vaultDir(data) / crypto::Vault::identityFileName;
    const std::string identityBefore = readAll(identity);
    const Invocation invocation =
        invocationFor(data, dir_.path() / "pass", "vault written before the key store");
    int exitCode = -1;
    {
        auto session = openSession(invocation, exitCode);
        ASSERT_NE(session, nullptr);
        EXPECT_EQ(exitCode, exitOk);
        EXPECT_EQ(session->vault().protection(), crypto::VaultProtection::Passphrase);
        auto draft = session->store().drafts().get(1);
        ASSERT_TRUE(draft.ok());
        EXPECT_EQ(draft->answers["q1"], "Written before the vault recorded its protection.");
    }
    // Not a byte of the identity file changed: an older Amicus still opens it.
    EXPECT_EQ(readAll(identity), identityBefore);
}

} // namespace
} // namespace amicus::amicusctl
