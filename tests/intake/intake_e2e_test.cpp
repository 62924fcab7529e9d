// The secretariat's path end to end: submissions made with amicusctl (init, import-draft,
// finalize) in English, French and Spanish, uploaded with tus (curl) to the real reference
// endpoint on a loopback port, plus a tampered upload, a junk upload, one under an id Amicus
// never makes and an unfinished one;
// then `amicus-intake inbox` (twice) and `amicus-intake publish`, whose ODT documents are
// read back with odfpy. Also `amicus-intake init`
// against the age and openssl command lines and the endpoint's --keys directory.
#include "crypto/base64.h"
#include "crypto/sha256.h"
#include "sync_test_support.h"
#include "tar_bytes.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>

namespace amicus::intake {
namespace {

namespace fs = std::filesystem;
using sync::testing::EndpointServer;
using sync::testing::TempDir;

const std::string callId = "hrc54-emler-reimagining-policing";

std::string quote(const std::string& text)
{
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

// Runs `command` with sh; returns its exit code and stdout (stderr into `errors` if given).
int run(const std::string& command, std::string* output = nullptr, std::string* errors = nullptr,
        const fs::path& errorFile = {})
{
    std::string full = command;
    if (errors) {
        full += " 2>" + quote(errorFile.string());
    }
    FILE* pipe = ::popen(full.c_str(), "r");
    if (pipe == nullptr) {
        return -1;
    }
    std::string text;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        text.append(buffer, got);
    }
    const int status = ::pclose(pipe);
    if (output) {
        *output = text;
    }
    if (errors) {
        std::ifstream in(errorFile);
        std::stringstream read;
        read << in.rdbuf();
        *errors = read.str();
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::string b64(const std::string& text)
{
    return crypto::base64Encode(
        std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string trim(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

// Every file under `dir`, concatenated, to search the published output for a string.
std::string allBytesUnder(const fs::path& dir)
{
    std::string all;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        all += entry.path().string() + "\n";
        if (entry.is_regular_file()) {
            all += readFile(entry.path());
        }
    }
    return all;
}

// The document at `path` read by odfpy (tests/intake/odt_reader.py); null if it cannot be.
nlohmann::json readOdt(const fs::path& path, const fs::path& scratch)
{
    std::string out;
    std::string errors;
    const int code =
        run(std::string(ODF_PYTHON) + " " + quote(ODT_READER_SCRIPT) + " " + quote(path.string()),
            &out, &errors, scratch / "odfpy.err");
    if (code != 0) {
        ADD_FAILURE() << "odfpy could not read " << path << ": " << errors;
        return {};
    }
    return nlohmann::json::parse(out);
}

// A field worker's amicusctl data directory.
struct FieldWorker {
    fs::path dir;
    fs::path data;

    explicit FieldWorker(fs::path base) : dir(std::move(base)), data(dir / "data")
    {
        fs::create_directories(dir);
        writeFile(dir / "passphrase", "field worker passphrase\n");
    }
    int ctl(const std::string& args, std::string* output = nullptr) const
    {
        return run(quote(AMICUSCTL_PATH) + " --data-dir " + quote(data.string()) +
                       " --passphrase-file " + quote((dir / "passphrase").string()) + " " + args +
                       " 2>&1",
                   output);
    }
};

struct Envelope {
    std::string submissionId;
    fs::path path;
};

Envelope makeSubmission(const FieldWorker& worker, const nlohmann::json& draft,
                        const std::string& recipient)
{
    const fs::path file = worker.dir / "draft.json";
    writeFile(file, draft.dump());
    std::string id;
    EXPECT_EQ(worker.ctl("import-draft " + quote(file.string()), &id), 0) << id;
    std::string out;
    EXPECT_EQ(worker.ctl("finalize " + trim(id) + " --recipient " + recipient, &out), 0) << out;
    std::smatch match;
    EXPECT_TRUE(std::regex_search(out, match, std::regex("^([0-9a-f-]{36}) [0-9]+ bytes"))) << out;
    Envelope envelope{match[1].str(), {}};
    envelope.path = worker.data / "outbox" / (envelope.submissionId + ".age");
    EXPECT_TRUE(fs::exists(envelope.path));
    return envelope;
}

// A minimal tus 1.0 client on curl: creation, then PATCH of [from, to) of `file`.
class TusCurl {
public:
    explicit TusCurl(std::string origin, fs::path scratch)
        : origin_(std::move(origin)), scratch_(std::move(scratch))
    {
    }

    // POST /files; returns the upload URL.
    std::string create(const std::string& submissionId, std::uint64_t length) const
    {
        std::string headers;
        const int code =
            run("curl -sS -D - -o /dev/null -X POST -H 'Tus-Resumable: 1.0.0' -H 'Upload-Length: " +
                    std::to_string(length) + "' -H " +
                    quote("Upload-Metadata: submission_id " + b64(submissionId) + ",call_id " +
                          b64(callId) + ",filename " + b64(submissionId + ".age")) +
                    " " + origin_ + "/files",
                &headers);
        EXPECT_EQ(code, 0);
        std::smatch match;
        EXPECT_TRUE(std::regex_search(headers, match, std::regex("[Ll]ocation: ([^\r\n]+)")))
            << headers;
        return match[1].str();
    }

    // PATCHes bytes [offset, end) of `file`; returns the HTTP status.
    int patch(const std::string& url, const fs::path& file, std::uint64_t offset,
              std::uint64_t end) const
    {
        const std::string all = readFile(file);
        const fs::path part = scratch_ / "part.bin";
        writeFile(part, all.substr(offset, end - offset));
        std::string status;
        run("curl -sS -o /dev/null -w '%{http_code}' -X PATCH -H 'Tus-Resumable: 1.0.0' "
            "-H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: " +
                std::to_string(offset) + "' --data-binary @" + quote(part.string()) + " " +
                quote(url),
            &status);
        return std::atoi(status.c_str());
    }

    std::string upload(const std::string& submissionId, const fs::path& file) const
    {
        const auto size = fs::file_size(file);
        const std::string url = create(submissionId, size);
        EXPECT_EQ(patch(url, file, 0, size), 204);
        return url;
    }

private:
    std::string origin_;
    fs::path scratch_;
};

std::string lastSegment(const std::string& url)
{
    return url.substr(url.find_last_of('/') + 1);
}

mode_t modeOf(const fs::path& path)
{
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0);
    return info.st_mode & 07777;
}

struct SecretariatKeys {
    std::string recipient;
    std::string receiptKey;
    std::string catalogKey;
};

SecretariatKeys initKeys(const fs::path& dir)
{
    std::string out;
    EXPECT_EQ(run(quote(AMICUS_INTAKE_PATH) + " init " + quote(dir.string()), &out), 0) << out;
    SecretariatKeys keys;
    std::smatch match;
    if (std::regex_search(out, match, std::regex("\"recipients\": \\[\"(age1[0-9a-z]+)\"\\]"))) {
        keys.recipient = match[1];
    }
    if (std::regex_search(out, match, std::regex("\"receipt_key\": \"([A-Za-z0-9+/=]{44})\""))) {
        keys.receiptKey = match[1];
    }
    if (std::regex_search(out, match,
                          std::regex("AMICUS_CATALOG_SIGNING_KEYS=([A-Za-z0-9+/=]{44})"))) {
        keys.catalogKey = match[1];
    }
    EXPECT_FALSE(keys.recipient.empty() || keys.receiptKey.empty() || keys.catalogKey.empty())
        << out;
    return keys;
}

// The base64 raw public key of an Ed25519 PEM file, computed by openssl.
std::string opensslPublicKey(const fs::path& pem)
{
    std::string out;
    EXPECT_EQ(run("openssl pkey -in " + quote(pem.string()) +
                      " -pubout -outform DER | tail -c 32 | base64",
                  &out),
              0);
    return trim(out);
}

TEST(IntakeInit, MakesPrivateKeysThatAgeOpensslAndTheEndpointUse)
{
    TempDir temp;
    const fs::path keys = temp.path() / "keys";
    const SecretariatKeys printed = initKeys(keys);
    EXPECT_EQ(modeOf(keys), 0700u);
    for (const char* name : {"identity.txt", "catalog-signing.pem", "receipt-signing.pem"}) {
        EXPECT_EQ(modeOf(keys / name), 0600u) << name;
    }
    // identity.txt is age-keygen's format: the age CLI encrypts to the printed recipient and
    // decrypts with the file.
    EXPECT_NE(readFile(keys / "identity.txt").find("# public key: " + printed.recipient),
              std::string::npos);
    writeFile(temp.path() / "plain", "quelque chose de secret");
    std::string out;
    ASSERT_EQ(run("age -r " + printed.recipient + " " + quote((temp.path() / "plain").string()) +
                      " | age -d -i " + quote((keys / "identity.txt").string()),
                  &out),
              0);
    EXPECT_EQ(out, "quelque chose de secret");
    EXPECT_EQ(opensslPublicKey(keys / "catalog-signing.pem"), printed.catalogKey);
    EXPECT_EQ(opensslPublicKey(keys / "receipt-signing.pem"), printed.receiptKey);

    // The endpoint takes receipt-signing.pem from its --keys directory and says so.
    EndpointServer server(temp.path() / "endpoint", {"--keys", keys.string()});
    ASSERT_TRUE(server.ok());
    EXPECT_EQ(crypto::base64Encode(server.receiptKey()), printed.receiptKey);

    // The catalog-signing key signs with `catalog sign`.
    const std::string before = readFile(keys / "identity.txt");
    std::string errors;
    EXPECT_EQ(run(quote(AMICUS_INTAKE_PATH) + " init " + quote(keys.string()), &out, &errors,
                  temp.path() / "err"),
              1);
    EXPECT_NE(errors.find("never overwrites"), std::string::npos) << errors;
    EXPECT_EQ(readFile(keys / "identity.txt"), before);
    EXPECT_EQ(run(quote(AMICUS_INTAKE_PATH) + " init", &out, &errors, temp.path() / "err"), 2);
    // An existing directory that others can enter is refused, not silently changed.
    const fs::path shared = temp.path() / "shared";
    fs::create_directories(shared);
    fs::permissions(shared, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
    EXPECT_EQ(run(quote(AMICUS_INTAKE_PATH) + " init " + quote(shared.string()), &out, &errors,
                  temp.path() / "err"),
              1);
    EXPECT_NE(errors.find("open to other users (mode 755)"), std::string::npos) << errors;
    EXPECT_TRUE(fs::is_empty(shared));
    EXPECT_EQ(modeOf(shared), 0755u);
}

TEST(IntakeInbox, ThreeLanguagesTamperedJunkAndUnfinishedThroughTheRealEndpoint)
{
    TempDir temp;
    const fs::path keys = temp.path() / "keys";
    const SecretariatKeys secretariat = initKeys(keys);
    EndpointServer server(temp.path() / "endpoint", {"--keys", keys.string()});
    ASSERT_TRUE(server.ok());
    ASSERT_EQ(crypto::base64Encode(server.receiptKey()), secretariat.receiptKey);

    FieldWorker worker(temp.path() / "worker");
    std::string out;
    ASSERT_EQ(worker.ctl("init --scrypt-work-factor 10", &out), 0) << out;
    std::string report = "Rapport <b>final</b>\n";
    for (int i = 0; i < 20000; ++i) {
        report += static_cast<char>('a' + (i * 7) % 26);
    }
    writeFile(worker.dir / "report.txt", report);
    writeFile(worker.dir / "secret-photo.jpg", "photo of the anonymous author");

    const Envelope english = makeSubmission(
        worker,
        {{"call_id", callId},
         {"language", "en"},
         {"submitter",
          {{"organization", "Police Watch, \"Nairobi\" <Chapter>"},
           {"organization_kind", "ngo"},
           {"country", "KE"},
           {"contact", "public-contact@example.org"}}},
         {"consent", "public"},
         {"answers", {{"use-of-force-framework", "Force must be <b>necessary</b> & lawful."}}},
         {"attachments",
          {{{"path", (worker.dir / "report.txt").string()},
            {"file_name", "annual report.txt"},
            {"media_type", "text/plain"}}}}},
        secretariat.recipient);
    const Envelope french = makeSubmission(
        worker,
        {{"call_id", callId},
         {"language", "fr"},
         {"submitter",
          {{"organization", "Collectif Sans Nom Secret"},
           {"country", "SN"},
           {"contact", "anonyme-secret@example.org"}}},
         {"consent", "anonymous"},
         {"answers", {{"systemic-racism-practices", "Les contrôles au faciès persistent."}}},
         {"attachments", {(worker.dir / "secret-photo.jpg").string()}}},
        secretariat.recipient);
    const Envelope spanish = makeSubmission(
        worker,
        {{"call_id", callId},
         {"language", "es"},
         {"submitter",
          {{"organization", "Colectivo Confidencial"},
           {"country", "MX"},
           {"contact", "confidencial@example.org"}}},
         {"consent", "confidential"},
         {"answers", {{"prevention-accountability", "Texto que nunca se publica."}}}},
        secretariat.recipient);
    const Envelope tampered =
        makeSubmission(worker,
                       {{"call_id", callId},
                        {"language", "en"},
                        {"consent", "public"},
                        {"answers", {{"alternatives-oversight-trust", "Tampered in storage."}}}},
                       secretariat.recipient);
    const Envelope unfinished =
        makeSubmission(worker,
                       {{"call_id", callId},
                        {"language", "es"},
                        {"submitter", {{"organization", "Llega Tarde"}, {"country", "AR"}}},
                        {"consent", "public"},
                        {"answers", {{"prevention-accountability", "Subida que termina después."}}},
                        {"attachments", {(worker.dir / "report.txt").string()}}},
                       secretariat.recipient);

    // Damaged before it was sent: the receipt matches the stored bytes, the AEAD does not.
    const Envelope damaged =
        makeSubmission(worker,
                       {{"call_id", callId},
                        {"language", "fr"},
                        {"consent", "public"},
                        {"answers", {{"prevention-accountability", "Abîmée en route."}}}},
                       secretariat.recipient);
    {
        std::string bytes = readFile(damaged.path);
        bytes[bytes.size() - 20] = static_cast<char>(bytes[bytes.size() - 20] ^ 0x40);
        writeFile(temp.path() / "damaged.age", bytes);
    }

    TusCurl tus(server.origin(), temp.path());
    const std::string damagedUrl = tus.upload(damaged.submissionId, temp.path() / "damaged.age");
    const std::string englishUrl = tus.upload(english.submissionId, english.path);
    tus.upload(french.submissionId, french.path);
    tus.upload(spanish.submissionId, spanish.path);
    const std::string tamperedUrl = tus.upload(tampered.submissionId, tampered.path);
    // Bytes that are not an envelope at all, delivered and receipted like any other.
    writeFile(temp.path() / "junk.bin", "%PDF-1.7 not an envelope\n" + std::string(5000, 'J'));
    const std::string junkId = "0badf00d-0000-4000-8000-000000000001";
    const std::string junkUrl = tus.upload(junkId, temp.path() / "junk.bin");
    // An id the endpoint allows but Amicus never makes (not a lower-case UUID v4).
    const std::string foreignId = "junk-submission-0001";
    const std::string foreignUrl = tus.upload(foreignId, temp.path() / "junk.bin");
    // Half of the last one, then the link "drops".
    const auto unfinishedSize = fs::file_size(unfinished.path);
    const std::string unfinishedUrl = tus.create(unfinished.submissionId, unfinishedSize);
    ASSERT_EQ(tus.patch(unfinishedUrl, unfinished.path, 0, unfinishedSize / 2), 204);

    // Flip one byte of the stored, receipted tampered upload.
    const fs::path tamperedFile = server.dataDir() / "uploads" / lastSegment(tamperedUrl);
    {
        std::fstream file(tamperedFile, std::ios::in | std::ios::out | std::ios::binary);
        file.seekg(200);
        char byte = 0;
        file.read(&byte, 1);
        byte = static_cast<char>(byte ^ 0x01);
        file.seekp(200);
        file.write(&byte, 1);
    }
    const fs::path unfinishedFile = server.dataDir() / "uploads" / lastSegment(unfinishedUrl);
    const std::string unfinishedBytes = readFile(unfinishedFile);

    const fs::path inboxDir = temp.path() / "inbox";
    const std::string inboxCommand =
        quote(AMICUS_INTAKE_PATH) + " inbox " + quote(server.dataDir().string()) + " -i " +
        quote((keys / "identity.txt").string()) + " -o " + quote(inboxDir.string()) +
        " --receipt-key " + secretariat.receiptKey;
    std::string errors;
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;

    // Exactly the three good submissions, each printed once on stdout.
    std::set<std::string> folders;
    for (const auto& entry : fs::directory_iterator(inboxDir)) {
        if (entry.is_directory()) {
            folders.insert(entry.path().filename().string());
        }
    }
    EXPECT_EQ(folders, (std::set<std::string>{english.submissionId, french.submissionId,
                                              spanish.submissionId}));
    for (const Envelope* envelope : {&english, &french, &spanish}) {
        EXPECT_NE(out.find((inboxDir / envelope->submissionId).string() + "\n"), std::string::npos)
            << out;
    }
    EXPECT_NE(errors.find(tampered.submissionId + "): receipt-mismatch"), std::string::npos)
        << errors;
    EXPECT_NE(errors.find(junkId + "): not-an-envelope"), std::string::npos) << errors;
    EXPECT_NE(errors.find("upload " + lastSegment(foreignUrl) +
                          ": upload-info-malformed: the submission id is not one Amicus makes"),
              std::string::npos)
        << errors;
    EXPECT_NE(errors.find(unfinished.submissionId + "): unfinished, left for later"),
              std::string::npos)
        << errors;
    EXPECT_EQ(readFile(unfinishedFile), unfinishedBytes);

    // The English folder: manifest, rendering, attachment with the same bytes, receipt.
    const fs::path englishDir = inboxDir / english.submissionId;
    const auto manifest = nlohmann::json::parse(readFile(englishDir / "submission.json"));
    EXPECT_EQ(manifest["submission_id"], english.submissionId);
    EXPECT_EQ(manifest["language"], "en");
    EXPECT_EQ(manifest["answers"]["use-of-force-framework"],
              "Force must be <b>necessary</b> & lawful.");
    EXPECT_TRUE(fs::exists(englishDir / "submission.md"));
    EXPECT_EQ(readFile(englishDir / "attachments" / "annual report.txt"), report);
    const auto receiptDocument = nlohmann::json::parse(readFile(englishDir / "receipt.json"));
    const auto receipt = nlohmann::json::parse(receiptDocument["receipt"].get<std::string>());
    EXPECT_EQ(receipt["upload_id"], lastSegment(englishUrl));

    // The index: one row per submission with the right fields.
    const auto index = nlohmann::json::parse(readFile(inboxDir / "index.json"));
    ASSERT_EQ(index["submissions"].size(), 3u);
    std::map<std::string, nlohmann::json> rows;
    for (const auto& row : index["submissions"]) {
        rows[row["submission_id"].get<std::string>()] = row;
    }
    const auto& en = rows[english.submissionId];
    EXPECT_EQ(en["organization"], "Police Watch, \"Nairobi\" <Chapter>");
    EXPECT_EQ(en["country"], "KE");
    EXPECT_EQ(en["language"], "en");
    EXPECT_EQ(en["publication_consent"], "public");
    EXPECT_EQ(en["call_id"], callId);
    EXPECT_EQ(en["size"].get<std::uint64_t>(), fs::file_size(english.path));
    EXPECT_EQ(en["received_at"], receipt["received_at"]);
    EXPECT_EQ(rows[french.submissionId]["language"], "fr");
    EXPECT_EQ(rows[french.submissionId]["publication_consent"], "anonymous");
    EXPECT_EQ(rows[spanish.submissionId]["language"], "es");
    EXPECT_EQ(rows[spanish.submissionId]["publication_consent"], "confidential");
    EXPECT_EQ(rows[spanish.submissionId]["country"], "MX");
    const std::string csv = readFile(inboxDir / "index.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
    EXPECT_NE(csv.find("\"Police Watch, \"\"Nairobi\"\" <Chapter>\",\"KE\",\"en\",\"public\","),
              std::string::npos)
        << csv;

    // Second run: nothing new, nothing doubled, the same index; the broken ones again.
    const std::string csvBefore = csv;
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;
    EXPECT_EQ(out, "");
    EXPECT_NE(errors.find("0 new, 3 already there, 1 unfinished"), std::string::npos) << errors;
    EXPECT_EQ(readFile(inboxDir / "index.csv"), csvBefore);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(inboxDir)) {
        ++entries;
    }
    // Three folders, the two index files and refused.json (the junk and the damaged upload),
    // no temporary left.
    EXPECT_EQ(entries, 6u);

    // The unfinished upload completes later; the next run takes it, and only it.
    ASSERT_EQ(tus.patch(unfinishedUrl, unfinished.path, unfinishedSize / 2, unfinishedSize), 204);
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;
    EXPECT_EQ(out, (inboxDir / unfinished.submissionId).string() + "\n");
    EXPECT_EQ(nlohmann::json::parse(readFile(inboxDir / "index.json"))["submissions"].size(), 4u);

    // The tampered upload's bytes disappear from the store: its receipt is reported.
    const fs::path uploads = server.dataDir() / "uploads";
    fs::remove(tamperedFile);
    fs::remove(tamperedFile.string() + ".json");
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;
    EXPECT_NE(errors.find("submission " + tampered.submissionId + ": missing-upload"),
              std::string::npos)
        << errors;
    // With the broken ones gone, a run is clean: exit 0, nothing new.
    for (const std::string& url : {junkUrl, foreignUrl, damagedUrl}) {
        fs::remove(uploads / lastSegment(url));
        fs::remove(uploads / (lastSegment(url) + ".json"));
    }
    for (const std::string& id : {tampered.submissionId, damaged.submissionId, junkId, foreignId}) {
        fs::remove(server.dataDir() / "receipts" / (id + ".json"));
    }
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 0) << errors;
    EXPECT_EQ(out, "");
    EXPECT_NE(errors.find("0 new, 4 already there, 0 unfinished"), std::string::npos) << errors;

    // A wrong receipt key: every receipt is refused, nothing new is unpacked.
    const fs::path otherInbox = temp.path() / "other-inbox";
    ASSERT_EQ(run(quote(AMICUS_INTAKE_PATH) + " inbox " + quote(server.dataDir().string()) +
                      " -i " + quote((keys / "identity.txt").string()) + " -o " +
                      quote(otherInbox.string()) + " --receipt-key " + secretariat.catalogKey,
                  &out, &errors, temp.path() / "inbox.err"),
              1);
    EXPECT_NE(errors.find(english.submissionId + "): receipt-signature"), std::string::npos)
        << errors;
    EXPECT_EQ(out, "");

    // Publish: the public and the anonymous ones, never the confidential one.
    const fs::path publicDir = temp.path() / "public";
    ASSERT_EQ(run(quote(AMICUS_INTAKE_PATH) + " publish " + quote(inboxDir.string()) + " -o " +
                      quote(publicDir.string()),
                  &out, &errors, temp.path() / "publish.err"),
              0)
        << errors;
    EXPECT_NE(errors.find("publish: 2 public, 1 anonymous"), std::string::npos) << errors;
    const std::string indexPage = readFile(publicDir / "index.html");
    for (const Envelope* published : {&english, &french, &unfinished}) {
        EXPECT_TRUE(fs::is_regular_file(publicDir / (published->submissionId + ".odt")))
            << published->submissionId;
        EXPECT_NE(indexPage.find("href=\"" + published->submissionId + ".odt\""), std::string::npos)
            << indexPage;
    }
    EXPECT_FALSE(fs::exists(publicDir / (spanish.submissionId + ".odt")));
    EXPECT_FALSE(fs::exists(publicDir / spanish.submissionId));
    EXPECT_FALSE(fs::exists(publicDir / french.submissionId)); // no attachments when anonymous
    EXPECT_EQ(readFile(publicDir / english.submissionId / "attachments" / "annual report.txt"),
              report);
    EXPECT_NE(indexPage.find("Police Watch, &quot;Nairobi&quot; &lt;Chapter&gt;"),
              std::string::npos);
    EXPECT_NE(
        indexPage.find("href=\"" + english.submissionId + "/attachments/annual%20report.txt\""),
        std::string::npos);

    // Each document read back by odfpy: the answers in its language, the question texts of
    // the built-in catalog, the submitter only when public, never a contact address.
    const nlohmann::json englishDoc =
        readOdt(publicDir / (english.submissionId + ".odt"), temp.path());
    const nlohmann::json frenchDoc =
        readOdt(publicDir / (french.submissionId + ".odt"), temp.path());
    const nlohmann::json lateDoc =
        readOdt(publicDir / (unfinished.submissionId + ".odt"), temp.path());
    for (const nlohmann::json* doc : {&englishDoc, &frenchDoc, &lateDoc}) {
        ASSERT_FALSE(doc->is_null());
        EXPECT_EQ((*doc)["first_entry"]["name"], "mimetype");
        EXPECT_EQ((*doc)["first_entry"]["method"], 0);
        EXPECT_EQ((*doc)["first_entry"]["extra_length"], 0);
        EXPECT_EQ((*doc)["first_entry"]["content"], "application/vnd.oasis.opendocument.text");
    }
    const auto has = [](const nlohmann::json& doc, const std::string& key,
                        const std::string& text) {
        for (const auto& item : doc[key]) {
            if (item.get<std::string>() == text) {
                return true;
            }
        }
        return false;
    };
    EXPECT_TRUE(has(englishDoc, "paragraphs", "Force must be <b>necessary</b> & lawful."))
        << englishDoc["paragraphs"].dump();
    EXPECT_TRUE(has(englishDoc, "list_items", "Organization: Police Watch, \"Nairobi\" <Chapter>"))
        << englishDoc["list_items"].dump();
    EXPECT_TRUE(has(englishDoc, "list_items", "Country: KE"));
    EXPECT_EQ(englishDoc["creator"], "Police Watch, \"Nairobi\" <Chapter>");
    EXPECT_EQ(englishDoc["title"], "Submission to a call for input");
    EXPECT_EQ(englishDoc["default_language"], nlohmann::json::array({"en", "GB"}));
    bool listsAttachment = false;
    for (const auto& item : englishDoc["list_items"]) {
        const std::string text = item.get<std::string>();
        listsAttachment =
            listsAttachment || (text.rfind("attachments/annual report.txt (text/plain, " +
                                               std::to_string(report.size()) + " bytes, SHA-256 ",
                                           0) == 0);
    }
    EXPECT_TRUE(listsAttachment) << englishDoc["list_items"].dump();

    EXPECT_TRUE(has(frenchDoc, "paragraphs", "Les contrôles au faciès persistent."))
        << frenchDoc["paragraphs"].dump();
    EXPECT_EQ(frenchDoc["title"], "Contribution à un appel à contributions");
    EXPECT_EQ(frenchDoc["default_language"], nlohmann::json::array({"fr", "FR"}));
    EXPECT_TRUE(frenchDoc["creator"].is_null());
    EXPECT_TRUE(frenchDoc["initial_creator"].is_null());
    EXPECT_TRUE(has(frenchDoc, "paragraphs",
                    "Les pièces jointes ne sont pas reproduites dans ce document."));

    EXPECT_TRUE(has(lateDoc, "paragraphs", "Subida que termina después."))
        << lateDoc["paragraphs"].dump();
    EXPECT_TRUE(has(lateDoc, "list_items", "Organización: Llega Tarde"));
    EXPECT_EQ(lateDoc["title"], "Contribución a una convocatoria");
    EXPECT_EQ(lateDoc["default_language"], nlohmann::json::array({"es", "ES"}));
    // Headings: sections at level 1, the question (the catalog's Spanish text) at level 2.
    bool questionHeading = false;
    for (const auto& heading : lateDoc["headings"]) {
        questionHeading = questionHeading ||
                          (heading["level"] == 2 && heading["text"].get<std::string>().size() > 20);
    }
    EXPECT_TRUE(questionHeading) << lateDoc["headings"].dump();

    // Nothing secret anywhere: the raw files, and every XML part of every document unzipped.
    std::string everything = allBytesUnder(publicDir);
    for (const nlohmann::json* doc : {&englishDoc, &frenchDoc, &lateDoc}) {
        for (const auto& [name, part] : (*doc)["parts"].items()) {
            everything += part.get<std::string>();
        }
    }
    for (const char* secret :
         {"Collectif Sans Nom Secret", "anonyme-secret@example.org",
          "photo of the anonymous author", "secret-photo", "Colectivo Confidencial",
          "confidencial@example.org", "Texto que nunca se publica", "public-contact@example.org"}) {
        EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
    }
    EXPECT_EQ(everything.find(spanish.submissionId), std::string::npos);
    std::string frenchParts;
    for (const auto& [name, part] : frenchDoc["parts"].items()) {
        frenchParts += part.get<std::string>();
    }
    EXPECT_EQ(frenchParts.find("SN"), std::string::npos); // not even the country

    // Publishing again replaces the tree it made; a directory it did not make is refused.
    const std::string englishBytes = readFile(publicDir / (english.submissionId + ".odt"));
    ASSERT_EQ(run(quote(AMICUS_INTAKE_PATH) + " publish " + quote(inboxDir.string()) + " -o " +
                      quote(publicDir.string() + "/"),
                  &out, &errors, temp.path() / "publish.err"),
              0)
        << errors;
    EXPECT_TRUE(fs::exists(publicDir / (english.submissionId + ".odt")));
    // The same set: the same index and byte-identical documents.
    EXPECT_EQ(readFile(publicDir / "index.html"), indexPage);
    EXPECT_EQ(readFile(publicDir / (english.submissionId + ".odt")), englishBytes);
    for (const auto& entry : fs::directory_iterator(temp.path())) {
        EXPECT_EQ(entry.path().filename().string().find("public."), std::string::npos)
            << entry.path(); // no build or swap directory left beside it
    }
    for (const auto& entry : fs::directory_iterator(publicDir)) {
        EXPECT_NE(entry.path().filename().string().rfind(".building", 0), 0u) << entry.path();
    }
    fs::create_directories(temp.path() / "foreign");
    writeFile(temp.path() / "foreign" / "keep.txt", "mine");
    EXPECT_EQ(run(quote(AMICUS_INTAKE_PATH) + " publish " + quote(inboxDir.string()) + " -o " +
                      quote((temp.path() / "foreign").string()),
                  &out, &errors, temp.path() / "publish.err"),
              3);
    EXPECT_EQ(readFile(temp.path() / "foreign" / "keep.txt"), "mine");
}

// A package made to fill the officer's disk: a few KiB of envelope, encrypted to the
// secretariat's recipient with the age command line as anyone can, whose attachment is a
// pax 1.0 sparse file of 64 MiB that the manifest lists with the right SHA-256.
fs::path sparseBomb(const fs::path& dir, const std::string& submissionId,
                    const std::string& recipient)
{
    const std::uint64_t realSize = std::uint64_t{64} * 1024 * 1024;
    crypto::Sha256 zeros;
    const std::vector<std::uint8_t> block(1 << 20, 0);
    for (std::uint64_t done = 0; done < realSize; done += block.size()) {
        zeros.update(block);
    }
    const nlohmann::json manifest = {
        {"format", "amicus-submission"},
        {"version", 1},
        {"call_id", callId},
        {"submission_id", submissionId},
        {"language", "en"},
        {"created_at", "2026-01-01T00:00:00Z"},
        {"submitter", {{"organization", "Bomb Makers"}}},
        {"publication_consent", "public"},
        {"answers", nlohmann::json::object()},
        {"attachments",
         {{{"path", "attachments/zeros.bin"},
           {"name", "zeros.bin"},
           {"media_type", "application/octet-stream"},
           {"sha256", crypto::toHex(zeros.finish())},
           {"size", realSize}}}},
    };
    using namespace package::testing;
    const std::string tar =
        tarFile("submission.json", manifest.dump()) +
        tarFile("submission.md", "# A submission\n\n" + std::string(30000, 'x') + "\n") +
        sparseEntry(SparseFormat::Pax10, "attachments/zeros.bin", "", realSize) + tarEnd();
    writeFile(dir / "bomb.tar", tar);
    EXPECT_EQ(run("age -r " + recipient + " -o " + quote((dir / "bomb.age").string()) + " " +
                  quote((dir / "bomb.tar").string())),
              0);
    return dir / "bomb.age";
}

std::uintmax_t bytesUnder(const fs::path& dir)
{
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            total += entry.file_size();
        }
    }
    return total;
}

TEST(IntakeInbox, RefusedBombIsRecordedNotReadAgainUntilRetriedAndNamesArePrintable)
{
    TempDir temp;
    const fs::path keys = temp.path() / "keys";
    const SecretariatKeys secretariat = initKeys(keys);
    EndpointServer server(temp.path() / "endpoint", {"--keys", keys.string()});
    ASSERT_TRUE(server.ok());
    const std::string bombId = "5e0b0a3c-1f2d-4c3b-9a8e-7d6c5b4a3f21";
    const fs::path bomb = sparseBomb(temp.path(), bombId, secretariat.recipient);
    ASSERT_LT(fs::file_size(bomb), 64u * 1024);
    TusCurl tus(server.origin(), temp.path());
    const std::string uploadId = lastSegment(tus.upload(bombId, bomb));
    const fs::path stored = server.dataDir() / "uploads" / uploadId;
    ASSERT_EQ(readFile(stored), readFile(bomb));
    // A store entry named with terminal escape sequences (title, clear screen, bell).
    const std::string evilName = "\x1b]0;owned\x07\x1b[2J\x1b[31mevil\x9b";
    writeFile(server.dataDir() / "uploads" / evilName, "x");
    writeFile(server.dataDir() / "uploads" / (evilName + ".json"), "not json");

    const fs::path inboxDir = temp.path() / "inbox";
    const std::string inboxCommand =
        quote(AMICUS_INTAKE_PATH) + " inbox " + quote(server.dataDir().string()) + " -i " +
        quote((keys / "identity.txt").string()) + " -o " + quote(inboxDir.string()) +
        " --receipt-key " + secretariat.receiptKey;
    std::string out;
    std::string errors;
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;
    EXPECT_NE(errors.find(uploadId + " (submission " + bombId + "): sparse-entry: "),
              std::string::npos)
        << errors;
    EXPECT_FALSE(fs::exists(inboxDir / bombId));
    // Never more on disk than the envelope, whatever the package declares.
    EXPECT_LT(bytesUnder(inboxDir), fs::file_size(bomb) + 4096) << bytesUnder(inboxDir);
    // Every name printed without its control characters.
    EXPECT_NE(errors.find("upload ]0;owned[2J[31mevil?: upload-info-malformed"), std::string::npos)
        << errors;
    for (const char c : errors) {
        EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << int(c);
        EXPECT_NE(static_cast<unsigned char>(c), 0x9b);
    }
    // Recorded by upload id and reason.
    const auto record = nlohmann::json::parse(readFile(inboxDir / "refused.json"));
    ASSERT_EQ(record["refused"].size(), 1u) << record.dump();
    EXPECT_EQ(record["refused"][0]["upload_id"], uploadId);
    EXPECT_EQ(record["refused"][0]["submission_id"], bombId);
    EXPECT_EQ(record["refused"][0]["reason"], "sparse-entry");
    EXPECT_EQ(record["refused"][0]["size"].get<std::uint64_t>(), fs::file_size(bomb));

    // The next run does not read it: its bytes, changed in place to the same size, would
    // otherwise no longer match the receipt.
    const std::string original = readFile(stored);
    writeFile(stored, std::string(original.size(), 'Z'));
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;
    EXPECT_NE(errors.find(bombId + "): sparse-entry: refused at "), std::string::npos) << errors;
    EXPECT_NE(errors.find("--retry " + uploadId + " reads it again"), std::string::npos) << errors;
    EXPECT_EQ(errors.find("receipt-mismatch"), std::string::npos) << errors;

    // Asked to retry, it reads the upload again (and refuses it again, recorded anew).
    writeFile(stored, original);
    ASSERT_EQ(run(inboxCommand + " --retry " + uploadId, &out, &errors, temp.path() / "inbox.err"),
              1)
        << errors;
    EXPECT_NE(errors.find(uploadId + " (submission " + bombId + "): sparse-entry: a "),
              std::string::npos)
        << errors;
    EXPECT_EQ(nlohmann::json::parse(readFile(inboxDir / "refused.json"))["refused"].size(), 1u);
    ASSERT_EQ(run(inboxCommand + " --retry all --retry no-such-upload", &out, &errors,
                  temp.path() / "inbox.err"),
              1)
        << errors;
    EXPECT_NE(errors.find("retrying 1 refused upload(s)"), std::string::npos) << errors;
    EXPECT_NE(errors.find("--retry no-such-upload: not a refused upload"), std::string::npos)
        << errors;
    EXPECT_NE(errors.find("): sparse-entry: a "), std::string::npos) << errors;
}

} // namespace
} // namespace amicus::intake

namespace amicus::intake {
namespace {

// Sealed envelopes brought by hand (`inbox --from-folder`), as the app saves them: the same
// checks as uploads without a receipt, "by_hand" in the index, one folder per submission
// whichever way it came; a damaged file, junk, and the same submission sealed again with other
// bytes (decrypted and re-encrypted with the real age) are refused, and a refusal is recorded.
TEST(IntakeInbox, EnvelopesByHandAreCheckedMarkedAndUnpackedOnceWhicheverWayTheyCame)
{
    TempDir temp;
    const fs::path keys = temp.path() / "keys";
    const SecretariatKeys secretariat = initKeys(keys);
    EndpointServer server(temp.path() / "endpoint", {"--keys", keys.string()});
    ASSERT_TRUE(server.ok());
    FieldWorker worker(temp.path() / "worker");
    std::string out;
    ASSERT_EQ(worker.ctl("init --scrypt-work-factor 10", &out), 0) << out;
    const auto submission = [&](const std::string& organization) {
        return makeSubmission(
            worker,
            {{"call_id", callId},
             {"language", "fr"},
             {"submitter", {{"organization", organization}, {"country", "ML"}}},
             {"consent", "public"},
             {"answers", {{"prevention-accountability", "Remise en main propre."}}}},
            secretariat.recipient);
    };
    const Envelope both = submission("Par les deux chemins");
    const Envelope byHand = submission("Sur une clé USB");
    const Envelope damaged = submission("Abîmée en chemin");

    // The endpoint receives `both`; the USB stick carries `both` and `byHand` as the app saves
    // them, a damaged one, junk, and a file inbox leaves alone (not *.age).
    TusCurl tus(server.origin(), temp.path());
    tus.upload(both.submissionId, both.path);
    const fs::path usb = temp.path() / "incoming";
    fs::create_directories(usb);
    fs::copy_file(both.path, usb / (both.submissionId + ".age"));
    fs::copy_file(byHand.path, usb / (byHand.submissionId + ".age"));
    {
        std::string bytes = readFile(damaged.path);
        bytes[bytes.size() - 30] = static_cast<char>(bytes[bytes.size() - 30] ^ 0x01);
        writeFile(usb / "damaged.age", bytes);
    }
    writeFile(usb / "junk.age", "not an age file at all\n");
    writeFile(usb / "notes.txt", "left alone");

    const fs::path inboxDir = temp.path() / "inbox";
    const std::string identity = quote((keys / "identity.txt").string());
    const std::string inboxCommand =
        quote(AMICUS_INTAKE_PATH) + " inbox " + quote(server.dataDir().string()) + " -i " +
        identity + " -o " + quote(inboxDir.string()) + " --receipt-key " + secretariat.receiptKey +
        " --from-folder " + quote(usb.string());
    std::string errors;
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;
    std::set<std::string> folders;
    for (const auto& entry : fs::directory_iterator(inboxDir)) {
        if (entry.is_directory()) {
            folders.insert(entry.path().filename().string());
        }
    }
    EXPECT_EQ(folders, (std::set<std::string>{both.submissionId, byHand.submissionId}));
    EXPECT_TRUE(fs::exists(inboxDir / both.submissionId / "receipt.json"));
    EXPECT_FALSE(fs::exists(inboxDir / both.submissionId / "arrival.json"));
    EXPECT_TRUE(fs::exists(inboxDir / byHand.submissionId / "arrival.json"));
    EXPECT_FALSE(fs::exists(inboxDir / byHand.submissionId / "receipt.json"));
    EXPECT_NE(readFile(inboxDir / byHand.submissionId / "submission.json").find("Sur une clé USB"),
              std::string::npos);
    EXPECT_NE(errors.find("by hand " + both.submissionId + ".age: already in OUT_DIR"),
              std::string::npos)
        << errors;
    EXPECT_NE(errors.find("by hand damaged.age: tampered"), std::string::npos) << errors;
    EXPECT_NE(errors.find("by hand junk.age: not-an-envelope"), std::string::npos) << errors;
    EXPECT_EQ(errors.find("notes.txt"), std::string::npos) << errors;
    EXPECT_NE(errors.find("1 of the new arrived by hand, without a receipt"), std::string::npos)
        << errors;
    const auto index = nlohmann::json::parse(readFile(inboxDir / "index.json"));
    ASSERT_EQ(index["submissions"].size(), 2u) << index.dump();
    for (const auto& row : index["submissions"]) {
        EXPECT_EQ(row["arrival"],
                  row["submission_id"] == byHand.submissionId ? "by_hand" : "endpoint");
    }
    EXPECT_NE(readFile(inboxDir / "index.csv").find("\"by_hand\""), std::string::npos);
    const auto arrival =
        nlohmann::json::parse(readFile(inboxDir / byHand.submissionId / "arrival.json"));
    EXPECT_EQ(arrival["sha256"], crypto::toHex(sync::testing::sha256File(byHand.path)));
    EXPECT_EQ(arrival["size"], fs::file_size(byHand.path));
    const auto refused = nlohmann::json::parse(readFile(inboxDir / "refused.json"));
    ASSERT_EQ(refused["refused"].size(), 2u) << refused.dump();

    // The same submission sealed again (other bytes, same id) is refused, not unpacked twice;
    // a second run reads nothing again.
    const fs::path plain = temp.path() / "resealed.tar";
    ASSERT_EQ(run("age -d -i " + identity + " -o " + quote(plain.string()) + " " +
                  quote(byHand.path.string())),
              0);
    ASSERT_EQ(run("age -r " + secretariat.recipient + " -o " +
                  quote((usb / "resealed.age").string()) + " " + quote(plain.string())),
              0);
    ASSERT_EQ(run(inboxCommand, &out, &errors, temp.path() / "inbox.err"), 1) << errors;
    EXPECT_NE(
        errors.find("by hand resealed.age (submission " + byHand.submissionId + "): id-conflict"),
        std::string::npos)
        << errors;
    EXPECT_NE(errors.find("0 new, 3 already there"), std::string::npos) << errors;
    EXPECT_NE(errors.find("refused at"), std::string::npos) << errors;
    EXPECT_EQ(nlohmann::json::parse(readFile(inboxDir / "index.json"))["submissions"].size(), 2u);
    EXPECT_TRUE(out.empty()) << out;
}

} // namespace
} // namespace amicus::intake
