// Opening an envelope the way a secretariat does, with the standard tools:
// `age -d -i IDENTITY ENVELOPE | tar -x -C DIR`. Shared by the tests that check a package from
// the outside (package, submission, app).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace amicus::test_support {

// Single-quotes `text` for /bin/sh.
inline std::string shellQuote(const std::string& text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

// Decrypts `envelope` with the `age` command line and the identity file `identity`, and
// extracts the tar it holds into `dir` (made if absent), in a UTF-8 locale so tar keeps
// unicode names. True when it opened; tar fails on the empty input a failed `age` leaves.
[[nodiscard]] inline bool extractWithAge(const std::filesystem::path& identity,
                                         const std::filesystem::path& envelope,
                                         const std::filesystem::path& dir)
{
    std::filesystem::create_directories(dir);
    const std::string command =
        "export LC_ALL=C.UTF-8; age -d -i " + shellQuote(identity.string()) + " " +
        shellQuote(envelope.string()) + " | tar -x -C " + shellQuote(dir.string());
    return std::system(command.c_str()) == 0;
}

} // namespace amicus::test_support
