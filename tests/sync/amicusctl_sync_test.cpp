// End to end through amicusctl: a draft with attachments is imported, finalized into an age
// envelope to the secretariat's key, sent with `amicusctl sync` to the real endpoint, and the
// server's stored bytes decrypt with the age CLI into a tar holding the original files.
#include "crypto/base64.h"
#include "sync_test_support.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace amicus::sync {
namespace {

namespace fs = std::filesystem;
using namespace amicus::sync::testing;

struct Ran {
    int exitCode = -1;
    std::string out;
};

Ran run(std::vector<std::string> argv, const fs::path& log)
{
    ChildProcess child;
    Ran ran;
    if (!child.start(argv, log.string())) {
        return ran;
    }
    ran.out = child.readAll(std::chrono::seconds(120));
    const int status = child.wait(std::chrono::seconds(30));
    ran.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return ran;
}

TEST(AmicusctlSync, ADraftWithAttachmentsIsFinalizedSentAndDecryptsWithAge)
{
    TempDir dir;
    EndpointServer server(dir.path() / "server");
    ASSERT_TRUE(server.ok());
    const auto key = makeAgeKey(dir.path());
    ::setenv("AMICUS_PASSPHRASE", "a long enough test passphrase", 1);
    const auto data = dir.path() / "app";
    const auto log = dir.path() / "amicusctl.log";
    const auto ctl = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {AMICUSCTL_PATH, "--data-dir", data.string()});
        return run(args, log);
    };
    ASSERT_EQ(ctl({"init", "--scrypt-work-factor", "10"}).exitCode, 0);

    const auto report = dir.path() / "report.bin";
    const auto photo = dir.path() / "photo.jpg";
    writeRandomFile(report, 3 * 1024 * 1024 + 17, 11);
    writeRandomFile(photo, 200 * 1024, 12);
    nlohmann::json draft = {
        {"call_id", "hrc54-emler-reimagining-policing"},
        {"language", "fr"},
        {"submitter", {{"organization", "Association d'exemple"}, {"country", "SN"}}},
        {"consent", "public"},
        {"answers", {{"use-of-force-framework", "Notre réponse."}}},
        {"attachments", {report.string(), photo.string()}},
    };
    const auto draftFile = dir.path() / "draft.json";
    std::ofstream(draftFile) << draft.dump();
    const auto imported = ctl({"import-draft", draftFile.string()});
    ASSERT_EQ(imported.exitCode, 0) << imported.out;
    const std::string id = imported.out.substr(0, imported.out.find('\n'));
    const auto finalized = ctl({"finalize", id, "--recipient", key.recipient});
    ASSERT_EQ(finalized.exitCode, 0) << finalized.out;

    auto status = ctl({"status"});
    ASSERT_EQ(status.exitCode, 0);
    EXPECT_NE(status.out.find("\tqueued\t"), std::string::npos) << status.out;

    // First through a dead port: the entry waits (offline), nothing is lost.
    const auto dead = ctl({"sync", "--once", "--endpoint", "http://127.0.0.1:9/files"});
    EXPECT_EQ(dead.exitCode, 75) << dead.out;
    EXPECT_NE(dead.out.find("offline"), std::string::npos) << dead.out;

    std::string receiptKey;
    {
        // The key the server printed, as base64 (EndpointServer decoded it).
        std::vector<std::uint8_t> raw(server.receiptKey().begin(), server.receiptKey().end());
        receiptKey = crypto::base64Encode(raw);
    }
    const auto sent =
        ctl({"sync", "--endpoint", server.origin() + "/files", "--receipt-key", receiptKey});
    ASSERT_EQ(sent.exitCode, 0) << sent.out;
    EXPECT_NE(sent.out.find("delivered"), std::string::npos) << sent.out;
    status = ctl({"status"});
    EXPECT_NE(status.out.find("\tdelivered\t"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("received 20"), std::string::npos) << status.out;

    // The secretariat's side: decrypt what the server stored and unpack it.
    const auto uploads = server.completeUploads();
    ASSERT_EQ(uploads.size(), 1u);
    const auto stored = server.dataDir() / "uploads" / uploads.front();
    const auto tarFile = dir.path() / "submission.tar";
    ASSERT_TRUE(ageDecrypt(key, stored, tarFile));
    const auto unpacked = dir.path() / "unpacked";
    fs::create_directories(unpacked);
    ASSERT_EQ(run({"tar", "-x", "-f", tarFile.string(), "-C", unpacked.string()}, log).exitCode, 0);
    ASSERT_TRUE(fs::exists(unpacked / "submission.json"));
    std::ifstream submissionJson(unpacked / "submission.json");
    const auto submission = nlohmann::json::parse(submissionJson, nullptr, false);
    ASSERT_FALSE(submission.is_discarded());
    int matched = 0;
    for (const auto& entry : fs::recursive_directory_iterator(unpacked / "attachments")) {
        if (entry.is_regular_file() &&
            (sameBytes(entry.path(), report) || sameBytes(entry.path(), photo))) {
            ++matched;
        }
    }
    EXPECT_EQ(matched, 2) << "both attachments come back byte for byte";
}

} // namespace
} // namespace amicus::sync
