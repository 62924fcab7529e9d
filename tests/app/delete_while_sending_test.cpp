// Deleting a submission while the app uploads it, against the real reference endpoint behind a
// link that stalls part-way: the drafts list's delete stops the sender at once, nothing of the
// submission is left on the device, the sender never writes it back nor sends it again (even on
// "send now"), and the endpoint keeps none of its bytes (the partial upload is terminated).
#include "../sync/sync_test_support.h"
#include "app_context.h"
#include "drafts_list_model.h"
#include "send_test_setup.h"
#include "store/vault_store.h"
#include "submission/draft_finalizer.h"
#include "sync_service.h"
#include "test_services.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <random>
#include <sstream>

using amicus::app::AppContext;
using amicus::app::SyncService;

class DeleteWhileSendingTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void deletingASubmissionBeingUploadedStopsItForGood()
    {
        QTemporaryDir root;
        amicus::app::testing::SendTestSetup setup(root.path().toStdString());
        const std::string error = setup.start("delete while sending");
        QVERIFY2(error.empty(), error.c_str());
        // The link: the endpoint behind a proxy that stalls once 300 kB of bodies went through.
        const std::string upload = setup.uploadUrl(); // http://127.0.0.1:PORT/files
        const auto colon = upload.rfind(':');
        const int endpointPort = std::stoi(upload.substr(colon + 1));
        amicus::sync::testing::FaultProxy proxy(
            endpointPort, {"--stall-after-bytes", "300000", "--stall-seconds", "20"},
            root.filePath(QStringLiteral("proxy.log")).toStdString());
        QVERIFY(proxy.ok());

        // A finalized submission of about 1.5 MB (an incompressible attachment).
        auto* session = testContext().session();
        QVERIFY(session);
        amicus::store::VaultStore& store = session->store();
        const auto& call = setup.call();
        auto draftId = store.drafts().create(call.id);
        QVERIFY(draftId.ok());
        using amicus::store::DraftField;
        QVERIFY(store.drafts().saveField(*draftId, DraftField::Organization, "Ruban Rouge").ok());
        QVERIFY(store.drafts().saveField(*draftId, DraftField::Country, "Sénégal").ok());
        QVERIFY(store.drafts().saveField(*draftId, DraftField::Language, "fr").ok());
        QVERIFY(store.drafts().saveField(*draftId, DraftField::Consent, "public").ok());
        QVERIFY(
            store.drafts().saveAnswer(*draftId, call.questions.front().id, "Une réponse.").ok());
        std::string bytes(1'500'000, '\0');
        std::mt19937 random(7);
        for (char& c : bytes) {
            c = static_cast<char>(random());
        }
        std::istringstream file(bytes);
        QVERIFY(store.attachments()
                    .add(*draftId, file, "rapport.pdf", "application/pdf", 1u << 30)
                    .ok());
        auto envelope = amicus::submission::finalizeDraft(*session, setup.dataDir(), *draftId, call,
                                                          call.recipients);
        QVERIFY(envelope.ok());
        QVERIFY(std::filesystem::exists(envelope->path));

        SyncService service(testContext());

        testServices().setSync(&service);
        service.overrideEndpoint("http://127.0.0.1:" + std::to_string(proxy.port()) + "/files",
                                 setup.receiptKey());
        double offset = 0;
        connect(&service, &SyncService::progress, this,
                [&offset](qint64, double at, double, double) { offset = at; });
        service.followSession();

        // Part of it is on the endpoint, the rest held up by the link (the offset the store
        // keeps moves only when a chunk is done, so the screen may still say "waiting").
        DraftsListModel drafts(testServices());
        QTRY_VERIFY_WITH_TIMEOUT(offset > 0, 20000);
        QVERIFY(offset < static_cast<double>(envelope->size));
        auto entry = store.outbox().entry(*draftId);
        QVERIFY(entry.ok());
        QCOMPARE(entry->state, amicus::store::OutboxState::Uploading);
        QVERIFY(entry->uploadUrl.has_value());
        drafts.refresh();
        const auto sending = drafts.sendingOf(static_cast<int>(*draftId));
        QVERIFY(sending == DraftsListModel::Sending::Waiting ||
                sending == DraftsListModel::Sending::PartlySent);

        QElapsedTimer took;
        took.start();
        QVERIFY(drafts.remove(static_cast<int>(*draftId)));
        QVERIFY2(took.elapsed() < 5000, "the delete waited for the stalled transfer");
        QCOMPARE(drafts.count(), 0);
        QCOMPARE(store.drafts().get(*draftId).error().code, amicus::store::StoreErrc::NotFound);
        QCOMPARE(store.outbox().entry(*draftId).error().code, amicus::store::StoreErrc::NotFound);
        QVERIFY(!std::filesystem::exists(envelope->path));

        // The partial upload is terminated on the endpoint; nothing of it stays there.
        QTRY_VERIFY_WITH_TIMEOUT(setup.storedUploads().empty(), 15000);
        // Never written back, never sent again, even when the user asks to send now.
        service.sendNow();
        QTest::qWait(2000);
        QVERIFY(setup.storedUploads().empty());
        auto outbox = store.outbox().listPlain();
        QVERIFY(outbox.ok());
        QVERIFY(outbox->empty());
        auto listed = store.drafts().list();
        QVERIFY(listed.ok());
        QVERIFY(listed->empty());
    }
};

QTEST_MAIN(DeleteWhileSendingTest)

#include "delete_while_sending_test.moc"
