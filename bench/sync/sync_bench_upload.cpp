// sync_bench_upload: the subject of the sync benchmarks. Sends one envelope through the outbox
// engine (file-backed outbox, persisted per chunk as in the app) and prints one JSON line:
// {"seconds":N,"bytes_sent":N,"size":N,"state":"delivered","error":"","not_sent_low_water":N,
// "upload_buffer":N} (the last two: the socket settings it ran with).
// Usage: sync_bench_upload --file F --origin URL --key B64 --submission ID --sha256 HEX
//                          --outbox PATH [--chunk BYTES]   (chunk 0: adapt to the link)
//                          [--not-sent-low-water BYTES] [--upload-buffer BYTES]
#include "crypto/base64.h"
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>

using namespace amicus::sync;

namespace {

class FixedDirectory : public EndpointDirectory {
public:
    explicit FixedDirectory(CallEndpoint endpoint) : endpoint_(std::move(endpoint)) {}
    std::optional<CallEndpoint> endpointFor(const std::string&) const override { return endpoint_; }

private:
    CallEndpoint endpoint_;
};

} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2) {
        args[argv[i]] = argv[i + 1];
    }
    auto key = amicus::crypto::base64Decode(args["--key"]);
    const std::string hex = args["--sha256"];
    if (!key || key->size() != 32 || hex.size() != 64 || args["--file"].empty()) {
        std::fprintf(stderr, "sync_bench_upload: bad arguments\n");
        return 1;
    }
    CallEndpoint endpoint;
    endpoint.tus.creationUrl = args["--origin"] + "/files";
    endpoint.tus.receiptUrlPrefix = args["--origin"] + "/receipts/";
    std::copy(key->begin(), key->end(), endpoint.receiptKey.begin());
    FixedDirectory directory(endpoint);
    FileOutboxRepository repository(args["--outbox"]);
    OutboxEngineOptions options;
    options.tus.fixedChunk = args.count("--chunk") ? std::stoull(args["--chunk"]) : 0;
    // Knobs for the experiments of bench/README.md (defaults: the app's).
    if (args.count("--not-sent-low-water")) {
        options.tus.notSentLowWater = std::stoi(args["--not-sent-low-water"]);
    }
    if (args.count("--upload-buffer")) {
        options.tus.uploadBufferSize = std::stol(args["--upload-buffer"]);
    }
    options.backoffBase = std::chrono::milliseconds(0);
    OutboxRecord record;
    record.id = 1;
    record.submissionId = args["--submission"];
    record.callId = "bench-call";
    record.fileName = "bench.age";
    record.envelopePath = args["--file"];
    record.envelopeSize = std::filesystem::file_size(record.envelopePath);
    for (std::size_t i = 0; i < 32; ++i) {
        record.envelopeSha256[i] =
            static_cast<std::uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
    }
    std::mt19937_64 rng(1);
    OutboxEngine engine(
        repository, directory,
        [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        },
        [&] { return rng(); }, options);
    const auto started = std::chrono::steady_clock::now();
    if (!engine.enqueue(record).ok()) {
        return 1;
    }
    OutboxRecord last;
    for (int round = 0; round < 200; ++round) {
        if (!engine.runDue(true).ok()) {
            return 1;
        }
        last = repository.list()->front();
        if (last.state == OutboxState::Delivered || last.state == OutboxState::NeedsAttention) {
            break;
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "{\"seconds\":%.4f,\"bytes_sent\":%llu,\"size\":%llu,\"state\":\"%s\",\"error\":\"%s\","
        "\"not_sent_low_water\":%d,\"upload_buffer\":%ld}\n",
        seconds, static_cast<unsigned long long>(engine.bytesSent()),
        static_cast<unsigned long long>(record.envelopeSize),
        std::string(outboxStateName(last.state)).c_str(),
        last.lastError ? std::string(syncErrorName(*last.lastError)).c_str() : "",
        options.tus.notSentLowWater, options.tus.uploadBufferSize);
    return last.state == OutboxState::Delivered ? 0 : 2;
}
