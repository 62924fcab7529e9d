// HttpClient against a real HTTP server process on loopback (the Python catalog fixture).
#include "endpoint_process.h"
#include "net/http_client.h"

#include <fstream>
#include <gtest/gtest.h>
#include <random>

namespace amicus::net {
namespace {

namespace fs = std::filesystem;

class HttpClientTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device random;
        root_ = fs::temp_directory_path() /
                ("amicus-net-" + std::to_string(getpid()) + "-" + std::to_string(random()));
        fs::create_directories(root_);
        std::ofstream(root_ / "catalog.json", std::ios::binary) << body_;
        server_ = std::make_unique<calls::testing::EndpointProcess>(
            std::vector<std::string>{AMICUS_PYTHON, AMICUS_CALLS_FIXTURE_SERVER}, root_, root_);
        ASSERT_FALSE(server_->origin().empty());
    }

    void TearDown() override
    {
        server_.reset();
        fs::remove_all(root_);
    }

    HttpRequest request(const std::string& path) const
    {
        HttpRequest request;
        request.url = server_->origin() + path;
        request.totalTimeout = std::chrono::seconds(10);
        return request;
    }

    const std::string body_ = std::string(5000, 'x') + "{\"end\":true}";
    fs::path root_;
    std::unique_ptr<calls::testing::EndpointProcess> server_;
    HttpClient client_;
};

TEST_F(HttpClientTest, GetsBodyStatusAndHeaders)
{
    const auto response = client_.get(request("/catalog"));
    ASSERT_TRUE(response.ok()) << response.error().detail;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, body_);
    ASSERT_TRUE(response->header("etag").has_value()); // case-insensitive lookup
    EXPECT_EQ(response->header("ETag"), response->header("eTaG"));
    EXPECT_EQ(response->header("content-type"), "application/json");
    EXPECT_FALSE(response->header("X-Not-There").has_value());
}

TEST_F(HttpClientTest, SendsRequestHeadersForAConditionalGet)
{
    const auto first = client_.get(request("/catalog"));
    ASSERT_TRUE(first.ok());
    HttpRequest conditional = request("/catalog");
    conditional.headers.emplace_back("If-None-Match", std::string(*first->header("ETag")));
    const auto second = client_.get(conditional);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->status, 304);
    EXPECT_TRUE(second->body.empty());

    conditional.headers.back().second = "\"some-other-version\"";
    const auto third = client_.get(conditional);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->status, 200);
}

TEST_F(HttpClientTest, AnHttpErrorStatusIsAResponse)
{
    const auto response = client_.get(request("/nothing-here"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 404);
}

TEST_F(HttpClientTest, StopsAtTheBodyLimit)
{
    HttpRequest small = request("/catalog");
    small.maxBodyBytes = 1000;
    const auto response = client_.get(small);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, NetErrorCode::TooLarge);

    small.maxBodyBytes = body_.size();
    EXPECT_TRUE(client_.get(small).ok());
}

TEST(HttpClient, RefusesOtherSchemes)
{
    HttpClient client;
    for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"}) {
        HttpRequest request;
        request.url = url;
        const auto response = client.get(request);
        ASSERT_FALSE(response.ok()) << url;
        EXPECT_EQ(response.error().code, NetErrorCode::BadUrl) << url;
    }
}

} // namespace
} // namespace amicus::net

namespace amicus::net {
namespace {

TEST_F(HttpClientTest, AStalledTransferTimesOut)
{
    HttpRequest stalled = request("/stall");
    stalled.totalTimeout = std::chrono::milliseconds(1500);
    const auto started = std::chrono::steady_clock::now();
    const auto response = client_.get(stalled);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, NetErrorCode::Timeout);
    EXPECT_LT(elapsed, std::chrono::seconds(10));
}

// HTTPS with a self-signed certificate made by the OpenSSL command line for this test.
class HttpsClientTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device random;
        root_ = fs::temp_directory_path() /
                ("amicus-tls-" + std::to_string(getpid()) + "-" + std::to_string(random()));
        fs::create_directories(root_);
        std::ofstream(root_ / "catalog.json", std::ios::binary) << "{}";
        cert_ = (root_ / "cert.pem").string();
        const std::string key = (root_ / "key.pem").string();
        const std::string make =
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
            "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" +
            key + "' -out '" + cert_ + "' 2>/dev/null";
        ASSERT_EQ(std::system(make.c_str()), 0);
        const std::string pinFile = (root_ / "pin.txt").string();
        const std::string pin = "openssl x509 -in '" + cert_ +
                                "' -pubkey -noout | openssl pkey -pubin -outform der | "
                                "openssl dgst -sha256 -binary | base64 -w0 > '" +
                                pinFile + "'";
        ASSERT_EQ(std::system(pin.c_str()), 0);
        std::ifstream in(pinFile);
        std::getline(in, pin_);
        pin_ = "sha256//" + pin_;
        server_ = std::make_unique<calls::testing::EndpointProcess>(
            std::vector<std::string>{AMICUS_PYTHON, AMICUS_CALLS_FIXTURE_SERVER, "--tls-cert",
                                     cert_, "--tls-key", key},
            root_, root_);
        ASSERT_EQ(server_->origin().rfind("https://", 0), 0u) << server_->origin();
    }

    void TearDown() override
    {
        server_.reset();
        fs::remove_all(root_);
    }

    HttpRequest request() const
    {
        HttpRequest request;
        request.url = server_->origin() + "/catalog";
        request.totalTimeout = std::chrono::seconds(10);
        return request;
    }

    fs::path root_;
    std::string cert_;
    std::string pin_;
    std::unique_ptr<calls::testing::EndpointProcess> server_;
    HttpClient client_;
};

TEST_F(HttpsClientTest, VerifiesTheServerAgainstTheGivenAuthority)
{
    HttpRequest trusted = request();
    trusted.caFile = cert_;
    const auto response = client_.get(trusted);
    ASSERT_TRUE(response.ok()) << response.error().detail;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "{}");
}

TEST_F(HttpsClientTest, RefusesAnUntrustedCertificate)
{
    const auto response = client_.get(request()); // system store: the certificate is unknown
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, NetErrorCode::Tls) << response.error().detail;
}

TEST_F(HttpsClientTest, AcceptsAMatchingPinAndRefusesAnyOther)
{
    HttpRequest pinned = request();
    pinned.caFile = cert_;
    pinned.pinnedPublicKeys = {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", pin_};
    const auto matching = client_.get(pinned);
    ASSERT_TRUE(matching.ok()) << matching.error().detail;
    EXPECT_EQ(matching->status, 200);

    pinned.pinnedPublicKeys = {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="};
    const auto other = client_.get(pinned);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, NetErrorCode::PinMismatch) << other.error().detail;
}

} // namespace
} // namespace amicus::net
