// Interoperability with the reference age implementation (Debian's /usr/bin/age and
// age-keygen), both ways, at sizes around the 64 KiB chunk edges, 1 MiB + 1 and a large random
// size; through the library and through the amicus-intake command line. Spawns processes
// (label e2e).
#include "crypto/age_reader.h"
#include "crypto/age_writer.h"
#include "crypto/random.h"
#include "crypto/sha256.h"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace amicus::crypto {
namespace {

namespace fs = std::filesystem;

// Runs argv[0] (looked up in PATH) with stdin/stdout redirected to files when given; returns
// the exit status, or -1 if it did not exit normally.
int run(const std::vector<std::string>& argv, const std::string& stdinPath = "",
        const std::string& stdoutPath = "")
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!stdinPath.empty()) {
            const int in = ::open(stdinPath.c_str(), O_RDONLY);
            ::dup2(in, STDIN_FILENO);
        }
        if (!stdoutPath.empty()) {
            const int out = ::open(stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            ::dup2(out, STDOUT_FILENO);
        }
        std::vector<char*> args;
        for (const auto& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string fileDigest(const fs::path& path)
{
    auto source = FileSource::open(path.string());
    if (!source) {
        ADD_FAILURE() << "missing " << path;
        return "missing";
    }
    Sha256 hasher;
    std::vector<std::uint8_t> buffer(1 << 16);
    while (true) {
        auto n = (*source)->read(buffer);
        if (!n || *n == 0) {
            break;
        }
        hasher.update(std::span(buffer).first(*n));
    }
    return toHex(hasher.finish());
}

void writeRandomFile(const fs::path& path, std::size_t size)
{
    auto sink = FileSink::create(path.string());
    ASSERT_TRUE(sink.ok());
    std::vector<std::uint8_t> buffer(1 << 20);
    std::size_t left = size;
    while (left > 0) {
        const std::size_t n = std::min(left, buffer.size());
        ASSERT_TRUE(fillRandom(std::span(buffer).first(n)).ok());
        ASSERT_TRUE((*sink)->write(std::span(buffer).first(n)).ok());
        left -= n;
    }
}

// The recipient line age-keygen writes into its identity files.
std::string publicKeyOf(const fs::path& identityFile)
{
    const std::string text = readText(identityFile);
    const std::string marker = "# public key: ";
    const auto at = text.find(marker);
    EXPECT_NE(at, std::string::npos);
    return text.substr(at + marker.size(), text.find('\n', at) - at - marker.size());
}

class AgeInteropTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fs::exists("/usr/bin/age")) << "the age CLI is needed (apt-get install age)";
        dir_ = fs::temp_directory_path() / ("amicus-age-interop-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::vector<std::size_t> sizes()
    {
        // The large size is random each run (between 8 and 24 MiB), and printed.
        std::uint8_t r[2];
        EXPECT_TRUE(fillRandom(r).ok());
        const std::size_t large = (8u << 20) + ((r[0] << 8 | r[1]) * 256u);
        std::cout << "large random size: " << large << " bytes" << std::endl;
        return {0, 1, 65535, 65536, 65537, (1u << 20) + 1, large};
    }

    fs::path dir_;
};

TEST_F(AgeInteropTest, LibraryEncryptsForAgeAndDecryptsAgeOutput)
{
    const fs::path ageKey = dir_ / "age-key.txt";
    ASSERT_EQ(run({"age-keygen", "-o", ageKey.string()}), 0);
    auto ageRecipient = X25519Recipient::parse(publicKeyOf(ageKey));
    ASSERT_TRUE(ageRecipient.ok());

    auto ours = X25519Identity::generate().value();
    const std::string ourRecipient = ours.recipient().toString();

    for (std::size_t size : sizes()) {
        SCOPED_TRACE(size);
        const fs::path plain = dir_ / "plain";
        writeRandomFile(plain, size);
        const std::string digest = fileDigest(plain);

        // Ours -> age.
        {
            auto source = FileSource::open(plain.string());
            auto sink = FileSink::create((dir_ / "ours.age").string());
            ASSERT_TRUE(source.ok() && sink.ok());
            const AgeRecipient* recipients[] = {&*ageRecipient};
            ASSERT_TRUE(ageEncrypt(**source, recipients, **sink).ok());
        }
        // Through stdout: age -o creates no file for an empty plaintext.
        ASSERT_EQ(run({"age", "-d", "-i", ageKey.string(), (dir_ / "ours.age").string()}, "",
                      (dir_ / "by-age").string()),
                  0);
        EXPECT_EQ(fileDigest(dir_ / "by-age"), digest);

        // age -> ours.
        ASSERT_EQ(
            run({"age", "-r", ourRecipient, "-o", (dir_ / "theirs.age").string(), plain.string()}),
            0);
        {
            auto source = FileSource::open((dir_ / "theirs.age").string());
            auto sink = FileSink::create((dir_ / "by-us").string());
            ASSERT_TRUE(source.ok() && sink.ok());
            const AgeIdentity* identities[] = {&ours};
            auto decrypted = ageDecrypt(**source, identities, **sink);
            ASSERT_TRUE(decrypted.ok()) << decrypted.error().detail;
        }
        EXPECT_EQ(fileDigest(dir_ / "by-us"), digest);
    }
}

TEST_F(AgeInteropTest, CommandLineInteroperatesBothWays)
{
    const std::string intake = AMICUS_INTAKE_PATH;
    const fs::path ourKey = dir_ / "intake-key.txt";
    const fs::path ageKey = dir_ / "age-key.txt";
    ASSERT_EQ(run({intake, "keygen", "-o", ourKey.string()}), 0);
    ASSERT_EQ(run({"age-keygen", "-o", ageKey.string()}), 0);
    // Our identity file is read by age, and age-keygen -y agrees on its recipient.
    ASSERT_EQ(run({"age-keygen", "-y", ourKey.string()}, "", (dir_ / "y.txt").string()), 0);
    const std::string ourRecipient = publicKeyOf(ourKey);
    EXPECT_EQ(readText(dir_ / "y.txt"), ourRecipient + "\n");
    ASSERT_EQ(run({intake, "keygen", "-y", ageKey.string()}, "", (dir_ / "y2.txt").string()), 0);
    EXPECT_EQ(readText(dir_ / "y2.txt"), publicKeyOf(ageKey) + "\n");

    for (std::size_t size : {std::size_t{0}, std::size_t{65536}, std::size_t{(1u << 20) + 1}}) {
        SCOPED_TRACE(size);
        const fs::path plain = dir_ / "plain";
        writeRandomFile(plain, size);
        const std::string digest = fileDigest(plain);

        // amicus-intake encrypt (stdin -> stdout) to both keys; each side decrypts.
        ASSERT_EQ(run({intake, "encrypt", "-r", publicKeyOf(ageKey), "-r", ourRecipient},
                      plain.string(), (dir_ / "both.age").string()),
                  0);
        ASSERT_EQ(run({"age", "-d", "-i", ageKey.string(), (dir_ / "both.age").string()}, "",
                      (dir_ / "a").string()),
                  0);
        EXPECT_EQ(fileDigest(dir_ / "a"), digest);
        ASSERT_EQ(run({intake, "decrypt", "-i", ourKey.string(), "-o", (dir_ / "b").string(),
                       (dir_ / "both.age").string()}),
                  0);
        EXPECT_EQ(fileDigest(dir_ / "b"), digest);

        // amicus-intake encrypt from a file to a file (the pipelined path, space reserved).
        ASSERT_EQ(run({intake, "encrypt", "-r", publicKeyOf(ageKey), "-o",
                       (dir_ / "file.age").string(), plain.string()}),
                  0);
        ASSERT_EQ(run({"age", "-d", "-i", ageKey.string(), (dir_ / "file.age").string()}, "",
                      (dir_ / "d").string()),
                  0);
        EXPECT_EQ(fileDigest(dir_ / "d"), digest);

        // age encrypts, amicus-intake decrypts (file -> stdout).
        ASSERT_EQ(run({"age", "-r", ourRecipient, "-o", (dir_ / "from-age.age").string(),
                       plain.string()}),
                  0);
        ASSERT_EQ(run({intake, "decrypt", "-i", ourKey.string(), (dir_ / "from-age.age").string()},
                      "", (dir_ / "c").string()),
                  0);
        EXPECT_EQ(fileDigest(dir_ / "c"), digest);
    }

    // ASCII armor both ways.
    writeRandomFile(dir_ / "plain", 100000);
    const std::string digest = fileDigest(dir_ / "plain");
    ASSERT_EQ(run({intake, "encrypt", "-a", "-r", publicKeyOf(ageKey), "-o",
                   (dir_ / "ours.txt").string(), (dir_ / "plain").string()}),
              0);
    EXPECT_EQ(readText(dir_ / "ours.txt").rfind("-----BEGIN AGE ENCRYPTED FILE-----\n", 0), 0u);
    ASSERT_EQ(run({"age", "-d", "-i", ageKey.string(), (dir_ / "ours.txt").string()}, "",
                  (dir_ / "armor-by-age").string()),
              0);
    EXPECT_EQ(fileDigest(dir_ / "armor-by-age"), digest);
    ASSERT_EQ(run({"age", "-a", "-r", ourRecipient, "-o", (dir_ / "theirs.txt").string(),
                   (dir_ / "plain").string()}),
              0);
    ASSERT_EQ(run({intake, "decrypt", "-i", ourKey.string(), (dir_ / "theirs.txt").string()}, "",
                  (dir_ / "armor-by-us").string()),
              0);
    EXPECT_EQ(fileDigest(dir_ / "armor-by-us"), digest);

    // Failures: a wrong key, and a truncated file, exit non-zero and leave no output file.
    ASSERT_EQ(run({"age", "-r", publicKeyOf(ageKey), "-o", (dir_ / "not-ours.age").string(),
                   (dir_ / "plain").string()}),
              0);
    EXPECT_EQ(run({intake, "decrypt", "-i", ourKey.string(), "-o", (dir_ / "nope").string(),
                   (dir_ / "not-ours.age").string()}),
              1);
    EXPECT_FALSE(fs::exists(dir_ / "nope"));
    fs::resize_file(dir_ / "from-age.age", fs::file_size(dir_ / "from-age.age") - 20);
    EXPECT_EQ(run({intake, "decrypt", "-i", ourKey.string(), "-o", (dir_ / "cut").string(),
                   (dir_ / "from-age.age").string()}),
              1);
    EXPECT_FALSE(fs::exists(dir_ / "cut"));
    EXPECT_NE(run({"age", "-d", "-i", ourKey.string(), (dir_ / "not-ours.age").string()}, "",
                  (dir_ / "x").string()),
              0);
    EXPECT_EQ(run({intake, "encrypt", "-r", "age1notarecipient", (dir_ / "plain").string()}, "",
                  (dir_ / "x").string()),
              1);
}

} // namespace
} // namespace amicus::crypto
