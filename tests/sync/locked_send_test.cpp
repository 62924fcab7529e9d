// Sending while the vault is locked, against the real reference endpoint (sync/README.md,
// "Sending while locked"): the vault locks mid-upload and the upload still finishes with a
// verified receipt; nothing personal, nor the upload URL or receipt, is readable on disk while
// locked; the next unlock folds the locked notes back; a client killed -9 while locked, after
// it learnt a new upload URL, resumes that same upload after the next unlock and delivers once;
// erase everything leaves nothing.
#include "crypto/base64.h"
#include "store/age_blob_encryptor.h"
#include "store/vault_session.h"
#include "sync/detachable_sealer.h"
#include "sync/outbox_engine.h"
#include "sync/receipt.h"
#include "sync/store_outbox_repository.h"
#include "sync_test_support.h"

#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <thread>

namespace amicus::sync {
namespace {

namespace fs = std::filesystem;
using namespace amicus::sync::testing;

// Personal values written into the draft (sealed) and the envelope (age): none may be found
// in the clear anywhere under the data directory.
const std::string kOrganization = "Marker Organisation Zebra-7731";
const std::string kContact = "marker.contact.7731@example.org";
const std::string kAnswer = "Marker answer about community policing 7731";
const std::string kAttachmentName = "marker-attachment-7731.pdf";
const std::string kPassphrase = "locked pockets still deliver";

crypto::VaultOptions fastVault()
{
    crypto::VaultOptions options;
    options.scryptWorkFactor = 10;
    return options;
}

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every file under `dir` whose bytes contain `needle`.
std::vector<fs::path> filesContaining(const fs::path& dir, const std::string& needle)
{
    std::vector<fs::path> found;
    if (!fs::exists(dir)) {
        return found;
    }
    for (const auto& item : fs::recursive_directory_iterator(dir)) {
        if (item.is_regular_file() && readText(item.path()).find(needle) != std::string::npos) {
            found.push_back(item.path());
        }
    }
    return found;
}

struct Prepared {
    std::int64_t draftId = 0;
    std::string submissionId;
    fs::path envelope;
};

// A finalized draft holding the markers, its envelope (age CLI, to the secretariat key, the
// markers inside) in DATADIR/outbox and its outbox entry, as finalize leaves them.
Prepared prepareSubmission(store::VaultSession& session, const fs::path& dataDir,
                           const fs::path& work, const AgeKey& key, std::uint64_t size)
{
    auto& store = session.store();
    Prepared prepared;
    auto draftId = store.drafts().create("test-call");
    EXPECT_TRUE(draftId.ok());
    prepared.draftId = *draftId;
    prepared.submissionId = store.drafts().get(prepared.draftId)->submissionId;
    EXPECT_TRUE(store.drafts()
                    .saveField(prepared.draftId, store::DraftField::Organization, kOrganization)
                    .ok());
    EXPECT_TRUE(
        store.drafts().saveField(prepared.draftId, store::DraftField::Contact, kContact).ok());
    EXPECT_TRUE(store.drafts().saveAnswer(prepared.draftId, "q1", kAnswer).ok());
    std::istringstream attachment("attachment bytes of " + kAttachmentName);
    EXPECT_TRUE(store.attachments()
                    .add(prepared.draftId, attachment, kAttachmentName, "application/pdf", 1 << 20)
                    .ok());
    const fs::path plain = work / (prepared.submissionId + ".tar");
    writeRandomFile(plain, size, 7731);
    std::ofstream(plain, std::ios::app) << kOrganization << kContact << kAnswer << kAttachmentName;
    fs::create_directories(dataDir / "outbox");
    prepared.envelope = dataDir / "outbox" / (prepared.submissionId + ".age");
    EXPECT_TRUE(ageEncrypt(key, plain, prepared.envelope));
    store::OutboxEntry entry;
    entry.draftId = prepared.draftId;
    entry.envelopeName = prepared.submissionId + ".age";
    entry.envelopeSize = fs::file_size(prepared.envelope);
    EXPECT_TRUE(store.outbox().put(entry).ok());
    EXPECT_TRUE(store.drafts().setStatus(prepared.draftId, store::DraftStatus::Finalized).ok());
    return prepared;
}

// Locks the vault (as AppContext's lock path does: sealer first, then the keys) once the
// server holds `lockAt` bytes.
class LockingObserver : public OutboxObserver {
public:
    LockingObserver(DetachableSealer& sealer, store::VaultSession& session, std::uint64_t lockAt)
        : sealer_(sealer), session_(session), lockAt_(lockAt)
    {
    }
    void onStateChanged(const OutboxRecord& record) override
    {
        if (locked_) {
            statesAfterLock.push_back(record.state);
        }
    }
    void onProgress(std::int64_t, const TransferProgress& progress) override
    {
        if (!locked_ && progress.offset >= lockAt_) {
            sealer_.detach();
            session_.lock();
            locked_ = true;
            lockedAt = progress.offset;
            sizeAtLock = progress.size;
        }
    }
    [[nodiscard]] bool locked() const { return locked_; }
    std::uint64_t lockedAt = 0;
    std::uint64_t sizeAtLock = 0;
    std::vector<OutboxState> statesAfterLock;

private:
    DetachableSealer& sealer_;
    store::VaultSession& session_;
    std::uint64_t lockAt_;
    bool locked_ = false;
};

TEST(LockedSend, TheVaultLocksMidUploadAndTheUploadFinishesWithAVerifiedReceipt)
{
    TempDir dir;
    EndpointServer server(dir.path() / "server");
    ASSERT_TRUE(server.ok());
    const auto key = makeAgeKey(dir.path());
    const fs::path dataDir = dir.path() / "app";
    auto created = store::VaultSession::create(dataDir, kPassphrase, fastVault());
    ASSERT_TRUE(created.ok()) << created.error().detail;
    std::unique_ptr<store::VaultSession> session = std::move(created.value());
    const Prepared prepared = prepareSubmission(*session, dataDir, dir.path(), key, 4 << 20);
    const std::uint64_t size = fs::file_size(prepared.envelope);

    // The sender as the app runs it: a store connection of its own sealing through a
    // DetachableSealer, and the vault's recipient for what it learns while locked.
    DetachableSealer sealer;
    sealer.attach(session->vault().fieldSealer());
    const store::AgeBlobEncryptor blobs(session->vault().recipient());
    std::optional<store::VaultStore> senderStore;
    {
        auto opened =
            store::VaultStore::open(store::DataLayout::storePaths(dataDir), sealer, blobs);
        ASSERT_TRUE(opened.ok());
        senderStore.emplace(std::move(*opened));
    }
    StoreOutboxRepository repository(*senderStore, dataDir / "outbox",
                                     session->vault().recipient());
    const OneCallDirectory directory("test-call", endpointAt(server.origin(), server.receiptKey()));
    OutboxEngineOptions options;
    options.tus.fixedChunk = 256 * 1024; // sixteen chunks, fifteen of them after the lock
    std::mt19937_64 rng(1);
    OutboxEngine engine(
        repository, directory, nowMs, [&] { return rng(); }, options);
    // Locks at the first progress report, which comes within the first chunk: the observer
    // hears of progress at most ten times a second, so on a fast idle machine the next report
    // after that can already be the last byte (a threshold of 1 MiB made this test flaky).
    LockingObserver observer(sealer, *session, 0);
    engine.setObserver(&observer);

    auto ran = engine.runDue();
    ASSERT_TRUE(ran.ok()) << ran.error().detail;
    ASSERT_TRUE(observer.locked());
    EXPECT_LT(observer.lockedAt, observer.sizeAtLock) << "the lock came after the last byte";
    EXPECT_FALSE(session->vault().isUnlocked());
    ASSERT_FALSE(observer.statesAfterLock.empty());
    EXPECT_EQ(observer.statesAfterLock.back(), OutboxState::Delivered);

    // Delivered while locked: the engine's view, and the plain columns on disk.
    auto records = repository.list();
    ASSERT_TRUE(records.ok()) << records.error().detail;
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ(records->front().state, OutboxState::Delivered);
    ASSERT_TRUE(records->front().receipt.has_value());
    auto unsealed = session->store().outbox().list();
    ASSERT_FALSE(unsealed.ok());
    EXPECT_EQ(unsealed.error().code, store::StoreErrc::Locked);
    auto plain = session->store().outbox().listPlain();
    ASSERT_TRUE(plain.ok());
    ASSERT_EQ(plain->size(), 1u);
    EXPECT_EQ(plain->front().entry.state, store::OutboxState::Delivered);
    EXPECT_EQ(plain->front().entry.uploadOffset, size);
    EXPECT_TRUE(plain->front().hasLockedNote);
    EXPECT_FALSE(plain->front().hasReceipt) << "sealed while locked?";

    // The endpoint holds it once, and signed for it.
    ASSERT_EQ(server.completeUploads().size(), 1u);
    EXPECT_EQ(server.allUploads().size(), 1u);
    const std::string uploadId = server.completeUploads().front();
    EXPECT_TRUE(sameBytes(server.dataDir() / "uploads" / uploadId, prepared.envelope));
    const auto receiptDocument = nlohmann::json::parse(
        readText(server.dataDir() / "receipts" / (prepared.submissionId + ".json")));
    const std::string signature = receiptDocument.at("signature").get<std::string>();
    ASSERT_GT(signature.size(), 20u);

    // Nothing personal, nor the upload URL or the receipt, in the clear while locked. The scan
    // does find markers where they are plain (the work file the envelope was made from).
    ASSERT_FALSE(filesContaining(dir.path(), kOrganization).empty());
    for (const std::string& marker : {kOrganization, kContact, kAnswer, kAttachmentName, uploadId,
                                      signature, std::string("/files/")}) {
        SCOPED_TRACE(marker);
        EXPECT_EQ(filesContaining(dataDir, marker), std::vector<fs::path>{});
    }

    // The next unlock folds the note back: the receipt is sealed in its column and verifies.
    session.reset();
    auto reopened = store::VaultSession::open(dataDir, kPassphrase, fastVault());
    ASSERT_TRUE(reopened.ok()) << reopened.error().detail;
    auto entries = (*reopened)->store().outbox().list();
    ASSERT_TRUE(entries.ok()) << entries.error().detail;
    ASSERT_EQ(entries->size(), 1u);
    const auto& entry = entries->front();
    EXPECT_EQ(entry.state, store::OutboxState::Delivered);
    ASSERT_TRUE(entry.uploadUrl.has_value());
    EXPECT_NE(entry.uploadUrl->find(uploadId), std::string::npos);
    ASSERT_TRUE(entry.receipt.has_value());
    auto decoded = decodeReceiptDocument(*entry.receipt);
    ASSERT_TRUE(decoded.ok());
    auto receiptKey = crypto::Ed25519PublicKey::fromRaw(server.receiptKey());
    ASSERT_TRUE(receiptKey.ok());
    auto verified = verifyReceipt(*decoded, *receiptKey,
                                  {prepared.submissionId, size, sha256File(prepared.envelope)});
    ASSERT_TRUE(verified.ok()) << verified.error().detail;
    EXPECT_EQ(verified->uploadId, uploadId);
    EXPECT_FALSE((*reopened)->store().outbox().listPlain()->front().hasLockedNote);

    // Erase everything: nothing of it is left, markers or keys.
    reopened->reset();
    senderStore.reset(); // closes the sender's connection
    ASSERT_TRUE(store::VaultSession::eraseDataDirectory(dataDir).ok());
    EXPECT_FALSE(fs::exists(store::DataLayout::storePaths(dataDir).database));
    EXPECT_FALSE(
        fs::exists(store::DataLayout::vaultDir(dataDir) / crypto::Vault::identityFileName));
    for (const std::string& marker : {kOrganization, kContact, kAnswer, uploadId, signature}) {
        EXPECT_EQ(filesContaining(dataDir, marker), std::vector<fs::path>{});
    }
}

TEST(LockedSend, SavesWhileLockedWriteANoteOnlyWhenSealedValuesChange)
{
    TempDir dir;
    const auto key = makeAgeKey(dir.path());
    const fs::path dataDir = dir.path() / "app";
    auto created = store::VaultSession::create(dataDir, kPassphrase, fastVault());
    ASSERT_TRUE(created.ok());
    std::unique_ptr<store::VaultSession> session = std::move(created.value());
    const Prepared prepared = prepareSubmission(*session, dataDir, dir.path(), key, 100'000);

    DetachableSealer sealer;
    sealer.attach(session->vault().fieldSealer());
    const store::AgeBlobEncryptor blobs(session->vault().recipient());
    std::optional<store::VaultStore> senderStore;
    {
        auto opened =
            store::VaultStore::open(store::DataLayout::storePaths(dataDir), sealer, blobs);
        ASSERT_TRUE(opened.ok());
        senderStore.emplace(std::move(*opened));
    }
    StoreOutboxRepository repository(*senderStore, dataDir / "outbox",
                                     session->vault().recipient());
    auto records = repository.list();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), 1u);
    OutboxRecord record = records->front();
    EXPECT_EQ(record.envelopeSha256, sha256File(prepared.envelope));
    record.state = OutboxState::Uploading;
    record.uploadUrl = "https://endpoint.example/files/before-lock";
    record.uploadExpiresAtMs = 1'900'000'000'000;
    ASSERT_TRUE(repository.save(record).ok());

    sealer.detach();
    session->lock();
    // The offset moves: plain column only, no note (nothing sealed changed).
    record.offset = 65'536;
    ASSERT_TRUE(repository.save(record).ok());
    auto plain = senderStore->outbox().listPlain();
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->front().entry.uploadOffset, 65'536u);
    EXPECT_FALSE(plain->front().hasLockedNote);
    // A new upload URL while locked (the old one expired): a note, durable before any byte.
    record.uploadUrl = "https://endpoint.example/files/learnt-while-locked";
    record.offset = 0;
    ASSERT_TRUE(repository.save(record).ok());
    EXPECT_TRUE(senderStore->outbox().listPlain()->front().hasLockedNote);
    // Locked, the repository lists its working set: the URL learnt while locked.
    auto lockedList = repository.list();
    ASSERT_TRUE(lockedList.ok()) << lockedList.error().detail;
    ASSERT_EQ(lockedList->size(), 1u);
    EXPECT_EQ(lockedList->front().uploadUrl, record.uploadUrl);
    // A fresh repository (another process) cannot know the sealed URL: it leaves the entry
    // alone rather than start a second upload.
    StoreOutboxRepository stranger(*senderStore, dataDir / "outbox", session->vault().recipient());
    auto strangerList = stranger.list();
    ASSERT_TRUE(strangerList.ok());
    EXPECT_TRUE(strangerList->empty());

    // The next unlock.
    session.reset();
    auto reopened = store::VaultSession::open(dataDir, kPassphrase, fastVault());
    ASSERT_TRUE(reopened.ok());
    // Opening merged the note: the sealed column has the URL learnt while locked.
    auto merged = (*reopened)->store().outbox().list();
    ASSERT_TRUE(merged.ok());
    EXPECT_EQ(merged->front().uploadUrl, record.uploadUrl);
    EXPECT_EQ(merged->front().uploadExpiresAt, 1'900'000'000'000);
    EXPECT_FALSE((*reopened)->store().outbox().listPlain()->front().hasLockedNote);
    // Stored wait reasons come back as such.
    sealer.attach((*reopened)->vault().fieldSealer());
    record.state = OutboxState::Waiting;
    record.waitReason = WaitReason::UnmeteredOnly;
    ASSERT_TRUE(repository.save(record).ok());
    StoreOutboxRepository fresh(*senderStore, dataDir / "outbox");
    EXPECT_EQ(fresh.list()->front().waitReason, WaitReason::UnmeteredOnly);
    sealer.detach();
}

TEST(LockedSend, KilledWhileLockedAfterLearningTheUploadUrlResumesAfterUnlockDeliveredOnce)
{
    TempDir dir;
    EndpointServer server(dir.path() / "server");
    ASSERT_TRUE(server.ok());
    const auto key = makeAgeKey(dir.path());
    const fs::path dataDir = dir.path() / "app";
    Prepared prepared;
    {
        auto created = store::VaultSession::create(dataDir, kPassphrase, fastVault());
        ASSERT_TRUE(created.ok());
        prepared = prepareSubmission(**created, dataDir, dir.path(), key, 8 << 20);
    }
    const std::uint64_t size = fs::file_size(prepared.envelope);

    // The client locks before it creates the upload, so the URL exists only in its memory and
    // in the locked note; it pauses after each saved chunk so the kill lands mid-upload.
    ChildProcess client;
    ASSERT_TRUE(client.start({SYNC_CLIENT_PATH, "--origin", server.origin(), "--key",
                              crypto::base64Encode(server.receiptKey()), "--chunk", "262144",
                              "--store", dataDir.string(), "--passphrase", kPassphrase,
                              "--lock-when-uploading", "1", "--pause-ms", "100"},
                             (dir.path() / "client.log").string()));
    ASSERT_TRUE(client.waitForLine("locked", std::chrono::seconds(30)).has_value());

    // Watch the plain columns (no key needed) until bytes went out after the lock.
    DetachableSealer noKeys;
    const store::AgeBlobEncryptor blobs(crypto::X25519Identity::generate()->recipient());
    auto watcher = store::VaultStore::open(store::DataLayout::storePaths(dataDir), noKeys, blobs);
    ASSERT_TRUE(watcher.ok());
    std::uint64_t offsetAtKill = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        auto plain = watcher->outbox().listPlain();
        ASSERT_TRUE(plain.ok());
        const auto& row = plain->front();
        if (row.hasLockedNote && row.entry.uploadOffset >= 512 * 1024) {
            offsetAtKill = row.entry.uploadOffset;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    client.signal(SIGKILL);
    const int status = client.wait(std::chrono::seconds(10));
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_GT(offsetAtKill, 0u) << "no locked progress seen; see client.log";
    ASSERT_LT(offsetAtKill, size);
    ASSERT_TRUE(server.completeUploads().empty());
    ASSERT_EQ(server.allUploads().size(), 1u);
    const std::string uploadId = server.allUploads().front();
    // The URL is nowhere in the clear: only the note, which the vault alone opens, has it.
    EXPECT_EQ(filesContaining(dataDir, uploadId), std::vector<fs::path>{});

    // The next unlock merges the note; the sender resumes that very upload.
    auto session = store::VaultSession::open(dataDir, kPassphrase, fastVault());
    ASSERT_TRUE(session.ok()) << session.error().detail;
    auto entries = (*session)->store().outbox().list();
    ASSERT_TRUE(entries.ok());
    ASSERT_TRUE(entries->front().uploadUrl.has_value());
    EXPECT_NE(entries->front().uploadUrl->find(uploadId), std::string::npos);
    StoreOutboxRepository repository((*session)->store(), dataDir / "outbox",
                                     (*session)->vault().recipient());
    const OneCallDirectory directory("test-call", endpointAt(server.origin(), server.receiptKey()));
    std::mt19937_64 rng(2);
    OutboxEngine engine(repository, directory, nowMs, [&] { return rng(); });
    auto ran = engine.runDue();
    ASSERT_TRUE(ran.ok()) << ran.error().detail;
    auto records = repository.list();
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->front().state, OutboxState::Delivered);
    EXPECT_LE(engine.bytesSent(), size - offsetAtKill) << "it started again from zero";

    // Delivered exactly once: the one upload, complete, and a receipt that verifies.
    EXPECT_EQ(server.allUploads(), std::vector<std::string>{uploadId});
    EXPECT_EQ(server.completeUploads(), std::vector<std::string>{uploadId});
    EXPECT_EQ(server.receiptFiles().size(), 1u);
    EXPECT_TRUE(sameBytes(server.dataDir() / "uploads" / uploadId, prepared.envelope));
    auto decoded = decodeReceiptDocument(*records->front().receipt);
    ASSERT_TRUE(decoded.ok());
    auto receiptKey = crypto::Ed25519PublicKey::fromRaw(server.receiptKey());
    auto verified = verifyReceipt(*decoded, *receiptKey,
                                  {prepared.submissionId, size, sha256File(prepared.envelope)});
    EXPECT_TRUE(verified.ok()) << verified.error().detail;
}

} // namespace
} // namespace amicus::sync
