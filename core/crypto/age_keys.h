// age recipients and identities: X25519 (`age1…` / `AGE-SECRET-KEY-1…`, age-keygen's identity
// file format) and scrypt passphrases, behind the two interfaces the writer and reader use.
#pragma once

#include "common/result.h"
#include "crypto/age_error.h"
#include "crypto/age_format.h"
#include "crypto/secret_bytes.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace amicus::crypto {

// Someone a file can be encrypted to: wraps the file key into header stanzas.
class AgeRecipient {
public:
    virtual ~AgeRecipient() = default;
    // Returns the stanzas that carry `fileKey` (16 bytes) to this recipient.
    [[nodiscard]] virtual Result<std::vector<AgeStanza>, AgeError>
    wrap(std::span<const std::uint8_t> fileKey) const = 0;
    // True for recipients that must be the only one in a file (scrypt), as age.md demands.
    [[nodiscard]] virtual bool mustBeAlone() const { return false; }
};

// Someone who can decrypt: finds and unwraps their stanza among a header's.
class AgeIdentity {
public:
    virtual ~AgeIdentity() = default;
    // Returns the file key if a stanza addressed to this identity opens; std::nullopt if no
    // stanza does; AgeErrorCode::Header if a stanza of this identity's type is malformed.
    [[nodiscard]] virtual Result<std::optional<SecretBytes>, AgeError>
    unwrap(std::span<const AgeStanza> stanzas) const = 0;
};

// An X25519 public key, `age1…` in Bech32.
class X25519Recipient : public AgeRecipient {
public:
    [[nodiscard]] static Result<X25519Recipient, AgeError> parse(std::string_view text);
    [[nodiscard]] static X25519Recipient fromRaw(const std::array<std::uint8_t, 32>& publicKey)
    {
        return X25519Recipient(publicKey);
    }
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] const std::array<std::uint8_t, 32>& raw() const { return publicKey_; }
    [[nodiscard]] Result<std::vector<AgeStanza>, AgeError>
    wrap(std::span<const std::uint8_t> fileKey) const override;

    friend bool operator==(const X25519Recipient& a, const X25519Recipient& b)
    {
        return a.publicKey_ == b.publicKey_;
    }

private:
    explicit X25519Recipient(const std::array<std::uint8_t, 32>& publicKey) : publicKey_(publicKey)
    {
    }
    std::array<std::uint8_t, 32> publicKey_;
};

// An X25519 secret key, `AGE-SECRET-KEY-1…` in Bech32; wiped when destroyed.
class X25519Identity : public AgeIdentity {
public:
    [[nodiscard]] static Result<X25519Identity, AgeError> generate();
    [[nodiscard]] static Result<X25519Identity, AgeError> parse(std::string_view text);
    [[nodiscard]] static Result<X25519Identity, AgeError>
    fromSecret(std::span<const std::uint8_t> secret);

    // The Bech32 secret key string; treat it as the secret it is.
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] std::span<const std::uint8_t> secret() const { return secret_.span(); }
    [[nodiscard]] X25519Recipient recipient() const { return X25519Recipient::fromRaw(publicKey_); }
    [[nodiscard]] X25519Identity clone() const
    {
        return X25519Identity(secret_.clone(), publicKey_);
    }
    [[nodiscard]] Result<std::optional<SecretBytes>, AgeError>
    unwrap(std::span<const AgeStanza> stanzas) const override;

private:
    X25519Identity(SecretBytes secret, const std::array<std::uint8_t, 32>& publicKey)
        : secret_(std::move(secret)), publicKey_(publicKey)
    {
    }
    SecretBytes secret_;
    std::array<std::uint8_t, 32> publicKey_;
};

// The default and the largest accepted scrypt work factor (log2 N), as in the age CLI.
inline constexpr unsigned ageDefaultScryptWorkFactor = 18;
inline constexpr unsigned ageMaxScryptWorkFactor = 22;

// A passphrase recipient: the file key wrapped under scrypt(passphrase) with N = 2^workFactor.
class ScryptRecipient : public AgeRecipient {
public:
    ScryptRecipient(std::string_view passphrase, unsigned workFactor = ageDefaultScryptWorkFactor);
    [[nodiscard]] Result<std::vector<AgeStanza>, AgeError>
    wrap(std::span<const std::uint8_t> fileKey) const override;
    [[nodiscard]] bool mustBeAlone() const override { return true; }

private:
    SecretBytes passphrase_;
    unsigned workFactor_;
};

// A passphrase identity; refuses stanzas whose work factor exceeds `maxWorkFactor`.
class ScryptIdentity : public AgeIdentity {
public:
    explicit ScryptIdentity(std::string_view passphrase,
                            unsigned maxWorkFactor = ageMaxScryptWorkFactor);
    [[nodiscard]] Result<std::optional<SecretBytes>, AgeError>
    unwrap(std::span<const AgeStanza> stanzas) const override;

private:
    SecretBytes passphrase_;
    unsigned maxWorkFactor_;
};

// Parses an identity file as age-keygen writes it: one `AGE-SECRET-KEY-1…` per line, blank
// lines and `#` comments ignored. Fails if a line is anything else or there is no identity.
[[nodiscard]] Result<std::vector<X25519Identity>, AgeError>
parseIdentityFile(std::string_view text);

// Formats an identity the way age-keygen does: created time and public key comments, then
// the secret key line.
[[nodiscard]] std::string formatIdentityFile(const X25519Identity& identity,
                                             std::chrono::system_clock::time_point created);

} // namespace amicus::crypto
