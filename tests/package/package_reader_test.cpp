// PackageReader: round trip with the writer, and refusal of hostile or damaged envelopes
// built with Python's tarfile and the real age command line.
#include "crypto/age_keys.h"
#include "package/package_reader.h"
#include "package/submission_package.h"
#include "package_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace amicus::package {
namespace {

using namespace testing;

crypto::X25519Identity loadIdentity(const CliKey& key)
{
    auto identities = crypto::parseIdentityFile(readFile(key.identityFile));
    EXPECT_TRUE(identities.ok());
    return std::move(identities.value().front());
}

PackageResult<ExtractedSubmission> extractWith(const crypto::X25519Identity& identity,
                                               const std::filesystem::path& envelope,
                                               const std::filesystem::path& destination)
{
    const crypto::AgeIdentity* identities[] = {&identity};
    return PackageReader::extract(envelope, identities, destination);
}

struct Fixture {
    TempDir dir;
    CliKey key = makeCliKey(dir, "secretariat");
    crypto::X25519Identity identity = loadIdentity(key);
    std::string photo = randomText(1024 * 1024 + 1, 11);
    SubmissionPackage submission;
    std::filesystem::path envelope = dir / "sub.age";

    Fixture()
    {
        submission.callId = "call-1";
        submission.submissionId = newSubmissionId().value();
        submission.language = "es";
        submission.submitter = {"Colectivo", "", "México", ""};
        submission.consent = PublicationConsent::Confidential;
        submission.answers = {{"q1", "¿Qué funciona?", "La mediación."}};
        writeFile(dir / "photo", photo);
        writeFile(dir / "empty", "");
        submission.attachments.push_back(fileAttachment(dir / "photo", "foto.jpg", "image/jpeg"));
        submission.attachments.push_back(fileAttachment(dir / "empty", "vacío.txt", "text/plain"));
        auto written = PackageWriter::write(submission, {key.recipient}, envelope);
        EXPECT_TRUE(written.ok());
    }

    // Encrypts `tarFile` with the age CLI to the fixture's key.
    std::filesystem::path encryptTar(const std::filesystem::path& tarFile)
    {
        const auto out = tarFile.string() + ".age";
        EXPECT_EQ(runShell("age -r " + key.recipient + " -o " + shellQuote(out) + " " +
                           shellQuote(tarFile.string())),
                  0);
        return out;
    }

    // A submission.json the reader accepts, listing attachments/a.txt as "hello", as a
    // Python bytes literal.
    std::string validManifest() const
    {
        const nlohmann::json json = {
            {"format", "amicus-submission"},
            {"version", 1},
            {"call_id", "c"},
            {"submission_id", submission.submissionId},
            {"language", "en"},
            {"created_at", "2026-01-01T00:00:00Z"},
            {"submitter", {{"organization", nullptr}}},
            {"publication_consent", "public"},
            {"answers", nlohmann::json::object()},
            {"attachments",
             {{{"path", "attachments/a.txt"},
               {"name", "a.txt"},
               {"media_type", "text/plain"},
               {"sha256", crypto::toHex(sha256Of("hello"))},
               {"size", 5}}}},
        };
        std::string escaped;
        for (char c : json.dump()) {
            if (c == '\'' || c == '\\') {
                escaped += '\\';
            }
            escaped += c;
        }
        return "b'" + escaped + "'";
    }

    // Runs a Python tarfile script with `tar` bound to an open pax archive at `tarFile`.
    std::filesystem::path pythonTar(const std::string& name, const std::string& body)
    {
        const auto tarFile = dir / (name + ".tar");
        const auto script = dir / (name + ".py");
        writeFile(script,
                  "import io, sys, tarfile\n"
                  "def add(tar, name, data, **kw):\n"
                  "    info = tarfile.TarInfo(name)\n"
                  "    info.size = len(data)\n"
                  "    for k, v in kw.items(): setattr(info, k, v)\n"
                  "    tar.addfile(info, io.BytesIO(data))\n"
                  "with tarfile.open(sys.argv[1], 'w', format=tarfile.PAX_FORMAT) as tar:\n" +
                      body);
        EXPECT_EQ(
            runShell("python3 " + shellQuote(script.string()) + " " + shellQuote(tarFile.string())),
            0);
        return encryptTar(tarFile);
    }
};

TEST(PackageReader, ExtractsWhatTheWriterWrote)
{
    Fixture f;
    const auto out = f.dir / "inbox" / "one";
    std::filesystem::create_directories(out.parent_path());
    std::vector<std::uint64_t> progress;
    const crypto::AgeIdentity* identities[] = {&f.identity};
    PackageReadOptions options;
    options.onProgress = [&](std::uint64_t n) { progress.push_back(n); };
    auto extracted = PackageReader::extract(f.envelope, identities, out, options);
    ASSERT_TRUE(extracted.ok()) << packageErrcName(extracted.error().code) << " "
                                << extracted.error().detail;
    EXPECT_EQ(extracted->version, 1);
    EXPECT_EQ(extracted->callId, "call-1");
    EXPECT_EQ(extracted->submissionId, f.submission.submissionId);
    EXPECT_EQ(extracted->language, "es");
    EXPECT_EQ(extracted->submitter.organization, "Colectivo");
    EXPECT_EQ(extracted->submitter.organizationKind, "");
    EXPECT_EQ(extracted->submitter.country, "México");
    EXPECT_EQ(extracted->consent, PublicationConsent::Confidential);
    EXPECT_EQ(extracted->answers.at("q1"), "La mediación.");
    EXPECT_TRUE(extracted->hasRendering);
    ASSERT_EQ(extracted->attachments.size(), 2U);
    EXPECT_EQ(extracted->attachments[0].path, "attachments/foto.jpg");
    EXPECT_EQ(extracted->attachments[0].mediaType, "image/jpeg");
    EXPECT_EQ(extracted->attachments[0].size, f.photo.size());
    EXPECT_TRUE(readFile(extracted->attachments[0].file) == f.photo);
    EXPECT_EQ(extracted->attachments[1].name, "vacío.txt");
    EXPECT_EQ(readFile(extracted->attachments[1].file), "");
    EXPECT_NE(readFile(out / "submission.md").find("## Respuestas"), std::string::npos);
    EXPECT_EQ(std::filesystem::status(out).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_all);
    ASSERT_FALSE(progress.empty());
    EXPECT_GT(progress.back(), f.photo.size());

    // The destination must be new: a second extraction into it is refused, untouched.
    auto again = extractWith(f.identity, f.envelope, out);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, PackageErrc::DestinationExists);
    EXPECT_TRUE(std::filesystem::exists(out / "submission.json"));
}

TEST(PackageReader, RefusesHostileTars)
{
    Fixture f;
    const std::string manifest = "    add(tar, 'submission.json', " + f.validManifest() + ")\n";
    struct Case {
        const char* name;
        std::string body;
    };
    const std::vector<Case> cases = {
        {"dotdot", manifest + "    add(tar, '../evil', b'owned')\n"},
        {"dotdot-inside", "    add(tar, 'attachments/../../evil', b'owned')\n"},
        {"absolute", "    add(tar, '/tmp/amicus-package-evil-absolute', b'owned')\n"},
        {"symlink", "    add(tar, 'attachments/link', b'', type=tarfile.SYMTYPE, "
                    "linkname='/etc/passwd')\n"},
        {"symlink-then-write", "    add(tar, 'attachments', b'', type=tarfile.SYMTYPE, "
                               "linkname='..')\n"
                               "    add(tar, 'attachments/evil', b'owned')\n"},
        {"hardlink", manifest + "    add(tar, 'attachments/hard', b'', type=tarfile.LNKTYPE, "
                                "linkname='submission.json')\n"},
        {"device", "    add(tar, 'attachments/dev', b'', type=tarfile.CHRTYPE, devmajor=1, "
                   "devminor=3)\n"},
        {"fifo", "    add(tar, 'attachments/fifo', b'', type=tarfile.FIFOTYPE)\n"},
        {"unexpected", "    add(tar, 'run.sh', b'#!/bin/sh')\n"},
        {"nested", "    add(tar, 'attachments/sub/file', b'x')\n"},
        {"duplicate", manifest + "    add(tar, 'attachments/a.txt', b'hello')\n"
                                 "    add(tar, 'attachments/a.txt', b'hello')\n"},
    };
    for (const Case& c : cases) {
        const auto envelope = f.pythonTar(c.name, c.body);
        const auto sandbox = f.dir / (std::string("sandbox-") + c.name);
        std::filesystem::create_directories(sandbox);
        const auto out = sandbox / "out";
        auto extracted = extractWith(f.identity, envelope, out);
        ASSERT_FALSE(extracted.ok()) << c.name;
        EXPECT_EQ(extracted.error().code, PackageErrc::UnsafeEntry)
            << c.name << ": " << packageErrcName(extracted.error().code) << " "
            << extracted.error().detail;
        EXPECT_FALSE(std::filesystem::exists(out)) << c.name;
        EXPECT_TRUE(std::filesystem::is_empty(sandbox)) << c.name;
    }
    EXPECT_FALSE(std::filesystem::exists(f.dir / "evil"));
    EXPECT_FALSE(std::filesystem::exists("/tmp/amicus-package-evil-absolute"));
}

TEST(PackageReader, ChecksAttachmentsAgainstTheManifest)
{
    Fixture f;
    auto manifestFor = [&](const std::string& sha, std::size_t size) {
        nlohmann::json json = {
            {"format", "amicus-submission"},
            {"version", 1},
            {"call_id", "c"},
            {"submission_id", f.submission.submissionId},
            {"language", "en"},
            {"created_at", "2026-01-01T00:00:00Z"},
            {"submitter", {{"organization", nullptr}}},
            {"publication_consent", "public"},
            {"answers", nlohmann::json::object()},
            {"attachments",
             {{{"path", "attachments/a.txt"},
               {"name", "a.txt"},
               {"media_type", "text/plain"},
               {"sha256", sha},
               {"size", size}}}},
        };
        std::string text = json.dump();
        std::string escaped;
        for (char c : text) {
            if (c == '\'' || c == '\\') {
                escaped += '\\';
            }
            escaped += c;
        }
        return "b'" + escaped + "'";
    };
    const std::string goodSha = crypto::toHex(sha256Of("hello"));
    struct Case {
        const char* name;
        std::string body;
        PackageErrc expected;
    };
    const std::vector<Case> cases = {
        {"good",
         "    add(tar, 'submission.json', " + manifestFor(goodSha, 5) +
             ")\n    add(tar, 'attachments/a.txt', b'hello')\n",
         PackageErrc::Io /* unused: must succeed */},
        {"hash",
         "    add(tar, 'submission.json', " + manifestFor(goodSha, 5) +
             ")\n    add(tar, 'attachments/a.txt', b'hellp')\n",
         PackageErrc::AttachmentMismatch},
        {"size",
         "    add(tar, 'submission.json', " + manifestFor(goodSha, 6) +
             ")\n    add(tar, 'attachments/a.txt', b'hello')\n",
         PackageErrc::AttachmentMismatch},
        {"missing", "    add(tar, 'submission.json', " + manifestFor(goodSha, 5) + ")\n",
         PackageErrc::AttachmentMismatch},
        {"unlisted",
         "    add(tar, 'submission.json', " + manifestFor(goodSha, 5) +
             ")\n    add(tar, 'attachments/a.txt', b'hello')\n"
             "    add(tar, 'attachments/b.txt', b'extra')\n",
         PackageErrc::AttachmentMismatch},
        {"no-manifest", "    add(tar, 'attachments/a.txt', b'hello')\n",
         PackageErrc::ManifestNotFirst},
        {"empty", "    pass\n", PackageErrc::BadManifest},
        {"not-json", "    add(tar, 'submission.json', b'{not json')\n", PackageErrc::BadManifest},
        {"other-format",
         "    add(tar, 'submission.json', b'{\"format\": \"x\", \"version\": 1}')\n",
         PackageErrc::BadManifest},
    };
    for (const Case& c : cases) {
        const auto envelope = f.pythonTar(std::string("manifest-") + c.name, c.body);
        const auto out = f.dir / (std::string("out-") + c.name);
        auto extracted = extractWith(f.identity, envelope, out);
        if (std::string(c.name) == "good") {
            ASSERT_TRUE(extracted.ok()) << extracted.error().detail;
            EXPECT_EQ(readFile(out / "attachments" / "a.txt"), "hello");
            continue;
        }
        ASSERT_FALSE(extracted.ok()) << c.name;
        EXPECT_EQ(extracted.error().code, c.expected)
            << c.name << ": " << packageErrcName(extracted.error().code) << " "
            << extracted.error().detail;
        EXPECT_FALSE(std::filesystem::exists(out)) << c.name;
    }
}

TEST(PackageReader, RefusesTamperedTruncatedAndForeignEnvelopes)
{
    Fixture f;
    const std::string original = readFile(f.envelope);
    struct Case {
        const char* name;
        std::string bytes;
        PackageErrc expected;
    };
    std::string flippedMiddle = original;
    flippedMiddle[original.size() / 2] ^= 0x01;
    std::string flippedLast = original;
    flippedLast[original.size() - 3] ^= 0x80;
    std::string flippedHeader = original;
    char& macChar = flippedHeader[original.find("---") + 10]; // inside the header MAC
    macChar = macChar == 'A' ? 'B' : 'A';
    const std::vector<Case> cases = {
        {"flipped-middle", flippedMiddle, PackageErrc::Tampered},
        {"flipped-last-chunk", flippedLast, PackageErrc::Tampered},
        {"flipped-mac", flippedHeader, PackageErrc::Tampered},
        {"truncated", original.substr(0, original.size() - 100), PackageErrc::Truncated},
        {"cut-at-chunk", original.substr(0, original.size() / 2), PackageErrc::Truncated},
        {"cut-in-header", original.substr(0, 40), PackageErrc::Truncated},
        {"header-only", original.substr(0, original.find("---") + 48), PackageErrc::Truncated},
        {"not-age", "this is not an envelope\n", PackageErrc::NotAnEnvelope},
    };
    for (const Case& c : cases) {
        const auto envelope = f.dir / (std::string(c.name) + ".age");
        writeFile(envelope, c.bytes);
        const auto out = f.dir / (std::string("out-") + c.name);
        auto extracted = extractWith(f.identity, envelope, out);
        ASSERT_FALSE(extracted.ok()) << c.name;
        // A cut inside a chunk leaves a short chunk that the reader takes for the last one and
        // that fails to authenticate: age cannot tell that from tampering, so either is right.
        const bool truncation =
            c.expected == PackageErrc::Truncated && extracted.error().code == PackageErrc::Tampered;
        EXPECT_TRUE(extracted.error().code == c.expected || truncation)
            << c.name << ": " << packageErrcName(extracted.error().code) << " "
            << extracted.error().detail;
        EXPECT_FALSE(std::filesystem::exists(out)) << c.name;
    }

    auto stranger = crypto::X25519Identity::generate();
    ASSERT_TRUE(stranger.ok());
    auto foreign = extractWith(stranger.value(), f.envelope, f.dir / "out-foreign");
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().code, PackageErrc::NotForThisIdentity);
    EXPECT_FALSE(std::filesystem::exists(f.dir / "out-foreign"));
}

} // namespace
} // namespace amicus::package
