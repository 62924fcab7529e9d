// amicusctl: the headless command line over the Amicus core and data directory, for power
// users, end-to-end tests and benchmarks. See README.md.
#include "commands.h"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

namespace {

using namespace amicus::amicusctl;

struct CommandEntry {
    const char* name;
    int (*run)(const Invocation&);
    const char* summary;
};

constexpr CommandEntry kCommands[] = {
    {"init", runInit, "init [--scrypt-work-factor N]   create the vault and database"},
    {"import-draft", runImportDraft,
     "import-draft FILE.json [--max-attachment-bytes N]   store a draft, print its id"},
    {"show", runShow, "show ID   print a draft for reading"},
    {"list", runList, "list   one line per draft, newest first"},
    {"export", runExport,
     "export ID [--attachments-dir DIR]   print a draft as JSON, decrypt attachments to DIR"},
    {"finalize", runFinalize, "finalize ID [--recipient R]...   make the envelope, queue it"},
    {"sync", runSync, "sync [--once] [--endpoint URL] [--receipt-key K]   send the outbox"},
    {"status", runStatus, "status   one line per outbox entry: state, reason, bytes, receipt"},
};

void printUsage(std::ostream& out)
{
    out << "usage: amicusctl [--data-dir DIR] [--passphrase-file FILE] COMMAND [ARGS]\n"
           "  DIR defaults to $AMICUS_DATA_DIR; the passphrase comes from FILE or from\n"
           "  $AMICUS_PASSPHRASE.\ncommands:\n";
    for (const auto& entry : kCommands) {
        out << "  " << entry.summary << "\n";
    }
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
    for (const auto& entry : kCommands) {
        if (invocation.command == entry.name) {
            return entry.run(invocation);
        }
    }
    return reportUsage("unknown command `" + invocation.command + "`");
}
