// kill -9 of the client process at random moments during sync, many times: every submission
// must end delivered exactly once (one receipt, one complete upload), byte-identical, with a
// receipt that verifies.
#include "crypto/base64.h"
#include "store/vault_session.h"
#include "sync/file_outbox_repository.h"
#include "sync/receipt.h"
#include "sync/store_outbox_repository.h"
#include "sync_test_support.h"

#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>

namespace amicus::sync {
namespace {

namespace fs = std::filesystem;
using namespace amicus::sync::testing;

std::string submissionOfUpload(const fs::path& info)
{
    std::ifstream in(info);
    std::stringstream text;
    text << in.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded() || !document.contains("metadata")) {
        return "";
    }
    return document["metadata"].value("submission_id", "");
}

// The outbox the client process keeps: a JSON file, or the real vault store (SQLite).
enum class Backend { File, Store };

class SyncKill : public ::testing::TestWithParam<Backend> {};

TEST_P(SyncKill, EverySubmissionIsDeliveredExactlyOnceThroughRandomKills)
{
    TempDir dir;
    EndpointServer server(dir.path() / "server");
    ASSERT_TRUE(server.ok());
    const auto key = makeAgeKey(dir.path());
    ASSERT_FALSE(key.recipient.empty());
    const std::string keyBase64 = crypto::base64Encode(server.receiptKey());
    const bool useStore = GetParam() == Backend::Store;
    const auto dataDir = dir.path() / "app";
    const std::string passphrase = "correct horse battery staple";
    std::unique_ptr<store::VaultSession> session;
    if (useStore) {
        crypto::VaultOptions fast;
        fast.scryptWorkFactor = 10; // the test opens the vault once per client process
        auto created = store::VaultSession::create(dataDir, passphrase, fast);
        ASSERT_TRUE(created.ok()) << created.error().detail;
        session = std::move(created.value());
        fs::create_directories(dataDir / "outbox");
    }

    std::mt19937 rng(20261128);
    const int wantedKills = 50;
    int kills = 0;
    int completedRuns = 0;
    int round = 0;
    std::vector<std::pair<std::string, fs::path>> all; // submission id, envelope
    const auto started = std::chrono::steady_clock::now();
    while (kills < wantedKills) {
        ASSERT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(100));
        // A round: three submissions of 2-8 MiB in one outbox, sent by a client we keep killing.
        const auto outbox = dir.path() / ("outbox-" + std::to_string(round) + ".json");
        std::unique_ptr<OutboxRepository> repository;
        if (useStore) {
            repository =
                std::make_unique<StoreOutboxRepository>(session->store(), dataDir / "outbox");
        } else {
            repository = std::make_unique<FileOutboxRepository>(outbox.string());
        }
        std::set<std::string> roundIds;
        for (int i = 0; i < 3; ++i) {
            std::string id = "kill-" + std::to_string(round) + "-" + std::to_string(i) + "-subm";
            std::int64_t draftId = i + 1;
            if (useStore) {
                auto created = session->store().drafts().create("test-call");
                ASSERT_TRUE(created.ok());
                draftId = *created;
                id = session->store().drafts().get(draftId)->submissionId;
                ASSERT_TRUE(session->store()
                                .drafts()
                                .setStatus(draftId, store::DraftStatus::Finalized)
                                .ok());
            }
            const auto plain = dir.path() / (id + ".plain");
            const auto envelope =
                useStore ? dataDir / "outbox" / (id + ".age") : dir.path() / (id + ".age");
            writeRandomFile(
                plain, std::uniform_int_distribution<std::uint64_t>(2 << 20, 8 << 20)(rng), rng());
            ASSERT_TRUE(ageEncrypt(key, plain, envelope));
            if (useStore) {
                store::OutboxEntry entry;
                entry.draftId = draftId;
                entry.envelopeName = id + ".age";
                entry.envelopeSize = fs::file_size(envelope);
                ASSERT_TRUE(session->store().outbox().put(entry).ok());
            } else {
                ASSERT_TRUE(repository->save(recordFor(draftId, id, envelope)).ok());
            }
            all.emplace_back(id, envelope);
            roundIds.insert(id);
        }
        std::vector<std::string> clientArgs = {
            SYNC_CLIENT_PATH, "--origin", server.origin(), "--key", keyBase64, "--chunk", "262144"};
        if (useStore) {
            clientArgs.insert(clientArgs.end(),
                              {"--store", dataDir.string(), "--passphrase", passphrase});
        } else {
            clientArgs.insert(clientArgs.end(), {"--outbox", outbox.string()});
        }
        for (int attempt = 0; attempt < 200; ++attempt) {
            ChildProcess client;
            ASSERT_TRUE(client.start(clientArgs, (dir.path() / "client.log").string()));
            ASSERT_TRUE(client.waitForLine("ready", std::chrono::seconds(20)).has_value());
            // Random moments in the sync; the window widens with each try so a slow build
            // (sanitizers) still progresses, and once enough kills are done the round finishes.
            const int widest = 150 + 25 * attempt;
            const auto delay =
                kills >= wantedKills
                    ? std::chrono::milliseconds(60'000)
                    : std::chrono::milliseconds(std::uniform_int_distribution<int>(0, widest)(rng));
            const auto deadline = std::chrono::steady_clock::now() + delay;
            int status = -1;
            while (std::chrono::steady_clock::now() < deadline) {
                status = client.wait(std::chrono::milliseconds(1));
                if (status != -1) {
                    break;
                }
            }
            if (status == -1) {
                client.signal(SIGKILL);
                status = client.wait(std::chrono::seconds(10));
                // The client may have exited between the last look and the kill (a sanitizer
                // build spends a while in exit): then it finished, and is judged as such below.
                if (!WIFEXITED(status)) {
                    ASSERT_TRUE(WIFSIGNALED(status)) << "wait status " << status;
                    ++kills;
                    continue;
                }
            }
            ASSERT_TRUE(WIFEXITED(status));
            ASSERT_EQ(WEXITSTATUS(status), 0) << "client gave up; see client.log";
            ++completedRuns;
            break;
        }
        auto records = repository->list();
        ASSERT_TRUE(records.ok());
        for (const auto& record : *records) {
            if (roundIds.count(record.submissionId)) {
                EXPECT_EQ(record.state, OutboxState::Delivered) << record.submissionId;
                EXPECT_TRUE(record.receipt.has_value());
            }
        }
        ++round;
    }
    ASSERT_EQ(completedRuns, round);

    // Exactly once: one receipt per submission, and one complete upload, the receipt's.
    auto receiptKey = crypto::Ed25519PublicKey::fromRaw(server.receiptKey());
    ASSERT_TRUE(receiptKey.ok());
    std::map<std::string, int> completeBySubmission;
    for (const auto& id : server.completeUploads()) {
        completeBySubmission[submissionOfUpload(server.dataDir() / "uploads" / (id + ".json"))]++;
    }
    int orphans = static_cast<int>(server.allUploads().size() - server.completeUploads().size());
    EXPECT_EQ(server.receiptFiles().size(), all.size());
    for (const auto& [id, envelope] : all) {
        SCOPED_TRACE(id);
        EXPECT_EQ(completeBySubmission[id], 1);
        std::ifstream in(server.dataDir() / "receipts" / (id + ".json"));
        std::stringstream text;
        text << in.rdbuf();
        auto signedReceipt = decodeReceiptDocument(text.str());
        ASSERT_TRUE(signedReceipt.ok()) << text.str();
        auto receipt = verifyReceipt(*signedReceipt, *receiptKey,
                                     {id, fs::file_size(envelope), sha256File(envelope)});
        ASSERT_TRUE(receipt.ok()) << receipt.error().detail;
        EXPECT_TRUE(sameBytes(server.dataDir() / "uploads" / receipt->uploadId, envelope));
    }
    std::cout << (useStore ? "store" : "file") << " outbox: kills: " << kills
              << ", rounds: " << round << ", submissions: " << all.size()
              << ", unfinished orphan uploads (created, never written, left to expire): " << orphans
              << std::endl;
}

INSTANTIATE_TEST_SUITE_P(Outbox, SyncKill, ::testing::Values(Backend::File, Backend::Store),
                         [](const auto& info) {
                             return info.param == Backend::File ? "File" : "Store";
                         });

} // namespace
} // namespace amicus::sync
