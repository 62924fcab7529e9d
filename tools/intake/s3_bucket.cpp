#include "s3_bucket.h"

#include "file_io.h"

#include <cstdlib>
#include <curl/curl.h>
#include <fcntl.h>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace amicus::intake {

namespace {

constexpr std::uint64_t maxListPage = 16u << 20;

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// Where a response body goes: memory (bounded) or a file descriptor (bounded).
struct Sink {
    std::string* memory = nullptr;
    int fd = -1;
    std::uint64_t limit = 0;
    std::uint64_t received = 0;
    bool overLimit = false;
    bool writeFailed = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* sink = static_cast<Sink*>(user);
    const std::size_t bytes = size * count;
    std::size_t keep = bytes;
    if (sink->received + bytes > sink->limit) {
        keep = static_cast<std::size_t>(sink->limit - sink->received);
        sink->overLimit = true;
    }
    if (sink->memory != nullptr) {
        sink->memory->append(data, keep);
    } else if (keep > 0 && !writeAll(sink->fd, std::string_view(data, keep))) {
        sink->writeFailed = true;
        return 0;
    }
    sink->received += keep;
    return sink->overLimit ? 0 : bytes; // 0 ends the transfer once over the limit
}

std::string escape(CURL* curl, const std::string& text)
{
    char* escaped = curl_easy_escape(curl, text.c_str(), static_cast<int>(text.size()));
    std::string result = escaped != nullptr ? escaped : "";
    curl_free(escaped);
    return result;
}

// An object key in a URL path: each segment escaped, the slashes kept (S3 signs the path so).
std::string escapeKey(CURL* curl, const std::string& key)
{
    std::string result;
    std::size_t start = 0;
    for (;;) {
        const auto slash = key.find('/', start);
        result += escape(curl, key.substr(start, slash - start));
        if (slash == std::string::npos) {
            return result;
        }
        result += '/';
        start = slash + 1;
    }
}

// One signed GET of `pathAndQuery` (already escaped) into `sink`; the HTTP status, or 0.
long signedGet(const S3Location& location, const std::string& pathAndQuery, Sink& sink,
               std::string& error)
{
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        error = "libcurl could not start";
        return 0;
    }
    CURL* c = curl.get();
    const std::string url = location.endpoint + pathAndQuery;
    const std::string provider = "aws:amz:" + location.region + ":s3";
    const std::string credentials = location.accessKeyId + ":" + location.secretAccessKey;
    // S3 wants the payload hash as a header; the body of a GET is empty.
    std::unique_ptr<curl_slist, SlistDeleter> headers(
        curl_slist_append(nullptr, "x-amz-content-sha256: UNSIGNED-PAYLOAD"));
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_AWS_SIGV4, provider.c_str());
    curl_easy_setopt(c, CURLOPT_USERPWD, credentials.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
    // Slow links are fine; a stalled one (under 1 byte/s for a minute) is not.
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    const CURLcode code = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && sink.overLimit)) {
        error = std::string("S3 request failed: ") + curl_easy_strerror(code);
        return 0;
    }
    return status;
}

std::string xmlUnescape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out.push_back(text[i]);
            continue;
        }
        static constexpr std::pair<std::string_view, char> entities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool matched = false;
        for (const auto& [entity, ch] : entities) {
            if (text.substr(i, entity.size()) == entity) {
                out.push_back(ch);
                i += entity.size() - 1;
                matched = true;
                break;
            }
        }
        if (!matched) {
            out.push_back('&');
        }
    }
    return out;
}

// The text of the first <tag>…</tag> inside `xml` from `from`, and where it ends.
std::optional<std::string_view> element(std::string_view xml, std::string_view tag,
                                        std::size_t from = 0, std::size_t* end = nullptr)
{
    const std::string open = "<" + std::string(tag) + ">";
    const std::string close = "</" + std::string(tag) + ">";
    const auto start = xml.find(open, from);
    if (start == std::string_view::npos) {
        return std::nullopt;
    }
    const auto stop = xml.find(close, start + open.size());
    if (stop == std::string_view::npos) {
        return std::nullopt;
    }
    if (end != nullptr) {
        *end = stop + close.size();
    }
    return xml.substr(start + open.size(), stop - start - open.size());
}

} // namespace

std::optional<S3ListPage> parseListObjectsV2(const std::string& xml)
{
    const std::string_view text(xml);
    if (text.find("<ListBucketResult") == std::string_view::npos) {
        return std::nullopt;
    }
    S3ListPage page;
    std::size_t position = 0;
    std::size_t end = 0;
    while (const auto contents = element(text, "Contents", position, &end)) {
        position = end;
        const auto key = element(*contents, "Key");
        const auto size = element(*contents, "Size");
        if (!key || !size || size->empty() || size->size() > 19 ||
            size->find_first_not_of("0123456789") != std::string_view::npos) {
            return std::nullopt;
        }
        page.objects.push_back({xmlUnescape(*key), std::stoull(std::string(*size))});
    }
    if (element(text, "IsTruncated").value_or("false") == "true") {
        const auto token = element(text, "NextContinuationToken");
        if (!token || token->empty()) {
            return std::nullopt;
        }
        page.nextToken = xmlUnescape(*token);
    }
    return page;
}

std::optional<std::vector<S3Object>> S3Bucket::list(std::string& error) const
{
    std::vector<S3Object> all;
    std::optional<std::string> token;
    std::unique_ptr<CURL, CurlDeleter> escaper(curl_easy_init());
    do {
        std::string query = "/" + escape(escaper.get(), location_.bucket) + "?list-type=2";
        if (token) {
            query += "&continuation-token=" + escape(escaper.get(), *token);
        }
        std::string body;
        Sink sink{.memory = &body, .limit = maxListPage};
        const long status = signedGet(location_, query, sink, error);
        if (status == 0) {
            return std::nullopt;
        }
        if (status != 200 || sink.overLimit) {
            error = "listing the bucket answered HTTP " + std::to_string(status);
            return std::nullopt;
        }
        auto page = parseListObjectsV2(body);
        if (!page) {
            error = "the bucket listing is not a ListObjectsV2 answer";
            return std::nullopt;
        }
        all.insert(all.end(), page->objects.begin(), page->objects.end());
        token = page->nextToken;
    } while (token);
    return all;
}

std::optional<std::string> S3Bucket::get(const std::string& key, std::uint64_t limit,
                                         std::string& error) const
{
    std::unique_ptr<CURL, CurlDeleter> escaper(curl_easy_init());
    std::string body;
    Sink sink{.memory = &body, .limit = limit};
    const long status = signedGet(location_,
                                  "/" + escape(escaper.get(), location_.bucket) + "/" +
                                      escapeKey(escaper.get(), key),
                                  sink, error);
    if (status == 0) {
        return std::nullopt;
    }
    if (status != 200 || sink.overLimit) {
        error = sink.overLimit ? key + " is larger than " + std::to_string(limit) + " bytes"
                               : "getting " + key + " answered HTTP " + std::to_string(status);
        return std::nullopt;
    }
    return body;
}

bool S3Bucket::getToFile(const std::string& key, const std::filesystem::path& file,
                         std::uint64_t limit, std::string& error) const
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = "cannot create " + file.string();
        return false;
    }
    std::unique_ptr<CURL, CurlDeleter> escaper(curl_easy_init());
    Sink sink{.fd = fd, .limit = limit};
    const long status = signedGet(location_,
                                  "/" + escape(escaper.get(), location_.bucket) + "/" +
                                      escapeKey(escaper.get(), key),
                                  sink, error);
    const bool closed = ::close(fd) == 0;
    if (status == 0) {
        return false;
    }
    if (status != 200 || sink.writeFailed || !closed) {
        error = sink.writeFailed || !closed
                    ? "cannot write " + file.string()
                    : "getting " + key + " answered HTTP " + std::to_string(status);
        return false;
    }
    return true;
}

bool loadS3Credentials(const std::string& file, S3Location& location, std::string& error)
{
    if (file.empty()) {
        const char* id = std::getenv("AWS_ACCESS_KEY_ID");
        const char* secret = std::getenv("AWS_SECRET_ACCESS_KEY");
        location.accessKeyId = id != nullptr ? id : "";
        location.secretAccessKey = secret != nullptr ? secret : "";
    } else {
        const auto text = readWholeFile(file, 64 * 1024);
        if (!text) {
            error = "cannot read " + file;
            return false;
        }
        std::istringstream lines(*text);
        std::string line;
        while (std::getline(lines, line)) {
            const auto equals = line.find('=');
            if (equals == std::string::npos) {
                continue;
            }
            std::string name = line.substr(0, equals);
            std::string value = line.substr(equals + 1);
            while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) {
                value.pop_back();
            }
            if (name == "AWS_ACCESS_KEY_ID") {
                location.accessKeyId = value;
            } else if (name == "AWS_SECRET_ACCESS_KEY") {
                location.secretAccessKey = value;
            }
        }
    }
    if (location.accessKeyId.empty() || location.secretAccessKey.empty()) {
        error = "S3 credentials missing: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, in " +
                (file.empty() ? std::string("the environment (or --s3-credentials FILE)") : file);
        return false;
    }
    return true;
}

} // namespace amicus::intake
