// PackageReader against decompression-bomb style packages an attacker can encrypt to the
// secretariat's public recipient: sparse entries in each of GNU tar's four formats, sizes the
// manifest or the envelope cannot hold, entries before submission.json, very long or deep
// names and many tiny entries. Tars are written byte by byte (tar_bytes.h) and encrypted with
// the real `age` command line, exactly as a sender could.
#include "crypto/age_keys.h"
#include "crypto/sha256.h"
#include "package/package_reader.h"
#include "package_test_support.h"
#include "tar_bytes.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace amicus::package {
namespace {

using namespace testing;

constexpr std::uint64_t sparseRealSize = std::uint64_t{64} * 1024 * 1024;

struct Listed {
    std::string path;
    std::uint64_t size;
    crypto::Sha256Digest sha256;
};

// A submission.json the reader accepts, listing `attachments`.
std::string manifestListing(const std::vector<Listed>& attachments)
{
    nlohmann::json list = nlohmann::json::array();
    for (const Listed& item : attachments) {
        list.push_back({{"path", item.path},
                        {"name", item.path.substr(item.path.rfind('/') + 1)},
                        {"media_type", "application/octet-stream"},
                        {"sha256", crypto::toHex(item.sha256)},
                        {"size", item.size}});
    }
    const nlohmann::json json = {
        {"format", "amicus-submission"},
        {"version", 1},
        {"call_id", "call-1"},
        {"submission_id", "639549b7-a0e5-4285-a493-ebf8dae57be5"},
        {"language", "en"},
        {"created_at", "2026-01-01T00:00:00Z"},
        {"submitter", {{"organization", nullptr}}},
        {"publication_consent", "public"},
        {"answers", nlohmann::json::object()},
        {"attachments", std::move(list)},
    };
    return json.dump();
}

// The SHA-256 of `head` followed by zeros up to `size` bytes: what a sparse file reads as.
crypto::Sha256Digest sha256OfSparse(const std::string& head, std::uint64_t size)
{
    crypto::Sha256 hash;
    hash.update(std::span(reinterpret_cast<const std::uint8_t*>(head.data()), head.size()));
    const std::vector<std::uint8_t> zeros(1 << 20, 0);
    for (std::uint64_t done = head.size(); done < size;) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(zeros.size(), size - done));
        hash.update(std::span(zeros.data(), n));
        done += n;
    }
    return hash.finish();
}

struct BombFixture {
    TempDir dir;
    CliKey key = makeCliKey(dir, "secretariat");
    crypto::X25519Identity identity =
        std::move(crypto::parseIdentityFile(readFile(key.identityFile)).value().front());

    // Encrypts `tar` to the secretariat's recipient with the age command line.
    std::filesystem::path encrypt(const std::string& name, const std::string& tar)
    {
        const auto plain = dir / (name + ".tar");
        const auto envelope = dir / (name + ".age");
        writeFile(plain, tar);
        EXPECT_EQ(runShell("age -r " + key.recipient + " -o " + shellQuote(envelope.string()) +
                           " " + shellQuote(plain.string())),
                  0);
        return envelope;
    }

    // Extracts `tar` (encrypted first) into a fresh sandbox; the sandbox must stay empty.
    PackageResult<ExtractedSubmission> extractTar(const std::string& name, const std::string& tar,
                                                  const PackageReadOptions& options = {})
    {
        const auto envelope = encrypt(name, tar);
        const auto sandbox = dir / ("sandbox-" + name);
        std::filesystem::create_directories(sandbox);
        const crypto::AgeIdentity* identities[] = {&identity};
        auto result = PackageReader::extract(envelope, identities, sandbox / "out", options);
        if (!result.ok()) {
            EXPECT_TRUE(std::filesystem::is_empty(sandbox)) << name;
        }
        return result;
    }
};

std::string describe(const PackageResult<ExtractedSubmission>& result)
{
    return result.ok()
               ? std::string("extracted")
               : std::string(packageErrcName(result.error().code)) + " " + result.error().detail;
}

TEST(PackageBombs, SparseEntriesAreRefusedInEveryFormat)
{
    BombFixture f;
    const std::string head = "hello";
    const std::string path = "attachments/zeros.bin";
    const std::string manifest =
        manifestListing({{path, sparseRealSize, sha256OfSparse(head, sparseRealSize)}});
    const std::vector<std::pair<const char*, SparseFormat>> formats = {
        {"gnu-old", SparseFormat::OldGnu},
        {"pax-0.0", SparseFormat::Pax00},
        {"pax-0.1", SparseFormat::Pax01},
        {"pax-1.0", SparseFormat::Pax10},
    };
    for (const auto& [name, format] : formats) {
        // A few KiB of envelope that would unpack to 64 MiB of zeros matching the manifest.
        const std::string tar = tarFile("submission.json", manifest) +
                                sparseEntry(format, path, head, sparseRealSize) + tarEnd();
        ASSERT_LT(tar.size(), 8U * 1024) << name;
        auto result = f.extractTar(std::string("sparse-") + name, tar);
        ASSERT_FALSE(result.ok()) << name << ": " << describe(result);
        EXPECT_EQ(result.error().code, PackageErrc::SparseEntry)
            << name << ": " << describe(result);
    }
    // A sparse submission.md is refused the same way.
    const std::string tar = tarFile("submission.json", manifestListing({})) +
                            sparseEntry(SparseFormat::Pax10, "submission.md", head, 1 << 20) +
                            tarEnd();
    auto result = f.extractTar("sparse-rendering", tar);
    ASSERT_FALSE(result.ok()) << describe(result);
    EXPECT_EQ(result.error().code, PackageErrc::SparseEntry) << describe(result);
}

TEST(PackageBombs, SizesBeyondTheManifestOrTheEnvelopeAreRefusedBeforeWriting)
{
    BombFixture f;
    const std::uint64_t huge = std::uint64_t{8} * 1024 * 1024 * 1024;
    const std::string body(1024, 'x');
    struct Case {
        const char* name;
        std::string tar;
        PackageErrc expected;
    };
    const std::vector<Case> cases = {
        // The manifest says 5 bytes; the entry declares 1 GiB and carries 1 KiB.
        {"larger-than-listed",
         tarFile("submission.json",
                 manifestListing({{"attachments/a.bin", 5, sha256Of("hello")}})) +
             tarHeader("attachments/a.bin", std::uint64_t{1} << 30) + body,
         PackageErrc::EntryLargerThanManifest},
        // The manifest agrees with an 8 GiB entry, which no envelope of a few KiB can hold.
        {"huge-declared-short-body",
         tarFile("submission.json",
                 manifestListing({{"attachments/a.bin", huge, sha256OfSparse("", 0)}})) +
             tarHeader("attachments/a.bin", huge) + body,
         PackageErrc::LargerThanEnvelope},
        // submission.md has no size in the manifest; the envelope still bounds it.
        {"huge-rendering",
         tarFile("submission.json", manifestListing({})) + tarHeader("submission.md", huge) + body,
         PackageErrc::LargerThanEnvelope},
    };
    for (const Case& c : cases) {
        auto result = f.extractTar(c.name, c.tar);
        ASSERT_FALSE(result.ok()) << c.name;
        EXPECT_EQ(result.error().code, c.expected) << c.name << ": " << describe(result);
    }
}

TEST(PackageBombs, SubmissionJsonMustComeFirst)
{
    BombFixture f;
    const std::string manifest =
        tarFile("submission.json", manifestListing({{"attachments/a.txt", 5, sha256Of("hello")}}));
    const std::vector<std::pair<const char*, std::string>> cases = {
        {"attachment-first", tarFile("attachments/a.txt", "hello") + manifest + tarEnd()},
        {"rendering-first", tarFile("submission.md", "# x\n") + manifest + tarEnd()},
        {"directory-first", tarHeader("attachments/", 0, '5') + manifest + tarEnd()},
        {"no-manifest", tarFile("attachments/a.txt", "hello") + tarEnd()},
    };
    for (const auto& [name, tar] : cases) {
        auto result = f.extractTar(name, tar);
        ASSERT_FALSE(result.ok()) << name;
        EXPECT_EQ(result.error().code, PackageErrc::ManifestNotFirst)
            << name << ": " << describe(result);
    }
    // The writer's order is accepted.
    auto good =
        f.extractTar("manifest-first", manifest + tarHeader("attachments/", 0, '5') +
                                           tarFile("attachments/a.txt", "hello") + tarEnd());
    ASSERT_TRUE(good.ok()) << describe(good);
    EXPECT_EQ(readFile(good->attachments.at(0).file), "hello");
}

TEST(PackageBombs, LongDeepAndEscapingNamesAreRefusedAndNeverEchoedRaw)
{
    BombFixture f;
    std::string deep;
    for (int i = 0; i < 4000; ++i) {
        deep += "a/";
    }
    const std::string manifest = tarFile("submission.json", manifestListing({}));
    const std::vector<std::pair<const char*, std::string>> cases = {
        {"long", "attachments/" + std::string(60000, 'n') + ".pdf"},
        {"deep", deep + "x"},
        {"terminal-escape", "attachments/\x1b]0;owned\x07\x1b[2J\x1b[31mreport.pdf"},
        {"escape-outside", "\x1b[2J\x1b[1;1Hrun.sh"},
    };
    for (const auto& [name, path] : cases) {
        const std::string tar = manifest + paxHeader({{"path", path}}) +
                                tarHeader("placeholder", 3) + padded("abc") + tarEnd();
        auto result = f.extractTar(name, tar);
        ASSERT_FALSE(result.ok()) << name;
        EXPECT_EQ(result.error().code, PackageErrc::UnsafeEntry)
            << name << ": " << describe(result);
        // The detail ends up on the officer's terminal and in logs: short, no controls.
        const std::string& detail = result.error().detail;
        EXPECT_LE(detail.size(), 300U) << name;
        for (const char c : detail) {
            EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                << name << ": control character " << int(c) << " in the detail";
        }
    }
}

// A package of `count` one-byte attachments, all listed in submission.json.
std::string tinyEntries(std::size_t count)
{
    std::vector<Listed> listed;
    std::string entries;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string content(1, static_cast<char>('a' + i % 26));
        const std::string path = "attachments/" + std::to_string(i) + ".txt";
        listed.push_back({path, 1, sha256Of(content)});
        entries += tarFile(path, content);
    }
    return tarFile("submission.json", manifestListing(listed)) + tarHeader("attachments/", 0, '5') +
           entries + tarEnd();
}

TEST(PackageBombs, ManyTinyEntriesAreRefused)
{
    BombFixture f;
    const PackageReadOptions defaults;
    auto result = f.extractTar("many-tiny", tinyEntries(defaults.maxAttachments + 1));
    ASSERT_FALSE(result.ok()) << describe(result);
    EXPECT_EQ(result.error().code, PackageErrc::TooManyEntries) << describe(result);

    // The limit is the number listed (smaller here, as extracting a thousand files is slow).
    PackageReadOptions options;
    options.maxAttachments = 20;
    auto over = f.extractTar("over-limit", tinyEntries(21), options);
    ASSERT_FALSE(over.ok()) << describe(over);
    EXPECT_EQ(over.error().code, PackageErrc::TooManyEntries) << describe(over);
    auto atLimit = f.extractTar("at-limit", tinyEntries(20), options);
    ASSERT_TRUE(atLimit.ok()) << describe(atLimit);
    EXPECT_EQ(atLimit->attachments.size(), 20U);
}

// The same bombs seed the fuzzer (tests/package/fuzz_seeds/bomb-<what>.<PackageErrc>.tar):
// each is refused with the code its name ends with.
TEST(PackageBombs, FuzzSeedBombsAreRefusedWithTheirNamedReason)
{
    BombFixture f;
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PACKAGE_FUZZ_SEEDS_DIR)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind("bomb-", 0) != 0) {
            continue;
        }
        ++seen;
        const std::string stem = entry.path().stem().string();
        const std::string expected = stem.substr(stem.rfind('.') + 1);
        auto result = f.extractTar(stem, readFile(entry.path()));
        ASSERT_FALSE(result.ok()) << file;
        EXPECT_EQ(packageErrcName(result.error().code), expected)
            << file << ": " << describe(result);
    }
    EXPECT_GE(seen, 11);
}

} // namespace
} // namespace amicus::package
