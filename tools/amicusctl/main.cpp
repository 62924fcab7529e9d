// amicusctl: the headless command line over the Amicus core and data directory, for power
// users, end-to-end tests and benchmarks. See README.md.
#include "command_table.h"
#include "commands.h"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <span>
#include <string_view>

namespace {

using namespace amicus::amicusctl;

using Command = amicus::cli::Command<int (*)(const Invocation&)>;

constexpr Command kCommands[] = {
    {"init", "[--scrypt-work-factor N]", "create the vault and database", runInit},
    {"import-draft", "FILE.json [--max-attachment-bytes N]", "store a draft, print its id",
     runImportDraft},
    {"show", "ID", "print a draft for reading", runShow},
    {"list", "", "one line per draft, newest first", runList},
    {"export", "ID [--attachments-dir DIR]", "print a draft as JSON, decrypt attachments to DIR",
     runExport},
    {"finalize", "ID [--recipient R]...", "make the envelope, queue it", runFinalize},
    {"sync", "[--once] [--endpoint URL] [--receipt-key K] [--ca-file PEM]", "send the outbox",
     runSync},
    {"status", "", "one line per outbox entry: state, reason, bytes, receipt", runStatus},
};

void printUsage(std::ostream& out)
{
    out << "usage: amicusctl [--data-dir DIR] [--passphrase-file FILE] COMMAND [ARGS]\n"
           "  DIR defaults to $AMICUS_DATA_DIR; the passphrase comes from FILE or from\n"
           "  $AMICUS_PASSPHRASE.\ncommands:\n";
    amicus::cli::printCommandList(out, std::span<const Command>(kCommands));
}

} // namespace

int main(int argc, char** argv)
{
    Invocation invocation;
    std::optional<std::string> dataDir;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--data-dir" || arg == "--passphrase-file") {
            if (!hasValue) {
                return reportUsage(std::string(arg) + " needs a value");
            }
            if (arg == "--data-dir") {
                dataDir = argv[++i];
            } else {
                invocation.passphraseFile = argv[++i];
            }
        } else if (arg == "-h" || arg == "--help" ||
                   (invocation.command.empty() && arg == "help")) {
            printUsage(std::cout);
            return exitOk;
        } else if (invocation.command.empty()) {
            invocation.command = std::string(arg);
        } else {
            invocation.args.emplace_back(arg);
        }
    }
    if (!dataDir) {
        if (const char* fromEnv = std::getenv("AMICUS_DATA_DIR"); fromEnv != nullptr) {
            dataDir = fromEnv;
        }
    }
    if (invocation.command.empty()) {
        printUsage(std::cerr);
        return exitUsage;
    }
    if (!dataDir || dataDir->empty()) {
        return reportUsage("give the data directory with --data-dir DIR or AMICUS_DATA_DIR");
    }
    invocation.dataDir = *dataDir;
    if (const auto* command =
            amicus::cli::findCommand(std::span<const Command>(kCommands), invocation.command)) {
        return command->run(invocation);
    }
    return reportUsage("unknown command `" + invocation.command + "`");
}
