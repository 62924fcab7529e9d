// AgeWriter: encrypts a stream to age v1 recipients, push-style, in constant memory.
#pragma once

#include "common/result.h"
#include "crypto/age_error.h"
#include "crypto/age_keys.h"
#include "crypto/byte_stream.h"
#include "crypto/primitives.h"
#include "crypto/stream_control.h"

#include <memory>
#include <span>
#include <vector>

namespace amicus::crypto {

// What starts every age file: the encoded header and payload nonce, and the payload AEAD
// (ChaCha20-Poly1305 under the STREAM key) that seals its chunks.
struct AgeEncryptionStart {
    std::vector<std::uint8_t> headerAndNonce;
    ChaCha20Poly1305 payload;
};

// Makes a file key, wraps it for each recipient and derives the header MAC and payload key.
// Fails with InvalidRecipients when `recipients` is empty or mixes scrypt with others.
[[nodiscard]] Result<AgeEncryptionStart, AgeError>
beginAgeEncryption(std::span<const AgeRecipient* const> recipients);

// Writes the header at creation, then 64 KiB STREAM chunks as plaintext is pushed with
// write(); finish() seals the last chunk. Holds at most one chunk of plaintext.
class AgeWriter {
public:
    // Fails with InvalidRecipients when `recipients` is empty or mixes scrypt with others.
    [[nodiscard]] static Result<std::unique_ptr<AgeWriter>, AgeError>
    create(std::span<const AgeRecipient* const> recipients, ByteSink& sink,
           StreamControl control = {});
    ~AgeWriter();
    AgeWriter(const AgeWriter&) = delete;
    AgeWriter& operator=(const AgeWriter&) = delete;

    // Encrypts and writes what fills whole chunks; keeps the rest for the next call.
    [[nodiscard]] Result<void, AgeError> write(std::span<const std::uint8_t> plaintext);
    // Seals the final chunk. Without it the file is truncated and no reader will accept it.
    [[nodiscard]] Result<void, AgeError> finish();

private:
    AgeWriter(ByteSink& sink, ChaCha20Poly1305 aead, StreamControl control);
    Result<void, AgeError> sealChunk(std::span<const std::uint8_t> plaintext, bool last);

    ByteSink& sink_;
    ChaCha20Poly1305 aead_;
    StreamControl control_;
    std::vector<std::uint8_t> plain_;  // up to one chunk waiting for more data or finish()
    std::vector<std::uint8_t> sealed_; // output buffer, several chunks per sink write
    std::uint64_t counter_ = 0;
    std::uint64_t processed_ = 0;
    bool finished_ = false;
    bool failed_ = false;
};

// Reads `source` to its end and writes it encrypted to `sink`.
[[nodiscard]] Result<void, AgeError> ageEncrypt(ByteSource& source,
                                                std::span<const AgeRecipient* const> recipients,
                                                ByteSink& sink, StreamControl control = {});

} // namespace amicus::crypto

namespace amicus::crypto {

// Like ageEncrypt, but reads, seals and writes in three threads that overlap, for large files
// (the secretariat's CLI). `source` is used only by a reader thread and `sink` only by a writer
// thread, so each must tolerate being used from a thread other than the caller's. Memory stays
// constant: six 256 KiB blocks.
[[nodiscard]] Result<void, AgeError>
ageEncryptPipelined(ByteSource& source, std::span<const AgeRecipient* const> recipients,
                    ByteSink& sink, StreamControl control = {});

} // namespace amicus::crypto
