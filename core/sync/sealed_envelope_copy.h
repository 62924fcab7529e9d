// The sealed envelope of a finalized submission, copied out of the outbox for the user to carry
// to the secretariat by hand (e-mail, messenger, USB stick) when no endpoint can be reached:
// the very bytes the endpoint would receive, age-encrypted to the secretariat, so only it can
// read them. `amicus-intake inbox --from-folder` takes such files (docs/secretariat.md).
#pragma once

#include "common/result.h"
#include "crypto/sha256.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace amicus::sync {

enum class EnvelopeCopyErrc {
    NotFound,   // the outbox no longer holds the envelope
    Damaged,    // its size or SHA-256 differs from what finalizing recorded
    BadName,    // the submission id is not one Amicus makes (no file name from it)
    WriteFailed // the destination could not be written (full, read-only, gone)
};

struct EnvelopeCopyError {
    EnvelopeCopyErrc code = EnvelopeCopyErrc::WriteFailed;
    std::string detail;
};

// "<submission id>.age": the name the endpoint is given too (tus metadata).
[[nodiscard]] std::string sealedEnvelopeFileName(const std::string& submissionId);

// Copies `envelope` into `directory` as sealedEnvelopeFileName(submissionId), checking while
// copying that its bytes are the `size` bytes of SHA-256 `sha256` finalizing recorded. The
// file appears whole or not at all (temporary, fsync, rename); an existing copy is replaced.
// Returns its path.
[[nodiscard]] Result<std::filesystem::path, EnvelopeCopyError>
copySealedEnvelope(const std::filesystem::path& envelope, std::uint64_t size,
                   const crypto::Sha256Digest& sha256, const std::string& submissionId,
                   const std::filesystem::path& directory);

} // namespace amicus::sync
