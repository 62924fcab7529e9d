// libFuzzer harness for PackageReader: the input is the tar inside the envelope (encrypted here
// to a fixed identity), so the fuzzer explores libarchive's parsing and the reader's entry
// checks. Aborts if anything but regular files and directories inside the destination is
// left behind, if they hold more bytes than the envelope, or if anything is left at all after
// a refusal.
#include "crypto/age_keys.h"
#include "crypto/age_writer.h"
#include "package/package_reader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

using namespace amicus;

// Never destroyed, so the exit handler can still read it after static destructors ran.
const std::filesystem::path& workDir()
{
    static const std::filesystem::path* dir = [] {
        auto* path =
            new std::filesystem::path(std::filesystem::temp_directory_path() /
                                      ("amicus-package-fuzz-" + std::to_string(::getpid())));
        std::filesystem::create_directories(*path);
        // libFuzzer leaves through exit(); the work directory goes with it.
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(workDir(), ignored);
        });
        return path;
    }();
    return *dir;
}

void check(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const crypto::X25519Identity identity = crypto::X25519Identity::generate().value();
    static const crypto::X25519Recipient recipient = identity.recipient();
    const crypto::AgeRecipient* recipients[] = {&recipient};
    const crypto::AgeIdentity* identities[] = {&identity};

    const auto envelope = workDir() / "envelope.age";
    const auto out = workDir() / "out";
    {
        crypto::MemorySource source(std::span(data, size));
        crypto::VectorSink sink;
        check(crypto::ageEncrypt(source, recipients, sink).ok());
        std::ofstream file(envelope, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(sink.bytes().data()),
                   static_cast<std::streamsize>(sink.bytes().size()));
    }
    auto extracted = package::PackageReader::extract(envelope, identities, out);
    if (extracted.ok()) {
        // Never more bytes on disk than the envelope holds.
        std::uintmax_t written = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(out)) {
            const auto status = std::filesystem::symlink_status(entry.path());
            check(std::filesystem::is_regular_file(status) ||
                  std::filesystem::is_directory(status));
            if (std::filesystem::is_regular_file(status)) {
                written += std::filesystem::file_size(entry.path());
            }
        }
        check(written <= std::filesystem::file_size(envelope));
    } else {
        check(!std::filesystem::exists(out));
    }
    // Only the envelope and the destination may exist in the work directory.
    for (const auto& entry : std::filesystem::directory_iterator(workDir())) {
        check(entry.path() == envelope || entry.path() == out);
    }
    std::filesystem::remove_all(out);
    return 0;
}
