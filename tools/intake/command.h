// The command table of amicus-intake: each command is one file that registers a Command.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace amicus::intake {

// One sub-command: `amicus-intake <name> ARGS...`.
struct Command {
    std::string_view name;
    std::string_view usage;   // the argument synopsis, shown by `amicus-intake help`
    std::string_view summary; // one line
    // Runs the command on its arguments (without the command name); returns the exit code.
    int (*run)(std::span<const std::string> args);
};

// Every command, in the order `help` lists them. Add new commands in commands.cpp.
std::span<const Command> commands();

// The commands defined in this folder (one file each).
int runKeygen(std::span<const std::string> args);
int runEncrypt(std::span<const std::string> args);
int runDecrypt(std::span<const std::string> args);
int runCatalog(std::span<const std::string> args); // catalog_command.cpp
int runInit(std::span<const std::string> args);    // init_command.cpp
int runInbox(std::span<const std::string> args);   // inbox_command.cpp
int runPublish(std::span<const std::string> args); // publish_command.cpp
int runReceipt(std::span<const std::string> args); // receipt_command.cpp

} // namespace amicus::intake
