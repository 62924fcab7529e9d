// When no endpoint can be reached, the user saves the sealed envelope and carries it to the
// secretariat by hand. Against the real parts: the app seals a submission while offline, saves
// its envelope into a folder (EnvelopeExport); the secretariat opens it with the real `age`, and
// `amicus-intake inbox --from-folder` unpacks it, marked in the index as arrived by hand without
// a receipt. Then the network comes back, the app's sender delivers the same submission to the
// real endpoint, and inbox run over both the endpoint's store and the folder still holds it
// once.
#include "app_context.h"
#include "crypto/base64.h"
#include "draft_editor.h"
#include "draft_writing.h"
#include "envelope_export.h"
#include "fake/fake_document_export.h"
#include "outbox_list_model.h"
#include "send_test_setup.h"
#include "store/data_layout.h"
#include "sync_service.h"
#include "test_services.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using amicus::app::AppContext;
using amicus::app::SyncService;

namespace {

// Runs `amicus-intake inbox ARGS`; returns its exit code (-1 if it did not finish), with what
// it said on stderr in `said`.
int inbox(const QStringList& arguments, QString* said)
{
    QProcess intake;
    intake.start(QStringLiteral(AMICUS_INTAKE), QStringList{QStringLiteral("inbox")} + arguments);
    if (!intake.waitForFinished(60000)) {
        return -1;
    }
    *said = QString::fromUtf8(intake.readAllStandardError());
    return intake.exitStatus() == QProcess::NormalExit ? intake.exitCode() : -1;
}

QJsonArray indexRows(const QString& outDir)
{
    QFile index(QDir(outDir).filePath(QStringLiteral("index.json")));
    if (!index.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(index.readAll()).object().value("submissions").toArray();
}

} // namespace

class EnvelopeExportTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theSealedEnvelopeGoesByHandAndIsUnpackedOnceWhicheverWayItCame()
    {
        QTemporaryDir root;
        amicus::app::testing::SendTestSetup setup(root.path().toStdString());
        const std::string error = setup.start("sealed envelope words");
        QVERIFY2(error.empty(), error.c_str());
        AppContext& context = testContext();

        DraftEditor editor(testServices());
        const int draftId = amicus::app::testing::writeDraft(
            editor, setup.call(),
            {.language = QStringLiteral("fr"),
             .organization = QStringLiteral("Porteurs de clés USB"),
             .country = QStringLiteral("Mali"),
             .consent = DraftEditor::Consent::Confidential,
             .answer = QStringLiteral("Aucun réseau ne joint le serveur depuis Kidal.")},
            QDir(root.path()));
        QVERIFY(draftId >= 0);

        // Before sending: nothing sealed yet, and sending it is what seals it.
        EnvelopeExport envelope(testServices());
        envelope.setDraftId(draftId);
        QVERIFY(!envelope.available());
        QVERIFY(envelope.canSeal());
        QVERIFY(!envelope.save());
        QCOMPARE(envelope.failure(), EnvelopeExport::Failure::NotAvailable);

        // Sealed with no sender running (no network): it waits in the outbox.
        QVERIFY(amicus::app::testing::sendThroughReview(testServices(), draftId));
        QTRY_VERIFY_WITH_TIMEOUT(envelope.available(), 5000);
        QVERIFY(!envelope.canSeal());
        const QString usb = root.filePath(QStringLiteral("usb-stick"));
        envelope.setDirectoryUrl(QUrl::fromLocalFile(usb));
        QCOMPARE(envelope.directoryName(), QStringLiteral("usb-stick"));
        QVERIFY(envelope.save());
        QCOMPARE(envelope.failure(), EnvelopeExport::Failure::None);
        const QString saved = QDir::fromNativeSeparators(envelope.savedPath());
        QVERIFY2(saved.endsWith(envelope.fileName()), qPrintable(saved));
        QVERIFY(envelope.fileName().endsWith(QStringLiteral(".age")));
        const QString submissionId = envelope.fileName().chopped(4);

        // A folder Android's picker granted (content://) is written through DocumentExport (the
        // fake's provider here): the same bytes; a damaged envelope leaves nothing there.
        {
            auto owned = std::make_unique<amicus::platform::FakeDocumentExport>();
            auto* fake = owned.get();
            testServices().setDocumentExport(std::move(owned));
            const QUrl tree(QStringLiteral("content://com.example.usbstorage/tree/stick"));
            fake->grantTree(tree, QStringLiteral("USB"));
            EnvelopeExport phone(testServices());
            phone.setDraftId(draftId);
            phone.setDirectoryUrl(tree);
            QCOMPARE(phone.directoryName(), QStringLiteral("USB"));

            const QDir outbox(QString::fromStdString(
                amicus::store::DataLayout::outboxDir(context.dataDir()).string()));
            const QStringList sealed = outbox.entryList(QDir::Files);
            QCOMPARE(sealed.size(), 1);
            QFile inOutbox(outbox.filePath(sealed.first()));
            QVERIFY(inOutbox.open(QIODevice::ReadWrite));
            const QByteArray original = inOutbox.readAll();
            QByteArray damaged = original;
            damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x01);
            QVERIFY(inOutbox.seek(0) && inOutbox.write(damaged) == damaged.size());
            inOutbox.flush();
            QVERIFY(!phone.save());
            QCOMPARE(phone.failure(), EnvelopeExport::Failure::Damaged);
            QVERIFY(fake->documentNames(tree).isEmpty());
            QVERIFY(inOutbox.seek(0) && inOutbox.write(original) == original.size());
            inOutbox.close();

            QVERIFY(phone.save());
            QCOMPARE(phone.failure(), EnvelopeExport::Failure::None);
            QCOMPARE(phone.savedPath(), QStringLiteral("USB/") + envelope.fileName());
            QCOMPARE(fake->document(tree, envelope.fileName()), original);
            QCOMPARE(fake->documentType(tree, envelope.fileName()),
                     QStringLiteral("application/octet-stream"));
            QFile onStick(saved);
            QVERIFY(onStick.open(QIODevice::ReadOnly));
            QCOMPARE(onStick.readAll(), original);
            testServices().setDocumentExport(nullptr);
        }

        // Only the secretariat's identity opens it (the real `age`), and it is this submission.
        const auto manifest = setup.openAsSecretariat(saved.toStdString());
        QVERIFY(manifest.has_value());
        QVERIFY(QString::fromStdString(*manifest).contains(submissionId));
        QVERIFY(QString::fromStdString(*manifest).contains(QStringLiteral("Porteurs de clés USB")));

        // The secretariat takes it from the folder.
        const QString key = QString::fromStdString(setup.secretariatKeyFile().string());
        const QString out = root.filePath(QStringLiteral("inbox"));
        QString said;
        QCOMPARE(inbox({QStringLiteral("--from-folder"), usb, QStringLiteral("-i"), key,
                        QStringLiteral("-o"), out},
                       &said),
                 0);
        QVERIFY2(said.contains(QStringLiteral("unpacked, arrived without a receipt")),
                 qPrintable(said));
        QVERIFY(QFile::exists(QDir(out).filePath(submissionId + QStringLiteral("/arrival.json"))));
        QVERIFY(!QFile::exists(QDir(out).filePath(submissionId + QStringLiteral("/receipt.json"))));
        QJsonArray rows = indexRows(out);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value("submission_id").toString(), submissionId);
        QCOMPARE(rows[0].toObject().value("arrival").toString(), QStringLiteral("by_hand"));

        // The network comes back: the app's sender delivers the same submission.
        SyncService service(testContext());
        testServices().setSync(&service);
        service.overrideEndpoint(setup.uploadUrl(), setup.receiptKey());
        service.followSession();
        OutboxListModel outbox(testServices());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.data(outbox.index(0), OutboxListModel::StateRole).toInt(),
                                  static_cast<int>(OutboxListModel::State::Delivered), 30000);
        QCOMPARE(setup.storedUploads().size(), std::size_t{1});

        // Both ways at once: still one unpacked submission.
        const QString store = root.filePath(QStringLiteral("endpoint"));
        const QString receiptKey = QString::fromStdString(
            amicus::crypto::base64Encode(std::span<const std::uint8_t>(setup.receiptKey())));
        QCOMPARE(inbox({store, QStringLiteral("--from-folder"), usb, QStringLiteral("-i"), key,
                        QStringLiteral("-o"), out, QStringLiteral("--receipt-key"), receiptKey},
                       &said),
                 0);
        QVERIFY2(said.contains(QStringLiteral("0 new, 2 already there")), qPrintable(said));
        rows = indexRows(out);
        QCOMPARE(rows.size(), 1);
        const QStringList folders =
            QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
        QCOMPARE(folders, QStringList{submissionId});

        // Through the endpoint first, by hand after: the same, the other way round.
        const QString out2 = root.filePath(QStringLiteral("inbox2"));
        QCOMPARE(inbox({store, QStringLiteral("-i"), key, QStringLiteral("-o"), out2,
                        QStringLiteral("--receipt-key"), receiptKey},
                       &said),
                 0);
        QCOMPARE(inbox({QStringLiteral("--from-folder"), usb, QStringLiteral("-i"), key,
                        QStringLiteral("-o"), out2},
                       &said),
                 0);
        QVERIFY2(said.contains(QStringLiteral("0 new, 1 already there")), qPrintable(said));
        rows = indexRows(out2);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value("arrival").toString(), QStringLiteral("endpoint"));

        testServices().setSync(nullptr);
        context.closeSession();
    }
};

QTEST_GUILESS_MAIN(EnvelopeExportTest)
#include "envelope_export_test.moc"
