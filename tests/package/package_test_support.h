// Helpers shared by the package tests: temporary directories, files, real CLI runs.
#pragma once

#include "age_extract.h"
#include "crypto/byte_stream.h"
#include "crypto/sha256.h"
#include "package/submission_package.h"
#include "test_temp_dir.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace amicus::package::testing {

using TempDir = test_support::TempDir;

using test_support::extractWithAge;
using test_support::shellQuote;

// Runs `command` with /bin/sh (UTF-8 locale, so tar keeps unicode names) and returns its exit
// status; stdout is returned through `output` when given.
inline int runShell(const std::string& command, std::string* output = nullptr)
{
    const std::string full = "LC_ALL=C.UTF-8 " + command;
    FILE* pipe = ::popen(full.c_str(), "r");
    if (pipe == nullptr) {
        return -1;
    }
    std::string text;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        text.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    if (output) {
        *output = std::move(text);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string randomText(std::size_t size, unsigned seed)
{
    std::mt19937_64 generator(seed);
    std::string out(size, '\0');
    for (char& c : out) {
        c = static_cast<char>(generator() & 0xFF);
    }
    return out;
}

inline crypto::Sha256Digest sha256Of(const std::string& bytes)
{
    return crypto::Sha256::digest(std::string_view(bytes));
}

// An attachment whose plaintext is read from `file` each time it is opened.
inline PackageAttachment fileAttachment(const std::filesystem::path& file, std::string name,
                                        std::string mediaType)
{
    const std::string bytes = readFile(file);
    PackageAttachment attachment;
    attachment.fileName = std::move(name);
    attachment.mediaType = std::move(mediaType);
    attachment.size = bytes.size();
    attachment.sha256 = sha256Of(bytes);
    const std::string path = file.string();
    attachment.open = [path]() -> Result<std::unique_ptr<crypto::ByteSource>, crypto::IoError> {
        auto source = crypto::FileSource::open(path);
        if (!source) {
            return fail(source.error());
        }
        return std::unique_ptr<crypto::ByteSource>(std::move(source).value());
    };
    return attachment;
}

// An X25519 key made by the real age-keygen: the identity file and its recipient.
struct CliKey {
    std::filesystem::path identityFile;
    std::string recipient;
};

inline CliKey makeCliKey(const TempDir& dir, const std::string& name)
{
    CliKey key;
    key.identityFile = dir / (name + ".key");
    EXPECT_EQ(runShell("age-keygen -o " + shellQuote(key.identityFile.string()) + " 2>/dev/null"),
              0);
    EXPECT_EQ(runShell("age-keygen -y " + shellQuote(key.identityFile.string()), &key.recipient),
              0);
    while (!key.recipient.empty() && (key.recipient.back() == '\n')) {
        key.recipient.pop_back();
    }
    return key;
}

// Every entry name under `dir`, relative, sorted (recursive).
inline std::vector<std::string> listTree(const std::filesystem::path& dir)
{
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        out.push_back(std::filesystem::relative(entry.path(), dir).string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace amicus::package::testing
