// amicus-intake: the secretariat's command line (keys, envelopes; catalog and inbox later).
#include "cli_support.h"
#include "command.h"

#include <cstdio>
#include <string>
#include <vector>

namespace {

void printUsage(std::FILE* to)
{
    std::fputs("Usage: amicus-intake COMMAND [ARGS...]\n\nCommands:\n", to);
    for (const auto& command : amicus::intake::commands()) {
        std::fprintf(to, "  %.*s %.*s\n      %.*s\n", static_cast<int>(command.name.size()),
                     command.name.data(), static_cast<int>(command.usage.size()),
                     command.usage.data(), static_cast<int>(command.summary.size()),
                     command.summary.data());
    }
    std::fputs("\nIN defaults to standard input and OUT to standard output, as with age.\n", to);
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(stderr);
        return 2;
    }
    if (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
        printUsage(stdout);
        return 0;
    }
    for (const auto& command : amicus::intake::commands()) {
        if (command.name == args[0]) {
            return command.run(std::span(args).subspan(1));
        }
    }
    amicus::intake::reportError("unknown command \"" + args[0] + "\" (try: amicus-intake help)");
    return 2;
}
