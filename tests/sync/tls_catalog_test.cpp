// TLS as deployed (#15, finding 7): the endpoint behind a TLS terminator on loopback, with a
// certificate from a CA the test makes, and a calls catalog that names the endpoint and its
// pin. The submission goes through the app's own path — the catalog parser, CatalogEndpoints
// (no overridden endpoint, which would clear the pins), the outbox engine and libcurl — and
// the right pin delivers, a wrong pin and a certificate from another CA are refused with
// their typed reasons before a byte of the submission leaves.
#include "calls/catalog_parser.h"
#include "crypto/base64.h"
#include "sync/catalog_endpoints.h"
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"
#include "sync/receipt.h"
#include "sync_test_support.h"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace amicus::sync {
namespace {

namespace fs = std::filesystem;
using namespace amicus::sync::testing;

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs `sh -c script` and returns the first line it prints.
std::string shellLine(const std::string& script, const fs::path& log)
{
    ChildProcess shell;
    if (!shell.start({"sh", "-c", script + "; echo"}, log.string())) {
        return "";
    }
    auto line = shell.waitForLine("", std::chrono::seconds(30));
    shell.wait(std::chrono::seconds(10));
    return line.value_or("");
}

class TlsAsDeployed : public ::testing::Test {
protected:
    void SetUp() override
    {
        const fs::path d = dir_.path();
        const std::string q = "'";
        // A CA, a certificate for 127.0.0.1 signed by it, and another CA that signed nothing.
        const std::string script =
            "set -e; cd " + q + d.string() + q +
            "; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
            " -days 2 -subj /CN=amicus-test-ca -keyout ca.key -out ca.pem 2>/dev/null"
            "; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
            " -days 2 -subj /CN=other-ca -keyout other.key -out other-ca.pem 2>/dev/null"
            "; openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
            " -subj /CN=127.0.0.1 -keyout leaf.key -out leaf.csr 2>/dev/null"
            "; printf 'subjectAltName=IP:127.0.0.1\\n' > leaf.ext"
            "; openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2"
            " -extfile leaf.ext -out leaf.pem 2>/dev/null"
            // The pin: base64 of SHA-256 of the certificate's SubjectPublicKeyInfo (DER).
            "; openssl x509 -in leaf.pem -pubkey -noout | openssl pkey -pubin -outform der"
            " | openssl dgst -sha256 -binary | base64";
        pin_ = "sha256//" + shellLine(script, d / "openssl.log");
        ASSERT_EQ(pin_.size(), 8u + 44u) << readFile(d / "openssl.log");

        key_ = makeAgeKey(d);
        ASSERT_FALSE(key_.recipient.empty());
        server_ = std::make_unique<EndpointServer>(d / "server",
                                                   std::vector<std::string>{"--trust-proxy"});
        ASSERT_TRUE(server_->ok()) << readFile(d / "server/server.log");
        ASSERT_TRUE(terminator_.start(
            {"node", (sourceDir() / "server/test/helpers/tls-terminator.js").string(), "--cert",
             (d / "leaf.pem").string(), "--key", (d / "leaf.key").string(), "--upstream-port",
             std::to_string(server_->port())},
            (d / "terminator.log").string()));
        auto port =
            terminator_.waitForLine("listening on https://127.0.0.1:", std::chrono::seconds(20));
        ASSERT_TRUE(port.has_value()) << readFile(d / "terminator.log");
        origin_ = "https://127.0.0.1:" + *port;
    }

    void TearDown() override
    {
        terminator_.signal(SIGTERM);
        terminator_.wait(std::chrono::seconds(5));
    }

    // The builtin catalog's first call, reopened (the seed call is closed, and the sender holds
    // a closed call's entries back) and now at the terminator, with this receipt key and pin.
    calls::Catalog catalogNaming(const std::string& pin)
    {
        auto document =
            nlohmann::json::parse(readFile(sourceDir() / "core/calls/builtin_catalog.json"));
        auto& call = document["calls"][0];
        call["status"] = "open";
        call.erase("inputs_published");
        call["endpoint"] = origin_ + "/files";
        call["receipt_key"] = crypto::base64Encode(server_->receiptKey());
        call["tls_pins"] = nlohmann::json::array({pin});
        auto parsed = calls::parseCatalog(document.dump());
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().path);
        callId_ = call["id"].get<std::string>();
        return parsed.ok() ? std::move(*parsed) : calls::Catalog{};
    }

    // Sends one envelope through the app's path; returns the outbox record after one run.
    OutboxRecord send(const calls::Catalog& catalog, const std::string& caFile,
                      const std::string& submissionId)
    {
        const fs::path plain = dir_.path() / (submissionId + ".plain");
        const fs::path envelope = dir_.path() / (submissionId + ".age");
        writeRandomFile(plain, 200 * 1024, 5);
        EXPECT_TRUE(ageEncrypt(key_, plain, envelope));
        FileOutboxRepository repository((dir_.path() / (submissionId + ".json")).string());
        CatalogEndpoints endpoints(catalog);
        endpoints.setCaFile(caFile); // which CA the phone trusts; the pin stays the catalog's
        OutboxEngineOptions options;
        options.backoffBase = std::chrono::milliseconds(10);
        options.backoffCap = std::chrono::milliseconds(50);
        OutboxEngine engine(
            repository, endpoints, wallClockMs, [] { return std::random_device{}(); }, options);
        auto record = recordFor(1, submissionId, envelope);
        record.callId = callId_;
        EXPECT_TRUE(engine.enqueue(record).ok());
        EXPECT_TRUE(engine.runDue().ok());
        auto records = repository.list();
        EXPECT_TRUE(records.ok() && records->size() == 1u);
        lastEnvelope_ = envelope;
        return records.ok() && !records->empty() ? records->front() : OutboxRecord{};
    }

    TempDir dir_;
    AgeKey key_;
    std::unique_ptr<EndpointServer> server_;
    ChildProcess terminator_;
    std::string origin_;
    std::string pin_;
    std::string callId_;
    fs::path lastEnvelope_;
};

TEST_F(TlsAsDeployed, TheCatalogsPinDelivers)
{
    const auto catalog = catalogNaming(pin_);
    const auto record = send(catalog, (dir_.path() / "ca.pem").string(), "sub-tls-good-01");
    ASSERT_EQ(record.state, OutboxState::Delivered)
        << (record.lastError ? syncErrorName(*record.lastError) : "") << " "
        << record.lastErrorDetail;
    ASSERT_TRUE(record.uploadUrl.has_value());
    EXPECT_EQ(record.uploadUrl->rfind(origin_ + "/files/", 0), 0u) << *record.uploadUrl;
    ASSERT_TRUE(record.receipt.has_value());
    const auto document = decodeReceiptDocument(*record.receipt);
    ASSERT_TRUE(document.ok());
    const auto fields = nlohmann::json::parse(document->receiptJson);
    EXPECT_EQ(fields["size"].get<std::uint64_t>(), fs::file_size(lastEnvelope_));
    EXPECT_EQ(server_->receiptFiles().size(), 1u);
}

TEST_F(TlsAsDeployed, AWrongPinIsRefusedBeforeAnyByte)
{
    const auto catalog = catalogNaming("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    const auto record = send(catalog, (dir_.path() / "ca.pem").string(), "sub-tls-pin-01");
    EXPECT_EQ(record.state, OutboxState::NeedsAttention);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::TlsPinMismatch) << record.lastErrorDetail;
    EXPECT_FALSE(record.uploadUrl.has_value());
    EXPECT_TRUE(server_->allUploads().empty()) << "not a byte reached the endpoint";
}

TEST_F(TlsAsDeployed, ACertificateFromAnotherCaIsRefusedEvenWithTheRightPin)
{
    const auto catalog = catalogNaming(pin_);
    const auto record = send(catalog, (dir_.path() / "other-ca.pem").string(), "sub-tls-ca-001");
    EXPECT_EQ(record.state, OutboxState::NeedsAttention);
    ASSERT_TRUE(record.lastError.has_value());
    EXPECT_EQ(*record.lastError, SyncErrorCode::TlsFailure) << record.lastErrorDetail;
    EXPECT_FALSE(record.uploadUrl.has_value());
    EXPECT_TRUE(server_->allUploads().empty()) << "not a byte reached the endpoint";
}

} // namespace
} // namespace amicus::sync
