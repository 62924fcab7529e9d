#include "crypto/age_reader.h"

#include "crypto/age_stream_nonce.h"

#include <algorithm>
#include <cstring>

namespace amicus::crypto {

namespace {

AgeError backend(const char* what)
{
    return AgeError{AgeErrorCode::Backend, what};
}

} // namespace

AgeReader::AgeReader(ByteSource& source, StreamControl control)
    : raw_(source), control_(std::move(control))
{
}

AgeError AgeReader::classify(AgeError error) const
{
    if (error.code == AgeErrorCode::Io && armor_ && armor_->error()) {
        return *armor_->error();
    }
    return error;
}

AgeReader::~AgeReader()
{
    wipe(std::span(plain_));
}

Result<std::unique_ptr<AgeReader>, AgeError>
AgeReader::open(ByteSource& source, std::span<const AgeIdentity* const> identities,
                StreamControl control, AgeEncoding encoding)
{
    std::unique_ptr<AgeReader> reader(new AgeReader(source, std::move(control)));
    if (encoding == AgeEncoding::Detect) {
        // A binary file starts with its version line; armor may follow some whitespace.
        auto start = reader->raw_.peek(1100);
        if (!start) {
            return fail(AgeError{AgeErrorCode::Io, start.error().detail});
        }
        const std::string_view text(reinterpret_cast<const char*>(start->data()), start->size());
        const auto first = text.find_first_not_of(" \t\r\n");
        const bool armored = first != std::string_view::npos &&
                             text.substr(first).rfind(ageArmorBegin.substr(0, 10), 0) == 0;
        encoding = armored ? AgeEncoding::Armored : AgeEncoding::Binary;
    }
    if (encoding == AgeEncoding::Armored) {
        reader->armor_ = std::make_unique<AgeArmorDecoder>(reader->raw_);
        reader->decoded_ = std::make_unique<BufferedSource>(*reader->armor_);
        reader->source_ = reader->decoded_.get();
    }
    auto header = parseAgeHeader(*reader->source_);
    if (!header) {
        return fail(reader->classify(header.error()));
    }
    reader->header_ = std::move(*header);
    const auto& stanzas = reader->header_.stanzas;

    const bool hasScrypt = std::any_of(stanzas.begin(), stanzas.end(),
                                       [](const AgeStanza& s) { return s.type == "scrypt"; });
    if (hasScrypt && stanzas.size() != 1) {
        return fail(AgeError{AgeErrorCode::Header, "scrypt stanza must be the only stanza"});
    }

    std::optional<SecretBytes> fileKey;
    for (const AgeIdentity* identity : identities) {
        auto unwrapped = identity->unwrap(stanzas);
        if (!unwrapped) {
            return fail(unwrapped.error());
        }
        if (unwrapped->has_value()) {
            fileKey = std::move(*unwrapped);
            break;
        }
    }
    if (!fileKey) {
        return fail(AgeError{AgeErrorCode::NoMatchingIdentity, "no identity matched a recipient"});
    }

    auto macKey = hkdfSha256(fileKey->span(), {}, "header", 32);
    if (!macKey) {
        return fail(backend("HKDF"));
    }
    const std::string& macInput = reader->header_.macInput;
    auto mac =
        hmacSha256(macKey->span(), std::span(reinterpret_cast<const std::uint8_t*>(macInput.data()),
                                             macInput.size()));
    if (!mac) {
        return fail(backend("HMAC"));
    }
    if (!constantTimeEqual(*mac, reader->header_.mac)) {
        return fail(AgeError{AgeErrorCode::HeaderMac, "header MAC does not match"});
    }

    std::array<std::uint8_t, ageNonceSize> nonce{};
    auto got = reader->source_->readFull(nonce);
    if (!got) {
        return fail(reader->classify(AgeError{AgeErrorCode::Io, got.error().detail}));
    }
    if (*got != nonce.size()) {
        return fail(AgeError{AgeErrorCode::Truncated, "input ended inside the payload nonce"});
    }
    auto payloadKey = hkdfSha256(fileKey->span(), nonce, "payload", 32);
    if (!payloadKey) {
        return fail(backend("HKDF"));
    }
    auto aead = ChaCha20Poly1305::create(payloadKey->span());
    if (!aead) {
        return fail(backend("ChaCha20-Poly1305 setup"));
    }
    reader->aead_ = std::make_unique<ChaCha20Poly1305>(std::move(*aead));
    reader->sealed_.resize(ageSealedChunkSize + 1);
    reader->plain_.resize(ageChunkSize);
    return reader;
}

Result<void, AgeError> AgeReader::failWith(AgeError error)
{
    error_ = std::make_unique<AgeError>(error);
    wipe(std::span(plain_));
    plainOffset_ = plainSize_ = 0;
    return fail(std::move(error));
}

Result<void, AgeError> AgeReader::nextChunk()
{
    if (control_.isCancelled && control_.isCancelled()) {
        return failWith(AgeError{AgeErrorCode::Cancelled, "decryption cancelled"});
    }
    // Read one sealed chunk and one byte beyond it: that byte tells whether this chunk must
    // be the last one, which a full-size final chunk does not reveal by its length.
    auto got = source_->readFull(std::span(sealed_).subspan(carried_));
    if (!got) {
        return failWith(classify(AgeError{AgeErrorCode::Io, got.error().detail}));
    }
    const std::size_t available = carried_ + *got;
    const bool last = available <= ageSealedChunkSize;
    const std::size_t size = last ? available : ageSealedChunkSize;

    if (size == 0) {
        return failWith(AgeError{AgeErrorCode::Truncated, "payload has no chunk"});
    }
    if (size < ageTagSize) {
        return failWith(AgeError{AgeErrorCode::Payload, "payload chunk shorter than its tag"});
    }
    const std::size_t plainSize = size - ageTagSize;
    const auto sealed = std::span<const std::uint8_t>(sealed_).first(size);
    const auto out = std::span(plain_).first(plainSize);
    auto opened = aead_->open(ageStreamNonce(counter_, last), sealed, {}, out);
    if (!opened && opened.error() != CryptoError::Unauthentic) {
        return failWith(backend("ChaCha20-Poly1305 open"));
    }
    if (!opened && size == ageSealedChunkSize) {
        // A full chunk authenticates under exactly one of the two flags. If it is the other
        // one, its plaintext is still authentic and is released, and the stream fails right
        // after it, as the reference implementation does: cut after a non-final chunk
        // (truncated), or data after a final one.
        if (aead_->open(ageStreamNonce(counter_, !last), sealed, {}, out)) {
            pendingError_ = std::make_unique<AgeError>(
                last ? AgeError{AgeErrorCode::Truncated, "input ended before the last chunk"}
                     : AgeError{AgeErrorCode::Payload, "data after the last chunk"});
            opened = {};
        }
    }
    if (!opened) {
        return failWith(AgeError{AgeErrorCode::Payload, "payload chunk failed to authenticate"});
    }
    if (last && plainSize == 0 && counter_ > 0) {
        return failWith(AgeError{AgeErrorCode::Payload, "empty last chunk after data"});
    }

    ++counter_;
    plainOffset_ = 0;
    plainSize_ = plainSize;
    if (last) {
        done_ = true;
        carried_ = 0;
    } else {
        sealed_[0] = sealed_[ageSealedChunkSize];
        carried_ = 1;
    }
    return {};
}

Result<std::size_t, AgeError> AgeReader::read(std::span<std::uint8_t> out)
{
    if (error_) {
        return fail(*error_);
    }
    while (plainOffset_ == plainSize_) {
        if (pendingError_) {
            auto error = std::move(*pendingError_);
            pendingError_.reset();
            return fail(failWith(std::move(error)).error());
        }
        if (done_) {
            return std::size_t{0};
        }
        if (auto r = nextChunk(); !r) {
            return fail(r.error());
        }
        if (!done_ && plainSize_ == 0) {
            continue;
        }
        break;
    }
    const std::size_t n = std::min(out.size(), plainSize_ - plainOffset_);
    std::memcpy(out.data(), plain_.data() + plainOffset_, n);
    plainOffset_ += n;
    released_ += n;
    if (plainOffset_ == plainSize_ && control_.onProgress) {
        control_.onProgress(released_);
    }
    return n;
}

Result<void, AgeError> ageDecrypt(ByteSource& source,
                                  std::span<const AgeIdentity* const> identities, ByteSink& sink,
                                  StreamControl control, AgeEncoding encoding)
{
    auto reader = AgeReader::open(source, identities, std::move(control), encoding);
    if (!reader) {
        return fail(reader.error());
    }
    std::vector<std::uint8_t> buffer(ageChunkSize);
    Result<void, AgeError> outcome;
    while (true) {
        auto n = (*reader)->read(buffer);
        if (!n) {
            outcome = fail(n.error());
            break;
        }
        if (*n == 0) {
            break;
        }
        if (auto w = sink.write(std::span(buffer).first(*n)); !w) {
            outcome = fail(AgeError{AgeErrorCode::Io, w.error().detail});
            break;
        }
    }
    wipe(std::span(buffer));
    return outcome;
}

} // namespace amicus::crypto
