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
