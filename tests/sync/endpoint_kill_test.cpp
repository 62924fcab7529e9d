// kill -9 of the endpoint while the app's sender (the outbox engine and libcurl) is sending
// (#15, finding 6): restarted on the same port over the same data, the endpoint tells the
// sender where to resume, and the submission ends delivered exactly once, byte-identical,
// with a receipt that names bytes the endpoint holds.
#include "crypto/base64.h"
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"
#include "sync/receipt.h"
#include "sync_test_support.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

namespace amicus::sync {
namespace {

namespace fs = std::filesystem;
using namespace amicus::sync::testing;

// Bytes the endpoint holds so far for its only upload.
std::uint64_t bytesStored(const fs::path& uploads)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(uploads, ec)) {
        if (entry.path().extension() != ".json") {
            return entry.file_size(ec);
        }
    }
    return 0;
}

TEST(EndpointKill, TheSenderFinishesAfterTheEndpointIsKilledMidPatch)
{
    TempDir dir;
    const fs::path serverData = dir.path() / "server";
    auto server = std::make_unique<EndpointServer>(serverData);
    ASSERT_TRUE(server->ok()) << readFile(serverData / "server.log");
    const int port = server->port();
    const auto receiptKey = server->receiptKey();

    const auto key = makeAgeKey(dir.path());
    ASSERT_FALSE(key.recipient.empty());
    const fs::path plain = dir.path() / "sub.plain";
    const fs::path envelope = dir.path() / "sub.age";
    writeRandomFile(plain, 24 * 1024 * 1024, 11);
    ASSERT_TRUE(ageEncrypt(key, plain, envelope));
    const auto size = fs::file_size(envelope);

    const CallEndpoint endpoint =
        endpointAt("http://127.0.0.1:" + std::to_string(port), receiptKey);
    FileOutboxRepository repository((dir.path() / "outbox.json").string());
    OneCallDirectory directory("test-call", endpoint);
    OutboxEngineOptions options;
    options.tus.fixedChunk = 4 * 1024 * 1024;
    options.tus.connectTimeout = std::chrono::milliseconds(2000);
    options.backoffBase = std::chrono::milliseconds(10);
    options.backoffCap = std::chrono::milliseconds(50);
    OutboxEngine engine(
        repository, directory, wallClockMs, [] { return std::random_device{}(); }, options);
    ASSERT_TRUE(engine.enqueue(recordFor(1, "sub-endpoint-kill-1", envelope)).ok());

    // The first run: the endpoint dies under it once part of the envelope is stored.
    std::atomic<bool> ran{false};
    std::thread sender([&] {
        (void)engine.runDue();
        ran = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (bytesStored(serverData / "uploads") < 2 * 1024 * 1024 && !ran &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    const std::uint64_t atKill = bytesStored(serverData / "uploads");
    server->killHard();
    sender.join();
    ASSERT_GT(atKill, 0u) << "the endpoint was killed before any byte arrived";
    ASSERT_LT(atKill, size) << "the endpoint was killed only after the last byte";
    auto records = repository.list();
    ASSERT_TRUE(records.ok() && records->size() == 1u);
    EXPECT_NE(records->front().state, OutboxState::Delivered);
    EXPECT_TRUE(records->front().uploadUrl.has_value()) << "the URL was stored before sending";

    // Back on the same port over the same data; the sender resumes with its backoff.
    server = std::make_unique<EndpointServer>(
        serverData, std::vector<std::string>{"--port", std::to_string(port)});
    ASSERT_TRUE(server->ok()) << readFile(serverData / "server.log");
    OutboxRecord record;
    for (int i = 0; i < 100; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
        ASSERT_TRUE(engine.runDue().ok());
        record = repository.list()->front();
        if (record.state == OutboxState::Delivered) {
            break;
        }
    }
    ASSERT_EQ(record.state, OutboxState::Delivered)
        << (record.lastError ? syncErrorName(*record.lastError) : "") << " "
        << record.lastErrorDetail;
    ASSERT_TRUE(record.receipt.has_value());
    const auto document = decodeReceiptDocument(*record.receipt);
    ASSERT_TRUE(document.ok());
    const auto fields = nlohmann::json::parse(document->receiptJson);
    EXPECT_EQ(fields["size"].get<std::uint64_t>(), size);

    // One upload, one receipt, and the receipt names bytes that are there and are ours.
    ASSERT_EQ(server->receiptFiles().size(), 1u);
    ASSERT_EQ(server->completeUploads().size(), 1u);
    const fs::path stored = serverData / "uploads" / fields["upload_id"].get<std::string>();
    EXPECT_TRUE(sameBytes(stored, envelope));
}

} // namespace
} // namespace amicus::sync
