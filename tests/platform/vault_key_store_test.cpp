// The vault with the platform's KeyStore as its second lock, on real files: the desktop's writes
// the vault exactly as before (the passphrase alone); the fake (a phone's, really encrypting)
// wraps the identity file, migrates a vault written before key stores existed at its next
// unlock, and once its key is gone the vault cannot be opened (typed, nothing on disk changed,
// no failed attempt counted). A wrong passphrase is still WrongPassphrase, still rate limited.
#include "crypto/vault.h"
#include "desktop/passphrase_only_key_store.h"
#include "fake/fake_key_store.h"
#include "key_store_vault_wrap.h"
#include "store/vault_session.h"
#include "test_temp_dir.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using amicus::crypto::Vault;
using amicus::crypto::VaultOptions;
using amicus::crypto::VaultProtection;
using amicus::platform::FakeKeyStore;
using amicus::platform::KeyStore;
using amicus::platform::KeyStoreVaultWrap;
using amicus::platform::PassphraseOnlyKeyStore;
using amicus::store::DataLayout;
using amicus::store::LoginErrc;
using amicus::store::VaultSession;
using amicus::test_support::TempDir;
namespace fs = std::filesystem;

namespace {

// Made by `amicusctl init --scrypt-work-factor 10` and `import-draft` before the vault knew of
// key stores (tests/platform/data/passphrase-only-vault), with this passphrase and this draft.
constexpr const char* oldPassphrase = "vault written before the key store";
constexpr std::int64_t oldDraftId = 1;
constexpr const char* oldDraftAnswer = "Written before the vault recorded its protection.";
constexpr std::string_view ageFirstLine = "age-encryption.org/v1\n";

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Every file under `dir` with its bytes: "nothing changed" is this map staying equal.
std::map<std::string, std::string> snapshot(const fs::path& dir)
{
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            files[fs::relative(entry.path(), dir).string()] = readAll(entry.path());
        }
    }
    return files;
}

fs::path identityFile(const fs::path& data)
{
    return DataLayout::vaultDir(data) / Vault::identityFileName;
}

// The options the app gives the vault: the key store's wrap, a test's cheap scrypt cost.
struct Protected {
    explicit Protected(KeyStore& store) : wrap(store) { options.keyWrap = &wrap; }
    KeyStoreVaultWrap wrap;
    VaultOptions options;
};

fs::path copyOldVault(const TempDir& dir)
{
    const fs::path data = dir.path() / "data";
    fs::copy(fs::path(AMICUS_PASSPHRASE_ONLY_VAULT), data, fs::copy_options::recursive);
    return data;
}

void expectOldDraft(VaultSession& session)
{
    auto draft = session.store().drafts().get(oldDraftId);
    QVERIFY(draft.ok());
    QCOMPARE(QString::fromStdString(draft->answers["q1"]), QString(oldDraftAnswer));
}

} // namespace

class VaultKeyStoreTest : public QObject {
    Q_OBJECT

private slots:
    void desktopOpensAVaultFromBeforeUnchanged()
    {
        TempDir dir;
        const auto data = copyOldVault(dir);
        const auto identityBefore = readAll(identityFile(data));
        QVERIFY(identityBefore.starts_with(ageFirstLine));
        PassphraseOnlyKeyStore desktop;
        Protected with(desktop);
        {
            auto session = VaultSession::open(data, oldPassphrase, with.options);
            QVERIFY2(session.ok(), session ? "" : session.error().detail.c_str());
            expectOldDraft(**session);
            QVERIFY((*session)->vault().protection() == VaultProtection::Passphrase);
        }
        // Not a byte of the identity file changed: an older Amicus still opens it.
        QCOMPARE(readAll(identityFile(data)), identityBefore);
    }

    void desktopWritesNewVaultsAsBefore()
    {
        TempDir dir;
        const auto data = dir.path() / "data";
        PassphraseOnlyKeyStore desktop;
        Protected with(desktop);
        with.options.scryptWorkFactor = 10;
        QVERIFY(VaultSession::create(data, "desktop words", with.options).ok());
        // A plain age file sealed under the passphrase, as every vault was before.
        QVERIFY(readAll(identityFile(data)).starts_with(ageFirstLine));
        // And the vault opens without any key store at all (an older build, amicusctl).
        QVERIFY(VaultSession::open(data, "desktop words").ok());
    }

    void fakeKeyStoreMigratesAVaultFromBeforeAtItsNextUnlock()
    {
        TempDir dir;
        const auto data = copyOldVault(dir);
        FakeKeyStore phone;
        Protected with(phone);
        {
            auto session = VaultSession::open(data, oldPassphrase, with.options);
            QVERIFY2(session.ok(), session ? "" : session.error().detail.c_str());
            expectOldDraft(**session);
            QVERIFY((*session)->vault().protection() == VaultProtection::PassphraseAndKeyStore);
        }
        QCOMPARE(phone.wrapCount(), 1);
        const auto identity = readAll(identityFile(data));
        QVERIFY(identity.starts_with(Vault::keyStoreWrappedLine));
        QVERIFY(identity.find("scrypt") == std::string::npos); // the age file is inside the wrap
        auto reopened = VaultSession::open(data, oldPassphrase, with.options);
        QVERIFY(reopened.ok());
        expectOldDraft(**reopened);
        QCOMPARE((*reopened)->vault().workFactor(), 10u); // read from inside the wrap
        QCOMPARE(phone.wrapCount(), 1);                   // wrapped once, not at every unlock
        // Without the phone's key store the migrated vault is not opened with a guess.
        QCOMPARE(VaultSession::open(data, oldPassphrase).error().code, LoginErrc::KeyLost);
    }

    void lostKeyLeavesEverythingAsItWas()
    {
        TempDir dir;
        const auto data = dir.path() / "data";
        FakeKeyStore phone;
        Protected with(phone);
        with.options.scryptWorkFactor = 10;
        std::int64_t draftId = 0;
        {
            auto session = VaultSession::create(data, "phone words", with.options);
            QVERIFY(session.ok());
            QVERIFY((*session)->vault().protection() == VaultProtection::PassphraseAndKeyStore);
            draftId = *(*session)->store().drafts().create("hrc54-policing");
            QVERIFY((*session)->store().drafts().saveAnswer(draftId, "q1", "kept").ok());
        }
        QVERIFY(readAll(identityFile(data)).starts_with(Vault::keyStoreWrappedLine));
        QVERIFY(VaultSession::open(data, "phone words", with.options).ok());

        QVERIFY(phone.forget().ok()); // the OS dropped the key (screen lock removed, reinstall)
        const auto before = snapshot(data);
        for (int attempt = 0; attempt < 3; ++attempt) {
            auto lost = VaultSession::open(data, "phone words", with.options);
            QVERIFY(!lost.ok());
            QCOMPARE(lost.error().code, LoginErrc::KeyLost);
            QCOMPARE(QString(amicus::store::loginErrcName(lost.error())), QString("key-lost"));
        }
        // Not a failed attempt (no delay grows), and no file touched: nothing lost.
        QCOMPARE(snapshot(data), before);
        QCOMPARE(Vault::open(DataLayout::vaultDir(data)).value()->failedAttempts(), 0u);
        // Another device's key store cannot read it either: damaged, not a passphrase matter.
        FakeKeyStore other;
        Protected elsewhere(other);
        auto foreign = VaultSession::open(data, "phone words", elsewhere.options);
        QCOMPARE(foreign.error().code, LoginErrc::Store);
        QCOMPARE(foreign.error().store.code, amicus::store::StoreErrc::Corrupt);
        QCOMPARE(snapshot(data), before);
    }

    void wrongPassphraseIsStillTypedAndRateLimited()
    {
        TempDir dir;
        const auto data = dir.path() / "data";
        FakeKeyStore phone;
        Protected with(phone);
        with.options.scryptWorkFactor = 10;
        QVERIFY(VaultSession::create(data, "right words", with.options).ok());
        const auto wrong = VaultSession::open(data, "wrong words", with.options);
        QCOMPARE(wrong.error().code, LoginErrc::WrongPassphrase);
        const auto tooSoon = VaultSession::open(data, "right words", with.options);
        QCOMPARE(tooSoon.error().code, LoginErrc::RateLimited);
        // Once the delay is over the right passphrase opens it.
        auto later = with.options;
        later.clock = [] { return std::chrono::system_clock::now() + std::chrono::hours(2); };
        QVERIFY(VaultSession::open(data, "right words", later).ok());
    }

    void refusalIsTypedAndTheNextTryOpens()
    {
        TempDir dir;
        const auto data = dir.path() / "data";
        FakeKeyStore phone;
        Protected with(phone);
        with.options.scryptWorkFactor = 10;
        QVERIFY(VaultSession::create(data, "phone words", with.options).ok());
        const auto before = snapshot(data);
        phone.refuseNext();
        QCOMPARE(VaultSession::open(data, "phone words", with.options).error().code,
                 LoginErrc::KeyRefused);
        QCOMPARE(snapshot(data), before);
        QVERIFY(VaultSession::open(data, "phone words", with.options).ok());
        // Refused at set-up: no vault is left half made.
        TempDir other;
        phone.refuseNext();
        QCOMPARE(
            VaultSession::create(other.path() / "data", "phone words", with.options).error().code,
            LoginErrc::KeyRefused);
        QVERIFY(!Vault::exists(DataLayout::vaultDir(other.path() / "data")));
    }

    void passphraseChangeKeepsTheWrap()
    {
        TempDir dir;
        const auto data = dir.path() / "data";
        FakeKeyStore phone;
        Protected with(phone);
        with.options.scryptWorkFactor = 10;
        QVERIFY(VaultSession::create(data, "first words", with.options).ok());
        auto vault = Vault::open(DataLayout::vaultDir(data), with.options);
        QVERIFY(vault.ok());
        QVERIFY((*vault)->changePassphrase("first words", "second words").ok());
        QVERIFY(readAll(identityFile(data)).starts_with(Vault::keyStoreWrappedLine));
        QVERIFY(VaultSession::open(data, "second words", with.options).ok());
        QVERIFY(phone.forget().ok());
        QCOMPARE(VaultSession::open(data, "second words", with.options).error().code,
                 LoginErrc::KeyLost);
    }
};

QTEST_GUILESS_MAIN(VaultKeyStoreTest)
#include "vault_key_store_test.moc"
