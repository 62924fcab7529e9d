// Vault: the device's key hierarchy (DESIGN.md, "At rest"). An X25519 identity whose secret
// lives in an age file under a passphrase (scrypt, cost calibrated on the device), its
// recipient in plain text so attachments can be encrypted while locked, and the FieldSealer
// derived from the identity for personal fields in SQLite. Where the OS has a key store
// (VaultOptions::keyWrap protects at rest) the age file is also wrapped by it, and the identity
// file says so in its first line (VaultProtection); without one it is the age file alone.
#pragma once

#include "common/result.h"
#include "crypto/aead_field_sealer.h"
#include "crypto/age_keys.h"
#include "crypto/vault_key_wrap.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::crypto {

enum class VaultError {
    AlreadyExists,   // create(): the directory already holds a vault
    NotFound,        // open(): no vault in the directory
    Corrupt,         // a vault file is unreadable or inconsistent
    WrongPassphrase, // the passphrase did not open the identity (counts as a failed attempt)
    RateLimited,     // too soon after failed attempts; see VaultFailure::retryAfter
    Locked,          // the operation needs the vault unlocked
    KeyRefused,      // the OS key store declined to unwrap (try again, e.g. once unlocked)
    KeyLost,         // the OS key store no longer has the key that wrapped this vault
    Io,              // the file system failed
    Backend,         // the crypto library failed
};

struct VaultFailure {
    VaultError code = VaultError::Backend;
    std::string detail;
    // For RateLimited: the earliest time the next attempt is allowed.
    std::chrono::system_clock::time_point retryAfter{};
};

template <typename T>
using VaultResult = Result<T, VaultFailure>;

struct VaultOptions {
    // The scrypt work factor (log2 N) for the passphrase. Unset: calibrated at creation so
    // one unlock takes about `unlockTarget` on this device. Tests set a small value.
    std::optional<unsigned> scryptWorkFactor;
    std::chrono::milliseconds unlockTarget{1000};
    // The clock for the failed-attempt delays; the system clock when empty (tests inject).
    std::function<std::chrono::system_clock::time_point()> clock;
    // The OS key store's wrap, or nullptr (the passphrase alone, as on the desktop). Not
    // owned: it must outlive every vault opened with these options.
    VaultKeyWrap* keyWrap = nullptr;
};

// What protects the identity file (recorded in the file itself, so old vaults need nothing).
enum class VaultProtection {
    Passphrase,            // an age file sealed under the passphrase (every vault before 2026-12)
    PassphraseAndKeyStore, // that age file, wrapped by the OS key store (VaultKeyWrap)
};

// One vault directory. A Vault starts locked (open) or unlocked (create).
class Vault {
public:
    // Files inside the vault directory.
    static constexpr const char* identityFileName = "vault-identity.age";
    static constexpr const char* recipientFileName = "vault-recipient.txt";
    static constexpr const char* throttleFileName = "vault-unlock-attempts";
    // The first line of an identity file the key store wrapped; the wrapped bytes follow.
    static constexpr std::string_view keyStoreWrappedLine = "amicus-vault/v2 key-store-wrapped\n";

    [[nodiscard]] static bool exists(const std::filesystem::path& directory);
    // Makes a new identity in `directory` (created if needed), sealed under `passphrase`.
    [[nodiscard]] static VaultResult<std::unique_ptr<Vault>>
    create(const std::filesystem::path& directory, std::string_view passphrase,
           VaultOptions options = {});
    // Opens an existing vault, locked.
    [[nodiscard]] static VaultResult<std::unique_ptr<Vault>>
    open(const std::filesystem::path& directory, VaultOptions options = {});
    // Crypto-shreds the vault: overwrites, syncs and deletes the identity file first, then the
    // other vault files. Everything encrypted to the vault is unreadable afterwards.
    [[nodiscard]] static VaultResult<void> erase(const std::filesystem::path& directory);

    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // The vault's own recipient, available while locked (attachments are encrypted to it).
    [[nodiscard]] const X25519Recipient& recipient() const { return recipient_; }
    // The scrypt work factor stored in the identity file (0 while a key-store-wrapped vault
    // has not been unlocked yet: the factor is inside the wrapped bytes).
    [[nodiscard]] unsigned workFactor() const { return workFactor_; }
    [[nodiscard]] VaultProtection protection() const { return protection_; }

    // Opens the identity with `passphrase`. Refused with RateLimited while a delay from
    // earlier failures runs; each failure doubles the delay (persisted in the directory).
    // A wrapped vault is unwrapped first (KeyRefused, KeyLost; not a failed attempt, nothing
    // written). A passphrase-only vault is wrapped once unlocked when the options' key store
    // protects at rest (the migration); if that wrap fails it stays as it was, and is tried
    // again at the next unlock.
    [[nodiscard]] VaultResult<void> unlock(std::string_view passphrase);
    // Wipes the identity and the field key from memory.
    void lock();
    [[nodiscard]] bool isUnlocked() const { return identity_ != nullptr; }

    // The identity while unlocked, nullptr while locked.
    [[nodiscard]] const X25519Identity* identity() const { return identity_.get(); }
    // The sealer for personal fields. Lives as long as the vault; fails with
    // SealError::Locked while the vault is locked.
    [[nodiscard]] const FieldSealer& fieldSealer() const { return sealer_; }

    // Re-wraps the identity under `newPassphrase` (same work factor), atomically: nothing
    // encrypted to the vault changes. Checks `oldPassphrase` like unlock() does.
    [[nodiscard]] VaultResult<void> changePassphrase(std::string_view oldPassphrase,
                                                     std::string_view newPassphrase);

    // The delay before attempt number `failures + 1`, after `failures` failed ones.
    [[nodiscard]] static std::chrono::seconds delayAfterFailures(unsigned failures);
    // Failed attempts recorded since the last success.
    [[nodiscard]] unsigned failedAttempts() const;

private:
    Vault(std::filesystem::path directory, X25519Recipient recipient, unsigned workFactor,
          VaultOptions options);
    [[nodiscard]] std::chrono::system_clock::time_point now() const;
    [[nodiscard]] VaultResult<X25519Identity> openIdentity(std::string_view passphrase);
    // The identity file as the key store leaves it: the age file itself, or unwrapped.
    [[nodiscard]] VaultResult<std::vector<std::uint8_t>> readSealedIdentity();
    // What to write as the identity file for `sealed` (wrapped when the key store protects).
    [[nodiscard]] VaultResult<std::vector<std::uint8_t>>
    storedIdentity(std::span<const std::uint8_t> sealed);
    void wrapIfKeyStoreProtects();
    void becomeUnlocked(X25519Identity identity);

    std::filesystem::path directory_;
    X25519Recipient recipient_;
    unsigned workFactor_;
    VaultProtection protection_ = VaultProtection::Passphrase;
    VaultOptions options_;
    std::unique_ptr<X25519Identity> identity_;
    AeadFieldSealer sealer_;
};

// Picks the scrypt work factor for which one derivation takes about `target` here.
[[nodiscard]] unsigned calibrateScryptWorkFactor(std::chrono::milliseconds target);

} // namespace amicus::crypto
