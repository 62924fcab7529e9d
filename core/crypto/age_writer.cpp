#include "crypto/age_writer.h"

#include "crypto/age_format.h"
#include "crypto/age_stream_nonce.h"
#include "crypto/base64.h"
#include "crypto/random.h"

#include <algorithm>
#include <cstring>

namespace amicus::crypto {

namespace {

// Sealed chunks are gathered and handed to the sink a few at a time: fewer system calls,
// still a small constant amount of memory.
constexpr std::size_t chunksPerSinkWrite = 4;

AgeError backend(const char* what)
{
    return AgeError{AgeErrorCode::Backend, what};
}

} // namespace

AgeWriter::AgeWriter(ByteSink& sink, ChaCha20Poly1305 aead, StreamControl control)
    : sink_(sink), aead_(std::move(aead)), control_(std::move(control))
{
    plain_.reserve(ageChunkSize);
    sealed_.reserve(chunksPerSinkWrite * ageSealedChunkSize);
}

AgeWriter::~AgeWriter()
{
    wipe(plain_.data(), plain_.capacity());
}

Result<AgeEncryptionStart, AgeError>
beginAgeEncryption(std::span<const AgeRecipient* const> recipients)
{
    if (recipients.empty()) {
        return fail(AgeError{AgeErrorCode::InvalidRecipients, "no recipient"});
    }
    const bool anyAlone = std::any_of(recipients.begin(), recipients.end(),
                                      [](const AgeRecipient* r) { return r->mustBeAlone(); });
    if (anyAlone && recipients.size() != 1) {
        return fail(AgeError{AgeErrorCode::InvalidRecipients,
                             "a passphrase recipient cannot be combined with others"});
    }

    SecretBytes fileKey(ageFileKeySize);
    if (!fillRandom(fileKey.mutableSpan())) {
        return fail(backend("random"));
    }
    std::vector<AgeStanza> stanzas;
    for (const AgeRecipient* recipient : recipients) {
        auto wrapped = recipient->wrap(fileKey.span());
        if (!wrapped) {
            return fail(wrapped.error());
        }
        for (auto& stanza : *wrapped) {
            stanzas.push_back(std::move(stanza));
        }
    }

    std::string header = encodeAgeHeaderMacInput(stanzas);
    auto macKey = hkdfSha256(fileKey.span(), {}, "header", 32);
    if (!macKey) {
        return fail(backend("HKDF"));
    }
    auto mac =
        hmacSha256(macKey->span(),
                   std::span(reinterpret_cast<const std::uint8_t*>(header.data()), header.size()));
    if (!mac) {
        return fail(backend("HMAC"));
    }
    header += ' ';
    header += base64Encode(*mac, Base64Padding::Unpadded);
    header += '\n';

    std::array<std::uint8_t, ageNonceSize> nonce{};
    if (!fillRandom(nonce)) {
        return fail(backend("random"));
    }
    auto payloadKey = hkdfSha256(fileKey.span(), nonce, "payload", 32);
    if (!payloadKey) {
        return fail(backend("HKDF"));
    }
    auto aead = ChaCha20Poly1305::create(payloadKey->span());
    if (!aead) {
        return fail(backend("ChaCha20-Poly1305 setup"));
    }
    std::vector<std::uint8_t> prefix(header.begin(), header.end());
    prefix.insert(prefix.end(), nonce.begin(), nonce.end());
    return AgeEncryptionStart{std::move(prefix), std::move(*aead)};
}

Result<std::unique_ptr<AgeWriter>, AgeError>
AgeWriter::create(std::span<const AgeRecipient* const> recipients, ByteSink& sink,
                  StreamControl control)
{
    auto start = beginAgeEncryption(recipients);
    if (!start) {
        return fail(start.error());
    }
    if (auto w = sink.write(start->headerAndNonce); !w) {
        return fail(AgeError{AgeErrorCode::Io, w.error().detail});
    }
    return std::unique_ptr<AgeWriter>(
        new AgeWriter(sink, std::move(start->payload), std::move(control)));
}

Result<void, AgeError> AgeWriter::sealChunk(std::span<const std::uint8_t> plaintext, bool last)
{
    if (control_.isCancelled && control_.isCancelled()) {
        failed_ = true;
        return fail(AgeError{AgeErrorCode::Cancelled, "encryption cancelled"});
    }
    const auto nonce = ageStreamNonce(counter_, last);
    const std::size_t offset = sealed_.size();
    sealed_.resize(offset + plaintext.size() + ageTagSize);
    if (!aead_.seal(nonce, plaintext, {}, std::span(sealed_).subspan(offset))) {
        failed_ = true;
        return fail(backend("ChaCha20-Poly1305 seal"));
    }
    ++counter_;
    processed_ += plaintext.size();
    if (last || sealed_.size() + ageSealedChunkSize > sealed_.capacity()) {
        auto written = sink_.write(sealed_);
        sealed_.clear();
        if (!written) {
            failed_ = true;
            return fail(AgeError{AgeErrorCode::Io, written.error().detail});
        }
    }
    if (control_.onProgress) {
        control_.onProgress(processed_);
    }
    return {};
}

Result<void, AgeError> AgeWriter::write(std::span<const std::uint8_t> plaintext)
{
    if (finished_ || failed_) {
        return fail(AgeError{AgeErrorCode::Io, "writer already finished or failed"});
    }
    while (!plaintext.empty()) {
        // A full chunk is sealed as non-final only once more data shows it is not the last.
        if (plain_.size() == ageChunkSize) {
            if (auto r = sealChunk(plain_, false); !r) {
                return r;
            }
            plain_.clear();
        }
        if (plain_.empty() && plaintext.size() > ageChunkSize) {
            if (auto r = sealChunk(plaintext.first(ageChunkSize), false); !r) {
                return r;
            }
            plaintext = plaintext.subspan(ageChunkSize);
            continue;
        }
        const std::size_t take = std::min(ageChunkSize - plain_.size(), plaintext.size());
        plain_.insert(plain_.end(), plaintext.begin(),
                      plaintext.begin() + static_cast<std::ptrdiff_t>(take));
        plaintext = plaintext.subspan(take);
    }
    return {};
}

Result<void, AgeError> AgeWriter::finish()
{
    if (finished_ || failed_) {
        return fail(AgeError{AgeErrorCode::Io, "writer already finished or failed"});
    }
    auto r = sealChunk(plain_, true);
    wipe(std::span(plain_));
    plain_.clear();
    if (r) {
        finished_ = true;
    }
    return r;
}

Result<void, AgeError> ageEncrypt(ByteSource& source,
                                  std::span<const AgeRecipient* const> recipients, ByteSink& sink,
                                  StreamControl control)
{
    const auto size = source.remainingSize();
    auto writer = AgeWriter::create(recipients, sink, std::move(control));
    if (!writer) {
        return fail(writer.error());
    }
    if (size) {
        // The header is written; what remains is the payload.
        if (auto r = sink.reserve(agePayloadSize(*size)); !r) {
            return fail(AgeError{AgeErrorCode::Io, r.error().detail});
        }
    }
    std::vector<std::uint8_t> buffer(4 * ageChunkSize);
    while (true) {
        auto n = source.read(buffer);
        if (!n) {
            wipe(std::span(buffer));
            return fail(AgeError{AgeErrorCode::Io, n.error().detail});
        }
        if (*n == 0) {
            break;
        }
        if (auto w = (*writer)->write(std::span(buffer).first(*n)); !w) {
            wipe(std::span(buffer));
            return w;
        }
    }
    wipe(std::span(buffer));
    return (*writer)->finish();
}

} // namespace amicus::crypto
