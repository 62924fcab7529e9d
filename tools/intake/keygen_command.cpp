// `amicus-intake keygen [-o FILE]`: a new X25519 identity in age-keygen's file format;
// `amicus-intake keygen -y [FILE]`: the recipients of an identity file.
#include "cli_support.h"
#include "command.h"
#include "crypto/age_keys.h"
#include "crypto/secret_bytes.h"
#include "file_io.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace amicus::intake {

namespace {

int printRecipients(const ParsedArgs& parsed)
{
    const std::string input = parsed.positionals.empty() ? "-" : parsed.positionals[0];
    auto text = readSmallFile(input);
    if (!text) {
        return 1;
    }
    auto identities = crypto::parseIdentityFile(*text);
    crypto::wipe(text->data(), text->size());
    if (!identities) {
        reportError(identities.error().detail);
        return 1;
    }
    std::string out;
    for (const auto& identity : *identities) {
        out += identity.recipient().toString() + "\n";
    }
    Output output(parsed.last("-o"));
    if (!output.open(false) ||
        !output.sink().write(
            std::span(reinterpret_cast<const std::uint8_t*>(out.data()), out.size()))) {
        output.discard();
        return 1;
    }
    return 0;
}

} // namespace

int runKeygen(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {"-o"}, {"-y"}, {{"--output", "-o"}});
    if (!parsed) {
        return 2;
    }
    if (parsed->has("-y")) {
        return printRecipients(*parsed);
    }
    if (!parsed->positionals.empty()) {
        reportError("keygen takes no positional argument");
        return 2;
    }
    auto identity = crypto::X25519Identity::generate();
    if (!identity) {
        reportError(identity.error().detail);
        return 1;
    }
    std::string text = crypto::formatIdentityFile(*identity, std::chrono::system_clock::now());
    const auto output = parsed->last("-o");
    int fd = STDOUT_FILENO;
    if (output) {
        // Like age-keygen: never overwrite an existing key file.
        fd = ::open(output->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            reportError("cannot create " + *output + ": " + std::strerror(errno));
            crypto::wipe(text.data(), text.size());
            return 1;
        }
    }
    bool ok = writeAll(fd, text);
    if (output) {
        ok = ok && ::fsync(fd) == 0;
        ::close(fd);
    }
    crypto::wipe(text.data(), text.size());
    if (!ok) {
        reportError(std::string("cannot write the identity: ") + std::strerror(errno));
        return 1;
    }
    if (output || !::isatty(STDOUT_FILENO)) {
        std::fprintf(stderr, "Public key: %s\n", identity->recipient().toString().c_str());
    }
    return 0;
}

} // namespace amicus::intake
