// `amicusctl finalize` end to end: a draft imported into a real data directory becomes an
// envelope that the age and tar command lines open, and a changed vault blob is refused.
#include "crypto/age_keys.h"
#include "package/package_reader.h"
#include "package_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

namespace amicus::package {
namespace {

using namespace testing;

struct DataDir {
    TempDir dir;
    std::filesystem::path data = dir / "data";

    DataDir()
    {
        writeFile(dir / "passphrase", "correct horse\n");
        EXPECT_EQ(ctl("init --scrypt-work-factor 10"), 0);
    }

    // Runs amicusctl on this data directory; stdout and stderr go to `output`.
    int ctl(const std::string& args, std::string* output = nullptr) const
    {
        return runShell(shellQuote(AMICUSCTL_PATH) + " --data-dir " + shellQuote(data.string()) +
                            " --passphrase-file " + shellQuote((dir / "passphrase").string()) +
                            " " + args + " 2>&1",
                        output);
    }

    std::set<std::string> blobs() const
    {
        std::set<std::string> out;
        if (std::filesystem::exists(data / "blobs")) {
            for (const auto& entry : std::filesystem::directory_iterator(data / "blobs")) {
                out.insert(entry.path().filename().string());
            }
        }
        return out;
    }

    std::string importDraft(const nlohmann::json& draft) const
    {
        const auto file = dir / "draft.json";
        writeFile(file, draft.dump());
        std::string id;
        EXPECT_EQ(ctl("import-draft " + shellQuote(file.string()), &id), 0) << id;
        while (!id.empty() && id.back() == '\n') {
            id.pop_back();
        }
        return id;
    }
};

TEST(FinalizeCli, EnvelopeOpensWithAgeAndTarAndIsQueuedOnce)
{
    DataDir d;
    const std::string photo = randomText(1024 * 1024 + 1, 21);
    writeFile(d.dir / "photo.jpg", photo);
    writeFile(d.dir / "empty.txt", "");
    const nlohmann::json draft = {
        {"call_id", "hrc54-emler-reimagining-policing"},
        {"language", "es"},
        {"submitter", {{"organization", "Colectivo"}, {"country", "MX"}}},
        {"consent", "public"},
        {"answers", {{"systemic-racism-practices", "Mediación comunitaria."}}},
        {"attachments",
         {(d.dir / "photo.jpg").string(),
          {{"path", (d.dir / "empty.txt").string()},
           {"file_name", "../vacío.txt"},
           {"media_type", "text/plain"}}}},
    };
    const std::string id = d.importDraft(draft);
    const CliKey a = makeCliKey(d.dir, "a");
    const CliKey b = makeCliKey(d.dir, "b");

    std::string out;
    ASSERT_EQ(
        d.ctl("finalize " + id + " --recipient " + a.recipient + " --recipient " + b.recipient,
              &out),
        0)
        << out;
    std::smatch match;
    ASSERT_TRUE(std::regex_match(
        out, match, std::regex("([0-9a-f-]{36}) ([0-9]+) bytes sha256:([0-9a-f]{16})\n")))
        << out;
    const std::string submissionId = match[1];
    const auto envelope = d.data / "outbox" / (submissionId + ".age");
    ASSERT_TRUE(std::filesystem::exists(envelope));
    EXPECT_EQ(std::to_string(std::filesystem::file_size(envelope)), match[2].str());
    std::string sum;
    ASSERT_EQ(runShell("sha256sum " + shellQuote(envelope.string()), &sum), 0);
    EXPECT_EQ(sum.substr(0, 16), match[3].str());

    for (const CliKey* key : {&a, &b}) {
        const auto extracted = d.dir / ("x-" + key->recipient.substr(4, 8));
        ASSERT_TRUE(extractWithAge(key->identityFile, envelope, extracted));
        EXPECT_TRUE(readFile(extracted / "attachments" / "photo.jpg") == photo);
        EXPECT_EQ(readFile(extracted / "attachments" / "vacío.txt"), "");
        const auto json = nlohmann::json::parse(readFile(extracted / "submission.json"));
        EXPECT_EQ(json["submission_id"], submissionId);
        EXPECT_EQ(json["call_id"], "hrc54-emler-reimagining-policing");
        EXPECT_EQ(json["language"], "es");
        EXPECT_EQ(json["publication_consent"], "public");
        EXPECT_EQ(json["submitter"]["organization"], "Colectivo");
        EXPECT_EQ(json["answers"]["systemic-racism-practices"], "Mediación comunitaria.");
        EXPECT_EQ(json["attachments"][1]["name"], "../vacío.txt");
        // The question text comes from the built-in catalog, in Spanish.
        EXPECT_NE(readFile(extracted / "submission.md").find("## Respuestas\n\n### "),
                  std::string::npos);
    }

    // The secretariat's reader opens it too.
    auto identities = crypto::parseIdentityFile(readFile(b.identityFile));
    ASSERT_TRUE(identities.ok());
    const crypto::AgeIdentity* identity[] = {&identities.value().front()};
    auto extracted = PackageReader::extract(envelope, identity, d.dir / "inbox");
    ASSERT_TRUE(extracted.ok()) << extracted.error().detail;
    EXPECT_EQ(extracted->submissionId, submissionId);
    EXPECT_EQ(extracted->attachments.size(), 2U);

    // Finalized once: a second finalize is refused and the envelope stays as it was.
    const std::string before = readFile(envelope);
    EXPECT_EQ(d.ctl("finalize " + id + " --recipient " + a.recipient, &out), 11) << out;
    EXPECT_EQ(readFile(envelope), before);
    ASSERT_EQ(d.ctl("list", &out), 0);
    EXPECT_NE(out.find("finalized"), std::string::npos) << out;
}

TEST(FinalizeCli, ChangedOrMissingVaultBlobIsRefusedAndLeavesNoEnvelope)
{
    DataDir d;
    const CliKey key = makeCliKey(d.dir, "k");
    writeFile(d.dir / "doc.pdf", randomText(300 * 1024, 5));
    const nlohmann::json draft = {{"call_id", "hrc54-emler-reimagining-policing"},
                                  {"consent", "confidential"},
                                  {"attachments", {(d.dir / "doc.pdf").string()}}};

    // A blob replaced by another valid age file to the vault key: it decrypts, but its
    // SHA-256 is not the recorded one.
    const auto before = d.blobs();
    const std::string replaced = d.importDraft(draft);
    std::set<std::string> after = d.blobs();
    std::string blob;
    for (const auto& name : after) {
        if (before.count(name) == 0) {
            blob = name;
        }
    }
    ASSERT_FALSE(blob.empty());
    std::string vaultRecipient = readFile(d.data / "vault" / "vault-recipient.txt");
    while (!vaultRecipient.empty() && vaultRecipient.back() == '\n') {
        vaultRecipient.pop_back();
    }
    writeFile(d.dir / "other.pdf", randomText(300 * 1024, 6));
    ASSERT_EQ(runShell("age -r " + vaultRecipient + " -o " +
                       shellQuote((d.data / "blobs" / blob).string()) + " " +
                       shellQuote((d.dir / "other.pdf").string())),
              0);
    std::string out;
    EXPECT_EQ(d.ctl("finalize " + replaced + " --recipient " + key.recipient, &out), 7) << out;
    EXPECT_NE(out.find("AttachmentChanged"), std::string::npos) << out;

    // A blob that is gone.
    const std::string missing = d.importDraft(draft);
    for (const auto& name : d.blobs()) {
        if (after.count(name) == 0) {
            std::filesystem::remove(d.data / "blobs" / name);
        }
    }
    EXPECT_EQ(d.ctl("finalize " + missing + " --recipient " + key.recipient, &out), 7) << out;
    EXPECT_NE(out.find("AttachmentChanged"), std::string::npos) << out;

    if (std::filesystem::exists(d.data / "outbox")) {
        EXPECT_TRUE(std::filesystem::is_empty(d.data / "outbox"));
    }
    ASSERT_EQ(d.ctl("list", &out), 0);
    EXPECT_EQ(out.find("finalized"), std::string::npos) << out;
}

} // namespace
} // namespace amicus::package
