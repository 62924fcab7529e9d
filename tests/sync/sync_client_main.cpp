// sync_client: a small client process for the kill -9 tests and benchmarks. It runs the outbox
// engine over a file-backed outbox until every entry is delivered or needs attention.
// Usage: sync_client (--outbox FILE | --store DATADIR --passphrase P) --origin http://HOST:PORT
//                    --key BASE64 [--chunk BYTES] [--lock-when-uploading 1 [--pause-ms N]]
// With --store the outbox is the vault store's (envelopes under DATADIR/outbox/).
// --lock-when-uploading sends as the app does across a lock: through a store connection of its
// own sealing via a DetachableSealer, it locks the vault (printing "locked") when the first
// entry starts uploading, before its upload is created, and goes on sending locked; --pause-ms
// sleeps after each save so a test can kill it mid-upload.
// Exit: 0 all delivered, 2 some need attention, 1 repository or usage error.
#include "crypto/base64.h"
#include "store/age_blob_encryptor.h"
#include "store/vault_session.h"
#include "sync/detachable_sealer.h"
#include "sync/file_outbox_repository.h"
#include "sync/outbox_engine.h"
#include "sync/store_outbox_repository.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>

using namespace amicus::sync;

namespace {

// Locks the vault the first time the engine marks an entry uploading, then saves as usual.
class LockingRepository : public OutboxRepository {
public:
    LockingRepository(OutboxRepository& inner, DetachableSealer& sealer,
                      amicus::store::VaultSession& session, int pauseMs)
        : inner_(inner), sealer_(sealer), session_(session), pauseMs_(pauseMs)
    {
    }
    amicus::Result<std::vector<OutboxRecord>, SyncError> list() override { return inner_.list(); }
    amicus::Result<void, SyncError> remove(std::int64_t id) override { return inner_.remove(id); }
    amicus::Result<void, SyncError> save(const OutboxRecord& record) override
    {
        if (!locked_ && record.state == OutboxState::Uploading) {
            sealer_.detach();
            session_.lock();
            locked_ = true;
            std::printf("locked\n");
            std::fflush(stdout);
        }
        auto saved = inner_.save(record);
        if (locked_ && pauseMs_ > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs_));
        }
        return saved;
    }

private:
    OutboxRepository& inner_;
    DetachableSealer& sealer_;
    amicus::store::VaultSession& session_;
    int pauseMs_;
    bool locked_ = false;
};

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
    bool lockWhenUploading = false;
    int pauseMs = 0;
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
        } else if (name == "--lock-when-uploading") {
            lockWhenUploading = std::string(argv[i + 1]) == "1";
        } else if (name == "--pause-ms") {
            pauseMs = std::stoi(argv[i + 1]);
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
    DetachableSealer sealer;
    std::unique_ptr<amicus::store::AgeBlobEncryptor> blobs;
    std::optional<amicus::store::VaultStore> senderStore;
    std::unique_ptr<OutboxRepository> lockingOwner;
    if (!storeDir.empty() && lockWhenUploading) {
        auto opened = amicus::store::VaultSession::open(storeDir, passphrase);
        if (!opened) {
            std::fprintf(stderr, "sync_client: cannot open the store: %s\n",
                         opened.error().detail.c_str());
            return 1;
        }
        session = std::move(opened.value());
        sealer.attach(session->vault().fieldSealer());
        blobs = std::make_unique<amicus::store::AgeBlobEncryptor>(session->vault().recipient());
        auto store = amicus::store::VaultStore::open(
            amicus::store::DataLayout::storePaths(storeDir), sealer, *blobs);
        if (!store) {
            std::fprintf(stderr, "sync_client: %s\n", store.error().detail.c_str());
            return 1;
        }
        senderStore.emplace(std::move(*store));
        lockingOwner = std::make_unique<StoreOutboxRepository>(
            *senderStore, std::filesystem::path(storeDir) / "outbox", session->vault().recipient());
        repositoryOwner =
            std::make_unique<LockingRepository>(*lockingOwner, sealer, *session, pauseMs);
    } else if (!storeDir.empty()) {
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
