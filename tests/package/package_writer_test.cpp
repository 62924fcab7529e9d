// PackageWriter against the real age and tar command lines: what the secretariat runs.
#include "package/submission_document.h"
#include "package/submission_package.h"
#include "package_test_support.h"

#include <csignal>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>

namespace amicus::package {
namespace {

using namespace testing;

SubmissionPackage basicSubmission(std::string language = "en")
{
    SubmissionPackage s;
    s.callId = "hrc54-emler-reimagining-policing";
    auto id = newSubmissionId();
    EXPECT_TRUE(id.ok());
    s.submissionId = id.value();
    s.language = std::move(language);
    s.submitter = {"Réseau des défenseurs", "NGO", "Sénégal", "contact@example.org"};
    s.consent = PublicationConsent::Anonymous;
    s.answers = {{"q1", "What works?", "Community mediation.\n# not a heading"},
                 {"q2", "Quelles leçons ?", "Plusieurs « leçons » apprises."}};
    s.createdAt = std::chrono::system_clock::time_point(std::chrono::seconds(1764364800));
    return s;
}

TEST(SubmissionId, IsRandomUuidV4)
{
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        auto id = newSubmissionId();
        ASSERT_TRUE(id.ok());
        EXPECT_TRUE(isSubmissionId(id.value())) << id.value();
        seen.insert(id.value());
    }
    EXPECT_EQ(seen.size(), 100U);
    EXPECT_FALSE(isSubmissionId("not-a-uuid"));
    EXPECT_FALSE(isSubmissionId("123e4567-e89b-12d3-a456-426614174000")); // version 1
    EXPECT_FALSE(isSubmissionId("123E4567-E89B-42D3-A456-426614174000")); // upper case
}

TEST(PackageWriter, RoundTripThroughAgeAndTarCommandLines)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "secretariat");
    SubmissionPackage submission = basicSubmission();
    const std::vector<std::pair<std::string, std::size_t>> files = {
        {"empty.txt", 0},
        {"one.bin", 1},
        {"photo.jpg", 1024 * 1024 + 1},
        {"video.mp4", 3 * 1024 * 1024 + 12345}};
    std::vector<std::string> contents;
    for (std::size_t i = 0; i < files.size(); ++i) {
        contents.push_back(randomText(files[i].second, static_cast<unsigned>(i + 1)));
        const auto path = dir / ("plain-" + std::to_string(i));
        writeFile(path, contents.back());
        submission.attachments.push_back(
            fileAttachment(path, files[i].first, "application/octet-stream"));
    }
    std::vector<PackageProgress> progress;
    PackageWriteOptions options;
    options.onProgress = [&](const PackageProgress& p) { progress.push_back(p); };

    const auto envelopePath = dir / "outbox.age";
    auto written = PackageWriter::write(submission, {key.recipient}, envelopePath, options);
    ASSERT_TRUE(written.ok()) << written.error().detail;

    // The recorded size and SHA-256 are those of the file on disk (checked with sha256sum).
    EXPECT_EQ(written->path, envelopePath);
    EXPECT_EQ(written->submissionId, submission.submissionId);
    EXPECT_EQ(written->size, std::filesystem::file_size(envelopePath));
    std::string sum;
    ASSERT_EQ(runShell("sha256sum " + shellQuote(envelopePath.string()), &sum), 0);
    EXPECT_EQ(sum.substr(0, 64), crypto::toHex(written->sha256));
    // Only the envelope is left in the directory (no temporary file).
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos);
    }

    ASSERT_FALSE(progress.empty());
    for (std::size_t i = 1; i < progress.size(); ++i) {
        EXPECT_GE(progress[i].bytesDone, progress[i - 1].bytesDone);
    }
    EXPECT_EQ(progress.back().bytesDone, progress.back().bytesTotal);

    const auto out = dir / "extracted";
    ASSERT_TRUE(extractWithAge(key.identityFile, envelopePath, out));
    EXPECT_EQ(listTree(out), (std::vector<std::string>{
                                 "attachments", "attachments/empty.txt", "attachments/one.bin",
                                 "attachments/photo.jpg", "attachments/video.mp4",
                                 "submission.json", "submission.md"}));
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string extracted = readFile(out / "attachments" / files[i].first);
        EXPECT_EQ(extracted.size(), contents[i].size()) << files[i].first;
        EXPECT_TRUE(extracted == contents[i]) << files[i].first;
    }

    const auto json = nlohmann::json::parse(readFile(out / "submission.json"));
    EXPECT_EQ(json["format"], "amicus-submission");
    EXPECT_EQ(json["version"], 1);
    EXPECT_EQ(json["call_id"], submission.callId);
    EXPECT_EQ(json["submission_id"], submission.submissionId);
    EXPECT_EQ(json["language"], "en");
    EXPECT_EQ(json["created_at"], "2025-11-28T21:20:00Z");
    EXPECT_EQ(json["submitter"]["organization"], "Réseau des défenseurs");
    EXPECT_EQ(json["submitter"]["organization_kind"], "NGO");
    EXPECT_EQ(json["submitter"]["country"], "Sénégal");
    EXPECT_EQ(json["submitter"]["contact"], "contact@example.org");
    EXPECT_EQ(json["publication_consent"], "anonymous");
    EXPECT_EQ(json["answers"]["q1"], "Community mediation.\n# not a heading");
    EXPECT_EQ(json["answers"]["q2"], "Plusieurs « leçons » apprises.");
    ASSERT_EQ(json["attachments"].size(), files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& a = json["attachments"][i];
        EXPECT_EQ(a["path"], "attachments/" + files[i].first);
        EXPECT_EQ(a["name"], files[i].first);
        EXPECT_EQ(a["media_type"], "application/octet-stream");
        EXPECT_EQ(a["size"], files[i].second);
        EXPECT_EQ(a["sha256"], crypto::toHex(sha256Of(contents[i])));
    }

    const std::string md = readFile(out / "submission.md");
    EXPECT_NE(md.find("## Answers"), std::string::npos);
    EXPECT_NE(md.find("### What works?"), std::string::npos);
    EXPECT_NE(md.find("Community mediation.\n\\# not a heading"), std::string::npos);
    EXPECT_NE(md.find(submission.submissionId), std::string::npos);
    EXPECT_NE(md.find("attachments/video.mp4"), std::string::npos);
}

TEST(PackageWriter, RenderingHeadingsFollowTheSubmissionLanguage)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    for (const auto& [language, heading] : std::vector<std::pair<std::string, std::string>>{
             {"fr", "## Réponses"}, {"es", "## Respuestas"}, {"en", "## Answers"}}) {
        SubmissionPackage submission = basicSubmission(language);
        const auto envelope = dir / (language + ".age");
        auto written = PackageWriter::write(submission, {key.recipient}, envelope);
        ASSERT_TRUE(written.ok()) << written.error().detail;
        const auto out = dir / ("out-" + language);
        ASSERT_TRUE(extractWithAge(key.identityFile, envelope, out));
        const std::string md = readFile(out / "submission.md");
        EXPECT_NE(md.find(heading), std::string::npos) << language;
        EXPECT_NE(md.find("### Quelles leçons ?"), std::string::npos);
        EXPECT_EQ(nlohmann::json::parse(readFile(out / "submission.json"))["language"], language);
    }
}

TEST(PackageWriter, EveryRecipientCanDecrypt)
{
    TempDir dir;
    const std::vector<CliKey> keys = {makeCliKey(dir, "a"), makeCliKey(dir, "b"),
                                      makeCliKey(dir, "c")};
    const CliKey outsider = makeCliKey(dir, "outsider");
    SubmissionPackage submission = basicSubmission();
    writeFile(dir / "note.txt", "hello secretariat\n");
    submission.attachments.push_back(fileAttachment(dir / "note.txt", "note.txt", "text/plain"));
    const auto envelope = dir / "multi.age";
    auto written = PackageWriter::write(
        submission, {keys[0].recipient, keys[1].recipient, keys[2].recipient}, envelope);
    ASSERT_TRUE(written.ok()) << written.error().detail;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto out = dir / ("out" + std::to_string(i));
        ASSERT_TRUE(extractWithAge(keys[i].identityFile, envelope, out)) << i;
        EXPECT_EQ(readFile(out / "attachments" / "note.txt"), "hello secretariat\n");
    }
    EXPECT_NE(runShell("age -d -i " + shellQuote(outsider.identityFile.string()) + " " +
                       shellQuote(envelope.string()) + " >/dev/null 2>&1"),
              0);
}

// The envelope directory holds nothing at all: no envelope, no temporary file.
void expectNothingLeft(const std::filesystem::path& outbox)
{
    EXPECT_TRUE(std::filesystem::is_empty(outbox)) << listTree(outbox).front();
}

TEST(PackageWriter, ChangedAttachmentIsRefusedAndLeavesNothing)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    const auto outbox = dir / "outbox";
    std::filesystem::create_directories(outbox);
    const std::string original = randomText(200 * 1024, 7);
    writeFile(dir / "doc.pdf", original);

    struct Case {
        const char* name;
        std::function<void(PackageAttachment&)> change;
    };
    const std::vector<Case> cases = {
        {"one byte differs",
         [&](PackageAttachment&) {
             std::string changed = original;
             changed[100000] ^= 1;
             writeFile(dir / "doc.pdf", changed);
         }},
        {"longer", [&](PackageAttachment&) { writeFile(dir / "doc.pdf", original + "x"); }},
        {"shorter",
         [&](PackageAttachment&) { writeFile(dir / "doc.pdf", original.substr(0, 1000)); }},
        {"recorded hash differs", [&](PackageAttachment& a) { a.sha256[0] ^= 0xFF; }},
        {"missing", [&](PackageAttachment&) { std::filesystem::remove(dir / "doc.pdf"); }},
    };
    for (const Case& c : cases) {
        writeFile(dir / "doc.pdf", original);
        SubmissionPackage submission = basicSubmission();
        submission.attachments.push_back(
            fileAttachment(dir / "doc.pdf", "doc.pdf", "application/pdf"));
        c.change(submission.attachments.back());
        auto written = PackageWriter::write(submission, {key.recipient}, outbox / "sub.age");
        ASSERT_FALSE(written.ok()) << c.name;
        EXPECT_EQ(written.error().code, PackageErrc::AttachmentChanged)
            << c.name << ": " << packageErrcName(written.error().code) << " "
            << written.error().detail;
        expectNothingLeft(outbox);
    }
}

TEST(PackageWriter, FailureKeepsAnEarlierEnvelopeUntouched)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    const auto envelope = dir / "sub.age";
    SubmissionPackage submission = basicSubmission();
    ASSERT_TRUE(PackageWriter::write(submission, {key.recipient}, envelope).ok());
    const std::string before = readFile(envelope);

    writeFile(dir / "a.bin", "abc");
    submission.attachments.push_back(fileAttachment(dir / "a.bin", "a.bin", "text/plain"));
    writeFile(dir / "a.bin", "abd");
    auto again = PackageWriter::write(submission, {key.recipient}, envelope);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, PackageErrc::AttachmentChanged);
    EXPECT_EQ(readFile(envelope), before);
    EXPECT_EQ(listTree(dir.path()).size(), 3U); // k.key, sub.age, a.bin
}

TEST(PackageWriter, NamesAreSanitizedAndUnique)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    const std::vector<std::string> names = {"../../etc/passwd",
                                            "C:\\Users\\amina\\report.pdf",
                                            "report.pdf",
                                            "REPORT.pdf",
                                            "résumé 📄 ñ.pdf",
                                            "..",
                                            "",
                                            ".bashrc",
                                            "a\x01"
                                            "b\x1b[31m.txt",
                                            "evil\xE2\x80\xAEtxt.exe",
                                            "bad\xff\xfeutf8.txt",
                                            "CON.txt",
                                            "x:y*z?.txt",
                                            std::string(300, 'n') + ".docx"};
    SubmissionPackage submission = basicSubmission();
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto path = dir / ("plain" + std::to_string(i));
        writeFile(path, "content " + std::to_string(i));
        submission.attachments.push_back(fileAttachment(path, names[i], "text/plain"));
    }
    const auto envelope = dir / "names.age";
    auto written = PackageWriter::write(submission, {key.recipient}, envelope);
    ASSERT_TRUE(written.ok()) << written.error().detail;

    // tar extracts everything inside the target directory and nowhere else.
    const auto out = dir / "sandbox" / "out";
    ASSERT_TRUE(extractWithAge(key.identityFile, envelope, out));
    EXPECT_EQ(listTree(dir / "sandbox").size(), listTree(out).size() + 1);
    EXPECT_FALSE(std::filesystem::exists(dir / "etc"));

    const auto json = nlohmann::json::parse(readFile(out / "submission.json"));
    std::set<std::string> lowerPaths;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string path = json["attachments"][i]["path"];
        ASSERT_EQ(path.rfind("attachments/", 0), 0U) << path;
        const std::string name = path.substr(12);
        EXPECT_EQ(name.find('/'), std::string::npos);
        EXPECT_EQ(name.find('\\'), std::string::npos);
        EXPECT_NE(name.front(), '.') << name;
        EXPECT_LE(name.size(), 200U);
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        EXPECT_TRUE(lowerPaths.insert(lower).second) << "duplicate " << name;
        // The bytes under that name are the bytes of that attachment.
        EXPECT_EQ(readFile(out / path), "content " + std::to_string(i)) << path;
    }
    EXPECT_EQ(json["attachments"][0]["path"], "attachments/passwd");
    EXPECT_EQ(json["attachments"][1]["path"], "attachments/report.pdf");
    EXPECT_EQ(json["attachments"][2]["path"], "attachments/report (2).pdf");
    EXPECT_EQ(json["attachments"][3]["path"], "attachments/REPORT (3).pdf");
    EXPECT_EQ(json["attachments"][4]["path"], "attachments/résumé 📄 ñ.pdf");
    EXPECT_EQ(json["attachments"][1]["name"], "C:\\Users\\amina\\report.pdf");
    EXPECT_TRUE(std::filesystem::exists(out / "attachments" / "résumé 📄 ñ.pdf"));
}

TEST(SanitizeFileName, Rules)
{
    EXPECT_EQ(sanitizeFileName("../../etc/passwd"), "passwd");
    EXPECT_EQ(sanitizeFileName("dir\\sub\\file.txt"), "file.txt");
    EXPECT_EQ(sanitizeFileName(".."), "attachment");
    EXPECT_EQ(sanitizeFileName(""), "attachment");
    EXPECT_EQ(sanitizeFileName("foo/"), "attachment");
    EXPECT_EQ(sanitizeFileName(".hidden"), "hidden");
    EXPECT_EQ(sanitizeFileName("trailing. . "), "trailing");
    EXPECT_EQ(sanitizeFileName("a\nb\tc.txt"), "a_b_c.txt");
    EXPECT_EQ(sanitizeFileName("evil\xE2\x80\xAEtxt.exe"), "evil_txt.exe");
    EXPECT_EQ(sanitizeFileName("bad\xff.txt"), "bad_.txt");
    EXPECT_EQ(sanitizeFileName("\xC0\xAF.txt"), "__.txt"); // overlong '/'
    EXPECT_EQ(sanitizeFileName("nul.tar.gz"), "_nul.tar.gz");
    EXPECT_EQ(sanitizeFileName("Ünïcødé 文件.pdf"), "Ünïcødé 文件.pdf");
    const std::string longName = sanitizeFileName(std::string(150, 'a') + std::string(100, 'e') +
                                                  std::string("\xC3\xA9") + ".pdf");
    EXPECT_LE(longName.size(), 200U);
    EXPECT_EQ(longName.substr(longName.size() - 4), ".pdf");
    const std::string cut = sanitizeFileName(std::string(195, 'a') + "ééééé.pdf");
    EXPECT_EQ(cut.size() % 1, 0U);
    EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
    EXPECT_EQ(sanitizeFileName(cut), cut) << "cut in the middle of a UTF-8 sequence";

    EXPECT_EQ(uniqueFileNames({"a.txt", "A.TXT", "a.txt", "a (2).txt"}),
              (std::vector<std::string>{"a.txt", "A (2).TXT", "a (3).txt", "a (2) (2).txt"}));
}

TEST(PackageWriter, CancelStopsAndLeavesNothing)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    const auto outbox = dir / "outbox";
    std::filesystem::create_directories(outbox);
    writeFile(dir / "big.bin", randomText(2 * 1024 * 1024, 3));
    SubmissionPackage submission = basicSubmission();
    submission.attachments.push_back(fileAttachment(dir / "big.bin", "big.bin", "x/y"));
    PackageWriteOptions options;
    std::uint64_t seen = 0;
    options.onProgress = [&](const PackageProgress& p) { seen = p.bytesDone; };
    options.isCancelled = [&] { return seen > 512 * 1024; };
    auto written = PackageWriter::write(submission, {key.recipient}, outbox / "s.age", options);
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, PackageErrc::Cancelled);
    EXPECT_LT(seen, 1024U * 1024U);
    expectNothingLeft(outbox);
}

TEST(PackageWriter, RefusesBadInput)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    SubmissionPackage submission = basicSubmission();
    auto noRecipients = PackageWriter::write(submission, {}, dir / "a.age");
    ASSERT_FALSE(noRecipients.ok());
    EXPECT_EQ(noRecipients.error().code, PackageErrc::InvalidInput);

    auto badRecipient =
        PackageWriter::write(submission, {key.recipient, "age1notakey"}, dir / "b.age");
    ASSERT_FALSE(badRecipient.ok());
    EXPECT_EQ(badRecipient.error().code, PackageErrc::InvalidRecipient);

    submission.submissionId = "draft-7";
    auto badId = PackageWriter::write(submission, {key.recipient}, dir / "c.age");
    ASSERT_FALSE(badId.ok());
    EXPECT_EQ(badId.error().code, PackageErrc::InvalidInput);

    auto noDirectory =
        PackageWriter::write(basicSubmission(), {key.recipient}, dir / "no" / "such" / "dir.age");
    ASSERT_FALSE(noDirectory.ok());
    EXPECT_EQ(noDirectory.error().code, PackageErrc::Io);
    EXPECT_EQ(noDirectory.error().sysErrno, ENOENT);
    EXPECT_EQ(listTree(dir.path()).size(), 1U);
}

// A file size limit makes writes fail with EFBIG, as a full disk fails with ENOSPC; the
// writer reports DiskFull and removes its temporary file. Run in a child so the limit does
// not reach the test runner.
TEST(PackageWriter, FullDiskIsTypedAndLeavesNothing)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    const auto outbox = dir / "outbox";
    std::filesystem::create_directories(outbox);
    writeFile(dir / "big.bin", randomText(1024 * 1024, 5));
    SubmissionPackage submission = basicSubmission();
    submission.attachments.push_back(fileAttachment(dir / "big.bin", "big.bin", "x/y"));

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{256 * 1024, 256 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto written = PackageWriter::write(submission, {key.recipient}, outbox / "s.age");
        ::_exit(written.ok() ? 10 : static_cast<int>(written.error().code));
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), static_cast<int>(PackageErrc::DiskFull));
    expectNothingLeft(outbox);
}

} // namespace
} // namespace amicus::package

namespace amicus::package {
namespace {

using namespace testing;

TEST(PackageWriter, RemovesAbandonedTemporaryFilesOnly)
{
    TempDir dir;
    const std::string stale = ".sub.age.partial-0123456789abcdef";
    const std::string fresh = ".other.age.partial-fedcba9876543210";
    for (const std::string& name :
         {stale, fresh, std::string("sub.age"), std::string(".x.partial-nothex!!!!!!!!!!!"),
          std::string("keep.partial-0123456789abcdef")}) {
        writeFile(dir / name, "x");
    }
    const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(2);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename() != fresh) {
            std::filesystem::last_write_time(entry.path(), old);
        }
    }
    auto removed = PackageWriter::removeAbandoned(dir.path(), std::chrono::hours(1));
    ASSERT_TRUE(removed.ok()) << removed.error().detail;
    EXPECT_EQ(removed.value(), 1);
    EXPECT_FALSE(std::filesystem::exists(dir / stale));
    EXPECT_TRUE(std::filesystem::exists(dir / fresh));
    EXPECT_EQ(listTree(dir.path()).size(), 4U);

    auto missing = PackageWriter::removeAbandoned(dir / "nope", std::chrono::hours(1));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, PackageErrc::Io);
}

// kill -9 in the middle of a write: the envelope path never shows a partial file; the
// temporary file it leaves is found and removed by removeAbandoned().
TEST(PackageWriter, KilledMidWriteLeavesOnlyAnAbandonedTemporary)
{
    TempDir dir;
    const CliKey key = makeCliKey(dir, "k");
    const auto outbox = dir / "outbox";
    std::filesystem::create_directories(outbox);
    writeFile(dir / "big.bin", randomText(8 * 1024 * 1024, 9));
    SubmissionPackage submission = basicSubmission();
    submission.attachments.push_back(fileAttachment(dir / "big.bin", "big.bin", "x/y"));

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        PackageWriteOptions options;
        options.onProgress = [](const PackageProgress& p) {
            if (p.bytesDone > 3 * 1024 * 1024) {
                ::kill(::getpid(), SIGKILL);
            }
        };
        (void)PackageWriter::write(submission, {key.recipient}, outbox / "s.age", options);
        ::_exit(0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
    EXPECT_FALSE(std::filesystem::exists(outbox / "s.age"));
    const auto left = listTree(outbox);
    ASSERT_EQ(left.size(), 1U);
    EXPECT_EQ(left[0].rfind(".s.age.partial-", 0), 0U) << left[0];

    auto removed = PackageWriter::removeAbandoned(outbox, std::chrono::seconds(0));
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(removed.value(), 1);
    EXPECT_TRUE(std::filesystem::is_empty(outbox));
}

TEST(PackageWriter, RemoveAbandonedNeedsADirectory)
{
    TempDir dir;
    auto missing = PackageWriter::removeAbandoned(dir / "nope", std::chrono::hours(1));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, PackageErrc::Io);
}

} // namespace
} // namespace amicus::package
