// EndpointProcess: runs a real catalog endpoint (the reference server, or the Python fixture)
// as a child process for the duration of a test, on a free loopback port.
#pragma once

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace amicus::calls::testing {

class EndpointProcess {
public:
    // `command` is the argv prefix (e.g. {"node", "server/src/main.js"}); the process gets
    // `--data DATA --keys KEYS --port 0` appended and must print "listening on http://...".
    EndpointProcess(std::vector<std::string> command, const std::filesystem::path& data,
                    const std::filesystem::path& keys)
    {
        command.insert(command.end(),
                       {"--data", data.string(), "--keys", keys.string(), "--port", "0"});
        int pipeFds[2];
        if (pipe(pipeFds) != 0) {
            return;
        }
        pid_ = fork();
        if (pid_ == 0) {
            dup2(pipeFds[1], STDOUT_FILENO);
            close(pipeFds[0]);
            close(pipeFds[1]);
            std::vector<char*> argv;
            for (std::string& part : command) {
                argv.push_back(part.data());
            }
            argv.push_back(nullptr);
            execvp(argv[0], argv.data());
            _exit(127);
        }
        close(pipeFds[1]);
        output_ = fdopen(pipeFds[0], "r");
        char line[512];
        const std::string marker = "listening on ";
        const std::string keyMarker = "receipt public key: ";
        while (output_ != nullptr && std::fgets(line, sizeof line, output_) != nullptr) {
            std::string text(line);
            if (const std::size_t key = text.find(keyMarker); key != std::string::npos) {
                receiptKey_ = text.substr(key + keyMarker.size());
                while (!receiptKey_.empty() &&
                       (receiptKey_.back() == '\n' || receiptKey_.back() == '\r')) {
                    receiptKey_.pop_back();
                }
            }
            const std::size_t at = text.find(marker);
            if (at != std::string::npos) {
                origin_ = text.substr(at + marker.size());
                while (!origin_.empty() && (origin_.back() == '\n' || origin_.back() == '\r')) {
                    origin_.pop_back();
                }
                break;
            }
        }
    }

    ~EndpointProcess()
    {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            int status = 0;
            waitpid(pid_, &status, 0);
        }
        if (output_ != nullptr) {
            std::fclose(output_);
        }
    }

    EndpointProcess(const EndpointProcess&) = delete;
    EndpointProcess& operator=(const EndpointProcess&) = delete;

    // "http://127.0.0.1:PORT", or empty when the process did not come up.
    [[nodiscard]] const std::string& origin() const { return origin_; }
    // The base64 receipt-signing public key the reference server printed (empty otherwise).
    [[nodiscard]] const std::string& receiptKey() const { return receiptKey_; }

private:
    pid_t pid_ = -1;
    std::FILE* output_ = nullptr;
    std::string origin_;
    std::string receiptKey_;
};

// Splits the AMICUS_CATALOG_SERVER environment variable (space-separated argv prefix).
inline std::vector<std::string> endpointCommandFromEnvironment()
{
    std::vector<std::string> parts;
    const char* value = std::getenv("AMICUS_CATALOG_SERVER");
    if (value == nullptr) {
        return parts;
    }
    std::string current;
    for (const char* c = value; *c != '\0'; ++c) {
        if (*c == ' ') {
            if (!current.empty()) {
                parts.push_back(current);
            }
            current.clear();
        } else {
            current += *c;
        }
    }
    if (!current.empty()) {
        parts.push_back(current);
    }
    return parts;
}

} // namespace amicus::calls::testing
