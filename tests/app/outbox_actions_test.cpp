// The outbox's actions against the real reference endpoint, through the app's view models and
// its real sender: a submission the endpoint finds too large is made again as an editable copy
// that goes through, and the original is removed from the outbox (its package gone, its draft
// kept); one the endpoint refuses is tried again at once on the user's word; one whose receipt
// could not be verified is delivered — exactly once — when tried again with the right key.
#include "app_context.h"
#include "draft_editor.h"
#include "outbox_list_model.h"
#include "send_test_setup.h"
#include "submission/draft_finalizer.h"
#include "submission_review.h"
#include "sync_service.h"
#include "test_services.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using amicus::app::AppContext;
using amicus::app::SyncService;

namespace {

constexpr auto kPassphrase = "outbox actions words";

// The row of draft `draftId` in `outbox`, or -1.
int rowOf(const OutboxListModel& outbox, int draftId)
{
    for (int i = 0; i < outbox.rowCount(); ++i) {
        if (outbox.data(outbox.index(i), OutboxListModel::DraftIdRole).toInt() == draftId) {
            return i;
        }
    }
    return -1;
}

QVariant roleOf(const OutboxListModel& outbox, int draftId, int role)
{
    const int row = rowOf(outbox, draftId);
    return row < 0 ? QVariant() : outbox.data(outbox.index(row), role);
}

constexpr int kNeedsAttention = static_cast<int>(OutboxListModel::State::NeedsAttention);
constexpr int kDelivered = static_cast<int>(OutboxListModel::State::Delivered);

} // namespace

class OutboxActionsTest : public QObject {
    Q_OBJECT

private:
    // A finished draft of call `callId` with a file of `fileBytes` bytes (none when 0), sent
    // from the review's view model into the outbox. Returns its id, or -1.
    int submit(const QString& callId, const QString& organization, int fileBytes)
    {
        DraftEditor editor(testServices());
        const int draftId = editor.createDraft(callId, QStringLiteral("en"));
        editor.setOrganization(organization);
        editor.setCountry(QStringLiteral("Senegal"));
        editor.setConsent(DraftEditor::Consent::Public);
        editor.setAnswer(QString::fromStdString(setup_->call().questions.front().id),
                         QStringLiteral("What we saw on the ground."));
        if (fileBytes > 0) {
            QFile file(root_->filePath(organization + QStringLiteral(".pdf")));
            if (!file.open(QIODevice::WriteOnly)) {
                return -1;
            }
            file.write(QByteArray(fileBytes, 'f'));
            file.close();
            if (!editor.addAttachment(QUrl::fromLocalFile(file.fileName()))) {
                return -1;
            }
        }
        return send(draftId) ? draftId : -1;
    }

    bool send(int draftId)
    {
        SubmissionReview review(testServices());
        review.setDraftId(draftId);
        if (!review.issues().isEmpty()) {
            return false;
        }
        QSignalSpy sent(&review, &SubmissionReview::sent);
        review.send();
        return sent.wait(30000);
    }

    std::filesystem::path envelopeOf(int draftId) const
    {
        auto entry = testContext().session()->store().outbox().entry(draftId);
        return entry ? amicus::store::DataLayout::outboxDir(setup_->dataDir()) /
                           entry->envelopeName.value_or("")
                     : std::filesystem::path();
    }

    std::unique_ptr<QTemporaryDir> root_;
    std::unique_ptr<amicus::app::testing::SendTestSetup> setup_;

private slots:
    void init()
    {
        root_ = std::make_unique<QTemporaryDir>(); // a vault, an endpoint of each test's own
        QVERIFY(root_->isValid());
        setup_ = std::make_unique<amicus::app::testing::SendTestSetup>(root_->path().toStdString());
    }

    void cleanup()
    {
        testContext().closeSession();
        setup_.reset();
        root_.reset();
    }

    void tooLargeIsSentAgainAsASmallerCopyAndTheOriginalRemoved()
    {
        // The endpoint accepts 60 kB per submission; the draft carries a 200 kB file.
        const std::string error = setup_->start(kPassphrase, {"--max-size", "60000"});
        QVERIFY2(error.empty(), error.c_str());
        const QString callId = QString::fromStdString(setup_->call().id);
        SyncService service(testContext());
        testServices().setSync(&service);
        service.overrideEndpoint(setup_->uploadUrl(), setup_->receiptKey());
        service.followSession();
        OutboxListModel outbox(testServices());

        const int original = submit(callId, QStringLiteral("Ruban Rouge"), 200'000);
        QVERIFY(original >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(outbox, original, OutboxListModel::StateRole).toInt(),
                                  kNeedsAttention, 30000);
        QCOMPARE(roleOf(outbox, original, OutboxListModel::ReasonRole).toInt(),
                 static_cast<int>(OutboxListModel::Reason::TooLarge));

        // The copy: everything, the file included; without the file it is small enough.
        const int copy = outbox.makeEditableCopy(original);
        QVERIFY(copy >= 0);
        QCOMPARE(outbox.copyProblem(), Problem::None);
        QCOMPARE(roleOf(outbox, original, OutboxListModel::CopyIdRole).toInt(), copy);
        DraftEditor editor(testServices());
        editor.setDraftId(copy);
        QCOMPARE(editor.organization(), QStringLiteral("Ruban Rouge"));
        QCOMPARE(editor.attachments().size(), 1);
        editor.removeAttachment(editor.attachments().front().toMap().value("id").toInt());
        QCOMPARE(editor.attachments().size(), 0);
        QVERIFY(send(copy));
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(outbox, copy, OutboxListModel::StateRole).toInt(),
                                  kDelivered, 30000);

        // The original leaves the outbox; its package goes, its draft stays.
        const auto envelope = envelopeOf(original);
        QVERIFY(std::filesystem::exists(envelope));
        QVERIFY(outbox.remove(original));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(outbox, original), -1, 10000);
        QVERIFY(!std::filesystem::exists(envelope));
        auto& store = testContext().session()->store();
        QVERIFY(!store.outbox().entry(original).ok());
        QCOMPARE(store.drafts().get(original)->status, amicus::store::DraftStatus::Finalized);
        QCOMPARE(store.drafts().get(original)->attachments.size(), std::size_t(1));
        QCOMPARE(outbox.count(), 1);

        // What arrived is the copy, once.
        const auto stored = setup_->storedUploads();
        QCOMPARE(stored.size(), std::size_t(1));
        const auto json = setup_->openAsSecretariat(stored.front());
        QVERIFY(json.has_value());
        QVERIFY(json->find(store.drafts().get(copy)->submissionId) != std::string::npos);
    }

    void refusedIsTriedAgainAtOnceOnTheUsersWord()
    {
        const std::string error = setup_->start(kPassphrase);
        QVERIFY2(error.empty(), error.c_str());
        // A call whose id the endpoint refuses (over 256 characters: 400 invalid_call_id).
        AppContext& context = testContext();
        auto catalog = std::make_shared<amicus::calls::Catalog>(*context.catalog());
        amicus::calls::Call odd = setup_->call();
        odd.id = std::string(300, 'c');
        catalog->calls.push_back(odd);
        context.setCatalog(catalog);
        SyncService service(testContext());
        testServices().setSync(&service);
        service.overrideEndpoint(setup_->uploadUrl(), setup_->receiptKey());
        service.followSession();
        OutboxListModel outbox(testServices());

        const int draftId = submit(QString::fromStdString(odd.id), QStringLiteral("Horizon"), 0);
        QVERIFY(draftId >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(outbox, draftId, OutboxListModel::StateRole).toInt(),
                                  kNeedsAttention, 30000);
        QCOMPARE(roleOf(outbox, draftId, OutboxListModel::ReasonRole).toInt(),
                 static_cast<int>(OutboxListModel::Reason::Refused));
        QCOMPARE(
            roleOf(outbox, draftId, OutboxListModel::SubmissionIdRole).toString(),
            QString::fromStdString(context.session()->store().drafts().get(draftId)->submissionId));
        QVERIFY(roleOf(outbox, draftId, OutboxListModel::IssuingBodyRole)
                    .toString()
                    .contains(QStringLiteral("Expert Mechanism")));

        // Left alone, it stays as it is; on the user's word the sender asks the endpoint again
        // (queued, uploading, refused again: three saved states).
        QSignalSpy changes(&service, &SyncService::outboxChanged);
        outbox.sendNow();
        QTest::qWait(500);
        QCOMPARE(changes.count(), 0);
        QVERIFY(outbox.tryAgain(draftId));
        QTRY_VERIFY_WITH_TIMEOUT(changes.count() >= 3, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(outbox, draftId, OutboxListModel::StateRole).toInt(),
                                  kNeedsAttention, 30000);
        QCOMPARE(*context.session()->store().outbox().entry(draftId)->lastErrorCode,
                 std::string("refused"));
        QVERIFY(setup_->storedUploads().empty());
    }

    void anUnverifiedReceiptIsAskedForAgainAndDeliveredOnce()
    {
        const std::string error = setup_->start(kPassphrase);
        QVERIFY2(error.empty(), error.c_str());
        const QString callId = QString::fromStdString(setup_->call().id);
        int draftId = -1;
        {
            // A receipt key that is not the endpoint's: the upload completes, the receipt fails.
            auto wrongKey = setup_->receiptKey();
            wrongKey[0] ^= 0x55;
            SyncService service(testContext());
            testServices().setSync(&service);
            service.overrideEndpoint(setup_->uploadUrl(), wrongKey);
            service.followSession();
            OutboxListModel outbox(testServices());
            draftId = submit(callId, QStringLiteral("Ruban Rouge"), 50'000);
            QVERIFY(draftId >= 0);
            QTRY_COMPARE_WITH_TIMEOUT(roleOf(outbox, draftId, OutboxListModel::StateRole).toInt(),
                                      kNeedsAttention, 30000);
            QCOMPARE(roleOf(outbox, draftId, OutboxListModel::ReasonRole).toInt(),
                     static_cast<int>(OutboxListModel::Reason::ReceiptInvalid));
            QVERIFY(roleOf(outbox, draftId, OutboxListModel::UploadStartedRole).toBool());
        }
        QCOMPARE(setup_->storedUploads().size(), std::size_t(1));

        // With the right key (a fixed catalog, the next start), "Try again now" delivers it.
        SyncService service(testContext());
        testServices().setSync(&service);
        service.overrideEndpoint(setup_->uploadUrl(), setup_->receiptKey());
        service.followSession();
        OutboxListModel outbox(testServices());
        QTest::qWait(500);
        QCOMPARE(roleOf(outbox, draftId, OutboxListModel::StateRole).toInt(), kNeedsAttention);
        QVERIFY(outbox.tryAgain(draftId));
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(outbox, draftId, OutboxListModel::StateRole).toInt(),
                                  kDelivered, 30000);
        QCOMPARE(roleOf(outbox, draftId, OutboxListModel::ReceiptHashRole).toString().size(), 16);
        QCOMPARE(setup_->storedUploads().size(), std::size_t(1)); // the same upload, once
    }
};

QTEST_GUILESS_MAIN(OutboxActionsTest)
#include "outbox_actions_test.moc"
