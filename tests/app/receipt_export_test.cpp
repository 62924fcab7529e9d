// A delivered submission's receipt, opened whole and saved as a file, against the real
// reference endpoint; the file is then checked by `amicus-intake receipt verify` as the
// secretariat would, and a tampered copy or another key is refused. The file goes where the
// OS's DocumentExport says and is handed to its share sheet (a fake one here, as on a phone).
#include "app_context.h"
#include "crypto/base64.h"
#include "draft_editor.h"
#include "draft_writing.h"
#include "fake/fake_document_export.h"
#include "outbox_list_model.h"
#include "receipt_export.h"
#include "send_test_setup.h"
#include "sync_service.h"
#include "test_services.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using amicus::app::AppContext;
using amicus::app::SyncService;

namespace {

int intakeVerify(const QStringList& arguments, QString* output = nullptr)
{
    QProcess intake;
    intake.start(QStringLiteral(AMICUS_INTAKE),
                 QStringList{QStringLiteral("receipt"), QStringLiteral("verify")} + arguments);
    if (!intake.waitForFinished(30000)) {
        return -1;
    }
    if (output != nullptr) {
        *output = QString::fromUtf8(intake.readAllStandardOutput() + intake.readAllStandardError());
    }
    return intake.exitStatus() == QProcess::NormalExit ? intake.exitCode() : -1;
}

} // namespace

class ReceiptExportTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aDeliveredReceiptIsShownSavedAndVerifiedByTheSecretariatsTool()
    {
        QTemporaryDir root;
        amicus::app::testing::SendTestSetup setup(root.path().toStdString());
        const std::string error = setup.start("receipt export words");
        QVERIFY2(error.empty(), error.c_str());
        AppContext& context = testContext();
        // The call's receipt key is the endpoint's, as the secretariat's catalog says.
        const QString receiptKey = QString::fromStdString(
            amicus::crypto::base64Encode(std::span<const std::uint8_t>(setup.receiptKey())));
        auto catalog = std::make_shared<amicus::calls::Catalog>(*context.catalog());
        catalog->calls.front().receiptKeyBase64 = receiptKey.toStdString();
        catalog->calls.front().receiptKey = setup.receiptKey();
        context.setCatalog(catalog);

        SyncService service(testContext());
        testServices().setSync(&service);
        service.overrideEndpoint(setup.uploadUrl(), setup.receiptKey());
        service.followSession();

        DraftEditor editor(testServices());
        const int draftId = amicus::app::testing::writeDraft(
            editor, setup.call(),
            {.language = QStringLiteral("en"),
             .organization = QStringLiteral("Receipt Keepers"),
             .country = QStringLiteral("Ghana"),
             .consent = DraftEditor::Consent::Public,
             .answer = QStringLiteral("Proof that it arrived in time."),
             .photoName = {},
             .photoBytes = 0},
            QDir(root.path()));
        QVERIFY(draftId >= 0);
        QCOMPARE(editor.saveState(), DraftEditor::SaveState::Saved);
        QVERIFY(amicus::app::testing::sendThroughReview(testServices(), draftId));
        OutboxListModel outbox(testServices());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.data(outbox.index(0), OutboxListModel::StateRole).toInt(),
                                  static_cast<int>(OutboxListModel::State::Delivered), 30000);

        // A phone's export folder and share sheet, which the receipt must use (not the OS).
        const QString exportDir = root.filePath(QStringLiteral("Exports"));
        auto ownedExport = std::make_unique<amicus::platform::FakeDocumentExport>(exportDir, true);
        const auto* documentExport = ownedExport.get();
        testServices().setDocumentExport(std::move(ownedExport));
        ReceiptExport receipt(testServices());
        QVERIFY(receipt.canShare());
        receipt.setLanguage(QStringLiteral("fr"));
        receipt.setDraftId(draftId);
        QVERIFY(receipt.found());
        QVERIFY(receipt.signatureChecked());
        QCOMPARE(receipt.sha256().size(), 64);
        QCOMPARE(receipt.sha256(),
                 outbox.data(outbox.index(0), OutboxListModel::ReceiptHashRole).toString() +
                     receipt.sha256().mid(16));
        QCOMPARE(receipt.submissionId(),
                 outbox.data(outbox.index(0), OutboxListModel::SubmissionIdRole).toString());
        // "29 nov. 2026, 04:46": the user's language, 24-hour.
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{1,2} \\S+ \\d{4}, \\d\\d:\\d\\d$"))
                     .match(receipt.receivedAt())
                     .hasMatch(),
                 qPrintable(receipt.receivedAt()));

        QVERIFY(receipt.save());
        const QString saved = receipt.savedPath();
        QVERIFY(
            saved.endsWith(QStringLiteral("amicus-receipt-%1.json").arg(receipt.submissionId())));
        QString said;
        QCOMPARE(intakeVerify({QStringLiteral("-p"), receiptKey, saved}, &said), 0);
        QVERIFY2(said.contains(receipt.submissionId()), qPrintable(said));
        QCOMPARE(QFileInfo(saved).absolutePath(), QFileInfo(exportDir).absoluteFilePath());
        QVERIFY(receipt.share());
        QCOMPARE(documentExport->shared(), QStringList{QDir::fromNativeSeparators(saved)});
        QCOMPARE(documentExport->sharedTypes(), QStringList{QStringLiteral("application/json")});

        // Another key, or one changed byte in what was signed, and the tool refuses it.
        const auto other = amicus::crypto::Ed25519KeyPair::generate();
        QVERIFY(other.ok());
        QCOMPARE(intakeVerify({QStringLiteral("-p"),
                               QString::fromStdString(other->publicKey().toBase64()), saved}),
                 1);
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        // The hour's first digit of received_at, inside the signed JSON: still a receipt, but
        // not the one the endpoint signed.
        const qsizetype at = bytes.indexOf('T', bytes.indexOf("received_at"));
        QVERIFY(at > 0);
        bytes[at + 1] = bytes[at + 1] == '0' ? '1' : '0';
        const QString tampered = root.filePath(QStringLiteral("tampered.json"));
        QFile out(tampered);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        QCOMPARE(intakeVerify({QStringLiteral("-p"), receiptKey, tampered}), 1);

        context.closeSession();
        testServices().setDocumentExport(nullptr);
    }
};

QTEST_GUILESS_MAIN(ReceiptExportTest)
#include "receipt_export_test.moc"
