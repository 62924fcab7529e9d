// The sender asks the OS for time to send while submissions wait, and sends when it is given
// (BackgroundSendingLink, with the OS played by FakeBackgroundSending as WorkManager or
// BGTaskScheduler would), against the real reference endpoint: a submission finalized offline
// makes a request (metered networks allowed, as the policy says), a granted run goes through
// the outbox at once and is reported finished with the submission still waiting, and once it
// is delivered the request is withdrawn.
#include "app_context.h"
#include "background_sending_link.h"
#include "draft_editor.h"
#include "draft_writing.h"
#include "fake/fake_background_sending.h"
#include "fake/fake_connectivity.h"
#include "outbox_list_model.h"
#include "send_test_setup.h"
#include "sync_service.h"
#include "test_services.h"

#include <QTemporaryDir>
#include <QtTest>

using amicus::app::SyncService;

class BackgroundSendingLinkTest : public QObject {
    Q_OBJECT

private slots:
    void aWaitingSubmissionAsksForTimeAndAGrantedRunSendsAtOnce()
    {
        QTemporaryDir root;
        amicus::app::testing::SendTestSetup setup(root.path().toStdString());
        const std::string error = setup.start("time to send");
        QVERIFY2(error.empty(), error.c_str());

        amicus::platform::FakeConnectivity network({false, false, true}); // offline
        amicus::platform::FakeBackgroundSending os;
        SyncService service(testContext());
        testServices().setSync(&service);
        service.setConnectivity(&network);
        service.overrideEndpoint(setup.uploadUrl(), setup.receiptKey());
        amicus::app::BackgroundSendingLink link(service, os);
        service.followSession();
        QVERIFY(!os.sendingRequested());

        DraftEditor editor(testServices());
        const int draftId = amicus::app::testing::writeDraft(
            editor, setup.call(),
            {.language = QStringLiteral("fr"),
             .organization = QStringLiteral("Collectif Hors Réseau"),
             .country = QStringLiteral("Sénégal"),
             .consent = DraftEditor::Consent::Public,
             .answer = QStringLiteral("Écrit sans réseau, envoyé plus tard."),
             .photoName = {},
             .photoBytes = 0},
            QDir(root.path()));
        QVERIFY(draftId >= 0);
        QVERIFY(amicus::app::testing::sendThroughReview(testServices(), draftId));
        OutboxListModel outbox(testServices());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.data(outbox.index(0), OutboxListModel::StateRole).toInt(),
                                  static_cast<int>(OutboxListModel::State::Waiting), 10000);

        // Waiting offline: time to send is asked for, on any network (the default policy).
        QTRY_VERIFY_WITH_TIMEOUT(os.sendingRequested(), 10000);
        QVERIFY(os.allowMetered());
        QCOMPARE(os.requestCount(), 1);

        // The OS grants a run: the sender goes through the outbox now (its own next look is a
        // minute away), still offline, and gives the time back with the request standing.
        QVERIFY(os.grant());
        QTRY_COMPARE_WITH_TIMEOUT(os.finishedRuns(), QList<bool>{true}, 10000);
        QVERIFY(!os.running());
        QVERIFY(os.sendingRequested());

        // A network: delivered, and nothing left to ask time for.
        network.setStatus({true, false, true});
        QTRY_COMPARE_WITH_TIMEOUT(outbox.data(outbox.index(0), OutboxListModel::StateRole).toInt(),
                                  static_cast<int>(OutboxListModel::State::Delivered), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!os.sendingRequested(), 10000);
        QCOMPARE(os.requestCount(), 1);
        QCOMPARE(os.finishedRuns(), QList<bool>{true});

        testContext().closeSession();
        testServices().setSync(nullptr);
    }
};

QTEST_GUILESS_MAIN(BackgroundSendingLinkTest)
#include "background_sending_link_test.moc"
