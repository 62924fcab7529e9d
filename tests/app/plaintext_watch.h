// PlaintextWatch: reads every file under some folders, over and over on a thread of its own
// while the app works (export, finalize, send), and once more when asked, looking for what the
// user typed or attached: nothing of it may be on disk outside the encrypted vault (#15,
// finding 8). Also flags any JPEG, PDF or zip (ODT) file, since attachments, photos and
// exported documents are such files in plain.
#pragma once

#include <QString>
#include <QStringList>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class PlaintextWatch {
public:
    // A folder to read, less the subfolders or files in `skip` (the test's own files, the
    // folder the user exports an unencrypted copy to on purpose).
    struct Root {
        std::filesystem::path folder;
        std::vector<std::filesystem::path> skip;
    };

    PlaintextWatch(std::vector<Root> roots, std::vector<std::string> markers)
        : roots_(std::move(roots)), markers_(std::move(markers))
    {
    }
    ~PlaintextWatch() { stop(); }
    PlaintextWatch(const PlaintextWatch&) = delete;
    PlaintextWatch& operator=(const PlaintextWatch&) = delete;

    void start()
    {
        running_ = true;
        thread_ = std::thread([this] {
            while (running_) {
                scanOnce();
                // A breath between rounds, so the app keeps most of the machine.
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        });
    }
    void stop()
    {
        running_ = false;
        if (thread_.joinable()) {
            thread_.join();
        }
    }

    // Reads every file once.
    void scanOnce()
    {
        for (const Root& root : roots_) {
            std::error_code error;
            std::filesystem::recursive_directory_iterator it(root.folder, error);
            for (; !error && it != std::filesystem::recursive_directory_iterator();
                 it.increment(error)) {
                const auto& path = it->path();
                if (std::find(root.skip.begin(), root.skip.end(), path) != root.skip.end()) {
                    if (it->is_directory(error)) {
                        it.disable_recursion_pending();
                    }
                    continue;
                }
                if (it->is_regular_file(error)) {
                    check(path);
                }
            }
        }
        ++scans_;
    }

    [[nodiscard]] int scans() const { return scans_; }
    [[nodiscard]] int filesRead() const { return filesRead_; }
    // "path: what", once per path and finding.
    [[nodiscard]] QStringList findings() const
    {
        const std::lock_guard lock(mutex_);
        return findings_;
    }

private:
    void check(const std::filesystem::path& path)
    {
        std::ifstream in(path, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        ++filesRead_;
        for (const std::string& marker : markers_) {
            if (bytes.find(marker) != std::string::npos) {
                report(path, "holds \"" + marker + "\"");
            }
        }
        for (const char* magic : {"\xFF\xD8\xFF", "%PDF", "PK\x03\x04"}) {
            if (bytes.rfind(magic, 0) == 0) {
                report(path, "is a JPEG, PDF or zip file in plain");
            }
        }
    }

    void report(const std::filesystem::path& path, const std::string& what)
    {
        const QString line = QString::fromStdString(path.string() + ": " + what);
        const std::lock_guard lock(mutex_);
        if (!findings_.contains(line)) {
            findings_.append(line);
        }
    }

    std::vector<Root> roots_;
    std::vector<std::string> markers_;
    std::atomic<bool> running_{false};
    std::atomic<int> scans_{0};
    std::atomic<int> filesRead_{0};
    std::thread thread_;
    mutable std::mutex mutex_;
    QStringList findings_;
};
