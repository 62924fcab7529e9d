// What every amicusctl command shares: the resolved global options, how the passphrase is
// found, how the data directory is opened, and how typed errors become exit codes.
#pragma once

#include "cli_args.h"
#include "store/vault_session.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace amicus::amicusctl {

// Exit codes: stable, so scripts and tests can tell failures apart.
enum ExitCode : int {
    exitOk = 0,
    exitWrongPassphrase = 3,
    exitRateLimited = 4,
    exitNoVault = 5,
    exitNewerVersion = 6,
    exitCorrupt = 7,
    exitDiskFull = 8,
    exitNotFound = 9,
    exitTooLarge = 10,
    exitAlreadyExists = 11,
    exitLocked = 12,
    exitIo = 13,
    exitBusy = 14,
    exitNeedsAttention = 69, // EX_UNAVAILABLE: sync: some entries need the user
    exitUsage = 64,          // EX_USAGE
    exitBadInput = 65,       // EX_DATAERR: the input file or a value is not acceptable
    exitInternal = 70,       // EX_SOFTWARE
    exitWaiting = 75,        // EX_TEMPFAIL: sync --once: some entries still wait
};

// The options every command understands, and the command's own arguments.
struct Invocation {
    std::filesystem::path dataDir;
    std::optional<std::filesystem::path> passphraseFile;
    std::string command;
    std::vector<std::string> args;
};

// Reads the passphrase from --passphrase-file (one trailing newline dropped) or from
// AMICUS_PASSPHRASE. Prints a message and returns nullopt when neither is given.
[[nodiscard]] std::optional<std::string> readPassphrase(const Invocation& invocation);

// Unlocks the data directory; prints the typed error and sets `exitCode` on failure.
[[nodiscard]] std::unique_ptr<store::VaultSession> openSession(const Invocation& invocation,
                                                               int& exitCode);

// Prints "amicusctl: MESSAGE" to stderr (control characters shown escaped).
void say(const std::string& message);
// Prints "amicusctl: <error-name>: <detail>" to stderr and returns the matching exit code.
int reportError(const store::StoreError& error);
int reportError(const store::LoginError& error);
// Prints a usage or input problem and returns its exit code.
int reportUsage(const std::string& message);
int reportBadInput(const std::string& message);

// The command's arguments, parsed the way amicus-intake's are (tools/common). A refusal is
// printed as a usage problem ("amicusctl: export: unknown option --x"); then nullopt, and the
// command exits with exitUsage.
// `withValue` and `flags` are the options the command knows.
[[nodiscard]] std::optional<cli::ParsedArgs>
parseCommandArgs(const Invocation& invocation, std::vector<std::string> withValue = {},
                 std::vector<std::string> flags = {});
// The one positional a command takes as a draft id ("show 12"); prints the usage problem and
// gives nullopt when there is none, more than one, or one that is not an id.
[[nodiscard]] std::optional<std::int64_t> draftIdArg(const Invocation& invocation,
                                                     const cli::ParsedArgs& parsed);

// For a command that takes no arguments ("list", "status"): unlocks the data directory. Any
// argument is a usage problem; on failure the problem is printed, `exitCode` set and nullptr
// returned.
[[nodiscard]] std::unique_ptr<store::VaultSession>
openSessionWithoutArgs(const Invocation& invocation, int& exitCode);

// A command about one draft ("show 12", "export 12 --attachments-dir DIR", "finalize 12"): its
// parsed arguments, the unlocked data directory and the draft the one positional names.
struct DraftCommand {
    cli::ParsedArgs args;
    std::unique_ptr<store::VaultSession> session;
    store::Draft draft;
};
// Parses the arguments (`withValue`: the options the command knows), unlocks the data
// directory and reads the draft; on failure the problem is printed, `exitCode` set and nullopt
// returned.
[[nodiscard]] std::optional<DraftCommand>
openDraftCommand(const Invocation& invocation, std::vector<std::string> withValue, int& exitCode);

using cli::parseCount;

// Milliseconds since the epoch as RFC 3339 UTC, e.g. 2026-11-28T21:47:59.123Z.
[[nodiscard]] std::string formatTime(std::int64_t unixMs);

} // namespace amicus::amicusctl
