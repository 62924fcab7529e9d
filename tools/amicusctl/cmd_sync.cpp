// amicusctl sync [--once] [--endpoint URL] [--receipt-key BASE64] [--ca-file PEM]: sends the
// outbox with the sync engine (tus, signed receipts), printing each state change on stdout and
// a progress bar on a terminal's stderr. Without --once it keeps going through backoff until
// every entry is delivered or needs attention.
#include "calls/builtin_catalog.h"
#include "commands.h"
#include "crypto/base64.h"
#include "sync/outbox_sender.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace amicus::amicusctl {
namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Prints state changes as lines and progress as a bar redrawn in place.
class ConsoleObserver : public sync::OutboxObserver {
public:
    ConsoleObserver() : terminal_(::isatty(2) == 1) {}

    void onStateChanged(const sync::OutboxRecord& record) override
    {
        clearBar();
        std::cout << "draft " << record.id << "\t" << sync::outboxStateName(record.state);
        if (record.state == sync::OutboxState::Waiting) {
            std::cout << "\t" << sync::waitReasonName(record.waitReason);
        }
        if (record.lastError && record.state != sync::OutboxState::Delivered) {
            std::cout << "\t" << sync::syncErrorName(*record.lastError);
        }
        std::cout << std::endl;
    }

    void onProgress(std::int64_t, const sync::TransferProgress& progress) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (!terminal_ || progress.size == 0 || now - lastDraw_ < std::chrono::milliseconds(100)) {
            return;
        }
        lastDraw_ = now;
        const double fraction = std::min(1.0, static_cast<double>(progress.offset) /
                                                  static_cast<double>(progress.size));
        const int width = 30;
        const int filled = static_cast<int>(fraction * width);
        std::fprintf(stderr, "\r[%s%s] %5.1f%%  %7.2f MB/s ", std::string(filled, '#').c_str(),
                     std::string(width - filled, '.').c_str(), fraction * 100,
                     progress.bytesPerSecond / 1e6);
        std::fflush(stderr);
        barShown_ = true;
    }

private:
    void clearBar()
    {
        if (barShown_) {
            std::fprintf(stderr, "\r%60s\r", "");
            barShown_ = false;
        }
    }
    bool terminal_;
    bool barShown_ = false;
    std::chrono::steady_clock::time_point lastDraw_{};
};

} // namespace

int runSync(const Invocation& invocation)
{
    const auto parsed =
        parseCommandArgs(invocation, {"--endpoint", "--receipt-key", "--ca-file"}, {"--once"});
    if (!parsed || !parsed->positionals.empty()) {
        return reportUsage("sync [--once] [--endpoint URL] [--receipt-key BASE64] [--ca-file PEM]");
    }
    const bool once = parsed->has("--once");
    const std::optional<std::string> endpoint = parsed->last("--endpoint");
    const std::optional<std::string> receiptKey = parsed->last("--receipt-key");
    const std::string caFile = parsed->last("--ca-file").value_or("");
    int exitCode = exitOk;
    auto session = openSession(invocation, exitCode);
    if (!session) {
        return exitCode;
    }
    sync::EndpointOverrides overrides;
    if (endpoint) {
        // A test endpoint: the built-in call is closed as published, which holds for its own
        // endpoint only.
        overrides.creationUrl = *endpoint;
        overrides.sendToClosedCalls = true;
    }
    if (receiptKey) {
        auto key = crypto::Ed25519PublicKey::fromBase64(*receiptKey);
        if (!key) {
            return reportBadInput("sync: --receipt-key is not a base64 Ed25519 public key");
        }
        overrides.receiptKey = key->raw();
    }
    overrides.caFile = caFile;
    auto sender =
        sync::OutboxSender::open(invocation.dataDir, session->vault().fieldSealer(),
                                 session->vault().recipient(), calls::builtinCatalog(), overrides);
    if (!sender) {
        return reportError(sender.error());
    }
    auto& engine = (*sender)->engine();
    auto& repository = (*sender)->repository();
    ConsoleObserver observer;
    engine.setObserver(&observer);

    bool userRequested = true; // the command itself is the user's "send now"
    while (true) {
        auto next = engine.runDue(userRequested);
        userRequested = false;
        if (!next) {
            say("Io: " + next.error().detail);
            return exitIo;
        }
        auto records = repository.list();
        if (!records) {
            say("Io: " + records.error().detail);
            return exitIo;
        }
        bool waiting = false;
        bool attention = false;
        for (const auto& record : *records) {
            waiting |= record.state != sync::OutboxState::Delivered &&
                       record.state != sync::OutboxState::NeedsAttention;
            attention |= record.state == sync::OutboxState::NeedsAttention;
        }
        if (!waiting) {
            return attention ? exitNeedsAttention : exitOk;
        }
        if (once || !next->has_value()) {
            return exitWaiting;
        }
        const auto delay = std::clamp<std::int64_t>(**next - nowMs(), 0, 60'000);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
}

} // namespace amicus::amicusctl
