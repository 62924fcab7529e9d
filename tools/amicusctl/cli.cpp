#include "cli.h"

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>

namespace amicus::amicusctl {

std::optional<std::string> readPassphrase(const Invocation& invocation)
{
    if (invocation.passphraseFile) {
        std::ifstream in(*invocation.passphraseFile, std::ios::binary);
        if (!in) {
            std::cerr << "amicusctl: cannot read the passphrase file "
                      << invocation.passphraseFile->string() << "\n";
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
    std::cerr << "amicusctl: give the passphrase with --passphrase-file FILE or in "
                 "AMICUS_PASSPHRASE\n";
    return std::nullopt;
}

std::unique_ptr<store::VaultSession> openSession(const Invocation& invocation, int& exitCode)
{
    auto passphrase = readPassphrase(invocation);
    if (!passphrase) {
        exitCode = exitUsage;
        return nullptr;
    }
    auto session = store::VaultSession::open(invocation.dataDir, *passphrase);
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
    std::cerr << "amicusctl: " << store::loginErrcName(error) << ": " << error.detail << "\n";
    switch (error.code) {
    case store::LoginErrc::WrongPassphrase:
        return exitWrongPassphrase;
    case store::LoginErrc::RateLimited:
        return exitRateLimited;
    case store::LoginErrc::NoVault:
        return exitNoVault;
    case store::LoginErrc::AlreadyExists:
        return exitAlreadyExists;
    case store::LoginErrc::Store:
        break;
    }
    return exitInternal;
}

int reportError(const store::StoreError& error)
{
    std::cerr << "amicusctl: " << store::errcName(error.code) << ": " << error.detail << "\n";
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
    std::cerr << "amicusctl: " << message << "\n(run `amicusctl help` for usage)\n";
    return exitUsage;
}

int reportBadInput(const std::string& message)
{
    std::cerr << "amicusctl: invalid-input: " << message << "\n";
    return exitBadInput;
}

std::optional<std::uint64_t> parseCount(const std::string& text)
{
    std::uint64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
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
