// FakeKeyStore: a KeyStore that really encrypts (ChaCha20-Poly1305 under a random key held in
// memory, as a hardware key would be held out of reach), so tests see what a phone's does:
// wrapped bytes unlike the secret, tampering refused, forget() losing everything, and the user
// declining when a test says so.
#pragma once

#include "crypto/aead_field_sealer.h"
#include "crypto/random.h"
#include "key_store.h"

#include <optional>
#include <span>

namespace amicus::platform {

class FakeKeyStore : public KeyStore {
public:
    FakeKeyStore() { newKey(); }

    [[nodiscard]] bool protectsAtRest() const override { return true; }

    [[nodiscard]] KeyStoreResult<QByteArray> wrap(const QByteArray& secret) override
    {
        if (const auto refused = takeRefusal()) {
            return fail(*refused);
        }
        if (forgotten_) {
            newKey(); // a phone makes a new key on first use after forgetting the old one
        }
        auto sealed = sealer_.seal(bytes(secret), associatedData);
        if (!sealed) {
            return fail(KeyStoreFailure{KeyStoreError::Backend, QStringLiteral("seal failed")});
        }
        ++wrapCount_;
        return QByteArray(reinterpret_cast<const char*>(sealed->data()),
                          static_cast<qsizetype>(sealed->size()));
    }

    [[nodiscard]] KeyStoreResult<QByteArray> unwrap(const QByteArray& wrapped) override
    {
        if (const auto refused = takeRefusal()) {
            return fail(*refused);
        }
        if (forgotten_) {
            return fail(
                KeyStoreFailure{KeyStoreError::Invalidated, QStringLiteral("key forgotten")});
        }
        auto opened = sealer_.open(bytes(wrapped), associatedData);
        if (!opened) {
            return fail(KeyStoreFailure{KeyStoreError::Corrupt, QStringLiteral("not ours")});
        }
        return QByteArray(reinterpret_cast<const char*>(opened->data()),
                          static_cast<qsizetype>(opened->size()));
    }

    [[nodiscard]] KeyStoreResult<void> forget() override
    {
        sealer_.lock();
        forgotten_ = true;
        return {};
    }

    // The next wrap() or unwrap() fails with Refused (the user cancels the OS prompt).
    void refuseNext() { refuseNext_ = true; }
    [[nodiscard]] int wrapCount() const { return wrapCount_; }

private:
    static constexpr const char* associatedData = "amicus fake key store";

    static std::span<const std::uint8_t> bytes(const QByteArray& data)
    {
        return {reinterpret_cast<const std::uint8_t*>(data.constData()),
                static_cast<std::size_t>(data.size())};
    }

    void newKey()
    {
        auto key = crypto::randomBytes(32);
        if (key) {
            sealer_.setKey(*key);
        }
        forgotten_ = !key;
    }

    std::optional<KeyStoreFailure> takeRefusal()
    {
        if (!refuseNext_) {
            return std::nullopt;
        }
        refuseNext_ = false;
        return KeyStoreFailure{KeyStoreError::Refused, QStringLiteral("declined")};
    }

    crypto::AeadFieldSealer sealer_;
    bool forgotten_ = false;
    bool refuseNext_ = false;
    int wrapCount_ = 0;
};

} // namespace amicus::platform
