// sync_client: a small client process for the kill -9 tests and benchmarks. It runs the outbox
// engine over a file-backed outbox until every entry is delivered or needs attention.
// Usage: sync_client (--outbox FILE | --store DATADIR --passphrase P) --origin http://HOST:PORT
//                    --key BASE64 [--chunk BYTES]
// With --store the outbox is the vault store's (envelopes under DATADIR/outbox/).
// Exit: 0 all delivered, 2 some need attention, 1 repository or usage error.
#include "crypto/base64.h"
#include "store/vault_session.h"
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"
#include "sync/store_outbox_repository.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <thread>

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
    std::string outbox, origin, key, storeDir, passphrase;
    std::uint64_t chunk = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--outbox") {
            outbox = argv[i + 1];
        } else if (name == "--origin") {
            origin = argv[i + 1];
        } else if (name == "--key") {
            key = argv[i + 1];
        } else if (name == "--store") {
            storeDir = argv[i + 1];
        } else if (name == "--passphrase") {
            passphrase = argv[i + 1];
        } else if (name == "--chunk") {
            chunk = std::stoull(argv[i + 1]);
        }
    }
    auto raw = amicus::crypto::base64Decode(key);
    if ((outbox.empty() && storeDir.empty()) || origin.empty() || !raw || raw->size() != 32) {
        std::fprintf(stderr,
                     "usage: sync_client --outbox FILE --origin URL --key BASE64 [--chunk N]\n");
        return 1;
    }
    CallEndpoint endpoint;
    endpoint.tus.creationUrl = origin + "/files";
    endpoint.tus.receiptUrlPrefix = origin + "/receipts/";
    std::copy(raw->begin(), raw->end(), endpoint.receiptKey.begin());
    FixedDirectory directory(endpoint);
    std::unique_ptr<amicus::store::VaultSession> session;
    std::unique_ptr<OutboxRepository> repositoryOwner;
    if (!storeDir.empty()) {
        auto opened = amicus::store::VaultSession::open(storeDir, passphrase);
        if (!opened) {
            std::fprintf(stderr, "sync_client: cannot open the store: %s\n",
                         opened.error().detail.c_str());
            return 1;
        }
        session = std::move(opened.value());
        repositoryOwner = std::make_unique<StoreOutboxRepository>(
            session->store(), std::filesystem::path(storeDir) / "outbox");
    } else {
        repositoryOwner = std::make_unique<FileOutboxRepository>(outbox);
    }
    OutboxRepository& repository = *repositoryOwner;
    // The kill tests aim at the sync, not at the vault's unlock (whose attempt counter
    // deliberately survives a kill): they start their clock at this line.
    std::printf("ready\n");
    std::fflush(stdout);
    OutboxEngineOptions options;
    options.tus.fixedChunk = chunk;
    options.backoffBase = std::chrono::milliseconds(20);
    options.backoffCap = std::chrono::milliseconds(200);
    std::random_device seed;
    std::mt19937_64 rng(seed());
    OutboxEngine engine(
        repository, directory,
        [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        },
        [&] { return rng(); }, options);
    for (int round = 0; round < 1000; ++round) {
        auto next = engine.runDue(true);
        if (!next) {
            std::fprintf(stderr, "sync_client: %s\n", next.error().detail.c_str());
            return 1;
        }
        auto records = repository.list();
        if (!records) {
            return 1;
        }
        bool pending = false, attention = false;
        for (const auto& record : *records) {
            pending |= record.state != OutboxState::Delivered &&
                       record.state != OutboxState::NeedsAttention;
            if (record.state == OutboxState::NeedsAttention) {
                attention = true;
                std::fprintf(
                    stderr, "sync_client: %s needs attention: %s %s\n", record.submissionId.c_str(),
                    record.lastError ? std::string(syncErrorName(*record.lastError)).c_str() : "",
                    record.lastErrorDetail.c_str());
            }
        }
        if (!pending) {
            return attention ? 2 : 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 1;
}
