// The whole send flow through the app's view models, against the real reference endpoint:
// a draft with an attachment is reviewed, finalized into the outbox, sent by the SyncService,
// delivered with a verified receipt, and the bytes the endpoint stored open with `age`.
#include "../calls/endpoint_process.h"
#include "app_context.h"
#include "calls/builtin_catalog.h"
#include "crypto/age_keys.h"
#include "crypto/ed25519.h"
#include "draft_editor.h"
#include "outbox_list_model.h"
#include "submission_review.h"
#include "sync_service.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdlib>
#include <fstream>

using amicus::app::AppContext;
using amicus::app::SyncService;

class SendFlowTest : public QObject {
    Q_OBJECT

private slots:
    void aDraftGoesFromEditorToDeliveredWithAReceipt()
    {
        QTemporaryDir root;
        const std::filesystem::path base = root.path().toStdString();
        amicus::crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        AppContext& context = AppContext::instance();
        context.configure(base / "data", options);
        auto session =
            amicus::store::VaultSession::create(base / "data", "send flow words", options);
        QVERIFY(session.ok());
        context.adoptSession(std::move(session).value());

        // The secretariat: an age identity of our own, and the real endpoint.
        auto secretariat = amicus::crypto::X25519Identity::generate();
        QVERIFY(secretariat.ok());
        std::ofstream(base / "secretariat.key") << secretariat->toString() << "\n";
        auto catalog = std::make_shared<amicus::calls::Catalog>(amicus::calls::builtinCatalog());
        catalog->calls.front().recipients = {secretariat->recipient().toString()};
        context.setCatalog(catalog);
        std::filesystem::create_directories(base / "endpoint" / "keys");
        amicus::calls::testing::EndpointProcess endpoint(
            {"node", AMICUS_SERVER_MAIN}, base / "endpoint", base / "endpoint" / "keys");
        QVERIFY(!endpoint.origin().empty());
        const auto receiptKey = amicus::crypto::Ed25519PublicKey::fromBase64(endpoint.receiptKey());
        QVERIFY(receiptKey.ok());

        SyncService service;
        service.overrideEndpoint(endpoint.origin() + "/files", receiptKey->raw());
        service.followSession();

        // Write the draft as the editor does.
        DraftEditor editor;
        const int draftId = editor.createDraft(QString::fromStdString(catalog->calls.front().id),
                                               QStringLiteral("fr"));
        QVERIFY(draftId >= 0);
        editor.setOrganization(QStringLiteral("Ruban Rouge"));
        editor.setCountry(QStringLiteral("Sénégal"));
        editor.setConsent(DraftEditor::Consent::Public);
        editor.setAnswer(QString::fromStdString(catalog->calls.front().questions.front().id),
                         QStringLiteral("Une réponse de terrain."));
        QFile photo(root.filePath(QStringLiteral("photo.jpg")));
        QVERIFY(photo.open(QIODevice::WriteOnly));
        photo.write(QByteArray(300'000, 'j'));
        photo.close();
        QVERIFY(editor.addAttachment(QUrl::fromLocalFile(photo.fileName())));
        QCOMPARE(editor.saveState(), DraftEditor::SaveState::Saved);

        SubmissionReview review;
        review.setDraftId(draftId);
        QCOMPARE(review.issues().size(), 0);
        QSignalSpy sent(&review, &SubmissionReview::sent);
        review.send();
        QVERIFY(sent.wait(30000));

        OutboxListModel outbox;
        QTRY_COMPARE_WITH_TIMEOUT(outbox.count(), 1, 5000);
        const QModelIndex row = outbox.index(0);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.data(row, OutboxListModel::StateRole).toInt(),
                                  static_cast<int>(OutboxListModel::State::Delivered), 30000);
        QCOMPARE(outbox.data(outbox.index(0), OutboxListModel::ReceiptHashRole).toString().size(),
                 16);

        // What the endpoint stored is what the secretariat can open.
        const auto uploads = base / "endpoint" / "uploads";
        std::filesystem::path stored;
        for (const auto& entry : std::filesystem::directory_iterator(uploads)) {
            if (entry.is_regular_file() && entry.path().extension() != ".json") {
                stored = entry.path();
            }
        }
        QVERIFY(!stored.empty());
        const auto unpacked = base / "unpacked";
        std::filesystem::create_directories(unpacked);
        const std::string command = "age -d -i '" + (base / "secretariat.key").string() + "' '" +
                                    stored.string() + "' | tar -x -C '" + unpacked.string() + "'";
        QCOMPARE(std::system(command.c_str()), 0);
        std::ifstream json(unpacked / "submission.json");
        const std::string text((std::istreambuf_iterator<char>(json)), {});
        QVERIFY(text.find("Ruban Rouge") != std::string::npos);
        QVERIFY(text.find("Une réponse de terrain.") != std::string::npos);

        context.closeSession();
    }
};

QTEST_GUILESS_MAIN(SendFlowTest)
#include "send_flow_test.moc"
