// One finalize as the app does it, for the memory benchmark: an attachment kept as an age
// file to the vault key is decrypted on the fly and packaged into an envelope to the call's
// recipient. Prints one JSON line: the envelope's size and SHA-256, and how progress went
// (reports, the last one against the total, the longest silence between two reports or
// between the last report and the envelope being durable).
//
// Usage: package_finalize_bench VAULT_KEY_FILE BLOB SIZE SHA256_HEX RECIPIENT OUT
// [--hash-plaintext]
// (--hash-plaintext: check the plaintext's SHA-256 too, as for a blob recorded before its
// header MAC was, to compare by hand)
#include "crypto/age_format.h"
#include "crypto/age_keys.h"
#include "crypto/byte_stream.h"
#include "crypto/sha256.h"
#include "package/age_file_source.h"
#include "package/submission_package.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

namespace {

using namespace amicus;

bool parseHex(const std::string& hex, std::array<std::uint8_t, 32>& out)
{
    if (hex.size() != 64) {
        return false;
    }
    for (std::size_t i = 0; i < 32; ++i) {
        out[i] = static_cast<std::uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
    }
    return true;
}

std::optional<std::array<std::uint8_t, 32>> headerMac(const std::string& path)
{
    auto file = crypto::FileSource::open(path);
    if (!file) {
        return std::nullopt;
    }
    crypto::BufferedSource buffered(**file);
    auto header = crypto::parseAgeHeader(buffered);
    if (!header) {
        return std::nullopt;
    }
    return header->mac;
}

} // namespace

int main(int argc, char** argv)
{
    const bool hashPlaintext = argc == 8 && std::string(argv[7]) == "--hash-plaintext";
    if (argc != 7 && !hashPlaintext) {
        std::fprintf(stderr,
                     "usage: %s VAULT_KEY BLOB SIZE SHA256 RECIPIENT OUT [--hash-plaintext]\n",
                     argv[0]);
        return 2;
    }
    std::ifstream keyFile(argv[1]);
    const std::string keyText((std::istreambuf_iterator<char>(keyFile)),
                              std::istreambuf_iterator<char>());
    auto identities = crypto::parseIdentityFile(keyText);
    if (!identities) {
        std::fprintf(stderr, "bad vault key: %s\n", identities.error().detail.c_str());
        return 2;
    }
    const crypto::X25519Identity& vault = identities.value().front();

    package::SubmissionPackage submission;
    submission.callId = "hrc54-emler-reimagining-policing";
    submission.submissionId = package::newSubmissionId().value();
    submission.language = "en";
    submission.submitter = {"Bench NGO", "NGO", "Nowhere", "bench@example.org"};
    submission.answers = {{"q1", "Question one", "An answer."}};
    package::PackageAttachment attachment;
    attachment.fileName = "video.mp4";
    attachment.mediaType = "video/mp4";
    attachment.size = std::stoull(argv[3]);
    if (!parseHex(argv[4], attachment.sha256)) {
        std::fprintf(stderr, "bad sha256\n");
        return 2;
    }
    const std::string blob = argv[2];
    // As the app does (core/submission/draft_package.cpp): the blob is held to the header MAC
    // the vault recorded when it wrote it, and decryption authenticates the rest, so the
    // plaintext is not hashed again. The app reads the MAC from its record; here it is read
    // from the blob's header (a few hundred bytes, inside the time measured).
    const auto blobMac = headerMac(blob);
    if (!blobMac) {
        std::fprintf(stderr, "blob has no age header\n");
        return 2;
    }
    attachment.openAuthenticates = !hashPlaintext;
    attachment.open = [&blob, &vault, &blobMac] {
        return package::AgeFileSource::open(blob, vault, blobMac);
    };
    submission.attachments.push_back(std::move(attachment));

    using Clock = std::chrono::steady_clock;
    const Clock::time_point started = Clock::now();
    Clock::time_point lastReport = started;
    double longestSilence = 0;
    std::uint64_t reports = 0;
    package::PackageProgress last;
    package::PackageWriteOptions options;
    options.onProgress = [&](const package::PackageProgress& progress) {
        const Clock::time_point now = Clock::now();
        longestSilence =
            std::max(longestSilence, std::chrono::duration<double>(now - lastReport).count());
        lastReport = now;
        last = progress;
        ++reports;
    };
    auto written = package::PackageWriter::write(submission, {argv[5]}, argv[6], options);
    const Clock::time_point done = Clock::now();
    const double endSilence = std::chrono::duration<double>(done - lastReport).count();
    longestSilence = std::max(longestSilence, endSilence);
    if (!written) {
        std::fprintf(stderr, "finalize failed: %s %s\n",
                     package::packageErrcName(written.error().code),
                     written.error().detail.c_str());
        return 1;
    }
    std::printf(
        "{\"size\":%llu,\"sha256\":\"%s\",\"seconds\":%.4f,\"progress_reports\":%llu,"
        "\"progress_done\":%llu,\"progress_total\":%llu,\"longest_silence_s\":%.4f,"
        "\"end_silence_s\":%.4f}\n",
        static_cast<unsigned long long>(written->size), crypto::toHex(written->sha256).c_str(),
        std::chrono::duration<double>(done - started).count(),
        static_cast<unsigned long long>(reports), static_cast<unsigned long long>(last.bytesDone),
        static_cast<unsigned long long>(last.bytesTotal), longestSilence, endSilence);
    return 0;
}
