#include "s3_inbox_staging.h"

#include "file_io.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace amicus::intake {

namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t maxRecordBytes = 1u << 20;

bool isSafeName(const std::string& name, std::size_t maxLength)
{
    if (name.empty() || name.size() > maxLength || name.front() == '.') {
        return false;
    }
    for (const char ch : name) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                        (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool writeSmall(const fs::path& path, const std::string& text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return false;
    }
    const bool ok = writeAll(fd, text);
    return ::close(fd) == 0 && ok;
}

} // namespace

std::optional<std::string> bucketOfS3Url(const std::string& text)
{
    constexpr std::string_view scheme = "s3://";
    if (text.rfind(scheme, 0) != 0) {
        return std::nullopt;
    }
    std::string bucket = text.substr(scheme.size());
    if (!bucket.empty() && bucket.back() == '/') {
        bucket.pop_back();
    }
    if (bucket.size() < 3 || bucket.size() > 63) {
        return std::nullopt;
    }
    for (const char ch : bucket) {
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.')) {
            return std::nullopt;
        }
    }
    return bucket;
}

S3Staging::~S3Staging()
{
    if (!dir_.empty()) {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
}

std::optional<S3Staging> S3Staging::fetch(const S3Bucket& bucket, const fs::path& outDir,
                                          std::string& error)
{
    std::string pattern = (fs::temp_directory_path() / "amicus-intake-s3-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        error = "cannot make a temporary directory";
        return std::nullopt;
    }
    S3Staging staging{fs::path(pattern)};
    const fs::path uploads = staging.dir() / "uploads";
    const fs::path receipts = staging.dir() / "receipts";
    std::error_code fsError;
    fs::create_directories(uploads, fsError);
    fs::create_directories(receipts, fsError);
    if (fsError) {
        error = "cannot make " + uploads.string();
        return std::nullopt;
    }

    const auto objects = bucket.list(error);
    if (!objects) {
        return std::nullopt;
    }
    std::map<std::string, std::uint64_t> sizes;
    for (const auto& object : *objects) {
        sizes[object.key] = object.size;
    }
    int fetched = 0;
    int known = 0;
    for (const auto& [key, size] : sizes) {
        constexpr std::string_view infoSuffix = ".info";
        constexpr std::string_view receiptPrefix = "receipts/";
        if (key.size() > infoSuffix.size() && key.ends_with(infoSuffix)) {
            const std::string id = key.substr(0, key.size() - infoSuffix.size());
            if (!isSafeName(id, 200)) {
                continue; // not an upload id the endpoint makes; nothing to read there
            }
            const auto info = bucket.get(key, maxRecordBytes, error);
            if (!info) {
                return std::nullopt;
            }
            const auto json = nlohmann::json::parse(*info, nullptr, false);
            const nlohmann::json* submission = nullptr;
            if (json.is_object() && json.contains("metadata") && json["metadata"].is_object() &&
                json["metadata"].contains("submission_id") &&
                json["metadata"]["submission_id"].is_string()) {
                submission = &json["metadata"]["submission_id"];
            }
            if (submission != nullptr) {
                const auto submissionId = submission->get<std::string>();
                if (isSafeName(submissionId, 64) && fs::exists(outDir / submissionId, fsError)) {
                    ++known;
                    continue;
                }
            }
            // The inbox checks the record itself (malformed, oversized...), as for a directory.
            if (!writeSmall(uploads / (id + ".json"), *info)) {
                error = "cannot write in " + uploads.string();
                return std::nullopt;
            }
            const bool finished = sizes.count(id) != 0;
            const bool declared =
                json.is_object() && json.contains("size") && json["size"].is_number_unsigned();
            if (!finished || !declared) {
                // Unfinished: an empty file says "0 bytes so far" to the inbox.
                if (!writeSmall(uploads / id, "")) {
                    error = "cannot write in " + uploads.string();
                    return std::nullopt;
                }
                continue;
            }
            // One byte over the declared size is enough for the inbox to call it oversized.
            const auto limit = json["size"].get<std::uint64_t>() + 1;
            if (!bucket.getToFile(id, uploads / id, limit, error)) {
                return std::nullopt;
            }
            ++fetched;
        } else if (key.rfind(receiptPrefix, 0) == 0 && key.ends_with(".json")) {
            const std::string submissionId =
                key.substr(receiptPrefix.size(), key.size() - receiptPrefix.size() - 5);
            if (!isSafeName(submissionId, 64) || fs::exists(outDir / submissionId, fsError)) {
                continue;
            }
            const auto receipt = bucket.get(key, maxRecordBytes, error);
            if (!receipt) {
                return std::nullopt;
            }
            if (!writeSmall(receipts / (submissionId + ".json"), *receipt)) {
                error = "cannot write in " + receipts.string();
                return std::nullopt;
            }
        }
    }
    (void)std::fprintf(stderr, "s3: %d finished upload(s) fetched, %d already in %s\n", fetched,
                       known, outDir.c_str());
    return staging;
}

} // namespace amicus::intake
