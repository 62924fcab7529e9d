// DataLayout: what an Amicus data directory holds and where — the one place the app, amicusctl,
// finalize, the sender and the tests take it from:
//   DIR/vault/                     vault key files (crypto::Vault)
//   DIR/amicus.db (+ -wal, -shm)   the sealed database (VaultStore)
//   DIR/blobs/                     one age file per attachment, to the vault's recipient
//   DIR/outbox/                    one age envelope per finalized submission, until delivered
#pragma once

#include "store/store_records.h"

#include <filesystem>

namespace amicus::store {

struct DataLayout {
    [[nodiscard]] static std::filesystem::path vaultDir(const std::filesystem::path& dataDir)
    {
        return dataDir / "vault";
    }
    [[nodiscard]] static StorePaths storePaths(const std::filesystem::path& dataDir)
    {
        return {dataDir / "amicus.db", dataDir / "blobs"};
    }
    // Envelopes are named <submission id>.age.
    [[nodiscard]] static std::filesystem::path outboxDir(const std::filesystem::path& dataDir)
    {
        return dataDir / "outbox";
    }
};

} // namespace amicus::store
