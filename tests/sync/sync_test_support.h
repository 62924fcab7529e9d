// Test support for the sync tests: child processes (the reference endpoint, the fault proxy,
// the client helper), age envelopes made with the age CLI, and small file helpers.
#pragma once

#include "crypto/sha256.h"
#include "sync/outbox.h"
#include "test_temp_dir.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace amicus::sync::testing {

// A child process whose stdout is read line by line (stderr goes to a log file).
class ChildProcess {
public:
    ChildProcess() = default;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    // Starts `argv` (argv[0] is a path); stderr is appended to `stderrLog` when not empty.
    bool start(const std::vector<std::string>& argv, const std::string& stderrLog = "");
    // Reads stdout until a line starts with `prefix`; returns the rest of that line.
    std::optional<std::string> waitForLine(const std::string& prefix,
                                           std::chrono::milliseconds timeout,
                                           std::vector<std::string>* seen = nullptr);
    // Reads stdout to its end (or the timeout) and returns it.
    std::string readAll(std::chrono::milliseconds timeout);
    void signal(int sig);
    // Waits for the exit; returns the wait status, or -1 on timeout.
    int wait(std::chrono::milliseconds timeout);
    [[nodiscard]] int pid() const { return pid_; }
    [[nodiscard]] bool running() const { return pid_ > 0; }

private:
    int pid_ = -1;
    int out_ = -1;
    std::string buffered_;
};

// The reference endpoint (server/) on a loopback ephemeral port, with its data in `dataDir`.
class EndpointServer {
public:
    explicit EndpointServer(std::filesystem::path dataDir, std::vector<std::string> extraArgs = {});
    ~EndpointServer();
    [[nodiscard]] bool ok() const { return port_ > 0; }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] const std::array<std::uint8_t, 32>& receiptKey() const { return key_; }
    [[nodiscard]] const std::filesystem::path& dataDir() const { return dataDir_; }
    // Stored receipt files (receipts/<submission id>.json).
    [[nodiscard]] std::vector<std::filesystem::path> receiptFiles() const;
    // Upload ids whose info says all bytes arrived (offset == size).
    [[nodiscard]] std::vector<std::string> completeUploads() const;
    [[nodiscard]] std::vector<std::string> allUploads() const;
    // kill -9, as a crash or an OOM kill would; waits for the exit.
    void killHard();

private:
    std::filesystem::path dataDir_;
    ChildProcess process_;
    int port_ = 0;
    std::array<std::uint8_t, 32> key_{};
};

// The fault proxy (fault_proxy.py) in front of `targetPort`.
class FaultProxy {
public:
    FaultProxy(int targetPort, std::vector<std::string> faultArgs, const std::string& logFile = "");
    ~FaultProxy();
    [[nodiscard]] bool ok() const { return port_ > 0; }
    [[nodiscard]] int port() const { return port_; }

private:
    ChildProcess process_;
    int port_ = 0;
};

using TempDir = test_support::TempDir;

// An age key pair made with age-keygen, and envelopes encrypted to it with the age CLI.
struct AgeKey {
    std::filesystem::path identityFile;
    std::string recipient;
};
AgeKey makeAgeKey(const std::filesystem::path& dir);
// Writes `size` pseudo-random bytes (seeded) to `path`.
void writeRandomFile(const std::filesystem::path& path, std::uint64_t size, std::uint32_t seed);
// `age -r recipient -o envelope plain`; returns false when age fails.
bool ageEncrypt(const AgeKey& key, const std::filesystem::path& plain,
                const std::filesystem::path& envelope);
// `age -d -i identity -o out envelope`.
bool ageDecrypt(const AgeKey& key, const std::filesystem::path& envelope,
                const std::filesystem::path& out);
crypto::Sha256Digest sha256File(const std::filesystem::path& path);
bool sameBytes(const std::filesystem::path& a, const std::filesystem::path& b);

// An EndpointDirectory that knows one call.
class OneCallDirectory : public EndpointDirectory {
public:
    OneCallDirectory(std::string callId, CallEndpoint endpoint)
        : callId_(std::move(callId)), endpoint_(std::move(endpoint))
    {
    }
    std::optional<CallEndpoint> endpointFor(const std::string& callId) const override
    {
        return callId == callId_ ? std::optional<CallEndpoint>(endpoint_) : std::nullopt;
    }

private:
    std::string callId_;
    CallEndpoint endpoint_;
};

// An outbox record for an envelope file.
OutboxRecord recordFor(std::int64_t id, const std::string& submissionId,
                       const std::filesystem::path& envelope);

// The endpoint's upload and receipt URLs at `origin` (e.g. "http://127.0.0.1:PORT"), with the key
// its receipts are signed with: what the catalog tells the sender about a call.
CallEndpoint endpointAt(const std::string& origin, const std::array<std::uint8_t, 32>& receiptKey);

// The time as the outbox engine reads it (milliseconds since the epoch).
std::int64_t wallClockMs();

// A whole file (e.g. the endpoint's log, printed when it did not start); empty when unreadable.
std::string readFile(const std::filesystem::path& path);

// Where the sources are (for server/ and fault_proxy.py).
std::filesystem::path sourceDir();

} // namespace amicus::sync::testing
