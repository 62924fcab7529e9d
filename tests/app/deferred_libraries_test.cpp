// qml/deferred_libraries.cpp, linked here as in the amicus executable (and without libcurl or
// libarchive): neither library is in the process until a function of it is called, and then the
// calls reach the real library with their arguments intact.
#define CURL_DISABLE_TYPECHECK
#include <QTemporaryDir>
#include <archive.h>
#include <archive_entry.h>
#include <curl/curl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>

namespace {

bool mapped(const std::string& library)
{
    std::ifstream maps("/proc/self/maps");
    std::stringstream text;
    text << maps.rdbuf();
    return text.str().find(library) != std::string::npos;
}

size_t collect(char* data, size_t size, size_t count, void* sink)
{
    static_cast<std::string*>(sink)->append(data, size * count);
    return size * count;
}

la_ssize_t appendTo(struct archive*, void* sink, const void* data, size_t size)
{
    static_cast<std::string*>(sink)->append(static_cast<const char*>(data), size);
    return static_cast<la_ssize_t>(size);
}

struct Source {
    const std::string* bytes;
    bool done = false;
};

la_ssize_t readFrom(struct archive*, void* source, const void** data)
{
    auto* from = static_cast<Source*>(source);
    if (from->done) {
        return 0;
    }
    from->done = true;
    *data = from->bytes->data();
    return static_cast<la_ssize_t>(from->bytes->size());
}

// Each starts with its library not yet loaded (libcurl does not bring libarchive, nor back).
TEST(DeferredLibraries, CurlLoadsOnFirstCallAndPassesEveryKindOfOption)
{
    ASSERT_FALSE(mapped("libcurl.so"));
    ASSERT_EQ(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
    EXPECT_TRUE(mapped("libcurl.so"));
    EXPECT_NE(curl_version_info(CURLVERSION_NOW)->version, nullptr);

    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("page.txt")).toStdString();
    std::ofstream(path) << "forty-two bytes of text, read through curl";
    CURL* curl = curl_easy_init();
    ASSERT_NE(curl, nullptr);
    std::string received;
    const std::string url = "file://" + path;
    ASSERT_EQ(curl_easy_setopt(curl, CURLOPT_URL, url.c_str()), CURLE_OK);               // pointer
    ASSERT_EQ(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &collect), CURLE_OK);        // function
    ASSERT_EQ(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &received), CURLE_OK);           // pointer
    ASSERT_EQ(curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L), CURLE_OK);              // long
    ASSERT_EQ(curl_easy_setopt(curl, CURLOPT_MAX_RECV_SPEED_LARGE, curl_off_t{1} << 40), // off_t
              CURLE_OK);
    // The long arrives intact: 77 is no HTTP version, and curl says so.
    EXPECT_EQ(curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, 77L), CURLE_UNSUPPORTED_PROTOCOL);
    ASSERT_EQ(curl_easy_perform(curl), CURLE_OK);
    EXPECT_EQ(received, "forty-two bytes of text, read through curl");
    curl_off_t downloaded = 0;
    ASSERT_EQ(curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &downloaded), CURLE_OK);
    EXPECT_EQ(downloaded, static_cast<curl_off_t>(received.size()));
    curl_easy_reset(curl);
    curl_easy_cleanup(curl);

    CURLU* parsed = curl_url();
    ASSERT_EQ(curl_url_set(parsed, CURLUPART_URL, "https://example.org:8443/files/", 0), CURLUE_OK);
    char* host = nullptr;
    ASSERT_EQ(curl_url_get(parsed, CURLUPART_HOST, &host, 0), CURLUE_OK);
    EXPECT_STREQ(host, "example.org");
    curl_free(host);
    curl_url_cleanup(parsed);

    curl_slist* headers = curl_slist_append(nullptr, "Tus-Resumable: 1.0.0");
    EXPECT_STREQ(headers->data, "Tus-Resumable: 1.0.0");
    curl_slist_free_all(headers);
    EXPECT_EQ(curl_getdate("Sun, 06 Nov 1994 08:49:37 GMT", nullptr), 784111777);
    EXPECT_STRNE(curl_easy_strerror(CURLE_OK), "");
}

TEST(DeferredLibraries, ArchiveLoadsOnFirstCallAndRoundTripsATar)
{
    ASSERT_FALSE(mapped("libarchive.so"));
    EXPECT_NE(std::string(archive_version_string()).find("libarchive"), std::string::npos);
    EXPECT_TRUE(mapped("libarchive.so"));

    std::string tar;
    struct archive* writer = archive_write_new();
    ASSERT_EQ(archive_write_set_format_pax_restricted(writer), ARCHIVE_OK);
    ASSERT_EQ(archive_write_open(writer, &tar, nullptr, &appendTo, nullptr), ARCHIVE_OK);
    const std::string body = "answers";
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname_utf8(entry, "submission.json");
    archive_entry_set_mode(entry, AE_IFREG | 0600);
    archive_entry_set_size(entry, static_cast<la_int64_t>(body.size()));
    archive_entry_set_mtime(entry, 1700000000, 0);
    archive_entry_set_uid(entry, 0);
    archive_entry_set_gid(entry, 0);
    ASSERT_EQ(archive_write_header(writer, entry), ARCHIVE_OK);
    archive_entry_free(entry);
    EXPECT_EQ(archive_write_data(writer, body.data(), body.size()),
              static_cast<la_ssize_t>(body.size()));
    ASSERT_EQ(archive_write_close(writer), ARCHIVE_OK);
    EXPECT_EQ(archive_errno(writer), 0);
    archive_write_free(writer);

    struct archive* reader = archive_read_new();
    ASSERT_EQ(archive_read_support_format_tar(reader), ARCHIVE_OK);
    Source source{&tar};
    ASSERT_EQ(archive_read_open(reader, &source, nullptr, &readFrom, nullptr), ARCHIVE_OK);
    struct archive_entry* read = nullptr;
    ASSERT_EQ(archive_read_next_header(reader, &read), ARCHIVE_OK) << archive_error_string(reader);
    EXPECT_STREQ(archive_entry_pathname(read), "submission.json");
    EXPECT_STREQ(archive_entry_pathname_utf8(read), "submission.json");
    EXPECT_EQ(archive_entry_filetype(read), static_cast<__LA_MODE_T>(AE_IFREG));
    EXPECT_EQ(archive_entry_size(read), static_cast<la_int64_t>(body.size()));
    EXPECT_EQ(archive_entry_hardlink(read), nullptr);
    EXPECT_EQ(archive_entry_symlink(read), nullptr);
    std::string content(body.size(), '\0');
    EXPECT_EQ(archive_read_data(reader, content.data(), content.size()),
              static_cast<la_ssize_t>(body.size()));
    EXPECT_EQ(content, body);
    archive_read_free(reader);
}

} // namespace
