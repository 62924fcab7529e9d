// amicus-intake: the secretariat's command line (keys, envelopes; catalog and inbox later).
#include "cli_support.h"
#include "command.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

void printUsage(std::ostream& to)
{
    to << "Usage: amicus-intake COMMAND [ARGS...]\n\nCommands:\n";
    amicus::cli::printCommandList(to, amicus::intake::commands());
    to << "\nIN defaults to standard input and OUT to standard output, as with age.\n";
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(std::cerr);
        return 2;
    }
    if (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
        printUsage(std::cout);
        return 0;
    }
    if (const auto* command = amicus::cli::findCommand(amicus::intake::commands(), args[0])) {
        return command->run(std::span(args).subspan(1));
    }
    amicus::intake::reportError("unknown command \"" + args[0] + "\" (try: amicus-intake help)");
    return 2;
}
