// A finalized submission keeps sending while the app is locked (issue #7 follow-up): the user
// finalizes while offline, the app locks, the network comes back, and the SyncService delivers
// with the vault locked, against the real reference endpoint; the outbox screen shows it
// delivered with its receipt after the next unlock; erase everything stops the sender.
#include "app_context.h"
#include "app_settings.h"
#include "crypto/age_keys.h"
#include "draft_editor.h"
#include "draft_writing.h"
#include "fake/fake_connectivity.h"
#include "outbox_list_model.h"
#include "send_test_setup.h"
#include "store/age_blob_encryptor.h"
#include "sync/detachable_sealer.h"
#include "sync_service.h"
#include "test_services.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

using amicus::app::AppContext;
using amicus::app::SyncService;

namespace {

const char* const kPassphrase = "sent from a pocket";

// Reads the outbox's plain columns without any key, as anyone holding the locked phone could.
std::optional<amicus::store::OutboxPlainEntry> plainRow(const std::filesystem::path& dataDir)
{
    static amicus::sync::DetachableSealer noKeys; // never attached: every sealing fails
    const amicus::store::AgeBlobEncryptor blobs(
        amicus::crypto::X25519Identity::generate()->recipient());
    auto store = amicus::store::VaultStore::open(amicus::store::DataLayout::storePaths(dataDir),
                                                 noKeys, blobs);
    if (!store) {
        return std::nullopt;
    }
    auto rows = store->outbox().listPlain();
    if (!rows || rows->size() != 1) {
        return std::nullopt;
    }
    return rows->front();
}

// Every file under `dir` whose bytes contain `needle`.
std::vector<std::filesystem::path> filesContaining(const std::filesystem::path& dir,
                                                   const std::string& needle)
{
    std::vector<std::filesystem::path> found;
    for (const auto& item : std::filesystem::recursive_directory_iterator(dir)) {
        if (!item.is_regular_file()) {
            continue;
        }
        std::ifstream in(item.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), {});
        if (bytes.find(needle) != std::string::npos) {
            found.push_back(item.path());
        }
    }
    return found;
}

} // namespace

class LockedSendTest : public QObject {
    Q_OBJECT

private slots:
    void aSubmissionFinalizedOfflineIsDeliveredWhileLockedAndShownAfterUnlock()
    {
        QTemporaryDir root;
        const std::filesystem::path base = root.path().toStdString();
        // An unlocked vault, a secretariat whose call the catalog holds, the real endpoint.
        amicus::app::testing::SendTestSetup setup(base);
        const std::string error = setup.start(kPassphrase);
        QVERIFY2(error.empty(), error.c_str());
        const auto dataDir = setup.dataDir();
        AppContext& context = testContext();

        // Offline in the field.
        amicus::platform::FakeConnectivity network({false, false, true});
        SyncService service(testContext());
        testServices().setSync(&service);
        service.setConnectivity(&network);
        service.overrideEndpoint(setup.uploadUrl(), setup.receiptKey());
        service.followSession();

        DraftEditor editor(testServices());
        const int draftId = amicus::app::testing::writeDraft(
            editor, setup.call(),
            {.language = QStringLiteral("es"),
             .organization = QStringLiteral("Colectivo Bolsillo"),
             .country = QStringLiteral("Bolivia"),
             .consent = DraftEditor::Consent::Confidential,
             .answer = QStringLiteral("Respuesta escrita antes de guardar el teléfono."),
             .photoName = QStringLiteral("foto.jpg"),
             .photoBytes = 2'000'000},
            QDir(root.path()));
        QVERIFY(draftId >= 0);
        QCOMPARE(editor.saveState(), DraftEditor::SaveState::Saved);

        QVERIFY(amicus::app::testing::sendThroughReview(testServices(), draftId));

        OutboxListModel outbox(testServices());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(outbox.data(outbox.index(0), OutboxListModel::StateRole).toInt(),
                                  static_cast<int>(OutboxListModel::State::Waiting), 10000);
        QCOMPARE(outbox.data(outbox.index(0), OutboxListModel::ReasonRole).toInt(),
                 static_cast<int>(OutboxListModel::Reason::Offline));

        // The phone goes into the pocket and locks (what AutoLock does after its delay).
        context.closeSession();
        QVERIFY(context.session() == nullptr);
        QVERIFY(service.running());
        QCOMPARE(outbox.count(), 0); // nothing to show while locked

        // A network appears: the sender delivers, locked.
        network.setStatus({true, false, true});
        QTRY_VERIFY_WITH_TIMEOUT(plainRow(dataDir) && plainRow(dataDir)->entry.state ==
                                                          amicus::store::OutboxState::Delivered,
                                 30000);
        QVERIFY(context.session() == nullptr);
        const auto row = plainRow(dataDir);
        QVERIFY(row->hasLockedNote); // the receipt waits, encrypted to the vault, for the unlock
        QVERIFY(!row->hasReceipt);   // nothing was sealed without the key
        QVERIFY(!row->hasUploadUrl); // the upload was created while locked
        QCOMPARE(row->entry.uploadOffset, *row->entry.envelopeSize);
        // Nothing typed, nor the upload's id or the receipt, is readable in the data directory
        // while locked (the scan does find the organisation in a file where it is plain).
        const auto uploads = setup.storedUploads();
        QVERIFY(!uploads.empty());
        const std::string uploadId = uploads.back().filename().string();
        std::ofstream(base / "plain-marker.txt") << "Colectivo Bolsillo";
        QVERIFY(!filesContaining(base, "Colectivo Bolsillo").empty());
        for (const std::string marker : {"Colectivo Bolsillo", "Respuesta escrita", "Bolivia",
                                         "foto.jpg", uploadId.c_str(), "/files/"}) {
            const auto found = filesContaining(dataDir, marker);
            QVERIFY2(found.empty(),
                     (marker + " in " + (found.empty() ? std::string() : found.front().string()))
                         .c_str());
        }

        // Unlock: the outbox screen shows it delivered, with its receipt.
        auto reopened =
            amicus::store::VaultSession::open(dataDir, kPassphrase, setup.vaultOptions());
        QVERIFY(reopened.ok());
        context.adoptSession(std::move(reopened).value());
        QTRY_COMPARE_WITH_TIMEOUT(outbox.count(), 1, 5000);
        QCOMPARE(outbox.data(outbox.index(0), OutboxListModel::StateRole).toInt(),
                 static_cast<int>(OutboxListModel::State::Delivered));
        QCOMPARE(outbox.data(outbox.index(0), OutboxListModel::ReceiptHashRole).toString().size(),
                 16);
        QVERIFY(!plainRow(dataDir)->hasLockedNote);

        // Exactly one upload, and the secretariat opens it.
        const auto stored = setup.storedUploads();
        QCOMPARE(stored.size(), std::size_t{1});
        const auto text = setup.openAsSecretariat(stored.front());
        QVERIFY(text.has_value());
        QVERIFY(text->find("Colectivo Bolsillo") != std::string::npos);

        // Erase everything stops the sender before the files go, and leaves nothing.
        AppSettings settings(testServices());
        QSignalSpy erased(&settings, &AppSettings::erased);
        settings.eraseEverything();
        QCOMPARE(erased.count(), 1);
        QVERIFY(!service.running());
        QVERIFY(!std::filesystem::exists(amicus::store::DataLayout::storePaths(dataDir).database));
        QVERIFY(!std::filesystem::exists(amicus::store::DataLayout::vaultDir(dataDir) /
                                         amicus::crypto::Vault::identityFileName));
    }
};

QTEST_GUILESS_MAIN(LockedSendTest)
#include "locked_send_test.moc"
