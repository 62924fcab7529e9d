// The whole send flow through the app's view models, against the real reference endpoint:
// a draft with an attachment is reviewed, finalized into the outbox, sent by the SyncService,
// delivered with a verified receipt, and the bytes the endpoint stored open with `age`.
#include "app_context.h"
#include "draft_editor.h"
#include "draft_writing.h"
#include "outbox_list_model.h"
#include "send_test_setup.h"
#include "sync_service.h"
#include "test_services.h"

#include <QTemporaryDir>
#include <QtTest>

using amicus::app::AppContext;
using amicus::app::SyncService;

class SendFlowTest : public QObject {
    Q_OBJECT

private slots:
    void aDraftGoesFromEditorToDeliveredWithAReceipt()
    {
        QTemporaryDir root;
        // An unlocked vault, a secretariat whose call the catalog holds, the real endpoint.
        amicus::app::testing::SendTestSetup setup(root.path().toStdString());
        const std::string error = setup.start("send flow words");
        QVERIFY2(error.empty(), error.c_str());
        AppContext& context = testContext();

        SyncService service(testContext());

        testServices().setSync(&service);
        service.overrideEndpoint(setup.uploadUrl(), setup.receiptKey());
        service.followSession();

        // Write the draft as the editor does.
        DraftEditor editor(testServices());
        const int draftId =
            amicus::app::testing::writeDraft(editor, setup.call(),
                                             {.language = QStringLiteral("fr"),
                                              .organization = QStringLiteral("Ruban Rouge"),
                                              .country = QStringLiteral("Sénégal"),
                                              .consent = DraftEditor::Consent::Public,
                                              .answer = QStringLiteral("Une réponse de terrain."),
                                              .photoName = QStringLiteral("photo.jpg"),
                                              .photoBytes = 300'000},
                                             QDir(root.path()));
        QVERIFY(draftId >= 0);
        QCOMPARE(editor.saveState(), DraftEditor::SaveState::Saved);

        QVERIFY(amicus::app::testing::sendThroughReview(testServices(), draftId));

        OutboxListModel outbox(testServices());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.count(), 1, 5000);
        const QModelIndex row = outbox.index(0);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.data(row, OutboxListModel::StateRole).toInt(),
                                  static_cast<int>(OutboxListModel::State::Delivered), 30000);
        QCOMPARE(outbox.data(outbox.index(0), OutboxListModel::ReceiptHashRole).toString().size(),
                 16);

        // What the endpoint stored is what the secretariat can open.
        const auto stored = setup.storedUploads();
        QVERIFY(!stored.empty());
        const auto text = setup.openAsSecretariat(stored.back());
        QVERIFY(text.has_value());
        QVERIFY(text->find("Ruban Rouge") != std::string::npos);
        QVERIFY(text->find("Une réponse de terrain.") != std::string::npos);

        context.closeSession();
    }
};

QTEST_GUILESS_MAIN(SendFlowTest)
#include "send_flow_test.moc"
