// The command table of amicus-intake: each command is one file that registers a Command.
#pragma once

#include "command_table.h"

#include <span>
#include <string>
#include <string_view>

namespace amicus::intake {

// One sub-command: `amicus-intake <name> ARGS...`. It runs on its arguments (without the
// command name) and returns the exit code.
using Command = cli::Command<int (*)(std::span<const std::string> args)>;

// The exit codes of the commands that go through many submissions (inbox, publish).
constexpr int exitAllGood = 0;
constexpr int exitSomeSkipped = 1; // each skipped one is named on stderr
constexpr int exitUsage = 2;
constexpr int exitFatal = 3; // nothing could be done (unreadable store, no key, ...)

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
