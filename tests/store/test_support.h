// Helpers for the store tests: a scratch directory and a test-only FieldSealer over OpenSSL
// EVP ChaCha20-Poly1305 (the unit tests use it to run without a vault; the end-to-end tests
// use the real vault).
#pragma once

#include "crypto/field_sealer.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace amicus::store::testing {

// A fresh directory under the system temp dir, removed with everything in it at the end.
class TempDir {
public:
    TempDir()
    {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "amicus-store-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path_ = pattern;
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

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

// A FieldSealer for unit tests: version 1 || 12-byte nonce || ciphertext || 16-byte tag.
class TestSealer : public crypto::FieldSealer {
public:
    TestSealer() { RAND_bytes(key_, sizeof key_); }

    void lock() { locked_ = true; }
    void unlock() { locked_ = false; }

    Result<std::vector<std::uint8_t>, crypto::SealError>
    seal(std::span<const std::uint8_t> plaintext, std::string_view ad) const override
    {
        if (locked_) {
            return fail(crypto::SealError::Locked);
        }
        std::vector<std::uint8_t> out(1 + 12 + plaintext.size() + 16);
        out[0] = 1;
        RAND_bytes(out.data() + 1, 12);
        EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
        int len = 0;
        EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, key_, out.data() + 1);
        EVP_EncryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(ad.data()),
                          static_cast<int>(ad.size()));
        EVP_EncryptUpdate(ctx, out.data() + 13, &len, plaintext.data(),
                          static_cast<int>(plaintext.size()));
        EVP_EncryptFinal_ex(ctx, out.data() + 13 + plaintext.size(), &len);
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, out.data() + 13 + plaintext.size());
        EVP_CIPHER_CTX_free(ctx);
        return out;
    }

    Result<std::vector<std::uint8_t>, crypto::SealError> open(std::span<const std::uint8_t> sealed,
                                                              std::string_view ad) const override
    {
        if (locked_) {
            return fail(crypto::SealError::Locked);
        }
        if (sealed.size() < 29 || sealed[0] != 1) {
            return fail(crypto::SealError::Malformed);
        }
        const std::size_t n = sealed.size() - 29;
        std::vector<std::uint8_t> out(n);
        std::vector<std::uint8_t> tag(sealed.end() - 16, sealed.end());
        EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
        int len = 0;
        EVP_DecryptInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, key_, sealed.data() + 1);
        EVP_DecryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(ad.data()),
                          static_cast<int>(ad.size()));
        EVP_DecryptUpdate(ctx, out.data(), &len, sealed.data() + 13, static_cast<int>(n));
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, tag.data());
        const int ok = EVP_DecryptFinal_ex(ctx, out.data() + n, &len);
        EVP_CIPHER_CTX_free(ctx);
        if (ok != 1) {
            return fail(crypto::SealError::Unauthentic);
        }
        return out;
    }

private:
    unsigned char key_[32]{};
    std::atomic<bool> locked_{false};
};

} // namespace amicus::store::testing
