// End-to-end tests of the tus client and outbox engine against the real reference endpoint on
// loopback, with faults injected by fault_proxy.py between them.
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"
#include "sync/tus_upload.h"
#include "sync/withdrawing_repository.h"
#include "sync_test_support.h"

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace amicus::sync {
namespace {

namespace fs = std::filesystem;
using namespace amicus::sync::testing;

// Records every state change and the last progress figure.
class RecordingObserver : public OutboxObserver {
public:
    void onStateChanged(const OutboxRecord& record) override { states.push_back(record.state); }
    void onProgress(std::int64_t, const TransferProgress& progress) override
    {
        ++progressCalls;
        lastProgress = progress;
    }
    std::vector<OutboxState> states;
    int progressCalls = 0;
    TransferProgress lastProgress;
};

class SyncE2E : public ::testing::Test {
protected:
    void SetUp() override
    {
        key_ = makeAgeKey(dir_.path());
        ASSERT_FALSE(key_.recipient.empty());
    }

    void startServer(std::vector<std::string> extra = {})
    {
        server_ = std::make_unique<EndpointServer>(dir_.path() / "server", std::move(extra));
        ASSERT_TRUE(server_->ok()) << readFile(dir_.path() / "server/server.log");
    }

    void startProxy(std::vector<std::string> faults)
    {
        proxy_ = std::make_unique<FaultProxy>(server_->port(), std::move(faults),
                                              (dir_.path() / "proxy.log").string());
        ASSERT_TRUE(proxy_->ok());
    }

    // An envelope of about `size` plaintext bytes, made with the age CLI.
    fs::path makeEnvelope(const std::string& name, std::uint64_t size, std::uint32_t seed = 1)
    {
        const auto plain = dir_.path() / (name + ".plain");
        const auto envelope = dir_.path() / (name + ".age");
        writeRandomFile(plain, size, seed);
        EXPECT_TRUE(ageEncrypt(key_, plain, envelope));
        return envelope;
    }

    CallEndpoint endpoint(bool viaProxy) const
    {
        const int port = viaProxy ? proxy_->port() : server_->port();
        return endpointAt("http://127.0.0.1:" + std::to_string(port), server_->receiptKey());
    }

    OutboxEngineOptions smallChunks(std::uint64_t chunk = 256 * 1024) const
    {
        OutboxEngineOptions options;
        options.tus.fixedChunk = chunk;
        options.tus.stallWindow = std::chrono::seconds(1);
        options.tus.stallBytesPerSecond = 1024;
        options.tus.connectTimeout = std::chrono::milliseconds(3000);
        options.tus.requestTimeout = std::chrono::milliseconds(5000);
        options.backoffBase = std::chrono::milliseconds(10);
        options.backoffCap = std::chrono::milliseconds(50);
        return options;
    }

    // The engine over a file repository, with one record for `envelope`.
    struct Rig {
        std::unique_ptr<FileOutboxRepository> repository;
        std::unique_ptr<OneCallDirectory> directory;
        std::unique_ptr<OutboxEngine> engine;
        RecordingObserver observer;
    };
    std::unique_ptr<Rig> rig(const CallEndpoint& e, const fs::path& envelope,
                             const std::string& submissionId, OutboxEngineOptions options)
    {
        auto r = std::make_unique<Rig>();
        r->repository = std::make_unique<FileOutboxRepository>(
            (dir_.path() / ("outbox-" + submissionId + ".json")).string());
        r->directory = std::make_unique<OneCallDirectory>("test-call", e);
        r->engine = std::make_unique<OutboxEngine>(
            *r->repository, *r->directory, wallClockMs, [] { return std::random_device{}(); },
            options);
        r->engine->setObserver(&r->observer);
        EXPECT_TRUE(r->engine->enqueue(recordFor(1, submissionId, envelope)).ok());
        return r;
    }

    static OutboxRecord only(Rig& r)
    {
        auto records = r.repository->list();
        EXPECT_TRUE(records.ok());
        EXPECT_EQ(records->size(), 1u);
        return records->empty() ? OutboxRecord{} : records->front();
    }

    // Checks the server holds the envelope exactly once, byte-identical, decryptable, with a
    // receipt that verifies for it.
    void expectDeliveredOnce(const OutboxRecord& record, const fs::path& envelope)
    {
        ASSERT_EQ(record.state, OutboxState::Delivered)
            << (record.lastError ? syncErrorName(*record.lastError) : "") << " "
            << record.lastErrorDetail;
        ASSERT_TRUE(record.receipt.has_value());
        auto signedReceipt = decodeReceiptDocument(*record.receipt);
        ASSERT_TRUE(signedReceipt.ok());
        auto key = crypto::Ed25519PublicKey::fromRaw(server_->receiptKey());
        ASSERT_TRUE(key.ok());
        auto receipt =
            verifyReceipt(*signedReceipt, *key,
                          {record.submissionId, fs::file_size(envelope), sha256File(envelope)});
        ASSERT_TRUE(receipt.ok()) << receipt.error().detail;
        const auto stored = server_->dataDir() / "uploads" / receipt->uploadId;
        EXPECT_TRUE(sameBytes(stored, envelope));
        const auto complete = server_->completeUploads();
        EXPECT_EQ(std::count(complete.begin(), complete.end(), receipt->uploadId), 1);
        EXPECT_EQ(complete.size(), 1u) << "a second complete upload exists";
        EXPECT_EQ(server_->receiptFiles().size(), 1u);
        const auto plain = dir_.path() / "decrypted";
        fs::remove(plain);
        ASSERT_TRUE(ageDecrypt(key_, stored, plain));
        auto original = envelope;
        original.replace_extension(".plain");
        EXPECT_TRUE(sameBytes(plain, original));
    }

    TempDir dir_;
    AgeKey key_;
    std::unique_ptr<EndpointServer> server_;
    std::unique_ptr<FaultProxy> proxy_;
};

TEST_F(SyncE2E, DeliversAnAgeEnvelopeWithAVerifiedReceipt)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 3 * 1024 * 1024 + 123);
    OutboxEngineOptions options;
    options.tus.initialChunk = 256 * 1024; // adaptive sizing from a small first chunk
    auto r = rig(endpoint(false), envelope, "sub-e2e-0001", options);
    auto next = r->engine->runDue();
    ASSERT_TRUE(next.ok());
    EXPECT_FALSE(next->has_value());
    const auto record = only(*r);
    expectDeliveredOnce(record, envelope);
    EXPECT_EQ(record.offset, fs::file_size(envelope));
    ASSERT_GE(r->observer.states.size(), 3u);
    EXPECT_EQ(r->observer.states.front(), OutboxState::Queued);
    EXPECT_EQ(r->observer.states[1], OutboxState::Uploading);
    EXPECT_EQ(r->observer.states.back(), OutboxState::Delivered);
    EXPECT_GT(r->observer.progressCalls, 0);
    EXPECT_LE(r->observer.lastProgress.offset, fs::file_size(envelope));
}

TEST_F(SyncE2E, ResumesAtTheServersOffsetAfterACutMidChunk)
{
    startServer();
    startProxy({"--cut-after-bytes", "1300000"});
    const auto envelope = makeEnvelope("sub", 3 * 1024 * 1024);
    auto r = rig(endpoint(true), envelope, "sub-cut-0001", smallChunks(1024 * 1024));
    ASSERT_TRUE(r->engine->runDue().ok());
    auto record = only(*r);
    EXPECT_EQ(record.state, OutboxState::Waiting);
    EXPECT_EQ(record.waitReason, WaitReason::Backoff);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::NetworkDown) << record.lastErrorDetail;
    ASSERT_TRUE(record.uploadUrl.has_value()) << "the URL is stored before the first byte";
    EXPECT_EQ(record.offset, 1024u * 1024u) << "the offset is stored after each chunk";
    ASSERT_TRUE(record.nextTryAtMs.has_value());

    ASSERT_TRUE(r->engine->runDue(true).ok());
    record = only(*r);
    expectDeliveredOnce(record, envelope);
    EXPECT_EQ(server_->allUploads().size(), 1u) << "resumed, not started again";
}

// One call whose catalog state the test changes, as a refresh would.
class ClosableCall : public OneCallDirectory {
public:
    using OneCallDirectory::OneCallDirectory;
    bool isClosed(const std::string&) const override { return closed; }
    bool closed = false;
};

// Cut mid-upload, then the catalog closes the call: the engine holds the entry back (not a
// byte more, even on "send now"), the endpoint keeps the unfinished upload; the call opens
// again and the same upload is resumed and delivered once.
TEST_F(SyncE2E, AClosedCallHoldsAPartUploadBackAndItResumesOnceReopened)
{
    startServer();
    startProxy({"--cut-after-bytes", "1300000"});
    const auto envelope = makeEnvelope("sub", 3 * 1024 * 1024);
    FileOutboxRepository repository((dir_.path() / "outbox.json").string());
    ClosableCall directory("test-call", endpoint(true));
    OutboxEngine engine(
        repository, directory, wallClockMs, [] { return std::random_device{}(); },
        smallChunks(1024 * 1024));
    ASSERT_TRUE(engine.enqueue(recordFor(1, "sub-closed-001", envelope)).ok());
    ASSERT_TRUE(engine.runDue().ok());
    auto record = repository.list()->front();
    ASSERT_EQ(record.state, OutboxState::Waiting);
    ASSERT_EQ(record.offset, 1024u * 1024u);
    const auto sentBefore = engine.bytesSent();

    directory.closed = true;
    ASSERT_TRUE(engine.runDue(true).ok());
    record = repository.list()->front();
    EXPECT_EQ(record.state, OutboxState::Waiting);
    EXPECT_EQ(record.waitReason, WaitReason::CallClosed);
    EXPECT_EQ(engine.bytesSent(), sentBefore);
    EXPECT_TRUE(server_->completeUploads().empty());
    EXPECT_TRUE(server_->receiptFiles().empty());
    EXPECT_EQ(server_->allUploads().size(), 1u);

    directory.closed = false;
    ASSERT_TRUE(engine.runDue().ok());
    record = repository.list()->front();
    expectDeliveredOnce(record, envelope);
    EXPECT_EQ(server_->allUploads().size(), 1u) << "resumed, not started again";
}

TEST_F(SyncE2E, AStalledLinkIsDetectedAndResumed)
{
    startServer();
    startProxy({"--stall-after-bytes", "600000", "--stall-seconds", "4"});
    const auto envelope = makeEnvelope("sub", 2 * 1024 * 1024);
    auto options = smallChunks(512 * 1024);
    // The client notices after 2 s; the link drops the dead connection after 4 s, and until
    // then the endpoint keeps the upload locked (the resumed requests wait for it).
    options.tus.stallWindow = std::chrono::seconds(2);
    options.tus.requestTimeout = std::chrono::seconds(10);
    auto r = rig(endpoint(true), envelope, "sub-stall-0001", options);
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(r->engine->runDue().ok());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(15));
    auto record = only(*r);
    EXPECT_EQ(record.state, OutboxState::Waiting);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::Stalled) << record.lastErrorDetail;
    ASSERT_TRUE(r->engine->runDue(true).ok());
    expectDeliveredOnce(only(*r), envelope);
}

TEST_F(SyncE2E, ServerErrorsWaitWithBackoffThenDeliver)
{
    startServer();
    startProxy({"--respond", "PATCH:2:503"});
    const auto envelope = makeEnvelope("sub", 1024 * 1024);
    auto r = rig(endpoint(true), envelope, "sub-5xx-0001", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    auto record = only(*r);
    EXPECT_EQ(record.state, OutboxState::Waiting);
    EXPECT_EQ(record.waitReason, WaitReason::Backoff);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::ServerError);
    EXPECT_EQ(record.attempts, 1);
    ASSERT_TRUE(r->engine->runDue(true).ok());
    expectDeliveredOnce(only(*r), envelope);
}

TEST_F(SyncE2E, AReusedConnectionThatDiesUnansweredIsAskedItsOffsetAndTheUploadGoesOn)
{
    startServer();
    // The second PATCH goes out on the first one's connection, which takes the whole chunk and
    // hangs up without an answer. libcurl would send it again on a new connection but may not
    // rewind that far (onSeek); the engine asks the server's offset and goes on, in the same
    // attempt (an hour's backoff would show as not delivered).
    startProxy({"--respond", "PATCH:2:0:none"});
    const auto envelope = makeEnvelope("sub", 1024 * 1024);
    auto options = smallChunks();
    options.backoffBase = std::chrono::hours(1);
    options.backoffCap = std::chrono::hours(1);
    auto r = rig(endpoint(true), envelope, "sub-dead-0001", options);
    ASSERT_TRUE(r->engine->runDue().ok());
    auto record = only(*r);
    expectDeliveredOnce(record, envelope);
    EXPECT_EQ(record.attempts, 0);
    // The proxy read the whole second chunk before hanging up, so it was written to the link
    // and is counted, though libcurl's own count of that request was reset by its retry
    // (CURLE_SEND_FAIL_REWIND); then it went again: the envelope once plus that chunk.
    EXPECT_EQ(r->engine->bytesSent(), fs::file_size(envelope) + 256 * 1024);
}

TEST_F(SyncE2E, AConflictReHeadsAndContinues)
{
    startServer();
    // The real server's 409: another writer moves the offset between our chunks.
    startProxy({});
    const auto envelope = makeEnvelope("sub", 1024 * 1024);
    auto options = smallChunks();
    auto r = rig(endpoint(true), envelope, "sub-409-0001", options);
    // Drive one chunk with one client, move the server's offset with a second one, and check
    // the first one's stale PATCH gets the server's own 409.
    TusUpload first(endpoint(true).tus, options.tus);
    auto created = first.create({"sub-409-0001", "test-call", "x.age"}, fs::file_size(envelope));
    ASSERT_TRUE(created.ok());
    const int fd = ::open(envelope.c_str(), O_RDONLY);
    auto sent = first.patch(created->uploadUrl, fd, 0, 256 * 1024, fs::file_size(envelope));
    ASSERT_TRUE(sent.ok());
    // The outbox believes offset 256 KiB; another writer already sent up to 512 KiB.
    TusUpload other(endpoint(true).tus, options.tus);
    ASSERT_TRUE(
        other.patch(created->uploadUrl, fd, 256 * 1024, 256 * 1024, fs::file_size(envelope)).ok());
    auto stale =
        first.patch(created->uploadUrl, fd, 256 * 1024, 256 * 1024, fs::file_size(envelope));
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, SyncErrorCode::Conflict);
    EXPECT_EQ(stale.error().httpStatus, 409);
    ::close(fd);

    auto record = only(*r);
    record.uploadUrl = created->uploadUrl;
    record.offset = 256 * 1024;
    record.state = OutboxState::Uploading;
    ASSERT_TRUE(r->repository->save(record).ok());
    // The proxy answers the engine's first PATCH with 409 as well: re-HEAD, continue.
    proxy_.reset();
    startProxy({"--respond", "PATCH:1:409:tus"});
    auto viaProxy = endpoint(true);
    record.uploadUrl =
        viaProxy.tus.creationUrl + created->uploadUrl.substr(created->uploadUrl.rfind('/'));
    ASSERT_TRUE(r->repository->save(record).ok());
    r->directory = std::make_unique<OneCallDirectory>("test-call", viaProxy);
    r->engine = std::make_unique<OutboxEngine>(
        *r->repository, *r->directory, wallClockMs, [] { return 7u; }, options);
    ASSERT_TRUE(r->engine->runDue().ok());
    expectDeliveredOnce(only(*r), envelope);
    EXPECT_EQ(server_->allUploads().size(), 1u);
}

TEST_F(SyncE2E, A404AfterExpirySweepStartsAgainOnce)
{
    startServer();
    // The second chunk never reaches the server (a 503 in its place): the upload stops there.
    startProxy({"--respond", "PATCH:2:503"});
    const auto envelope = makeEnvelope("sub", 1024 * 1024);
    auto r = rig(endpoint(true), envelope, "sub-404-0001", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    auto record = only(*r);
    ASSERT_TRUE(record.uploadUrl.has_value());
    const auto oldId = record.uploadUrl->substr(record.uploadUrl->rfind('/') + 1);
    // What the sweep does to an unfinished upload: its files go away (HEAD answers 404).
    fs::remove(server_->dataDir() / "uploads" / oldId);
    fs::remove(server_->dataDir() / "uploads" / (oldId + ".json"));
    TusUpload probe(endpoint(false).tus);
    auto head =
        probe.head("http://127.0.0.1:" + std::to_string(server_->port()) + "/files/" + oldId,
                   record.envelopeSize);
    ASSERT_FALSE(head.ok());
    EXPECT_EQ(head.error().code, SyncErrorCode::Gone);
    EXPECT_EQ(head.error().httpStatus, 404);

    ASSERT_TRUE(r->engine->runDue(true).ok());
    record = only(*r);
    expectDeliveredOnce(record, envelope);
    EXPECT_EQ(record.uploadUrl->find(oldId), std::string::npos) << "a new upload was created";
}

TEST_F(SyncE2E, A410ExpiredUploadStartsAgainOnce)
{
    // Expiry 6 s: the sweep runs every 3 s, so the upload answers 410 for a while before it is
    // swept (404); the test waits for the 410.
    startServer({"--expire-seconds", "6"});
    startProxy({"--respond", "PATCH:2:503"}); // the upload stops after its first chunk
    const auto envelope = makeEnvelope("sub", 1024 * 1024);
    auto r = rig(endpoint(true), envelope, "sub-410-0001", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    auto record = only(*r);
    ASSERT_TRUE(record.uploadUrl.has_value());
    ASSERT_TRUE(record.uploadExpiresAtMs.has_value()) << "Upload-Expires is recorded";
    TusUpload probe(endpoint(false).tus);
    const auto id = record.uploadUrl->substr(record.uploadUrl->rfind('/') + 1);
    const auto url = "http://127.0.0.1:" + std::to_string(server_->port()) + "/files/" + id;
    long status = 0;
    for (int i = 0; i < 300 && status != 410; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        auto head = probe.head(url, record.envelopeSize);
        status = head.ok() ? 200 : head.error().httpStatus;
        if (!head.ok()) {
            EXPECT_EQ(head.error().code, SyncErrorCode::Gone);
        }
        ASSERT_NE(status, 404) << "swept before the 410 was seen";
    }
    ASSERT_EQ(status, 410);
    // Forget the local expiry so the engine meets the server's 410 itself.
    record.uploadExpiresAtMs.reset();
    ASSERT_TRUE(r->repository->save(record).ok());
    ASSERT_TRUE(r->engine->runDue(true).ok());
    record = only(*r);
    ASSERT_EQ(record.state, OutboxState::Delivered)
        << (record.lastError ? syncErrorName(*record.lastError) : "") << record.lastErrorDetail;
    expectDeliveredOnce(record, envelope);
}

TEST_F(SyncE2E, TooLargeNeedsAttentionAndSendsNothing)
{
    startServer({"--max-size", "1048576"});
    const auto envelope = makeEnvelope("sub", 2 * 1024 * 1024);
    auto r = rig(endpoint(false), envelope, "sub-413-0001", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    const auto record = only(*r);
    EXPECT_EQ(record.state, OutboxState::NeedsAttention);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::TooLarge);
    EXPECT_FALSE(record.uploadUrl.has_value());
    EXPECT_TRUE(server_->allUploads().empty());
    EXPECT_TRUE(server_->receiptFiles().empty());
}

TEST_F(SyncE2E, ACaptivePortalIsNeverTakenForSuccess)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 512 * 1024);
    struct Case {
        std::vector<std::string> faults;
        const char* what;
    };
    const std::vector<Case> cases = {
        {{"--captive-all"}, "200 text/html to everything"},
        {{"--respond", "POST:1:302:redirect"}, "redirect to the portal's host"},
        {{"--respond", "PATCH:1:200:html"}, "login page instead of a PATCH answer"},
        {{"--respond", "HEAD:0:200:html", "--cut-after-bytes", "100000"}, "login page for HEAD"},
        {{"--respond", "POST:1:511"}, "511 network authentication required"},
    };
    int n = 0;
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        proxy_.reset();
        startProxy(c.faults);
        const std::string id = "sub-portal-000" + std::to_string(n++);
        auto r = rig(endpoint(true), envelope, id, smallChunks());
        ASSERT_TRUE(r->engine->runDue().ok());
        // The HEAD case first loses its connection, then meets the portal when resuming.
        if (c.faults.size() > 3) {
            ASSERT_TRUE(r->engine->runDue(true).ok());
        }
        const auto record = only(*r);
        EXPECT_EQ(record.state, OutboxState::Waiting);
        EXPECT_EQ(record.waitReason, WaitReason::Backoff);
        ASSERT_TRUE(record.lastError.has_value());
        EXPECT_EQ(*record.lastError, SyncErrorCode::CaptivePortal) << record.lastErrorDetail;
        EXPECT_FALSE(record.receipt.has_value());
    }
    EXPECT_TRUE(server_->receiptFiles().empty());
    // Once past the portal, a submission delivers.
    proxy_.reset();
    startProxy({});
    auto r = rig(endpoint(true), envelope, "sub-portal-0000", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    expectDeliveredOnce(only(*r), envelope);
}

TEST_F(SyncE2E, APinnedTlsEndpointDeliversAndAWrongPinIsRefused)
{
    startServer();
    const auto cert = dir_.path() / "cert.pem";
    const auto keyFile = dir_.path() / "key.pem";
    {
        ChildProcess openssl;
        ASSERT_TRUE(openssl.start({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                   "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                                   "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                   "-keyout", keyFile.string(), "-out", cert.string()},
                                  (dir_.path() / "openssl.log").string()));
        ASSERT_EQ(openssl.wait(std::chrono::seconds(30)), 0);
    }
    // The pin: base64 of SHA-256 of the certificate's SubjectPublicKeyInfo (DER).
    std::string pin;
    {
        ChildProcess shell;
        ASSERT_TRUE(shell.start({"sh", "-c",
                                 "openssl x509 -in '" + cert.string() +
                                     "' -pubkey -noout | openssl pkey -pubin -outform der | "
                                     "openssl dgst -sha256 -binary | base64; echo done"}));
        auto line = shell.waitForLine("", std::chrono::seconds(20));
        ASSERT_TRUE(line.has_value());
        pin = "sha256//" + *line;
        shell.wait(std::chrono::seconds(5));
    }
    startProxy({"--tls-cert", cert.string(), "--tls-key", keyFile.string()});
    const auto envelope = makeEnvelope("sub", 768 * 1024);
    auto tlsEndpoint = [&](const std::string& pinValue) {
        CallEndpoint e = endpointAt("https://127.0.0.1:" + std::to_string(proxy_->port()),
                                    server_->receiptKey());
        e.tus.caFile = cert.string();
        e.tus.tlsPins = {pinValue};
        return e;
    };
    {
        auto r = rig(tlsEndpoint("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), envelope,
                     "sub-pin-bad-01", smallChunks());
        ASSERT_TRUE(r->engine->runDue().ok());
        const auto record = only(*r);
        EXPECT_EQ(record.state, OutboxState::NeedsAttention);
        ASSERT_TRUE(record.lastError.has_value());
        EXPECT_EQ(*record.lastError, SyncErrorCode::TlsPinMismatch) << record.lastErrorDetail;
        EXPECT_FALSE(record.uploadUrl.has_value());
        EXPECT_TRUE(server_->allUploads().empty()) << "not a byte reached the server";
    }
    auto r = rig(tlsEndpoint(pin), envelope, "sub-pin-good-1", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    const auto record = only(*r);
    ASSERT_TRUE(record.uploadUrl.has_value());
    EXPECT_EQ(record.uploadUrl->rfind("https://", 0), 0u);
    expectDeliveredOnce(record, envelope);
}

TEST_F(SyncE2E, ALostFinalAnswerIsRecoveredByAZeroLengthPatch)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 600 * 1024);
    const auto size = fs::file_size(envelope);
    auto r = rig(endpoint(false), envelope, "sub-lost-0001", smallChunks());
    // Send everything by hand and drop the answers, as if the link died after the last byte.
    TusUpload tus(endpoint(false).tus);
    auto created = tus.create({"sub-lost-0001", "test-call", "x.age"}, size);
    ASSERT_TRUE(created.ok());
    auto record = only(*r);
    record.uploadUrl = created->uploadUrl;
    record.state = OutboxState::Uploading;
    ASSERT_TRUE(r->repository->save(record).ok());
    const int fd = ::open(envelope.c_str(), O_RDONLY);
    auto all = tus.patch(created->uploadUrl, fd, 0, size, size);
    ::close(fd);
    ASSERT_TRUE(all.ok());
    ASSERT_TRUE(all->receipt.has_value());
    // The engine resumes: HEAD says complete, a zero-length PATCH returns the same receipt.
    ASSERT_TRUE(r->engine->runDue().ok());
    record = only(*r);
    expectDeliveredOnce(record, envelope);
    EXPECT_EQ(decodeReceiptDocument(*record.receipt)->receiptJson, all->receipt->receiptJson);
}

TEST_F(SyncE2E, ASecondSendOfADeliveredSubmissionGetsTheFirstReceipt)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 300 * 1024);
    auto first = rig(endpoint(false), envelope, "sub-dup-00001", smallChunks());
    ASSERT_TRUE(first->engine->runDue().ok());
    const auto delivered = only(*first);
    ASSERT_EQ(delivered.state, OutboxState::Delivered);
    // A reinstalled app (no stored URL) sends the same submission again.
    TempDir other;
    FileOutboxRepository repository((other.path() / "outbox.json").string());
    OneCallDirectory directory("test-call", endpoint(false));
    OutboxEngine engine(
        repository, directory, wallClockMs, [] { return 1u; }, smallChunks());
    ASSERT_TRUE(engine.enqueue(recordFor(9, "sub-dup-00001", envelope)).ok());
    ASSERT_TRUE(engine.runDue().ok());
    auto records = repository.list();
    ASSERT_TRUE(records.ok());
    const auto again = records->front();
    expectDeliveredOnce(again, envelope);
    EXPECT_EQ(decodeReceiptDocument(*again.receipt)->receiptJson,
              decodeReceiptDocument(*delivered.receipt)->receiptJson);
    EXPECT_FALSE(again.uploadUrl.has_value()) << "no second upload was created";
}

TEST_F(SyncE2E, AReceiptThatDoesNotVerifyIsNotDelivered)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 300 * 1024);
    auto wrongKey = endpoint(false);
    auto otherKey = crypto::Ed25519KeyPair::generate(); // a valid key, not the server's
    ASSERT_TRUE(otherKey.ok());
    wrongKey.receiptKey = otherKey->publicKey().raw();
    auto r = rig(wrongKey, envelope, "sub-badkey-01", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    const auto record = only(*r);
    EXPECT_EQ(record.state, OutboxState::NeedsAttention);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_TRUE(*record.lastError == SyncErrorCode::ReceiptInvalid) << record.lastErrorDetail;
    EXPECT_FALSE(record.receipt.has_value());
}

TEST_F(SyncE2E, TerminationDeletesAnUnfinishedUpload)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 600 * 1024);
    TusUpload tus(endpoint(false).tus);
    auto created = tus.create({"sub-term-0001", "test-call", ""}, fs::file_size(envelope));
    ASSERT_TRUE(created.ok());
    ASSERT_TRUE(created->expires.has_value());
    ASSERT_EQ(server_->allUploads().size(), 1u);
    ASSERT_TRUE(tus.terminate(created->uploadUrl).ok());
    EXPECT_TRUE(server_->allUploads().empty());
    auto head = tus.head(created->uploadUrl, fs::file_size(envelope));
    ASSERT_FALSE(head.ok());
    EXPECT_EQ(head.error().code, SyncErrorCode::Gone);
    auto unknown = tus.fetchReceipt("sub-term-0001");
    ASSERT_TRUE(unknown.ok());
    EXPECT_FALSE(unknown->has_value());
}

TEST_F(SyncE2E, OfflineAndPolicyGatesWaitAndConnectivityWakesTheEngine)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 300 * 1024);
    auto r = rig(endpoint(false), envelope, "sub-gate-0001", smallChunks());
    auto& engine = *r->engine;
    engine.setNetworkState({false, false});
    ASSERT_TRUE(engine.runDue().ok());
    EXPECT_EQ(only(*r).state, OutboxState::Waiting);
    EXPECT_EQ(only(*r).waitReason, WaitReason::Offline);

    engine.setPolicy(SyncPolicy::UnmeteredOnly);
    engine.setNetworkState({true, true});
    EXPECT_FALSE(engine.wakeRequested()) << "a metered link is not usable under unmetered-only";
    ASSERT_TRUE(engine.runDue().ok());
    EXPECT_EQ(only(*r).waitReason, WaitReason::UnmeteredOnly);

    engine.setPolicy(SyncPolicy::Manual);
    engine.setNetworkState({true, false});
    ASSERT_TRUE(engine.runDue().ok());
    EXPECT_EQ(only(*r).waitReason, WaitReason::Manual);
    EXPECT_TRUE(server_->allUploads().empty());

    engine.setPolicy(SyncPolicy::AnyNetwork);
    EXPECT_TRUE(engine.wakeRequested());
    ASSERT_TRUE(engine.runDue().ok());
    expectDeliveredOnce(only(*r), envelope);
}

TEST_F(SyncE2E, ConnectivityLossStopsTheTransferAndItsReturnRetriesAtOnce)
{
    startServer();
    startProxy({"--stall-after-bytes", "300000", "--stall-seconds", "1"});
    const auto envelope = makeEnvelope("sub", 1024 * 1024);
    auto options = smallChunks();
    options.tus.stallWindow = std::chrono::seconds(30); // only the network change may stop it
    options.backoffBase = std::chrono::hours(1);
    options.backoffCap = std::chrono::hours(1);
    auto r = rig(endpoint(true), envelope, "sub-netloss-01", options);
    std::thread platform([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        r->engine->setNetworkState({false, false});
    });
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(r->engine->runDue().ok());
    platform.join();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    auto record = only(*r);
    EXPECT_EQ(record.state, OutboxState::Waiting);
    EXPECT_EQ(record.waitReason, WaitReason::Offline);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::Cancelled);
    EXPECT_EQ(record.attempts, 0) << "a pause is not a failed attempt";

    r->engine->setNetworkState({true, false});
    EXPECT_TRUE(r->engine->wakeRequested());
    ASSERT_TRUE(r->engine->runDue().ok()); // not user-requested: the wake alone makes it due
    expectDeliveredOnce(only(*r), envelope);
}

TEST_F(SyncE2E, AnswersThatBreakTheProtocolAreNeverTakenForSuccess)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 600 * 1024);
    struct Case {
        std::vector<std::string> faults;
        const char* what;
    };
    // "tus" answers carry Tus-Resumable: 1.0.0 and nothing else.
    const std::vector<Case> cases = {
        {{"--respond", "POST:1:201:tus"}, "201 without Location"},
        {{"--respond", "PATCH:1:204:tus"}, "204 without Upload-Offset"},
        {{"--respond", "PATCH:2:200:text"}, "200 text/plain to a PATCH"},
        {{"--respond", "POST:1:200:text"}, "200 text/plain to the creation"},
    };
    int n = 0;
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        proxy_.reset();
        startProxy(c.faults);
        const std::string id = "sub-proto-000" + std::to_string(n++);
        auto r = rig(endpoint(true), envelope, id, smallChunks());
        ASSERT_TRUE(r->engine->runDue().ok());
        auto record = only(*r);
        EXPECT_EQ(record.state, OutboxState::Waiting);
        ASSERT_TRUE(record.lastError.has_value());
        EXPECT_EQ(*record.lastError, SyncErrorCode::UnexpectedAnswer) << record.lastErrorDetail;
        EXPECT_FALSE(record.receipt.has_value());
        // The next try (the fault was once) delivers, and still exactly once.
        ASSERT_TRUE(r->engine->runDue(true).ok());
        record = only(*r);
        ASSERT_EQ(record.state, OutboxState::Delivered) << record.lastErrorDetail;
        ASSERT_TRUE(record.receipt.has_value());
    }
    // Each submission has one receipt on the server; no submission was stored twice.
    EXPECT_EQ(server_->receiptFiles().size(), cases.size());
    EXPECT_EQ(server_->completeUploads().size(), cases.size());
}

// The user deletes a submission while it uploads: the transfer stops at once, nothing of it is
// saved again (the store's row could not come back), and later runs, even a "send now", never
// send it: the endpoint holds no complete upload and no receipt.
TEST_F(SyncE2E, AWithdrawnSubmissionStopsMidUploadAndIsNeverSentAgain)
{
    startServer();
    startProxy({"--stall-after-bytes", "300000", "--stall-seconds", "6"});
    const auto envelope = makeEnvelope("sub", 1024 * 1024);
    auto options = smallChunks();
    options.tus.stallWindow = std::chrono::seconds(30); // only the withdrawal may stop it
    FileOutboxRepository inner((dir_.path() / "outbox.json").string());
    WithdrawingRepository repository(inner);
    OneCallDirectory directory("test-call", endpoint(true));
    OutboxEngine engine(
        repository, directory, wallClockMs, [] { return std::random_device{}(); }, options);
    ASSERT_TRUE(engine.enqueue(recordFor(1, "sub-withdraw-01", envelope)).ok());

    std::thread user([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
        repository.withdraw("sub-withdraw-01");
        engine.cancelTransferOf(1);
    });
    const auto started = std::chrono::steady_clock::now();
    (void)engine.runDue(); // reports the refused save of the withdrawn entry
    user.join();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4))
        << "the transfer went on until the stall ended";
    auto kept = inner.list();
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 1u);
    const OutboxRecord last = kept->front();
    EXPECT_EQ(last.state, OutboxState::Uploading) << "saved after the withdrawal";
    EXPECT_TRUE(last.uploadUrl.has_value());
    EXPECT_TRUE(repository.list()->empty());

    ASSERT_TRUE(engine.runDue(true).ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_TRUE(server_->completeUploads().empty());
    EXPECT_TRUE(server_->receiptFiles().empty());
    EXPECT_EQ(inner.list()->front().offset, last.offset);
    EXPECT_EQ(inner.list()->front().state, OutboxState::Uploading);
}

// A repository that refuses one save: the `failing`-th from now (1 = the next).
class RepositoryFailingOnce : public OutboxRepository {
public:
    RepositoryFailingOnce(OutboxRepository& inner, int failing) : inner_(inner), left_(failing) {}
    Result<std::vector<OutboxRecord>, SyncError> list() override { return inner_.list(); }
    Result<void, SyncError> save(const OutboxRecord& record) override
    {
        if (--left_ == 0) {
            return fail(SyncError{SyncErrorCode::LocalIo, 0, "disk full (test)"});
        }
        return inner_.save(record);
    }
    Result<void, SyncError> remove(std::int64_t id) override { return inner_.remove(id); }

private:
    OutboxRepository& inner_;
    int left_;
};

// The outbox itself failing mid-transfer (here: recording the new upload URL) stops the run
// with the repository's error; it is not the submission's error, so the entry keeps its last
// saved state instead of being marked as needing attention.
TEST_F(SyncE2E, ARepositoryFailureMidTransferStopsTheRunAndIsNotTheEntrysError)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 300 * 1024);
    FileOutboxRepository inner((dir_.path() / "outbox.json").string());
    RepositoryFailingOnce repository(inner, 3); // enqueue, "uploading", then the upload URL
    OneCallDirectory directory("test-call", endpoint(false));
    OutboxEngine engine(
        repository, directory, wallClockMs, [] { return std::random_device{}(); }, smallChunks());
    ASSERT_TRUE(engine.enqueue(recordFor(1, "sub-repo-fail-01", envelope)).ok());

    const auto run = engine.runDue(true);
    ASSERT_FALSE(run.ok()) << "a repository failure was taken for a transfer failure";
    EXPECT_EQ(run.error().code, SyncErrorCode::LocalIo);
    EXPECT_EQ(run.error().detail, "disk full (test)");
    const OutboxRecord kept = inner.list()->front();
    EXPECT_EQ(kept.state, OutboxState::Uploading);
    EXPECT_FALSE(kept.lastError.has_value());
    EXPECT_FALSE(kept.uploadUrl.has_value());

    // The next run resumes as after a kill: the upload is created again and delivered once.
    ASSERT_TRUE(engine.runDue(true).ok());
    const OutboxRecord delivered = inner.list()->front();
    EXPECT_EQ(delivered.state, OutboxState::Delivered);
    EXPECT_EQ(server_->receiptFiles().size(), 1u);
}

// Withdrawn before its first try: not a byte leaves, and the endpoint holds no upload at all.
TEST_F(SyncE2E, AWithdrawnSubmissionIsNeverStarted)
{
    startServer();
    const auto envelope = makeEnvelope("sub", 200 * 1024);
    FileOutboxRepository inner((dir_.path() / "outbox.json").string());
    WithdrawingRepository repository(inner);
    OneCallDirectory directory("test-call", endpoint(false));
    OutboxEngine engine(
        repository, directory, wallClockMs, [] { return std::random_device{}(); }, smallChunks());
    ASSERT_TRUE(engine.enqueue(recordFor(1, "sub-withdraw-02", envelope)).ok());
    repository.withdraw("sub-withdraw-02");
    ASSERT_TRUE(engine.runDue(true).ok());
    EXPECT_EQ(engine.bytesSent(), 0u);
    EXPECT_TRUE(server_->allUploads().empty());
    EXPECT_EQ(inner.list()->front().state, OutboxState::Queued);
}

TEST_F(SyncE2E, ABusyEndpointIsWaitedForAndTheSubmissionIsDeliveredOnce)
{
    // Room for one unfinished upload, and someone's abandoned upload holds it (#15).
    startServer({"--max-unfinished", "1", "--expire-seconds", "3"});
    TusUpload other(endpoint(false).tus);
    ASSERT_TRUE(other.create({"sub-abandoned-1", "test-call", "x.age"}, 4096).ok());
    const auto envelope = makeEnvelope("sub", 300 * 1024);
    auto r = rig(endpoint(false), envelope, "sub-busy-00001", smallChunks());
    ASSERT_TRUE(r->engine->runDue().ok());
    auto record = only(*r);
    EXPECT_EQ(record.state, OutboxState::Waiting);
    EXPECT_EQ(record.waitReason, WaitReason::Backoff);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::EndpointBusy) << record.lastErrorDetail;
    EXPECT_TRUE(isTransient(SyncErrorCode::EndpointBusy));
    EXPECT_FALSE(record.uploadUrl.has_value());
    // The engine keeps trying with its backoff; once the sweep frees the room, it delivers.
    int busyAnswers = 1;
    for (int i = 0; i < 200 && record.state != OutboxState::Delivered; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        ASSERT_TRUE(r->engine->runDue().ok());
        record = only(*r);
        if (record.state == OutboxState::Waiting &&
            record.lastError == SyncErrorCode::EndpointBusy) {
            ++busyAnswers;
        }
    }
    EXPECT_GT(busyAnswers, 1) << "the endpoint stayed busy for a while";
    expectDeliveredOnce(record, envelope);
}

} // namespace
} // namespace amicus::sync
