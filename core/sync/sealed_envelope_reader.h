// Reads a finalized submission's sealed envelope out of the outbox, checking as it goes that
// its bytes are the ones finalizing recorded (size and SHA-256). A damaged envelope makes a read
// fail instead of reaching the end, so whoever copies it out (to a folder, a content:// URL, a
// share sheet) can throw away what it wrote and keep nothing of it.
#pragma once

#include "common/result.h"
#include "crypto/sha256.h"
#include "sync/sealed_envelope_copy.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>

namespace amicus::sync {

class SealedEnvelopeReader {
public:
    // `sha256` is absent for an envelope sealed before the outbox kept its digest: then only its
    // size is checked.
    SealedEnvelopeReader(std::filesystem::path envelope, std::uint64_t size,
                         std::optional<crypto::Sha256Digest> sha256);
    ~SealedEnvelopeReader();
    SealedEnvelopeReader(const SealedEnvelopeReader&) = delete;
    SealedEnvelopeReader& operator=(const SealedEnvelopeReader&) = delete;

    // NotFound when the outbox no longer holds the envelope.
    [[nodiscard]] Result<void, EnvelopeCopyError> open();
    // Up to out.size() bytes of the envelope; 0 only once all of it was read and found to be
    // what finalizing recorded. Damaged as soon as it is longer than recorded, and at the end
    // when it is shorter or its digest differs.
    [[nodiscard]] Result<std::size_t, EnvelopeCopyError> read(std::span<std::uint8_t> out);

private:
    std::filesystem::path envelope_;
    std::uint64_t size_;
    std::optional<crypto::Sha256Digest> sha256_;
    crypto::Sha256 hasher_;
    std::uint64_t read_ = 0;
    int fd_ = -1;
    bool checked_ = false;
};

} // namespace amicus::sync
