// "Erase everything" destroys the vault's keys before its data: the identity file is shredded,
// and the OS key store forgets the key that wrapped it, so a copy of the identity file kept
// elsewhere (a backup of the phone) can no longer be unwrapped.
#include "app_context.h"
#include "fake/fake_key_store.h"
#include "store/vault_session.h"
#include "test_temp_dir.h"

#include <QtTest>

using amicus::app::AppContext;
using amicus::platform::FakeKeyStore;
using amicus::platform::KeyStoreError;

class EraseEverythingTest : public QObject {
    Q_OBJECT

private slots:
    void theKeyStoreForgetsItsKey();
};

void EraseEverythingTest::theKeyStoreForgetsItsKey()
{
    amicus::test_support::TempDir dir("amicus-erase");
    AppContext context;
    auto fake = std::make_unique<FakeKeyStore>();
    FakeKeyStore* keyStore = fake.get();
    context.setKeyStore(std::move(fake));
    amicus::crypto::VaultOptions options;
    options.scryptWorkFactor = 10;
    context.configure(dir.path() / "data", options);
    auto session = amicus::store::VaultSession::create(context.dataDir(), "erase test words",
                                                       context.vaultOptions());
    QVERIFY(session.ok());
    QCOMPARE(keyStore->wrapCount(), 1); // the vault's identity is wrapped by the key store
    context.adoptSession(std::move(session).value());
    // What the key store wrapped so far opens while its key is there.
    const auto probe = keyStore->wrap(QByteArrayLiteral("wrapped before the erase"));
    QVERIFY(probe.ok());
    QVERIFY(keyStore->unwrap(*probe).ok());

    QVERIFY(context.eraseEverything().ok());
    QCOMPARE(context.vaultState(), AppContext::VaultState::None);
    const auto after = keyStore->unwrap(*probe);
    QVERIFY(!after.ok());
    QCOMPARE(after.error().code, KeyStoreError::Invalidated);
}

QTEST_GUILESS_MAIN(EraseEverythingTest)
#include "erase_everything_test.moc"
