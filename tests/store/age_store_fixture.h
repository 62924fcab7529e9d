// The base of the store tests that attach files: a VaultStore in a temporary directory whose
// blobs are real age files to a fresh identity, sealing with TestSealer.
#pragma once

#include "crypto/age_keys.h"
#include "store/age_blob_encryptor.h"
#include "store/vault_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <optional>

namespace amicus::store::testing {

class AgeStoreTest : public ::testing::Test {
protected:
    // Makes the identity and opens store_; call it first in SetUp (it ASSERTs).
    void openStore()
    {
        auto id = crypto::X25519Identity::generate();
        ASSERT_TRUE(id.ok());
        identity_.emplace(std::move(*id));
        blobs_.emplace(identity_->recipient());
        auto store = VaultStore::open(paths(), sealer_, *blobs_);
        ASSERT_TRUE(store.ok()) << store.error().detail;
        store_.emplace(std::move(*store));
    }

    StorePaths paths() const { return {dir_.path() / "vault.db", dir_.path() / "blobs"}; }

    TempDir dir_;
    TestSealer sealer_;
    std::optional<crypto::X25519Identity> identity_;
    std::optional<AgeBlobEncryptor> blobs_;
    std::optional<VaultStore> store_;
};

} // namespace amicus::store::testing
