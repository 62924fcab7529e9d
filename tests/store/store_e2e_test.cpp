// End-to-end tests of the vault store through real processes and real files: amicusctl, an
// autosaving child killed with SIGKILL, a full disk, and a byte scan of the data directory.
#include "autosave_text.h"
#include "process_runner.h"
#include "store/vault_session.h"
#include "test_support.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <sys/mount.h>
#include <thread>

namespace amicus::store {
namespace {

using testing::ProcessOptions;
using testing::ProcessResult;
using testing::runProcess;
using testing::TempDir;

constexpr const char* kPassphrase = "correct horse battery staple";

class StoreE2E : public ::testing::Test {
protected:
    void SetUp() override { dataDir_ = dir_.path() / "data"; }

    ProcessResult ctl(std::vector<std::string> args, ProcessOptions options = {},
                      const std::string& passphrase = kPassphrase)
    {
        args.insert(args.begin(), {AMICUSCTL_PATH, "--data-dir", dataDir_.string()});
        options.env["AMICUS_PASSPHRASE"] = passphrase;
        return runProcess(args, options);
    }

    void init()
    {
        // A small scrypt cost keeps the hundreds of unlocks in these tests fast.
        const auto result = ctl({"init", "--scrypt-work-factor", "10"});
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }

    std::int64_t importDraft(const nlohmann::json& document, int expectedExit = 0,
                             ProcessOptions options = {})
    {
        const auto file = dir_.path() / ("import-" + std::to_string(++imports_) + ".json");
        testing::writeAll(file, document.dump());
        const auto result = ctl({"import-draft", file.string()}, std::move(options));
        EXPECT_EQ(result.exitCode, expectedExit) << result.err;
        return result.exitCode == 0 ? std::stoll(result.out) : -1;
    }

    std::unique_ptr<VaultSession> openSession()
    {
        auto session = VaultSession::open(dataDir_, kPassphrase);
        if (!session) {
            ADD_FAILURE() << "open: " << loginErrcName(session.error()) << " "
                          << session.error().detail;
            return nullptr;
        }
        return std::move(*session);
    }

    std::uintmax_t largestFile() const
    {
        std::uintmax_t largest = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dataDir_)) {
            if (entry.is_regular_file()) {
                largest = std::max(largest, entry.file_size());
            }
        }
        return largest;
    }

    TempDir dir_;
    std::filesystem::path dataDir_;
    int imports_ = 0;
};

// ---- kill -9 during autosave ---------------------------------------------------------------

struct Child {
    pid_t pid = -1;
    int out = -1;
};

Child spawnAutosave(const std::filesystem::path& dataDir, std::int64_t draftId,
                    std::int64_t firstIndex, const std::string& marker = "",
                    std::int64_t toggleAttachment = 0)
{
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(pipeFds[1], STDOUT_FILENO);
        ProcessOptions options;
        options.env["AMICUS_PASSPHRASE"] = kPassphrase;
        if (toggleAttachment > 0) {
            options.env["AMICUS_TOGGLE_ATTACHMENT"] = std::to_string(toggleAttachment);
        }
        std::vector<std::string> argv = {AUTOSAVE_CHILD_PATH, dataDir.string(),
                                         std::to_string(draftId), std::to_string(firstIndex)};
        if (!marker.empty()) {
            argv.push_back(marker);
        }
        testing::execChild(argv, options);
    }
    ::close(pipeFds[1]);
    return {pid, pipeFds[0]};
}

// Waits for the child's "unlocked" line; false if it does not come within 20 s.
bool waitUnlocked(const Child& child, std::string& received)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    char byte = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd fd{child.out, POLLIN, 0};
        if (::poll(&fd, 1, 100) > 0) {
            if (::read(child.out, &byte, 1) != 1) {
                return false;
            }
            received.push_back(byte);
            if (received == "unlocked\n") {
                received.clear();
                return true;
            }
        }
    }
    return false;
}

// Reads what the child reported until `delay` after its unlock (or, with `untilFirstSave`,
// until its first save), then kills it with SIGKILL and reads the rest of the pipe. Returns
// every complete line, i.e. every save whose call had returned.
std::vector<std::int64_t> killAfter(Child child, std::chrono::microseconds delay,
                                    bool untilFirstSave = false)
{
    std::string received;
    char buffer[4096];
    EXPECT_TRUE(waitUnlocked(child, received)) << "the autosave child did not unlock";
    const auto deadline = std::chrono::steady_clock::now() + delay;
    for (;;) {
        if (untilFirstSave && received.find('\n') != std::string::npos) {
            break;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            break;
        }
        pollfd fd{child.out, POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(left.count())) > 0) {
            const ssize_t n = ::read(child.out, buffer, sizeof buffer);
            if (n <= 0) {
                break; // the child died on its own: the test will fail below
            }
            received.append(buffer, static_cast<std::size_t>(n));
        }
    }
    ::kill(child.pid, SIGKILL);
    for (;;) {
        const ssize_t n = ::read(child.out, buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        received.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(child.out);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the autosave child exited by itself with status " << status;
    std::vector<std::int64_t> saves;
    std::size_t start = 0;
    for (std::size_t end = received.find('\n'); end != std::string::npos;
         end = received.find('\n', start)) {
        saves.push_back(std::stoll(received.substr(start, end - start)));
        start = end + 1;
    }
    return saves;
}

// Checks that every reported save of one trial is in its draft, exactly, and that a save
// that committed without being reported yet is whole.
void expectSavesPresent(VaultStore& store, std::int64_t draftId,
                        const std::vector<std::int64_t>& reported, const std::string& context)
{
    auto draft = store.drafts().get(draftId);
    ASSERT_TRUE(draft.ok()) << context << ": " << draft.error().detail;
    std::int64_t lastOrg = -1;
    for (const auto index : reported) {
        const auto it = draft->answers.find("q" + std::to_string(index));
        ASSERT_NE(it, draft->answers.end()) << context << ": reported save " << index << " lost";
        ASSERT_EQ(it->second, testing::autosaveText(index, "")) << context << ", save " << index;
        lastOrg = index % 4 == 0 ? index : lastOrg;
    }
    for (const auto& [question, text] : draft->answers) {
        ASSERT_EQ(text, testing::autosaveText(std::stoll(question.substr(1)), "")) << context;
    }
    if (lastOrg >= 0) {
        ASSERT_TRUE(draft->submitter.organization.has_value()) << context;
        ASSERT_GE(std::stoll(draft->submitter.organization->substr(4)), lastOrg) << context;
    }
}

TEST_F(StoreE2E, KillNineDuringAutosaveLosesNoReturnedSave)
{
    init();
    int trials = 200;
    if (const char* env = std::getenv("AMICUS_KILL_TRIALS"); env != nullptr) {
        trials = std::atoi(env);
    }
    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);

    // Each trial autosaves into a draft of its own, so checking a trial reads only its saves;
    // at the end every trial's saves are checked again.
    std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> history;
    auto nextDraft = [&](VaultStore& store) {
        auto id = store.drafts().create("hrc54-policing");
        EXPECT_TRUE(id.ok());
        return id.ok() ? *id : std::int64_t{-1};
    };
    std::int64_t draftId = 0;
    {
        auto session = openSession();
        ASSERT_TRUE(session);
        draftId = nextDraft(session->store());
    }
    // Trial 0 measures how long this build takes from unlock to the first save (sanitizer
    // builds are several times slower), so the kills of the other trials spread over opening
    // the store and a stream of saves whatever the speed.
    std::chrono::microseconds window(20000);
    int trialsWithSaves = 0;
    std::size_t totalSaves = 0;
    for (int trial = 0; trial < trials; ++trial) {
        const auto child = spawnAutosave(dataDir_, draftId, 0);
        std::vector<std::int64_t> saves;
        if (trial == 0) {
            const auto start = std::chrono::steady_clock::now();
            saves = killAfter(child, std::chrono::seconds(20), true);
            window += 2 * std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - start);
            window = std::min(window, std::chrono::microseconds(300000)); // bounds the run time
            std::cout << "kill -9 trials: " << trials << ", seed " << seed << ", window "
                      << window.count() << " us\n";
        } else {
            std::uniform_int_distribution<std::int64_t> delayUs(0, window.count());
            saves = killAfter(child, std::chrono::microseconds(delayUs(random)));
        }
        trialsWithSaves += saves.empty() ? 0 : 1;
        totalSaves += saves.size();

        auto session = openSession();
        ASSERT_TRUE(session) << "trial " << trial;
        auto integrity = session->store().checkIntegrity();
        ASSERT_TRUE(integrity.ok()) << "trial " << trial << ": " << integrity.error().detail;
        expectSavesPresent(session->store(), draftId, saves,
                           "trial " + std::to_string(trial) + " (seed " + std::to_string(seed) +
                               ")");
        if (::testing::Test::HasFatalFailure()) {
            return;
        }
        history.emplace_back(draftId, std::move(saves));
        draftId = nextDraft(session->store());
    }
    auto session = openSession();
    ASSERT_TRUE(session);
    for (std::size_t trial = 0; trial < history.size(); ++trial) {
        expectSavesPresent(session->store(), history[trial].first, history[trial].second,
                           "at the end, trial " + std::to_string(trial));
    }
    std::cout << "saves reported: " << totalSaves << ", trials that saved: " << trialsWithSaves
              << "\n";
    EXPECT_GT(trialsWithSaves, trials / 2) << "most kills should land during autosaves";
}

// ---- kill -9 while switching a photo's smaller copy on and off --------------------------------

// The choice is durable once the call returned: after a kill, the attachment is in the state
// the last returned switch left, or (when the next one had started) the state after that one;
// never torn — a recorded copy always decrypts to exactly the bytes that switch stored.
TEST_F(StoreE2E, KillNineWhileSwitchingTheSmallerCopyKeepsTheLastChoice)
{
    init();
    const auto photo = dir_.path() / "photo.jpg";
    testing::writeAll(photo, std::string(150000, 'p'));
    const auto draftId = importDraft({{"call_id", "c"}, {"attachments", {photo.string()}}});
    ASSERT_GT(draftId, 0);
    std::int64_t attachmentId = 0;
    {
        auto session = openSession();
        ASSERT_TRUE(session);
        attachmentId = session->store().drafts().get(draftId)->attachments.at(0).id;
    }
    // A state is the index of the save whose copy is recorded, or -1 for "send the original".
    const auto stateAfter = [](std::int64_t save) { return save % 2 == 0 ? save : -1; };
    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);
    std::int64_t state = -1;
    int trialsWithSwitches = 0;
    std::int64_t switchesDone = 0;
    for (int trial = 0; trial < 12; ++trial) {
        const std::int64_t first = trial * 100000 + 1;
        std::uniform_int_distribution<int> delayMs(20, 400);
        const auto child = spawnAutosave(dataDir_, draftId, first, "", attachmentId);
        std::int64_t lastStarted = 0;
        std::int64_t lastDone = 0;
        for (const auto line : killAfter(child, std::chrono::milliseconds(delayMs(random)))) {
            lastStarted = std::max(lastStarted, -line);
            lastDone = std::max(lastDone, line);
        }
        trialsWithSwitches += lastDone > 0 ? 1 : 0;
        switchesDone += lastDone > 0 ? lastDone - first + 1 : 0;
        std::set<std::int64_t> allowed;
        allowed.insert(lastDone > 0 ? stateAfter(lastDone) : state);
        if (lastStarted > lastDone) {
            allowed.insert(stateAfter(lastStarted));
        }
        const std::string context = "trial " + std::to_string(trial) + " (seed " +
                                    std::to_string(seed) + "), done " + std::to_string(lastDone) +
                                    ", started " + std::to_string(lastStarted);

        auto session = openSession();
        ASSERT_TRUE(session) << context;
        ASSERT_TRUE(session->store().checkIntegrity().ok()) << context;
        auto attachment = session->store().attachments().get(attachmentId);
        ASSERT_TRUE(attachment.ok()) << context << ": " << attachment.error().detail;
        std::int64_t actual = -1;
        if (attachment->reduced) {
            crypto::VectorSink copy;
            auto opened = session->store().attachments().decryptReducedCopy(
                *attachment, *session->identity(), copy);
            ASSERT_TRUE(opened.ok()) << context << ": " << opened.error().detail;
            const std::string bytes(copy.bytes().begin(), copy.bytes().end());
            const std::string prefix = "smaller copy ";
            ASSERT_EQ(bytes.rfind(prefix, 0), 0u) << context;
            actual = std::stoll(bytes.substr(prefix.size()));
            ASSERT_EQ(bytes, testing::smallerCopyText(actual)) << context;
        }
        ASSERT_EQ(allowed.count(actual), 1u)
            << context << ": found state " << actual << ", expected one of "
            << ::testing::PrintToString(allowed);
        state = actual;
    }
    std::cout << "smaller-copy switches returned: " << switchesDone
              << ", trials with some: " << trialsWithSwitches << ", seed " << seed << "\n";
    EXPECT_GT(trialsWithSwitches, 6) << "most kills should land while switching";
}

// ---- nothing personal in plain text ----------------------------------------------------------

std::string utf16(const std::string& ascii, bool bigEndian)
{
    std::string out;
    for (const char c : ascii) {
        if (bigEndian) {
            out.push_back('\0');
            out.push_back(c);
        } else {
            out.push_back(c);
            out.push_back('\0');
        }
    }
    return out;
}

// Every file under `root` that holds `marker` in UTF-8, UTF-16LE or UTF-16BE, with the encoding.
std::vector<std::string> filesHolding(const std::filesystem::path& root, const std::string& marker)
{
    const std::pair<const char*, std::string> needles[] = {
        {"UTF-8", marker}, {"UTF-16LE", utf16(marker, false)}, {"UTF-16BE", utf16(marker, true)}};
    std::vector<std::string> hits;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        const auto bytes = testing::readAll(entry.path());
        const std::string_view haystack(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        for (const auto& [encoding, needle] : needles) {
            if (haystack.find(needle) != std::string_view::npos) {
                hits.push_back(entry.path().string() + " (" + encoding + ")");
            }
        }
    }
    return hits;
}

TEST_F(StoreE2E, NoMarkerReachesTheDataDirectoryInAnyEncoding)
{
    init();
    std::mt19937_64 random(std::random_device{}());
    const std::string marker = "MRK" + std::to_string(random()) + "Z";
    const auto inputs = dir_.path() / "inputs";
    std::filesystem::create_directories(inputs);
    // The attachment carries the marker in all three encodings, and in its name.
    const auto attachment = inputs / ("photo-" + marker + ".txt");
    testing::writeAll(attachment,
                      "start " + marker + " " + utf16(marker, false) + utf16(marker, true));
    const nlohmann::json document = {
        {"call_id", "hrc54-policing"},
        {"language", "x-" + marker},
        {"submitter",
         {{"organization", "Org " + marker},
          {"organization_kind", "kind " + marker},
          {"country", "country " + marker},
          {"contact", marker + "@example.org"}}},
        {"consent", "confidential"},
        {"answers", {{"q1", "first " + marker}, {"q2", "second " + marker + " ñ"}}},
        {"attachments",
         {{{"path", attachment.string()},
           {"file_name", attachment.filename().string()},
           {"media_type", "text/x-" + marker}}}}};
    const auto draftId = importDraft(document);
    ASSERT_GT(draftId, 0);
    {
        auto session = openSession();
        ASSERT_TRUE(session);
        ASSERT_TRUE(
            session->store().settings().put("name", marker, Settings::Sealing::Sealed).ok());
        // A smaller copy chosen for sending, whose bytes and media type carry the marker too.
        auto draft = session->store().drafts().get(draftId);
        ASSERT_TRUE(draft.ok());
        ASSERT_EQ(draft->attachments.size(), 1u);
        std::istringstream smaller("reduced " + marker + " " + utf16(marker, false));
        auto reduced = session->store().attachments().addReducedCopy(
            draft->attachments[0].id, smaller, "image/x-" + marker, 1 << 20);
        ASSERT_TRUE(reduced.ok()) << reduced.error().detail;
    }

    // The data is really there: export shows it.
    const auto exported = ctl({"export", std::to_string(draftId)});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    EXPECT_NE(exported.out.find("Org " + marker), std::string::npos);

    // A killed autosaver leaves a write-ahead log and shared memory file behind: scan those too.
    const auto child = spawnAutosave(dataDir_, draftId, 100, marker);
    const auto saves = killAfter(child, std::chrono::milliseconds(300));
    EXPECT_FALSE(saves.empty());
    EXPECT_TRUE(std::filesystem::exists(dataDir_ / "amicus.db-wal"));

    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dataDir_)) {
        files += entry.is_regular_file() ? 1 : 0;
    }
    EXPECT_GE(files, 7u); // database, -wal, -shm, two blobs, vault identity and recipient
    const auto hits = filesHolding(dataDir_, marker);
    EXPECT_TRUE(hits.empty()) << "marker found in " << ::testing::PrintToString(hits);

    // The scan itself finds the marker where it is in the clear, in each encoding.
    const auto control = filesHolding(inputs, marker);
    EXPECT_EQ(control.size(), 3u) << ::testing::PrintToString(control);

    // And the data is still all there after the kill.
    auto session = openSession();
    ASSERT_TRUE(session);
    auto draft = session->store().drafts().get(draftId);
    ASSERT_TRUE(draft.ok());
    EXPECT_EQ(draft->answers["q1"], "first " + marker);
    ASSERT_EQ(draft->attachments.size(), 1u);
    ASSERT_TRUE(draft->attachments[0].reduced.has_value());
    EXPECT_EQ(draft->attachments[0].reduced->mediaType, "image/x-" + marker);
    for (const auto index : saves) {
        EXPECT_EQ(draft->answers["q" + std::to_string(index)],
                  testing::autosaveText(index, marker));
    }
}

// ---- full disk -------------------------------------------------------------------------------

TEST_F(StoreE2E, FullDiskGivesTypedErrorAndKeepsEarlierData)
{
    init();
    const auto small = dir_.path() / "small.txt";
    testing::writeAll(small, "earlier attachment");
    const auto earlier = importDraft({{"call_id", "c"},
                                      {"submitter", {{"organization", "Earlier"}}},
                                      {"answers", {{"q1", "kept answer"}}},
                                      {"attachments", {small.string()}}});
    ASSERT_GT(earlier, 0);
    const auto before = ctl({"export", std::to_string(earlier)});
    ASSERT_EQ(before.exitCode, 0);

    ProcessOptions limited;
    limited.fileSizeLimit = largestFile() + 64 * 1024;

    // A 2 MB answer cannot be written into the write-ahead log.
    const std::string bigAnswer(2 << 20, 'w');
    importDraft({{"call_id", "c"}, {"answers", {{"q1", bigAnswer}}}}, 8, limited);
    // A 2 MB attachment cannot be written into its blob.
    const auto big = dir_.path() / "big.bin";
    testing::writeAll(big, std::string(2 << 20, 'b'));
    const auto file = dir_.path() / "big.json";
    testing::writeAll(file,
                      nlohmann::json({{"call_id", "c"}, {"attachments", {big.string()}}}).dump());
    const auto blobFull = ctl({"import-draft", file.string()}, limited);
    EXPECT_EQ(blobFull.exitCode, 8) << blobFull.err;
    EXPECT_NE(blobFull.err.find("disk-full"), std::string::npos) << blobFull.err;

    // Without the limit, everything saved before is there, unchanged, and the file is sound.
    const auto after = ctl({"export", std::to_string(earlier)});
    ASSERT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(after.out, before.out);
    auto session = openSession();
    ASSERT_TRUE(session);
    EXPECT_TRUE(session->store().checkIntegrity().ok());
    for (const auto& entry : std::filesystem::directory_iterator(dataDir_ / "blobs")) {
        EXPECT_EQ(entry.path().extension(), ".age") << "partial blob left: " << entry.path();
    }
    // And the store takes new saves again.
    EXPECT_TRUE(
        session->store().drafts().saveAnswer(earlier, "q2", "after the disk was freed").ok());
}

// A real full file system (ENOSPC rather than EFBIG), when this machine lets us mount one.
TEST_F(StoreE2E, FullTmpfsGivesTypedErrorAndKeepsEarlierData)
{
    const auto mountPoint = dir_.path() / "small-fs";
    std::filesystem::create_directories(mountPoint);
    if (::mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=1m") != 0) {
        GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << ")";
    }
    struct Unmount {
        std::filesystem::path path;
        ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
    } unmount{mountPoint};
    dataDir_ = mountPoint / "data";
    init();
    const auto earlier = importDraft({{"call_id", "c"}, {"answers", {{"q1", "kept"}}}});
    ASSERT_GT(earlier, 0);
    const auto before = ctl({"export", std::to_string(earlier)});
    const std::string bigAnswer(3 << 20, 'w');
    importDraft({{"call_id", "c"}, {"answers", {{"q1", bigAnswer}}}}, 8);
    const auto after = ctl({"export", std::to_string(earlier)});
    ASSERT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(after.out, before.out);
}

// ---- typed errors through the command line ---------------------------------------------------

TEST_F(StoreE2E, WrongPassphraseIsTypedAndChangesNothing)
{
    init();
    const auto id = importDraft({{"call_id", "c"}, {"answers", {{"q1", "text"}}}});
    const auto before = ctl({"export", std::to_string(id)});
    const auto dbBefore = testing::readAll(dataDir_ / "amicus.db");
    const auto wrong = ctl({"list"}, {}, "not the passphrase");
    EXPECT_EQ(wrong.exitCode, 3) << wrong.err;
    EXPECT_NE(wrong.err.find("wrong-passphrase"), std::string::npos);
    const auto tooSoon = ctl({"list"}, {}, kPassphrase);
    EXPECT_EQ(tooSoon.exitCode, 4) << tooSoon.err; // the vault slows down guessing
    EXPECT_EQ(testing::readAll(dataDir_ / "amicus.db"), dbBefore);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto after = ctl({"export", std::to_string(id)});
    ASSERT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(after.out, before.out);
}

TEST_F(StoreE2E, NewerAndCorruptDatabasesAreTypedAndUntouched)
{
    init();
    const auto id = importDraft({{"call_id", "c"}});
    ASSERT_GT(id, 0);
    const auto db = dataDir_ / "amicus.db";
    {
        auto raw = Database::open(db, Database::OpenMode::MustExist);
        ASSERT_TRUE(raw->exec("PRAGMA user_version = 99").ok());
    }
    const auto newer = testing::readAll(db);
    const auto refused = ctl({"list"});
    EXPECT_EQ(refused.exitCode, 6) << refused.err;
    EXPECT_NE(refused.err.find("newer-version"), std::string::npos);
    EXPECT_EQ(testing::readAll(db), newer);

    testing::writeAll(db, std::string(4096 * 3, 'x'));
    const auto corrupt = ctl({"list"});
    EXPECT_EQ(corrupt.exitCode, 7) << corrupt.err;
    EXPECT_NE(corrupt.err.find("corrupt"), std::string::npos);
    EXPECT_EQ(testing::readAll(db), std::vector<std::uint8_t>(4096 * 3, 'x'));
}

TEST_F(StoreE2E, ImportRejectsBadInputAndOverLimitAttachments)
{
    init();
    importDraft({{"call_id", "c"}, {"consent", "sometimes"}}, 65);
    importDraft({{"call_id", "c"}, {"answer", {{"q1", "typo in key"}}}}, 65);
    importDraft({{"answers", {{"q1", "no call"}}}}, 65);
    const auto big = dir_.path() / "big.bin";
    testing::writeAll(big, std::string(5000, 'b'));
    const auto file = dir_.path() / "over.json";
    testing::writeAll(file,
                      nlohmann::json({{"call_id", "c"}, {"attachments", {big.string()}}}).dump());
    const auto over = ctl({"import-draft", file.string(), "--max-attachment-bytes", "4999"});
    EXPECT_EQ(over.exitCode, 10) << over.err;
    const auto list = ctl({"list"});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_EQ(list.out, "") << "a failed import leaves no draft behind";
    std::size_t blobs = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dataDir_ / "blobs")) {
        ++blobs;
    }
    EXPECT_EQ(blobs, 0u);
}

TEST_F(StoreE2E, ImportThenExportRoundTrips)
{
    init();
    const auto attachment = dir_.path() / "note.txt";
    testing::writeAll(attachment, "attachment body");
    const nlohmann::json document = {
        {"call_id", "hrc54-policing"},
        {"language", "fr"},
        {"submitter",
         {{"organization", "Ligue"},
          {"organization_kind", "ngo"},
          {"country", "SN"},
          {"contact", "contact@ligue.example"}}},
        {"consent", "public"},
        {"answers", {{"q1", "Réponse\navec lignes"}, {"q2", ""}}},
        {"attachments", {{{"path", "note.txt"}, {"media_type", "text/plain"}}}}};
    const auto id = importDraft(document);
    ASSERT_GT(id, 0);
    const auto exported = ctl({"export", std::to_string(id)});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    const auto out = nlohmann::json::parse(exported.out);
    EXPECT_EQ(out["call_id"], "hrc54-policing");
    EXPECT_EQ(out["language"], "fr");
    EXPECT_EQ(out["submitter"], document["submitter"]);
    EXPECT_EQ(out["consent"], "public");
    EXPECT_EQ(out["answers"], document["answers"]);
    ASSERT_EQ(out["attachments"].size(), 1u);
    EXPECT_EQ(out["attachments"][0]["file_name"], "note.txt");
    EXPECT_EQ(out["attachments"][0]["size"], 15);
    // sha256 of "attachment body", computed independently by coreutils.
    const auto sha = runProcess({"/usr/bin/sha256sum", attachment.string()});
    EXPECT_EQ(sha.out.substr(0, 64), out["attachments"][0]["sha256"]);
    // The attachment comes back out byte for byte.
    const auto outDir = dir_.path() / "exported";
    const auto withFiles =
        ctl({"export", std::to_string(id), "--attachments-dir", outDir.string()});
    ASSERT_EQ(withFiles.exitCode, 0) << withFiles.err;
    const auto path = nlohmann::json::parse(withFiles.out)["attachments"][0]["path"];
    ASSERT_TRUE(path.is_string());
    EXPECT_EQ(std::filesystem::path(path.get<std::string>()).parent_path(), outDir);
    EXPECT_EQ(testing::readAll(path.get<std::string>()), testing::readAll(attachment));
    const auto list = ctl({"list"});
    EXPECT_NE(list.out.find("Ligue"), std::string::npos);
    const auto show = ctl({"show", std::to_string(id)});
    EXPECT_EQ(show.exitCode, 0);
    EXPECT_NE(show.out.find("Réponse"), std::string::npos);
    EXPECT_EQ(ctl({"show", "999"}).exitCode, 9);
}

} // namespace
} // namespace amicus::store
