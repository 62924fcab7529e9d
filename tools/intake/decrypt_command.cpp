// `amicus-intake decrypt -i IDENTITY_FILE... [-o OUT] [IN]`, as `age -d -i`.
#include "cli_support.h"
#include "command.h"
#include "crypto/age_reader.h"

namespace amicus::intake {

int runDecrypt(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {"-i", "-o"}, {"-d"},
                            {{"--identity", "-i"}, {"--output", "-o"}, {"--decrypt", "-d"}});
    if (!parsed) {
        return 2;
    }
    if (parsed->positionals.size() > 1) {
        reportError("too many arguments: only one input file");
        return 2;
    }
    const auto& identityFiles = parsed->values["-i"];
    if (identityFiles.empty()) {
        reportError("missing identity: give -i IDENTITY_FILE");
        return 2;
    }
    std::vector<crypto::X25519Identity> identities;
    for (const auto& path : identityFiles) {
        auto text = readSmallFile(path);
        if (!text) {
            return 1;
        }
        auto parsedIdentities = crypto::parseIdentityFile(*text);
        crypto::wipe(text->data(), text->size());
        if (!parsedIdentities) {
            reportError(path + ": " + parsedIdentities.error().detail);
            return 1;
        }
        for (auto& identity : *parsedIdentities) {
            identities.push_back(std::move(identity));
        }
    }
    std::vector<const crypto::AgeIdentity*> pointers;
    for (const auto& identity : identities) {
        pointers.push_back(&identity);
    }

    auto input =
        openInput(parsed->positionals.empty() ? std::nullopt
                                              : std::optional<std::string>(parsed->positionals[0]));
    if (!input) {
        return 1;
    }
    // The header is checked before the output is created, so a wrong key leaves no file.
    auto reader = crypto::AgeReader::open(*input, pointers);
    if (!reader) {
        reportError(std::string(crypto::ageErrorName(reader.error().code)) + ": " +
                    reader.error().detail);
        return 1;
    }
    Output output(parsed->last("-o"));
    if (!output.open(false)) {
        return 1;
    }
    std::vector<std::uint8_t> buffer(crypto::ageChunkSize);
    while (true) {
        auto n = (*reader)->read(buffer);
        if (!n) {
            reportError(std::string(crypto::ageErrorName(n.error().code)) + ": " +
                        n.error().detail);
            output.discard();
            return 1;
        }
        if (*n == 0) {
            break;
        }
        if (!output.sink().write(std::span(buffer).first(*n))) {
            reportError("cannot write the output");
            output.discard();
            return 1;
        }
    }
    return 0;
}

} // namespace amicus::intake
