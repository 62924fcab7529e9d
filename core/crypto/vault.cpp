#include "crypto/vault.h"

#include "common/durable_file.h"
#include "common/write_all.h"
#include "crypto/age_reader.h"
#include "crypto/age_writer.h"
#include "crypto/primitives.h"
#include "crypto/random.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::crypto {

namespace fs = std::filesystem;

namespace {

// The info label of the field-sealing key: a fixed, versioned name so the key can never
// collide with another use of the identity secret.
constexpr std::string_view fieldKeyInfo = "amicus.vault/v1 field sealer";
constexpr unsigned minimumWorkFactor = 14;
constexpr std::chrono::seconds maximumDelay{3600};

VaultFailure failure(VaultError code, std::string detail)
{
    return VaultFailure{code, std::move(detail), {}};
}

VaultFailure ioFailure(const std::string& what)
{
    return failure(VaultError::Io, what + ": " + std::strerror(errno));
}

VaultResult<std::string> readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail(failure(VaultError::Io, "cannot read " + path.string()));
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

VaultFailure fileFailure(const FileFailure& failed, const fs::path& path)
{
    errno = failed.errorNumber;
    return ioFailure(std::string(failed.step) + " " + path.string());
}

VaultResult<void> syncDirectory(const fs::path& directory)
{
    if (auto failed = amicus::syncDirectory(directory)) {
        return fail(fileFailure(*failed, directory));
    }
    return {};
}

VaultResult<void> writeAll(int fd, std::span<const std::uint8_t> bytes, const fs::path& path)
{
    if (!amicus::writeAll(fd, bytes)) {
        return fail(ioFailure("write " + path.string()));
    }
    return {};
}

// Replaces `path` with `bytes` so that a crash leaves either the old or the new file.
VaultResult<void> writeFileAtomically(const fs::path& path, std::span<const std::uint8_t> bytes)
{
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (auto failed = replaceFileDurably(path, text)) {
        return fail(fileFailure(*failed, path));
    }
    return {};
}

VaultResult<void> writeTextAtomically(const fs::path& path, std::string_view text)
{
    return writeFileAtomically(
        path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

// Overwrites a file in place with random bytes, syncs, then deletes it.
VaultResult<void> shred(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return {};
    }
    const auto size = fs::file_size(path, ec);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return fail(ioFailure("open " + path.string()));
    }
    std::vector<std::uint8_t> noise(ec ? 0 : static_cast<std::size_t>(size));
    VaultResult<void> overwritten;
    if (!fillRandom(noise)) {
        overwritten = fail(failure(VaultError::Backend, "random"));
    } else {
        overwritten = writeAll(fd, noise, path);
    }
    if (overwritten && ::fsync(fd) != 0) {
        overwritten = fail(ioFailure("fsync " + path.string()));
    }
    ::close(fd);
    if (::unlink(path.c_str()) != 0) {
        return fail(ioFailure("unlink " + path.string()));
    }
    return overwritten;
}

// A sink for a small secret plaintext: a fixed buffer, wiped on destruction.
class SecretSink : public ByteSink {
public:
    SecretSink() : bytes_(4096) {}
    Result<void, IoError> write(std::span<const std::uint8_t> bytes) override
    {
        if (size_ + bytes.size() > bytes_.size()) {
            return fail(IoError{EFBIG, "identity file too large"});
        }
        std::memcpy(bytes_.data() + size_, bytes.data(), bytes.size());
        size_ += bytes.size();
        return {};
    }
    std::string_view text() const { return {reinterpret_cast<const char*>(bytes_.data()), size_}; }

private:
    SecretBytes bytes_;
    std::size_t size_ = 0;
};

struct ThrottleState {
    unsigned failures = 0;
    std::chrono::system_clock::time_point nextAllowed{};
};

ThrottleState loadThrottle(const fs::path& path)
{
    ThrottleState state;
    std::ifstream in(path);
    std::string key;
    long long value = 0;
    while (in >> key >> value) {
        if (key == "failures" && value >= 0) {
            state.failures = static_cast<unsigned>(std::min<long long>(value, 1000));
        } else if (key == "next-allowed-ms") {
            state.nextAllowed =
                std::chrono::system_clock::time_point(std::chrono::milliseconds(value));
        }
    }
    return state;
}

VaultResult<void> saveThrottle(const fs::path& path, const ThrottleState& state)
{
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(state.nextAllowed.time_since_epoch())
            .count();
    return writeTextAtomically(path, "failures " + std::to_string(state.failures) +
                                         "\nnext-allowed-ms " + std::to_string(ms) + "\n");
}

VaultResult<std::vector<std::uint8_t>> sealIdentity(const X25519Identity& identity,
                                                    std::string_view passphrase,
                                                    unsigned workFactor,
                                                    std::chrono::system_clock::time_point created)
{
    std::string text = formatIdentityFile(identity, created);
    ScryptRecipient recipient(passphrase, workFactor);
    const AgeRecipient* recipients[] = {&recipient};
    MemorySource source(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    VectorSink sink;
    auto encrypted = ageEncrypt(source, recipients, sink);
    wipe(text.data(), text.size());
    if (!encrypted) {
        return fail(failure(VaultError::Backend, encrypted.error().detail));
    }
    return sink.take();
}

// An identity file is a few hundred bytes; anything much larger was not written by a vault.
constexpr std::size_t maximumIdentityFileSize = 64 * 1024;

VaultResult<std::vector<std::uint8_t>> readIdentityFile(const fs::path& path)
{
    auto text = readFile(path);
    if (!text) {
        return fail(text.error());
    }
    if (text->size() > maximumIdentityFileSize) {
        return fail(failure(VaultError::Corrupt, "the vault identity file is too large"));
    }
    return std::vector<std::uint8_t>(text->begin(), text->end());
}

bool isKeyStoreWrapped(std::span<const std::uint8_t> file)
{
    const std::string_view line = Vault::keyStoreWrappedLine;
    return file.size() >= line.size() &&
           std::equal(line.begin(), line.end(), file.begin(),
                      [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

// The scrypt work factor of a passphrase-sealed identity (its one scrypt stanza).
VaultResult<unsigned> scryptWorkFactorOf(std::span<const std::uint8_t> sealed)
{
    MemorySource memory(sealed);
    BufferedSource buffered(memory);
    auto header = parseAgeHeader(buffered);
    if (!header || header->stanzas.size() != 1 || header->stanzas[0].type != "scrypt" ||
        header->stanzas[0].args.size() != 2) {
        return fail(failure(VaultError::Corrupt, "the vault identity file is not valid"));
    }
    const std::string& factorText = header->stanzas[0].args[1];
    unsigned workFactor = 0;
    for (char c : factorText) {
        if (c < '0' || c > '9' || workFactor > 100) {
            return fail(failure(VaultError::Corrupt, "bad work factor"));
        }
        workFactor = workFactor * 10 + static_cast<unsigned>(c - '0');
    }
    return workFactor;
}

VaultFailure keyWrapFailure(const KeyWrapFailure& failed)
{
    switch (failed.code) {
    case KeyWrapError::Refused:
        return failure(VaultError::KeyRefused, "key store: " + failed.detail);
    case KeyWrapError::Invalidated:
        return failure(VaultError::KeyLost, "key store: " + failed.detail);
    case KeyWrapError::Corrupt:
        return failure(VaultError::Corrupt, "key store: " + failed.detail);
    case KeyWrapError::Backend:
        break;
    }
    return failure(VaultError::Backend, "key store: " + failed.detail);
}

bool keyStoreProtects(const VaultOptions& options)
{
    return options.keyWrap != nullptr && options.keyWrap->protectsAtRest();
}

} // namespace

std::chrono::seconds Vault::delayAfterFailures(unsigned failures)
{
    if (failures == 0) {
        return std::chrono::seconds(0);
    }
    if (failures > 12) {
        return maximumDelay;
    }
    return std::min(maximumDelay, std::chrono::seconds(1LL << (failures - 1)));
}

unsigned calibrateScryptWorkFactor(std::chrono::milliseconds target)
{
    // Time one derivation at a modest cost and scale: scrypt's time doubles with each step.
    constexpr unsigned probe = 14;
    const std::uint8_t password[] = {'c', 'a', 'l', 'i', 'b', 'r', 'a', 't', 'e'};
    const std::uint8_t salt[16] = {};
    const auto start = std::chrono::steady_clock::now();
    auto derived = scrypt(password, salt, probe, 8, 1, 32);
    const auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!derived || elapsed <= 0.0) {
        return ageDefaultScryptWorkFactor;
    }
    const double steps = std::log2(static_cast<double>(target.count()) / elapsed);
    const long chosen = static_cast<long>(probe) + std::lround(steps);
    return static_cast<unsigned>(
        std::clamp<long>(chosen, minimumWorkFactor, static_cast<long>(ageMaxScryptWorkFactor)));
}

Vault::Vault(fs::path directory, X25519Recipient recipient, unsigned workFactor,
             VaultOptions options)
    : directory_(std::move(directory)), recipient_(std::move(recipient)), workFactor_(workFactor),
      options_(std::move(options))
{
}

Vault::~Vault()
{
    lock();
}

std::chrono::system_clock::time_point Vault::now() const
{
    return options_.clock ? options_.clock() : std::chrono::system_clock::now();
}

bool Vault::exists(const fs::path& directory)
{
    std::error_code ec;
    return fs::exists(directory / identityFileName, ec);
}

VaultResult<std::unique_ptr<Vault>> Vault::create(const fs::path& directory,
                                                  std::string_view passphrase, VaultOptions options)
{
    if (exists(directory)) {
        return fail(failure(VaultError::AlreadyExists, directory.string()));
    }
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec) {
        return fail(failure(VaultError::Io, "create " + directory.string() + ": " + ec.message()));
    }
    fs::permissions(directory, fs::perms::owner_all, ec);

    const unsigned workFactor = options.scryptWorkFactor
                                    ? *options.scryptWorkFactor
                                    : calibrateScryptWorkFactor(options.unlockTarget);
    if (workFactor < 1 || workFactor > ageMaxScryptWorkFactor) {
        return fail(failure(VaultError::Backend, "scrypt work factor out of range"));
    }
    auto identity = X25519Identity::generate();
    if (!identity) {
        return fail(failure(VaultError::Backend, identity.error().detail));
    }
    std::unique_ptr<Vault> vault(
        new Vault(directory, identity->recipient(), workFactor, std::move(options)));
    auto sealed = sealIdentity(*identity, passphrase, workFactor, vault->now());
    if (!sealed) {
        return fail(sealed.error());
    }
    // Wrapped before anything is written: a key store that declines leaves no vault behind.
    auto stored = vault->storedIdentity(*sealed);
    if (!stored) {
        return fail(stored.error());
    }
    // The recipient first: the vault exists once the identity file does.
    if (auto w = writeTextAtomically(directory / recipientFileName,
                                     identity->recipient().toString() + "\n");
        !w) {
        return fail(w.error());
    }
    if (auto w = writeFileAtomically(directory / identityFileName, *stored); !w) {
        return fail(w.error());
    }
    if (keyStoreProtects(vault->options_)) {
        vault->protection_ = VaultProtection::PassphraseAndKeyStore;
    }
    vault->becomeUnlocked(std::move(*identity));
    return vault;
}

VaultResult<std::unique_ptr<Vault>> Vault::open(const fs::path& directory, VaultOptions options)
{
    if (!exists(directory)) {
        return fail(failure(VaultError::NotFound, directory.string()));
    }
    auto recipientText = readFile(directory / recipientFileName);
    if (!recipientText) {
        return fail(failure(VaultError::Corrupt, recipientText.error().detail));
    }
    std::string_view line = *recipientText;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    auto recipient = X25519Recipient::parse(line);
    if (!recipient) {
        return fail(failure(VaultError::Corrupt, "the vault recipient file is not valid"));
    }
    auto identityFile = readIdentityFile(directory / identityFileName);
    if (!identityFile) {
        return fail(identityFile.error());
    }
    std::unique_ptr<Vault> vault(
        new Vault(directory, std::move(*recipient), 0, std::move(options)));
    if (isKeyStoreWrapped(*identityFile)) {
        // The work factor is inside the wrapped bytes: known once unlocked.
        vault->protection_ = VaultProtection::PassphraseAndKeyStore;
        return vault;
    }
    // The work factor is the one in the identity file's scrypt stanza.
    auto workFactor = scryptWorkFactorOf(*identityFile);
    if (!workFactor) {
        return fail(workFactor.error());
    }
    vault->workFactor_ = *workFactor;
    return vault;
}

VaultResult<std::vector<std::uint8_t>> Vault::readSealedIdentity()
{
    auto file = readIdentityFile(directory_ / identityFileName);
    if (!file) {
        return fail(file.error());
    }
    if (!isKeyStoreWrapped(*file)) {
        protection_ = VaultProtection::Passphrase;
        return file;
    }
    protection_ = VaultProtection::PassphraseAndKeyStore;
    if (!keyStoreProtects(options_)) {
        return fail(failure(VaultError::KeyLost, "wrapped by a key store this device lacks"));
    }
    const auto wrapped = std::span(*file).subspan(keyStoreWrappedLine.size());
    auto sealed = options_.keyWrap->unwrap(wrapped);
    if (!sealed) {
        return fail(keyWrapFailure(sealed.error()));
    }
    auto workFactor = scryptWorkFactorOf(*sealed);
    if (!workFactor) {
        return fail(workFactor.error());
    }
    workFactor_ = *workFactor;
    return std::move(*sealed);
}

VaultResult<std::vector<std::uint8_t>> Vault::storedIdentity(std::span<const std::uint8_t> sealed)
{
    if (!keyStoreProtects(options_)) {
        return std::vector<std::uint8_t>(sealed.begin(), sealed.end());
    }
    auto wrapped = options_.keyWrap->wrap(sealed);
    if (!wrapped) {
        return fail(keyWrapFailure(wrapped.error()));
    }
    std::vector<std::uint8_t> stored(keyStoreWrappedLine.begin(), keyStoreWrappedLine.end());
    stored.insert(stored.end(), wrapped->begin(), wrapped->end());
    return stored;
}

void Vault::wrapIfKeyStoreProtects()
{
    if (protection_ != VaultProtection::Passphrase || !keyStoreProtects(options_)) {
        return;
    }
    auto sealed = readIdentityFile(directory_ / identityFileName);
    if (!sealed || isKeyStoreWrapped(*sealed)) {
        return;
    }
    auto stored = storedIdentity(*sealed);
    if (stored && writeFileAtomically(directory_ / identityFileName, *stored)) {
        protection_ = VaultProtection::PassphraseAndKeyStore;
    }
}

VaultResult<X25519Identity> Vault::openIdentity(std::string_view passphrase)
{
    const fs::path throttlePath = directory_ / throttleFileName;
    ThrottleState throttle = loadThrottle(throttlePath);
    const auto current = now();
    if (current < throttle.nextAllowed) {
        return fail(VaultFailure{VaultError::RateLimited, "too many failed attempts",
                                 throttle.nextAllowed});
    }
    // The key store first: it does not depend on the passphrase, so declining or a lost key
    // is no guess (nothing is counted, nothing written).
    auto sealed = readSealedIdentity();
    if (!sealed) {
        return fail(sealed.error());
    }
    // Count the attempt as failed before trying, so killing the app mid-attempt (or pulling
    // the battery) does not earn a free guess; success clears it.
    ThrottleState pessimistic{throttle.failures + 1,
                              current + delayAfterFailures(throttle.failures + 1)};
    if (auto saved = saveThrottle(throttlePath, pessimistic); !saved) {
        return fail(saved.error());
    }

    MemorySource source(*sealed);
    ScryptIdentity scryptIdentity(passphrase);
    const AgeIdentity* identities[] = {&scryptIdentity};
    SecretSink sink;
    auto decrypted = ageDecrypt(source, identities, sink);
    if (!decrypted) {
        if (decrypted.error().code == AgeErrorCode::NoMatchingIdentity) {
            return fail(failure(VaultError::WrongPassphrase, "wrong passphrase"));
        }
        if (decrypted.error().code == AgeErrorCode::Io) {
            return fail(failure(VaultError::Io, decrypted.error().detail));
        }
        return fail(failure(VaultError::Corrupt, decrypted.error().detail));
    }
    auto parsed = parseIdentityFile(sink.text());
    if (!parsed || parsed->size() != 1 || !(parsed->front().recipient() == recipient_)) {
        return fail(failure(VaultError::Corrupt, "identity does not match the vault recipient"));
    }
    if (auto saved = saveThrottle(throttlePath, ThrottleState{}); !saved) {
        return fail(saved.error());
    }
    return std::move(parsed->front());
}

unsigned Vault::failedAttempts() const
{
    return loadThrottle(directory_ / throttleFileName).failures;
}

void Vault::becomeUnlocked(X25519Identity identity)
{
    auto key = hkdfSha256(identity.secret(), {}, fieldKeyInfo, 32);
    if (key) {
        sealer_.setKey(key->span());
    }
    identity_ = std::make_unique<X25519Identity>(std::move(identity));
}

VaultResult<void> Vault::unlock(std::string_view passphrase)
{
    auto identity = openIdentity(passphrase);
    if (!identity) {
        return fail(identity.error());
    }
    becomeUnlocked(std::move(*identity));
    wrapIfKeyStoreProtects();
    return {};
}

void Vault::lock()
{
    sealer_.lock();
    identity_.reset(); // SecretBytes wipes the scalar
}

VaultResult<void> Vault::changePassphrase(std::string_view oldPassphrase,
                                          std::string_view newPassphrase)
{
    auto identity = openIdentity(oldPassphrase);
    if (!identity) {
        return fail(identity.error());
    }
    auto sealed = sealIdentity(*identity, newPassphrase, workFactor_, now());
    if (!sealed) {
        return fail(sealed.error());
    }
    auto stored = storedIdentity(*sealed);
    if (!stored) {
        return fail(stored.error());
    }
    if (auto written = writeFileAtomically(directory_ / identityFileName, *stored); !written) {
        return written;
    }
    protection_ = keyStoreProtects(options_) ? VaultProtection::PassphraseAndKeyStore
                                             : VaultProtection::Passphrase;
    return {};
}

VaultResult<void> Vault::erase(const fs::path& directory)
{
    // The identity first: once it is gone, every sealed field and attachment is noise.
    if (auto r = shred(directory / identityFileName); !r) {
        return r;
    }
    for (const char* name : {identityFileName, recipientFileName, throttleFileName}) {
        if (auto r = shred(directory / (std::string(name) + ".tmp")); !r) {
            return r;
        }
    }
    if (auto r = shred(directory / recipientFileName); !r) {
        return r;
    }
    if (auto r = shred(directory / throttleFileName); !r) {
        return r;
    }
    std::error_code ec;
    if (fs::exists(directory, ec)) {
        return syncDirectory(directory);
    }
    return {};
}

} // namespace amicus::crypto
