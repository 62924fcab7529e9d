// KeyStore: the desktop's hands the vault's bytes back unchanged and says it does not protect
// them; the fake really encrypts, so a port's tests can rely on what a phone's key store does.
#include "desktop/passphrase_only_key_store.h"
#include "fake/fake_key_store.h"

#include <QtTest>

using amicus::platform::FakeKeyStore;
using amicus::platform::KeyStoreError;
using amicus::platform::PassphraseOnlyKeyStore;

class KeyStoreTest : public QObject {
    Q_OBJECT

private slots:
    void desktopLeavesThePassphraseAlone()
    {
        PassphraseOnlyKeyStore store;
        QVERIFY(!store.protectsAtRest());
        const QByteArray identity("age-encryption.org/v1\n-> scrypt ...", 34);
        auto wrapped = store.wrap(identity);
        QVERIFY(wrapped.ok());
        QCOMPARE(*wrapped, identity);
        auto unwrapped = store.unwrap(*wrapped);
        QVERIFY(unwrapped.ok());
        QCOMPARE(*unwrapped, identity);
        QVERIFY(store.forget().ok());
        // Nothing was held outside the bytes, so forgetting loses nothing.
        QCOMPARE(*store.unwrap(identity), identity);
    }

    void fakeWrapsAndUnwraps()
    {
        FakeKeyStore store;
        QVERIFY(store.protectsAtRest());
        const QByteArray identity = QByteArray("vault identity ").repeated(8);
        auto wrapped = store.wrap(identity);
        QVERIFY(wrapped.ok());
        QVERIFY(!wrapped->contains("vault identity"));
        QVERIFY(wrapped->size() > identity.size());
        // A fresh nonce each time: wrapping twice gives two different blobs.
        QVERIFY(*store.wrap(identity) != *wrapped);
        auto unwrapped = store.unwrap(*wrapped);
        QVERIFY(unwrapped.ok());
        QCOMPARE(*unwrapped, identity);
        QCOMPARE(store.wrapCount(), 2);
    }

    void fakeRefusesAlteredOrForeignBytes()
    {
        FakeKeyStore store;
        QByteArray wrapped = *store.wrap(QByteArray("secret"));
        wrapped[wrapped.size() / 2] = static_cast<char>(wrapped[wrapped.size() / 2] ^ 0x01);
        auto altered = store.unwrap(wrapped);
        QVERIFY(!altered.ok());
        QCOMPARE(altered.error().code, KeyStoreError::Corrupt);

        FakeKeyStore other;
        auto foreign = other.unwrap(*store.wrap(QByteArray("secret")));
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().code, KeyStoreError::Corrupt);
        QCOMPARE(store.unwrap(QByteArray()).error().code, KeyStoreError::Corrupt);
    }

    void fakeForgetLosesWhatItWrapped()
    {
        FakeKeyStore store;
        const QByteArray wrapped = *store.wrap(QByteArray("secret"));
        QVERIFY(store.forget().ok());
        auto lost = store.unwrap(wrapped);
        QVERIFY(!lost.ok());
        QCOMPARE(lost.error().code, KeyStoreError::Invalidated);
        // A new vault after an erase gets a new key; the old blob stays unreadable.
        const QByteArray next = *store.wrap(QByteArray("new secret"));
        QCOMPARE(*store.unwrap(next), QByteArray("new secret"));
        QCOMPARE(store.unwrap(wrapped).error().code, KeyStoreError::Corrupt);
    }

    void fakeUserCanDecline()
    {
        FakeKeyStore store;
        const QByteArray wrapped = *store.wrap(QByteArray("secret"));
        store.refuseNext();
        auto declined = store.unwrap(wrapped);
        QVERIFY(!declined.ok());
        QCOMPARE(declined.error().code, KeyStoreError::Refused);
        // Declining once changes nothing: the next attempt works.
        QCOMPARE(*store.unwrap(wrapped), QByteArray("secret"));
    }
};

QTEST_GUILESS_MAIN(KeyStoreTest)
#include "key_store_test.moc"
