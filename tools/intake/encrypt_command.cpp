// `amicus-intake encrypt [-a] (-r RECIPIENT | -R PATH)... [-o OUT] [IN]`, as `age -r`.
#include "cli_support.h"
#include "command.h"
#include "crypto/age_armor.h"
#include "crypto/age_writer.h"

namespace amicus::intake {

namespace {

bool addRecipient(const std::string& text, std::vector<crypto::X25519Recipient>& recipients)
{
    auto recipient = crypto::X25519Recipient::parse(text);
    if (!recipient) {
        reportError("invalid recipient \"" + text +
                    "\": only age1 X25519 recipients are supported");
        return false;
    }
    recipients.push_back(*recipient);
    return true;
}

bool addRecipientsFile(const std::string& path, std::vector<crypto::X25519Recipient>& recipients)
{
    auto text = readSmallFile(path);
    if (!text) {
        return false;
    }
    std::string_view rest = *text;
    while (!rest.empty()) {
        const auto newline = rest.find('\n');
        std::string_view line = rest.substr(0, newline);
        rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (!addRecipient(std::string(line), recipients)) {
            return false;
        }
    }
    return true;
}

} // namespace

int runEncrypt(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {"-r", "-R", "-o"}, {"-e", "-a"},
                            {{"--recipient", "-r"},
                             {"--armor", "-a"},
                             {"--recipients-file", "-R"},
                             {"--output", "-o"},
                             {"--encrypt", "-e"}});
    if (!parsed) {
        return 2;
    }
    if (parsed->positionals.size() > 1) {
        reportError("too many arguments: only one input file");
        return 2;
    }
    std::vector<crypto::X25519Recipient> recipients;
    for (const auto& text : parsed->values["-r"]) {
        if (!addRecipient(text, recipients)) {
            return 1;
        }
    }
    for (const auto& path : parsed->values["-R"]) {
        if (!addRecipientsFile(path, recipients)) {
            return 1;
        }
    }
    if (recipients.empty()) {
        reportError("missing recipients: give -r RECIPIENT or -R PATH");
        return 2;
    }
    std::vector<const crypto::AgeRecipient*> pointers;
    for (const auto& recipient : recipients) {
        pointers.push_back(&recipient);
    }

    auto input =
        openInput(parsed->positionals.empty() ? std::nullopt
                                              : std::optional<std::string>(parsed->positionals[0]));
    if (!input) {
        return 1;
    }
    const bool armor = parsed->has("-a");
    Output output(parsed->last("-o"));
    if (!output.open(!armor)) {
        return 1;
    }
    crypto::AgeArmorEncoder armored(output.sink());
    crypto::ByteSink& sink = armor ? static_cast<crypto::ByteSink&>(armored) : output.sink();
    auto encrypted = crypto::ageEncryptPipelined(*input, pointers, sink);
    if (encrypted && armor) {
        if (auto finished = armored.finish(); !finished) {
            encrypted = fail(crypto::AgeError{crypto::AgeErrorCode::Io, finished.error().detail});
        }
    }
    if (!encrypted) {
        reportError(std::string(crypto::ageErrorName(encrypted.error().code)) + ": " +
                    encrypted.error().detail);
        output.discard();
        return 1;
    }
    return 0;
}

} // namespace amicus::intake
