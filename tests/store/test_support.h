// Helpers for the store tests: a scratch directory, file helpers, a field sealer and a blob
// encryptor for the tests that write no attachment.
#pragma once

#include "crypto/aead_field_sealer.h"
#include "crypto/vault.h"
#include "store/vault_store.h"
#include "test_temp_dir.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <iterator>
#include <openssl/rand.h>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace amicus::store::testing {

using TempDir = test_support::TempDir;

// A real vault that unlocks fast: the tests that open one many times do not need scrypt's cost.
inline crypto::VaultOptions cheapVault()
{
    crypto::VaultOptions options;
    options.scryptWorkFactor = 10;
    return options;
}

inline std::vector<std::uint8_t> readAll(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

inline void writeAll(const std::filesystem::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The vault's own field sealer under a random key, with lock and unlock for the tests that
// need a locked vault (the unit tests run without scrypt; the end-to-end tests use the vault).
class TestSealer : public crypto::AeadFieldSealer {
public:
    TestSealer()
    {
        RAND_bytes(key_.data(), static_cast<int>(key_.size()));
        setKey(key_);
    }
    void unlock() { setKey(key_); }

private:
    std::array<std::uint8_t, 32> key_{};
};

// Attachments are covered in attachment_test.cpp with the real age encryptor; in the tests that
// use this one, any attempt to write a blob is a test failure.
class NoBlobs : public BlobEncryptor {
public:
    StoreResult<void> encryptToFile(
        std::istream&, const std::filesystem::path&,
        const std::function<bool(std::span<const std::uint8_t>, StoreError&)>&) const override
    {
        ADD_FAILURE() << "unexpected blob write";
        return fail(StoreError{StoreErrc::Io, "no blobs in this test"});
    }
};

// A store in a fresh directory sealed by a TestSealer, for the tests that write no attachment;
// the clock counts up from 1000 by one each time it is read, so every save has its own time.
class PlainStoreTest : public ::testing::Test {
protected:
    StorePaths paths() const { return {dir_.path() / "vault.db", dir_.path() / "blobs"}; }
    VaultStore openStore()
    {
        auto store = VaultStore::open(paths(), sealer_, blobs_, {[this] { return ++clock_; }});
        if (!store) {
            throw std::runtime_error("open failed: " + store.error().detail);
        }
        return std::move(*store);
    }

    TempDir dir_;
    TestSealer sealer_;
    NoBlobs blobs_;
    std::int64_t clock_ = 1000;
};

} // namespace amicus::store::testing
