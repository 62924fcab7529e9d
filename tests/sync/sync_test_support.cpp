#include "sync_test_support.h"

#include "crypto/base64.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace amicus::sync::testing {

namespace fs = std::filesystem;

CallEndpoint endpointAt(const std::string& origin, const std::array<std::uint8_t, 32>& receiptKey)
{
    CallEndpoint endpoint;
    endpoint.tus.creationUrl = origin + "/files";
    endpoint.tus.receiptUrlPrefix = origin + "/receipts/";
    endpoint.receiptKey = receiptKey;
    return endpoint;
}

std::int64_t wallClockMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::filesystem::path sourceDir()
{
    return fs::path(AMICUS_SOURCE_DIR);
}

ChildProcess::~ChildProcess()
{
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        wait(std::chrono::milliseconds(5000));
    }
    if (out_ >= 0) {
        ::close(out_);
    }
}

bool ChildProcess::start(const std::vector<std::string>& argv, const std::string& stderrLog)
{
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        return false;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        return false;
    }
    if (pid == 0) {
        ::dup2(pipeFds[1], 1);
        if (!stderrLog.empty()) {
            const int log = ::open(stderrLog.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (log >= 0) {
                ::dup2(log, 2);
            }
        }
        std::vector<char*> args;
        for (const auto& arg : argv) {
            args.push_back(const_cast<char*>(arg.c_str()));
        }
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    pid_ = pid;
    out_ = pipeFds[0];
    return true;
}

std::optional<std::string> ChildProcess::waitForLine(const std::string& prefix,
                                                     std::chrono::milliseconds timeout,
                                                     std::vector<std::string>* seen)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        std::size_t newline;
        while ((newline = buffered_.find('\n')) != std::string::npos) {
            std::string line = buffered_.substr(0, newline);
            buffered_.erase(0, newline + 1);
            if (seen) {
                seen->push_back(line);
            }
            if (line.rfind(prefix, 0) == 0) {
                return line.substr(prefix.size());
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return std::nullopt;
        }
        pollfd p{out_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            continue;
        }
        char buffer[4096];
        const ssize_t n = ::read(out_, buffer, sizeof buffer);
        if (n <= 0) {
            return std::nullopt;
        }
        buffered_.append(buffer, static_cast<std::size_t>(n));
    }
}

std::string ChildProcess::readAll(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string all = buffered_;
    buffered_.clear();
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return all;
        }
        pollfd p{out_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            continue;
        }
        char buffer[4096];
        const ssize_t n = ::read(out_, buffer, sizeof buffer);
        if (n <= 0) {
            return all;
        }
        all.append(buffer, static_cast<std::size_t>(n));
    }
}

void ChildProcess::signal(int sig)
{
    if (pid_ > 0) {
        ::kill(pid_, sig);
    }
}

int ChildProcess::wait(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (pid_ > 0) {
        int status = 0;
        const pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            pid_ = -1;
            return status;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return -1;
}

EndpointServer::EndpointServer(fs::path dataDir, std::vector<std::string> extraArgs)
    : dataDir_(std::move(dataDir))
{
    std::vector<std::string> argv = {"node",   (sourceDir() / "server/src/main.js").string(),
                                     "--data", dataDir_.string(),
                                     "--port", "0"};
    argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
    fs::create_directories(dataDir_);
    if (!process_.start(argv, (dataDir_ / "server.log").string())) {
        return;
    }
    const auto key = process_.waitForLine("receipt public key: ", std::chrono::seconds(20));
    const auto listening =
        process_.waitForLine("listening on http://127.0.0.1:", std::chrono::seconds(20));
    if (!key || !listening) {
        return;
    }
    auto raw = crypto::base64Decode(*key);
    if (!raw || raw->size() != 32) {
        return;
    }
    std::copy(raw->begin(), raw->end(), key_.begin());
    port_ = std::stoi(*listening);
}

void EndpointServer::killHard()
{
    process_.signal(SIGKILL);
    process_.wait(std::chrono::seconds(10));
}

EndpointServer::~EndpointServer()
{
    process_.signal(SIGTERM);
    process_.wait(std::chrono::seconds(5));
}

std::vector<fs::path> EndpointServer::receiptFiles() const
{
    std::vector<fs::path> files;
    if (fs::exists(dataDir_ / "receipts")) {
        for (const auto& entry : fs::directory_iterator(dataDir_ / "receipts")) {
            if (entry.path().extension() == ".json") {
                files.push_back(entry.path());
            }
        }
    }
    return files;
}

std::vector<std::string> EndpointServer::allUploads() const
{
    std::vector<std::string> ids;
    if (fs::exists(dataDir_ / "uploads")) {
        for (const auto& entry : fs::directory_iterator(dataDir_ / "uploads")) {
            if (entry.path().extension().empty() && entry.is_regular_file()) {
                ids.push_back(entry.path().filename().string());
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::string> EndpointServer::completeUploads() const
{
    std::vector<std::string> complete;
    for (const auto& id : allUploads()) {
        std::ifstream info(dataDir_ / "uploads" / (id + ".json"));
        std::stringstream text;
        text << info.rdbuf();
        auto document = nlohmann::json::parse(text.str(), nullptr, false);
        if (document.is_discarded() || !document.contains("size") ||
            !document["size"].is_number()) {
            continue;
        }
        const auto size = document["size"].get<std::uint64_t>();
        if (fs::file_size(dataDir_ / "uploads" / id) == size) {
            complete.push_back(id);
        }
    }
    return complete;
}

FaultProxy::FaultProxy(int targetPort, std::vector<std::string> faultArgs,
                       const std::string& logFile)
{
    std::vector<std::string> argv = {"python3",
                                     (sourceDir() / "tests/sync/fault_proxy.py").string(),
                                     "--target", "127.0.0.1:" + std::to_string(targetPort)};
    argv.insert(argv.end(), faultArgs.begin(), faultArgs.end());
    if (!process_.start(argv, logFile)) {
        return;
    }
    if (auto port = process_.waitForLine("proxy listening on ", std::chrono::seconds(10))) {
        port_ = std::stoi(*port);
    }
}

FaultProxy::~FaultProxy()
{
    process_.signal(SIGKILL);
    process_.wait(std::chrono::seconds(5));
}

namespace {

int run(const std::vector<std::string>& argv)
{
    ChildProcess child;
    if (!child.start(argv)) {
        return -1;
    }
    const int status = child.wait(std::chrono::seconds(120));
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

AgeKey makeAgeKey(const fs::path& dir)
{
    AgeKey key;
    key.identityFile = dir / "secretariat.key";
    if (run({"age-keygen", "-o", key.identityFile.string()}) != 0) {
        return key;
    }
    std::ifstream in(key.identityFile);
    std::string line;
    while (std::getline(in, line)) {
        const std::string marker = "# public key: ";
        if (line.rfind(marker, 0) == 0) {
            key.recipient = line.substr(marker.size());
        }
    }
    return key;
}

void writeRandomFile(const fs::path& path, std::uint64_t size, std::uint32_t seed)
{
    std::mt19937_64 rng(seed);
    std::ofstream out(path, std::ios::binary);
    std::vector<std::uint64_t> block(8192);
    std::uint64_t left = size;
    while (left > 0) {
        for (auto& word : block) {
            word = rng();
        }
        const auto n = std::min<std::uint64_t>(left, block.size() * 8);
        out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(n));
        left -= n;
    }
}

bool ageEncrypt(const AgeKey& key, const fs::path& plain, const fs::path& envelope)
{
    return run({"age", "-r", key.recipient, "-o", envelope.string(), plain.string()}) == 0;
}

bool ageDecrypt(const AgeKey& key, const fs::path& envelope, const fs::path& out)
{
    return run({"age", "-d", "-i", key.identityFile.string(), "-o", out.string(),
                envelope.string()}) == 0;
}

crypto::Sha256Digest sha256File(const fs::path& path)
{
    crypto::Sha256 hasher;
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        hasher.update(std::span(reinterpret_cast<const std::uint8_t*>(buffer.data()),
                                static_cast<std::size_t>(in.gcount())));
    }
    return hasher.finish();
}

bool sameBytes(const fs::path& a, const fs::path& b)
{
    if (!fs::exists(a) || !fs::exists(b) || fs::file_size(a) != fs::file_size(b)) {
        return false;
    }
    return sha256File(a) == sha256File(b);
}

OutboxRecord recordFor(std::int64_t id, const std::string& submissionId, const fs::path& envelope)
{
    OutboxRecord record;
    record.id = id;
    record.submissionId = submissionId;
    record.callId = "test-call";
    record.fileName = submissionId + ".age";
    record.envelopePath = envelope.string();
    record.envelopeSize = fs::file_size(envelope);
    record.envelopeSha256 = sha256File(envelope);
    return record;
}

} // namespace amicus::sync::testing
