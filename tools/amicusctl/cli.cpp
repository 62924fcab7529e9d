#include "cli.h"

#include "diagnostics.h"
#include "vault_key_store.h"

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <utility>

namespace amicus::amicusctl {

void say(const std::string& message)
{
    cli::printDiagnostic("amicusctl", message);
}

std::optional<std::string> readPassphrase(const Invocation& invocation)
{
    if (invocation.passphraseFile) {
        std::ifstream in(*invocation.passphraseFile, std::ios::binary);
        if (!in) {
            say("cannot read the passphrase file " + invocation.passphraseFile->string());
            return std::nullopt;
        }
        std::string passphrase((std::istreambuf_iterator<char>(in)), {});
        if (!passphrase.empty() && passphrase.back() == '\n') {
            passphrase.pop_back();
            if (!passphrase.empty() && passphrase.back() == '\r') {
                passphrase.pop_back();
            }
        }
        return passphrase;
    }
    if (const char* fromEnv = std::getenv("AMICUS_PASSPHRASE"); fromEnv != nullptr) {
        return std::string(fromEnv);
    }
    say("give the passphrase with --passphrase-file FILE or in AMICUS_PASSPHRASE");
    return std::nullopt;
}

std::unique_ptr<store::VaultSession> openSession(const Invocation& invocation, int& exitCode)
{
    auto passphrase = readPassphrase(invocation);
    if (!passphrase) {
        exitCode = exitUsage;
        return nullptr;
    }
    auto session = store::VaultSession::open(invocation.dataDir, *passphrase, vaultOptions());
    if (!session) {
        exitCode = reportError(session.error());
        return nullptr;
    }
    exitCode = exitOk;
    return std::move(*session);
}

int reportError(const store::LoginError& error)
{
    if (error.code == store::LoginErrc::Store) {
        return reportError(error.store);
    }
    say(std::string(store::loginErrcName(error)) + ": " + error.detail);
    switch (error.code) {
    case store::LoginErrc::WrongPassphrase:
        return exitWrongPassphrase;
    case store::LoginErrc::RateLimited:
        return exitRateLimited;
    case store::LoginErrc::NoVault:
        return exitNoVault;
    case store::LoginErrc::AlreadyExists:
        return exitAlreadyExists;
    case store::LoginErrc::KeyRefused: // only a phone's key store says these
    case store::LoginErrc::KeyLost:
    case store::LoginErrc::Store:
        break;
    }
    return exitInternal;
}

int reportError(const store::StoreError& error)
{
    say(std::string(store::errcName(error.code)) + ": " + error.detail);
    switch (error.code) {
    case store::StoreErrc::NewerVersion:
        return exitNewerVersion;
    case store::StoreErrc::Corrupt:
        return exitCorrupt;
    case store::StoreErrc::DiskFull:
        return exitDiskFull;
    case store::StoreErrc::NotFound:
        return exitNotFound;
    case store::StoreErrc::TooLarge:
        return exitTooLarge;
    case store::StoreErrc::Locked:
        return exitLocked;
    case store::StoreErrc::Io:
        return exitIo;
    case store::StoreErrc::Busy:
        return exitBusy;
    case store::StoreErrc::InvalidArgument:
    case store::StoreErrc::Finalized:
        return exitBadInput;
    case store::StoreErrc::Internal:
        return exitInternal;
    }
    return exitInternal;
}

int reportUsage(const std::string& message)
{
    say(message);
    std::cerr << "(run `amicusctl help` for usage)\n";
    return exitUsage;
}

int reportBadInput(const std::string& message)
{
    say("invalid-input: " + message);
    return exitBadInput;
}

std::optional<cli::ParsedArgs> parseCommandArgs(const Invocation& invocation,
                                                std::vector<std::string> withValue,
                                                std::vector<std::string> flags)
{
    const cli::OptionSpec spec{std::move(withValue), std::move(flags), {}};
    auto parsed = cli::parseArgs(invocation.args, spec);
    if (!parsed) {
        (void)reportUsage(invocation.command + ": " + parsed.error().message);
        return std::nullopt;
    }
    return std::move(parsed).value();
}

std::optional<std::int64_t> draftIdArg(const Invocation& invocation, const cli::ParsedArgs& parsed)
{
    if (parsed.positionals.size() != 1) {
        (void)reportUsage(invocation.command + " takes one draft id");
        return std::nullopt;
    }
    const auto& text = parsed.positionals.front();
    const auto id = parseCount(text);
    if (!id || *id > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        (void)reportUsage(invocation.command + ": `" + text + "` is not a draft id");
        return std::nullopt;
    }
    return static_cast<std::int64_t>(*id);
}

std::unique_ptr<store::VaultSession> openSessionWithoutArgs(const Invocation& invocation,
                                                            int& exitCode)
{
    if (!invocation.args.empty()) {
        exitCode = reportUsage(invocation.command + " takes no arguments");
        return nullptr;
    }
    return openSession(invocation, exitCode);
}

std::optional<DraftCommand> openDraftCommand(const Invocation& invocation,
                                             std::vector<std::string> withValue, int& exitCode)
{
    exitCode = exitUsage;
    auto parsed = parseCommandArgs(invocation, std::move(withValue));
    if (!parsed) {
        return std::nullopt;
    }
    const auto id = draftIdArg(invocation, *parsed);
    if (!id) {
        return std::nullopt;
    }
    auto session = openSession(invocation, exitCode);
    if (!session) {
        return std::nullopt;
    }
    auto draft = session->store().drafts().get(*id);
    if (!draft) {
        exitCode = reportError(draft.error());
        return std::nullopt;
    }
    return DraftCommand{std::move(parsed).value(), std::move(session), std::move(draft).value()};
}

std::string formatTime(std::int64_t unixMs)
{
    const std::time_t seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    char buffer[40];
    const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
    char millis[8];
    (void)std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(unixMs % 1000));
    return std::string(buffer, n) + millis;
}

} // namespace amicus::amicusctl
