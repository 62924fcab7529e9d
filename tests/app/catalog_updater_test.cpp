// CatalogUpdater against the real reference endpoint: a newer catalog signed by a trusted key
// replaces the built-in one and survives a restart; anything else leaves the catalog alone.
#include "../calls/endpoint_process.h"
#include "app_context.h"
#include "calls/builtin_catalog.h"
#include "calls/catalog_signature.h"
#include "catalog_updater.h"
#include "test_services.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <optional>

using amicus::app::AppContext;
using amicus::app::CatalogUpdater;
using amicus::calls::RefreshOutcome;
using amicus::crypto::Ed25519KeyPair;

Q_DECLARE_METATYPE(amicus::calls::RefreshOutcome)

class CatalogUpdaterTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<RefreshOutcome>();
        auto key = Ed25519KeyPair::generate();
        QVERIFY(key.ok());
        signingKey_.emplace(std::move(key).value());
        publishCatalog(7);
        server_ = std::make_unique<amicus::calls::testing::EndpointProcess>(
            std::vector<std::string>{"node", AMICUS_SERVER_MAIN}, data_.path().toStdString(),
            keys_.path().toStdString());
        origin_ = server_->origin();
        QVERIFY(!origin_.empty());
    }

    void cleanupTestCase() { server_.reset(); }

    void init()
    {
        testContext().setCatalog(std::shared_ptr<const amicus::calls::Catalog>(
            std::shared_ptr<const amicus::calls::Catalog>(), &amicus::calls::builtinCatalog()));
    }

    void aTrustedNewerCatalogReplacesTheBuiltInAndIsKept()
    {
        QTemporaryDir cache;
        {
            CatalogUpdater updater(testContext(), {signingKey_->publicKey()},
                                   cache.path().toStdString());
            updater.setOrigin(origin_);
            QCOMPARE(refresh(updater), RefreshOutcome::Updated);
            QCOMPARE(testContext().catalog()->sequence, 7u);
            // The same catalog again: the ETag makes it a 304.
            updater.setMinimumInterval(std::chrono::seconds(0));
            QCOMPARE(refresh(updater), RefreshOutcome::NotModified);
        }
        init();
        QCOMPARE(testContext().catalog()->sequence, 0u);
        CatalogUpdater nextRun(testContext(), {signingKey_->publicKey()},
                               cache.path().toStdString());
        nextRun.loadCached();
        QCOMPARE(testContext().catalog()->sequence, 7u);
    }

    void aCatalogFromAnUntrustedKeyIsRefused()
    {
        QTemporaryDir cache;
        auto other = Ed25519KeyPair::generate();
        QVERIFY(other.ok());
        CatalogUpdater updater(testContext(), {other->publicKey()}, cache.path().toStdString());
        updater.setOrigin(origin_);
        QCOMPARE(refresh(updater), RefreshOutcome::BadSignature);
        QCOMPARE(testContext().catalog()->sequence, 0u);
        updater.loadCached();
        QCOMPARE(testContext().catalog()->sequence, 0u);
    }

    void noTrustedKeyMeansNoFetch()
    {
        QTemporaryDir cache;
        CatalogUpdater updater(testContext(), {}, cache.path().toStdString());
        updater.setOrigin(origin_);
        QSignalSpy finished(&updater, &CatalogUpdater::refreshFinished);
        updater.refreshNow();
        QVERIFY(!finished.wait(500));
        QCOMPARE(testContext().catalog()->sequence, 0u);
    }

private:
    RefreshOutcome refresh(CatalogUpdater& updater)
    {
        QSignalSpy finished(&updater, &CatalogUpdater::refreshFinished);
        updater.refreshNow();
        if (!finished.wait(20000)) {
            return RefreshOutcome::Network;
        }
        return finished.at(0).at(0).value<RefreshOutcome>();
    }

    void publishCatalog(std::uint64_t sequence)
    {
        std::string bytes(amicus::calls::builtinCatalogBytes());
        const std::string from = "\"sequence\": 0";
        bytes.replace(bytes.find(from), from.size(), "\"sequence\": " + std::to_string(sequence));
        const std::string signature =
            amicus::calls::catalogSignatureText(signingKey_->sign(bytes).value());
        QFile catalog(keys_.filePath(QStringLiteral("catalog.json")));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(bytes.data(), static_cast<qint64>(bytes.size()));
        QFile sig(keys_.filePath(QStringLiteral("catalog.json.sig")));
        QVERIFY(sig.open(QIODevice::WriteOnly));
        sig.write(signature.data(), static_cast<qint64>(signature.size()));
    }

    std::optional<Ed25519KeyPair> signingKey_;
    QTemporaryDir keys_;
    QTemporaryDir data_;
    std::unique_ptr<amicus::calls::testing::EndpointProcess> server_;
    std::string origin_;
};

QTEST_GUILESS_MAIN(CatalogUpdaterTest)
#include "catalog_updater_test.moc"
