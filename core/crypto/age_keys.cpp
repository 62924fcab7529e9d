#include "crypto/age_keys.h"

#include "crypto/base64.h"
#include "crypto/bech32.h"
#include "crypto/primitives.h"
#include "crypto/random.h"

#include <ctime>

namespace amicus::crypto {

namespace {

constexpr std::string_view recipientHrp = "age";
constexpr std::string_view identityHrp = "AGE-SECRET-KEY-";
constexpr std::string_view x25519Label = "age-encryption.org/v1/X25519";
constexpr std::string_view scryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::size_t scryptSaltSize = 16;
constexpr std::size_t wrappedKeySize = ageFileKeySize + ChaCha20Poly1305::tagSize;

AgeError backend(const char* what)
{
    return AgeError{AgeErrorCode::Backend, what};
}

AgeError headerError(std::string detail)
{
    return AgeError{AgeErrorCode::Header, std::move(detail)};
}

// ChaCha20-Poly1305 with the all-zero nonce: each wrapping key is used exactly once.
Result<std::vector<std::uint8_t>, AgeError> sealFileKey(std::span<const std::uint8_t> wrapKey,
                                                        std::span<const std::uint8_t> fileKey)
{
    auto aead = ChaCha20Poly1305::create(wrapKey);
    if (!aead) {
        return fail(backend("ChaCha20-Poly1305 setup"));
    }
    const std::array<std::uint8_t, ChaCha20Poly1305::nonceSize> nonce{};
    std::vector<std::uint8_t> body(fileKey.size() + ChaCha20Poly1305::tagSize);
    if (!aead->seal(nonce, fileKey, {}, body)) {
        return fail(backend("ChaCha20-Poly1305 seal"));
    }
    return body;
}

// Returns the file key, or nullopt when the tag does not verify (not our stanza).
Result<std::optional<SecretBytes>, AgeError> openFileKey(std::span<const std::uint8_t> wrapKey,
                                                         std::span<const std::uint8_t> body)
{
    auto aead = ChaCha20Poly1305::create(wrapKey);
    if (!aead) {
        return fail(backend("ChaCha20-Poly1305 setup"));
    }
    const std::array<std::uint8_t, ChaCha20Poly1305::nonceSize> nonce{};
    SecretBytes fileKey(ageFileKeySize);
    auto opened = aead->open(nonce, body, {}, fileKey.mutableSpan());
    if (!opened) {
        if (opened.error() == CryptoError::Unauthentic) {
            return std::optional<SecretBytes>();
        }
        return fail(backend("ChaCha20-Poly1305 open"));
    }
    return std::optional<SecretBytes>(std::move(fileKey));
}

// age's work factor: decimal digits, no sign, no leading zero, 1..maxWorkFactor.
Result<unsigned, AgeError> parseWorkFactor(std::string_view text, unsigned maxWorkFactor)
{
    if (text.empty() || text.size() > 2 || text[0] == '0') {
        return fail(headerError("invalid scrypt work factor"));
    }
    unsigned value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return fail(headerError("invalid scrypt work factor"));
        }
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > maxWorkFactor) {
        return fail(headerError("scrypt work factor too large"));
    }
    return value;
}

} // namespace

Result<X25519Recipient, AgeError> X25519Recipient::parse(std::string_view text)
{
    auto decoded = bech32Decode(text);
    if (!decoded || decoded->hrp != recipientHrp || decoded->data.size() != 32) {
        return fail(AgeError{AgeErrorCode::InvalidKey, "not an age1 X25519 recipient"});
    }
    std::array<std::uint8_t, 32> raw{};
    std::copy(decoded->data.begin(), decoded->data.end(), raw.begin());
    return X25519Recipient(raw);
}

std::string X25519Recipient::toString() const
{
    return bech32Encode(recipientHrp, publicKey_, false);
}

Result<std::vector<AgeStanza>, AgeError>
X25519Recipient::wrap(std::span<const std::uint8_t> fileKey) const
{
    SecretBytes ephemeral(32);
    if (!fillRandom(ephemeral.mutableSpan())) {
        return fail(backend("random"));
    }
    auto share = x25519PublicKey(ephemeral.span());
    if (!share) {
        return fail(backend("X25519 public key"));
    }
    auto shared = x25519(ephemeral.span(), publicKey_);
    if (!shared) {
        return fail(AgeError{AgeErrorCode::InvalidKey, "recipient is a low-order point"});
    }
    std::array<std::uint8_t, 64> salt{};
    std::copy(share->begin(), share->end(), salt.begin());
    std::copy(publicKey_.begin(), publicKey_.end(), salt.begin() + 32);
    auto wrapKey = hkdfSha256(*shared, salt, x25519Label, 32);
    wipe(std::span(*shared));
    if (!wrapKey) {
        return fail(backend("HKDF"));
    }
    auto body = sealFileKey(wrapKey->span(), fileKey);
    if (!body) {
        return fail(body.error());
    }
    AgeStanza stanza{"X25519", {base64Encode(*share, Base64Padding::Unpadded)}, std::move(*body)};
    return std::vector<AgeStanza>{std::move(stanza)};
}

Result<X25519Identity, AgeError> X25519Identity::generate()
{
    SecretBytes secret(32);
    if (!fillRandom(secret.mutableSpan())) {
        return fail(backend("random"));
    }
    return fromSecret(secret.span());
}

Result<X25519Identity, AgeError> X25519Identity::fromSecret(std::span<const std::uint8_t> secret)
{
    if (secret.size() != 32) {
        return fail(AgeError{AgeErrorCode::InvalidKey, "X25519 secret must be 32 bytes"});
    }
    auto publicKey = x25519PublicKey(secret);
    if (!publicKey) {
        return fail(backend("X25519 public key"));
    }
    return X25519Identity(SecretBytes(secret), *publicKey);
}

Result<X25519Identity, AgeError> X25519Identity::parse(std::string_view text)
{
    auto decoded = bech32Decode(text);
    if (!decoded || decoded->hrp != identityHrp || decoded->data.size() != 32) {
        if (decoded) {
            wipe(std::span(decoded->data));
        }
        return fail(AgeError{AgeErrorCode::InvalidKey, "not an AGE-SECRET-KEY-1 identity"});
    }
    auto identity = fromSecret(decoded->data);
    wipe(std::span(decoded->data));
    return identity;
}

std::string X25519Identity::toString() const
{
    return bech32Encode(identityHrp, secret_.span(), true);
}

Result<std::optional<SecretBytes>, AgeError>
X25519Identity::unwrap(std::span<const AgeStanza> stanzas) const
{
    for (const auto& stanza : stanzas) {
        if (stanza.type != "X25519") {
            continue;
        }
        if (stanza.args.size() != 1) {
            return fail(headerError("X25519 stanza needs exactly one argument"));
        }
        auto share = base64Decode(stanza.args[0], Base64Padding::Unpadded);
        if (!share || share->size() != 32) {
            return fail(headerError("X25519 share is not 32 bytes of canonical base64"));
        }
        if (stanza.body.size() != wrappedKeySize) {
            return fail(headerError("X25519 stanza body has the wrong size"));
        }
        auto shared = x25519(secret_.span(), *share);
        if (!shared) {
            return fail(headerError("X25519 share is a low-order point"));
        }
        std::array<std::uint8_t, 64> salt{};
        std::copy(share->begin(), share->end(), salt.begin());
        std::copy(publicKey_.begin(), publicKey_.end(), salt.begin() + 32);
        auto wrapKey = hkdfSha256(*shared, salt, x25519Label, 32);
        wipe(std::span(*shared));
        if (!wrapKey) {
            return fail(backend("HKDF"));
        }
        auto fileKey = openFileKey(wrapKey->span(), stanza.body);
        if (!fileKey) {
            return fail(fileKey.error());
        }
        if (fileKey->has_value()) {
            return std::move(*fileKey);
        }
    }
    return std::optional<SecretBytes>();
}

ScryptRecipient::ScryptRecipient(std::string_view passphrase, unsigned workFactor)
    : passphrase_(
          std::span(reinterpret_cast<const std::uint8_t*>(passphrase.data()), passphrase.size())),
      workFactor_(workFactor)
{
}

Result<std::vector<AgeStanza>, AgeError>
ScryptRecipient::wrap(std::span<const std::uint8_t> fileKey) const
{
    if (workFactor_ < 1 || workFactor_ > ageMaxScryptWorkFactor) {
        return fail(AgeError{AgeErrorCode::InvalidRecipients, "scrypt work factor out of range"});
    }
    std::array<std::uint8_t, scryptSaltSize> salt{};
    if (!fillRandom(salt)) {
        return fail(backend("random"));
    }
    std::vector<std::uint8_t> labelledSalt(scryptLabel.begin(), scryptLabel.end());
    labelledSalt.insert(labelledSalt.end(), salt.begin(), salt.end());
    auto wrapKey = scrypt(passphrase_.span(), labelledSalt, workFactor_, 8, 1, 32);
    if (!wrapKey) {
        return fail(backend("scrypt"));
    }
    auto body = sealFileKey(wrapKey->span(), fileKey);
    if (!body) {
        return fail(body.error());
    }
    AgeStanza stanza{"scrypt",
                     {base64Encode(salt, Base64Padding::Unpadded), std::to_string(workFactor_)},
                     std::move(*body)};
    return std::vector<AgeStanza>{std::move(stanza)};
}

ScryptIdentity::ScryptIdentity(std::string_view passphrase, unsigned maxWorkFactor)
    : passphrase_(
          std::span(reinterpret_cast<const std::uint8_t*>(passphrase.data()), passphrase.size())),
      maxWorkFactor_(maxWorkFactor)
{
}

Result<std::optional<SecretBytes>, AgeError>
ScryptIdentity::unwrap(std::span<const AgeStanza> stanzas) const
{
    for (const auto& stanza : stanzas) {
        if (stanza.type != "scrypt") {
            continue;
        }
        // A passphrase-encrypted file must have no other recipient: otherwise holders of the
        // other keys could swap the content of a file the user believes passphrase-only.
        if (stanzas.size() != 1) {
            return fail(headerError("scrypt stanza must be the only stanza"));
        }
        if (stanza.args.size() != 2) {
            return fail(headerError("scrypt stanza needs exactly two arguments"));
        }
        auto salt = base64Decode(stanza.args[0], Base64Padding::Unpadded);
        if (!salt || salt->size() != scryptSaltSize) {
            return fail(headerError("scrypt salt is not 16 bytes of canonical base64"));
        }
        auto workFactor = parseWorkFactor(stanza.args[1], maxWorkFactor_);
        if (!workFactor) {
            return fail(workFactor.error());
        }
        if (stanza.body.size() != wrappedKeySize) {
            return fail(headerError("scrypt stanza body has the wrong size"));
        }
        std::vector<std::uint8_t> labelledSalt(scryptLabel.begin(), scryptLabel.end());
        labelledSalt.insert(labelledSalt.end(), salt->begin(), salt->end());
        auto wrapKey = scrypt(passphrase_.span(), labelledSalt, *workFactor, 8, 1, 32);
        if (!wrapKey) {
            return fail(backend("scrypt"));
        }
        return openFileKey(wrapKey->span(), stanza.body);
    }
    return std::optional<SecretBytes>();
}

Result<std::vector<X25519Identity>, AgeError> parseIdentityFile(std::string_view text)
{
    std::vector<X25519Identity> identities;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        auto identity = X25519Identity::parse(line);
        if (!identity) {
            return fail(
                AgeError{AgeErrorCode::InvalidKey, "line " + std::to_string(lineNumber) +
                                                       " is not an AGE-SECRET-KEY-1 identity"});
        }
        identities.push_back(std::move(*identity));
    }
    if (identities.empty()) {
        return fail(AgeError{AgeErrorCode::InvalidKey, "no identity found"});
    }
    return identities;
}

std::string formatIdentityFile(const X25519Identity& identity,
                               std::chrono::system_clock::time_point created)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(created);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::string out = "# created: ";
    out += stamp;
    out += "\n# public key: ";
    out += identity.recipient().toString();
    out += '\n';
    out += identity.toString();
    out += '\n';
    return out;
}

} // namespace amicus::crypto
