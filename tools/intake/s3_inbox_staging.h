// `amicus-intake inbox s3://BUCKET`: brings what the inbox needs from the endpoint's bucket
// (server/ with --s3-endpoint) into a temporary directory laid out like the endpoint's data
// directory, so the very same checks run on it: per upload `uploads/<id>` (the finished
// object's bytes, or an empty file while the upload is unfinished) and `uploads/<id>.json`
// (the tus record @tus/s3-store keeps as `<id>.info`), and `receipts/<submission id>.json`
// (the endpoint's `receipts/` prefix). Submissions already unpacked in OUT_DIR are not
// fetched again. The directory is removed when the staging object goes.
#pragma once

#include "s3_bucket.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace amicus::intake {

class S3Staging {
public:
    S3Staging(const S3Staging&) = delete;
    S3Staging& operator=(const S3Staging&) = delete;
    S3Staging(S3Staging&& other) noexcept : dir_(std::move(other.dir_)) { other.dir_.clear(); }
    S3Staging& operator=(S3Staging&& other) noexcept
    {
        std::swap(dir_, other.dir_);
        return *this;
    }
    ~S3Staging();

    // Fetches the bucket's uploads and receipts; nullopt with `error` when the bucket cannot
    // be read.
    static std::optional<S3Staging> fetch(const S3Bucket& bucket,
                                          const std::filesystem::path& outDir, std::string& error);
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

private:
    explicit S3Staging(std::filesystem::path dir) : dir_(std::move(dir)) {}
    std::filesystem::path dir_;
};

// "s3://BUCKET" -> "BUCKET" (nullopt for anything else, or a bucket name S3 would refuse).
[[nodiscard]] std::optional<std::string> bucketOfS3Url(const std::string& text);

} // namespace amicus::intake
