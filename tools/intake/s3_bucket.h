// Read access to an S3 bucket (AWS S3, Ceph radosgw, MinIO...) over libcurl, signed with
// libcurl's own AWS SigV4 (CURLOPT_AWS_SIGV4): list the keys, fetch small objects into
// memory and large ones into files. Used by `amicus-intake inbox s3://BUCKET`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace amicus::intake {

struct S3Location {
    std::string endpoint; // http(s)://host[:port], path-style addressing
    std::string bucket;
    std::string region = "us-east-1";
    std::string accessKeyId;
    std::string secretAccessKey;
};

struct S3Object {
    std::string key;
    std::uint64_t size = 0;
};

class S3Bucket {
public:
    explicit S3Bucket(S3Location location) : location_(std::move(location)) {}

    // Every key in the bucket (following continuation tokens), or nullopt with `error` set.
    [[nodiscard]] std::optional<std::vector<S3Object>> list(std::string& error) const;
    // The object's bytes when it has at most `limit` of them.
    [[nodiscard]] std::optional<std::string> get(const std::string& key, std::uint64_t limit,
                                                 std::string& error) const;
    // Streams the object into `file` (created 0600), stopping after `limit` bytes: a larger
    // object is written up to limit and reported by size, not silently cut.
    [[nodiscard]] bool getToFile(const std::string& key, const std::filesystem::path& file,
                                 std::uint64_t limit, std::string& error) const;

private:
    S3Location location_;
};

// The keys and sizes of one ListObjectsV2 answer, its continuation token when truncated.
struct S3ListPage {
    std::vector<S3Object> objects;
    std::optional<std::string> nextToken;
};
[[nodiscard]] std::optional<S3ListPage> parseListObjectsV2(const std::string& xml);

// S3 credentials from a KEY=value file (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), or from
// the environment when `file` is empty. Nullopt with `error` when missing.
[[nodiscard]] bool loadS3Credentials(const std::string& file, S3Location& location,
                                     std::string& error);

} // namespace amicus::intake
