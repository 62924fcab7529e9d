// kill -9 of the client process at random moments during sync, many times: every submission
// must end delivered exactly once (one receipt, one complete upload), byte-identical, with a
// receipt that verifies.
#include "crypto/base64.h"
#include "sync/file_outbox_repository.h"
#include "sync/receipt.h"
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

TEST(SyncKill, EverySubmissionIsDeliveredExactlyOnceThroughRandomKills)
{
    TempDir dir;
    EndpointServer server(dir.path() / "server");
    ASSERT_TRUE(server.ok());
    const auto key = makeAgeKey(dir.path());
    ASSERT_FALSE(key.recipient.empty());
    const std::string keyBase64 = crypto::base64Encode(server.receiptKey());

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
        FileOutboxRepository repository(outbox.string());
        for (int i = 0; i < 3; ++i) {
            const std::string id =
                "kill-" + std::to_string(round) + "-" + std::to_string(i) + "-subm";
            const auto plain = dir.path() / (id + ".plain");
            const auto envelope = dir.path() / (id + ".age");
            writeRandomFile(
                plain, std::uniform_int_distribution<std::uint64_t>(2 << 20, 8 << 20)(rng), rng());
            ASSERT_TRUE(ageEncrypt(key, plain, envelope));
            ASSERT_TRUE(repository.save(recordFor(i + 1, id, envelope)).ok());
            all.emplace_back(id, envelope);
        }
        for (int attempt = 0; attempt < 200; ++attempt) {
            ChildProcess client;
            ASSERT_TRUE(client.start({SYNC_CLIENT_PATH, "--outbox", outbox.string(), "--origin",
                                      server.origin(), "--key", keyBase64, "--chunk", "262144"},
                                     (dir.path() / "client.log").string()));
            const auto delay = std::uniform_int_distribution<int>(0, 150)(rng);
            const auto deadline =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(delay);
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
                ASSERT_TRUE(WIFSIGNALED(status));
                ++kills;
                continue;
            }
            ASSERT_TRUE(WIFEXITED(status));
            ASSERT_EQ(WEXITSTATUS(status), 0) << "client gave up; see client.log";
            ++completedRuns;
            break;
        }
        auto records = repository.list();
        ASSERT_TRUE(records.ok());
        for (const auto& record : *records) {
            EXPECT_EQ(record.state, OutboxState::Delivered) << record.submissionId;
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
    std::cout << "kills: " << kills << ", rounds: " << round << ", submissions: " << all.size()
              << ", unfinished orphan uploads (created, never written, left to expire): " << orphans
              << std::endl;
}

} // namespace
} // namespace amicus::sync
