// CatalogRefresher against a real endpoint process on loopback: the reference server
// (server/src/main.js) or the Python fixture, chosen by AMICUS_CATALOG_SERVER.
#include "calls/builtin_catalog.h"
#include "calls/catalog_refresher.h"
#include "calls/catalog_signature.h"
#include "endpoint_process.h"

#include <arpa/inet.h>
#include <fstream>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sys/socket.h>

namespace amicus::calls {
namespace {

namespace fs = std::filesystem;
using testing::EndpointProcess;

std::string catalogWithSequence(std::uint64_t sequence)
{
    auto document = nlohmann::json::parse(builtinCatalogBytes());
    document["sequence"] = sequence;
    document["calls"][0]["title"]["en"] = "Refreshed call, sequence " + std::to_string(sequence);
    return document.dump(2);
}

// The built-in call as catalogs were written before the call's state, page, documents, contact
// and official languages existed: status open and every limit given.
std::string olderFormatCatalog(std::uint64_t sequence)
{
    auto document = nlohmann::json::parse(builtinCatalogBytes());
    document["sequence"] = sequence;
    auto& call = document["calls"][0];
    for (const char* name : {"inputs_published", "page", "documents", "documents_on_page",
                             "contact", "official_languages"}) {
        call.erase(name);
    }
    call["status"] = "open";
    call["limits"] = {{"words_per_answer", 2500},
                      {"bytes_per_attachment", 26214400},
                      {"attachments_per_submission", 10}};
    return document.dump(2);
}

crypto::Ed25519KeyPair newKeyPair()
{
    auto pair = crypto::Ed25519KeyPair::generate();
    EXPECT_TRUE(pair.ok());
    return std::move(pair).value();
}

std::string signatureOf(const crypto::Ed25519KeyPair& key, std::string_view bytes)
{
    auto signature = key.sign(bytes);
    EXPECT_TRUE(signature.ok());
    return catalogSignatureText(signature.value());
}

class CatalogRefresherTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        command_ = testing::endpointCommandFromEnvironment();
        if (command_.empty()) {
            GTEST_FAIL() << "AMICUS_CATALOG_SERVER is not set (CTest sets it)";
        }
        std::random_device random;
        root_ = fs::temp_directory_path() / ("amicus-calls-refresh-" + std::to_string(getpid()) +
                                             "-" + std::to_string(random()));
        fs::create_directories(root_ / "data");
        fs::create_directories(root_ / "keys");
        endpoint_ = std::make_unique<EndpointProcess>(command_, root_ / "data", root_ / "keys");
        ASSERT_FALSE(endpoint_->origin().empty()) << "the endpoint did not start";
    }

    void TearDown() override
    {
        endpoint_.reset();
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }

    // Replaces a served file atomically (new inode), as a careful publisher would.
    void writeServed(const std::string& name, std::string_view bytes)
    {
        const fs::path target = root_ / "keys" / name;
        const fs::path temporary = root_ / "keys" / (name + ".tmp");
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
        fs::rename(temporary, target);
    }

    void publish(std::string_view catalogBytes, std::string_view signatureText)
    {
        writeServed("catalog.json", catalogBytes);
        writeServed("catalog.json.sig", signatureText);
    }

    void removeSignature() { fs::remove(root_ / "keys" / "catalog.json.sig"); }

    bool isFixture() const
    {
        return command_.size() >= 2 && command_[1].find("fixture") != std::string::npos;
    }

    CatalogRefresher refresher(std::vector<crypto::Ed25519PublicKey> trusted) const
    {
        RefreshSource source;
        source.origin = endpoint_->origin();
        source.connectTimeout = std::chrono::seconds(5);
        source.totalTimeout = std::chrono::seconds(10);
        return CatalogRefresher(http_, std::move(trusted), source);
    }

    net::HttpClient http_;
    crypto::Ed25519KeyPair secretariat_ = newKeyPair();
    std::vector<std::string> command_;
    fs::path root_;
    std::unique_ptr<EndpointProcess> endpoint_;
};

TEST_F(CatalogRefresherTest, AcceptsANewerCatalogSignedByATrustedKey)
{
    const std::string bytes = catalogWithSequence(5);
    publish(bytes, signatureOf(secretariat_, bytes));

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    ASSERT_EQ(result.outcome, RefreshOutcome::Updated) << refreshOutcomeName(result.outcome);
    EXPECT_EQ(result.catalogBytes, bytes);
    ASSERT_TRUE(result.catalog.has_value());
    EXPECT_EQ(result.catalog->sequence, 5u);
    EXPECT_EQ(result.catalog->calls.at(0).title.text(Language::En), "Refreshed call, sequence 5");
    EXPECT_FALSE(result.etag.empty());
    EXPECT_TRUE(verifyCatalogSignature(result.catalogBytes, result.signatureText,
                                       std::vector{secretariat_.publicKey()}));
}

// An app holding a catalog of the older format refreshes to one that closes the call and
// gives its page and contact, signed exactly as before; and a publisher still writing the
// older format is read too.
TEST_F(CatalogRefresherTest, RefreshesBetweenTheOlderAndTheCurrentFormat)
{
    const std::string older = olderFormatCatalog(7);
    publish(older, signatureOf(secretariat_, older));
    const RefreshResult first = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});
    ASSERT_EQ(first.outcome, RefreshOutcome::Updated) << refreshOutcomeName(first.outcome);
    const Call& open = first.catalog->calls.at(0);
    EXPECT_EQ(open.status, CallStatus::Open);
    EXPECT_FALSE(open.contact.has_value());
    EXPECT_TRUE(open.documentsOnPage.empty());
    EXPECT_TRUE(open.limits.wordsPerAnswerSet);

    auto document = nlohmann::json::parse(builtinCatalogBytes());
    document["sequence"] = 8;
    const std::string current = document.dump(2);
    publish(current, signatureOf(secretariat_, current));
    const RefreshResult second =
        refresher({secretariat_.publicKey()}).refresh(HeldCatalog{7, first.etag});
    ASSERT_EQ(second.outcome, RefreshOutcome::Updated) << refreshOutcomeName(second.outcome);
    const Call& closed = second.catalog->calls.at(0);
    EXPECT_EQ(closed.status, CallStatus::Closed);
    EXPECT_TRUE(closed.inputsPublished);
    ASSERT_TRUE(closed.contact.has_value());
    EXPECT_EQ(closed.contact->email, "ohchr-emler@un.org");
    EXPECT_EQ(closed.documentsOnPage.size(), 3u);
    EXPECT_FALSE(closed.limits.wordsPerAnswerSet);
    EXPECT_TRUE(verifyCatalogSignature(second.catalogBytes, second.signatureText,
                                       std::vector{secretariat_.publicKey()}));
}

TEST_F(CatalogRefresherTest, ConditionalGetAnswersNotModifiedWithoutFetchingAgain)
{
    const std::string bytes = catalogWithSequence(6);
    publish(bytes, signatureOf(secretariat_, bytes));
    const CatalogRefresher client = refresher({secretariat_.publicKey()});
    const RefreshResult first = client.refresh(HeldCatalog{0, ""});
    ASSERT_EQ(first.outcome, RefreshOutcome::Updated);

    const RefreshResult second = client.refresh(HeldCatalog{6, first.etag});

    EXPECT_EQ(second.outcome, RefreshOutcome::NotModified);
    EXPECT_EQ(second.httpStatus, 304);
    EXPECT_EQ(second.etag, first.etag);
    EXPECT_FALSE(second.catalog.has_value());
}

TEST_F(CatalogRefresherTest, AStaleEtagFetchesTheNewCatalog)
{
    const std::string older = catalogWithSequence(6);
    publish(older, signatureOf(secretariat_, older));
    const CatalogRefresher client = refresher({secretariat_.publicKey()});
    const RefreshResult first = client.refresh(HeldCatalog{0, ""});
    ASSERT_EQ(first.outcome, RefreshOutcome::Updated);

    const std::string newer = catalogWithSequence(7);
    publish(newer, signatureOf(secretariat_, newer));
    const RefreshResult second = client.refresh(HeldCatalog{6, first.etag});

    ASSERT_EQ(second.outcome, RefreshOutcome::Updated);
    EXPECT_EQ(second.catalog->sequence, 7u);
    EXPECT_NE(second.etag, first.etag);
}

TEST_F(CatalogRefresherTest, SameSequenceWithoutEtagIsNotModified)
{
    const std::string bytes = catalogWithSequence(8);
    publish(bytes, signatureOf(secretariat_, bytes));

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{8, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::NotModified);
    EXPECT_EQ(result.httpStatus, 200);
}

TEST_F(CatalogRefresherTest, RefusesATamperedCatalog)
{
    const std::string bytes = catalogWithSequence(9);
    const std::string signature = signatureOf(secretariat_, bytes);
    std::string tampered = bytes;
    const std::size_t at = tampered.find("\"closed\"");
    ASSERT_NE(at, std::string::npos);
    tampered.replace(at, 8, "\"open\"  "); // same length: only the signature can tell
    publish(tampered, signature);

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::BadSignature);
    EXPECT_FALSE(result.catalog.has_value());
    EXPECT_TRUE(result.catalogBytes.empty());
}

TEST_F(CatalogRefresherTest, RefusesAnUnsignedCatalog)
{
    const std::string bytes = catalogWithSequence(10);
    publish(bytes, signatureOf(secretariat_, bytes));
    removeSignature();

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::Unsigned);
    EXPECT_EQ(result.httpStatus, 404);
    EXPECT_FALSE(result.catalog.has_value());
}

TEST_F(CatalogRefresherTest, RefusesACatalogSignedByAnUntrustedKey)
{
    const crypto::Ed25519KeyPair stranger = newKeyPair();
    const std::string bytes = catalogWithSequence(11);
    publish(bytes, signatureOf(stranger, bytes));

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::BadSignature);
    EXPECT_FALSE(result.catalog.has_value());
}

TEST_F(CatalogRefresherTest, AcceptsAnyOfSeveralTrustedKeys)
{
    const crypto::Ed25519KeyPair rotated = newKeyPair();
    const std::string bytes = catalogWithSequence(12);
    publish(bytes, signatureOf(rotated, bytes));

    const RefreshResult result =
        refresher({secretariat_.publicKey(), rotated.publicKey()}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::Updated);
}

TEST_F(CatalogRefresherTest, RefusesAGarbledSignatureFile)
{
    const std::string bytes = catalogWithSequence(13);
    publish(bytes, "not base64 at all\n");

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::BadSignature);
}

TEST_F(CatalogRefresherTest, TrustingNoKeyAcceptsNothing)
{
    const std::string bytes = catalogWithSequence(14);
    publish(bytes, signatureOf(secretariat_, bytes));

    const RefreshResult result = refresher({}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::BadSignature);
}

TEST_F(CatalogRefresherTest, RefusesARollbackToALowerSequence)
{
    const std::string bytes = catalogWithSequence(15);
    publish(bytes, signatureOf(secretariat_, bytes));

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{16, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::Rollback);
    EXPECT_EQ(result.offeredSequence, 15u);
    EXPECT_FALSE(result.catalog.has_value());
    EXPECT_TRUE(result.catalogBytes.empty());
}

TEST_F(CatalogRefresherTest, RefusesASignedButMalformedCatalog)
{
    auto document = nlohmann::json::parse(catalogWithSequence(17));
    document["calls"][0]["recipients"][0] = "age1notarecipient";
    const std::string bytes = document.dump();
    publish(bytes, signatureOf(secretariat_, bytes));

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    ASSERT_EQ(result.outcome, RefreshOutcome::Malformed);
    ASSERT_TRUE(result.catalogError.has_value());
    EXPECT_EQ(result.catalogError->code, CatalogErrorCode::BadRecipient);
    EXPECT_EQ(result.catalogError->path, "/calls/0/recipients/0");
}

TEST_F(CatalogRefresherTest, NoCatalogPublishedIsAnHttpStatus)
{
    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::HttpStatus);
    EXPECT_EQ(result.httpStatus, 404);
}

TEST_F(CatalogRefresherTest, ACaptivePortalPageIsNotACatalog)
{
    if (!isFixture()) {
        GTEST_SKIP() << "only the fixture server can play a captive portal";
    }
    const std::string bytes = catalogWithSequence(18);
    publish(bytes, signatureOf(secretariat_, bytes));
    writeServed("captive", "on");

    const RefreshResult result = refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""});

    EXPECT_EQ(result.outcome, RefreshOutcome::NotACatalog);
}

// The secretariat's flow end to end: amicus-intake makes the key and signs the file in the
// endpoint's keys folder; the app refreshes, trusting the printed public key.
TEST_F(CatalogRefresherTest, AcceptsACatalogSignedWithAmicusIntake)
{
    const char* intake = std::getenv("AMICUS_INTAKE");
    if (intake == nullptr) {
        GTEST_SKIP() << "AMICUS_INTAKE is not set (the build has no amicus-intake)";
    }
    const fs::path keyFile = root_ / "catalog-signing.pem";
    const fs::path catalogFile = root_ / "keys" / "catalog.json";
    writeServed("catalog.json", catalogWithSequence(21));
    const std::string keygen = std::string(intake) + " catalog keygen -o '" + keyFile.string() +
                               "' > '" + (root_ / "public.txt").string() + "'";
    ASSERT_EQ(std::system(keygen.c_str()), 0);
    const std::string sign = std::string(intake) + " catalog sign -k '" + keyFile.string() + "' '" +
                             catalogFile.string() + "' 2>/dev/null";
    ASSERT_EQ(std::system(sign.c_str()), 0);
    std::ifstream publicFile(root_ / "public.txt");
    std::string publicText;
    std::getline(publicFile, publicText);
    const auto publicKey = crypto::Ed25519PublicKey::fromBase64(publicText);
    ASSERT_TRUE(publicKey.ok()) << publicText;

    const RefreshResult result = refresher({*publicKey}).refresh(HeldCatalog{0, ""});

    ASSERT_EQ(result.outcome, RefreshOutcome::Updated) << refreshOutcomeName(result.outcome);
    EXPECT_EQ(result.catalog->sequence, 21u);
    EXPECT_EQ(refresher({secretariat_.publicKey()}).refresh(HeldCatalog{0, ""}).outcome,
              RefreshOutcome::BadSignature);
}

TEST(CatalogRefresherOffline, AClosedPortIsANetworkOutcome)
{
    // Bind a port, then close it so that nothing listens there.
    const int socketFd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(socketFd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(socketFd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    ASSERT_EQ(getsockname(socketFd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    close(socketFd);

    net::HttpClient http;
    RefreshSource source;
    source.origin = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    const CatalogRefresher client(http, {}, source);

    const RefreshResult result = client.refresh(HeldCatalog{0, ""});

    ASSERT_EQ(result.outcome, RefreshOutcome::Network);
    ASSERT_TRUE(result.netError.has_value());
    EXPECT_EQ(result.netError->code, net::NetErrorCode::Connect);
}

} // namespace
} // namespace amicus::calls
