// The refused-upload record of `amicus-intake inbox`: OUT_DIR/refused.json lists every upload
// whose bytes were refused (a bomb, a tampered envelope, a package that is not what the app
// writes), by upload id, with the reason, so that later runs do not decrypt and unpack it
// again. `inbox --retry UPLOAD_ID` (or `--retry all`) takes an upload out of it for one run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace amicus::intake {

// One refused upload.
struct RefusedUpload {
    std::string submissionId;
    std::string reason;     // the inbox problem name, e.g. "sparse-entry"
    std::string detail;     // printable, for the officer
    std::uint64_t size = 0; // of the stored bytes: other bytes under the same id are read again
    std::string refusedAt;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

class RefusedUploads {
public:
    // Reads `file`; an absent file is an empty record, a damaged one is nullopt.
    [[nodiscard]] static std::optional<RefusedUploads> load(const std::filesystem::path& file);

    // The refusal of `uploadId` when its stored bytes still have the recorded size.
    [[nodiscard]] const RefusedUpload* find(const std::string& uploadId,
                                            std::uint64_t storedSize) const;
    void record(const std::string& uploadId, RefusedUpload refusal);
    // Forgets `uploadId`; true if it was there.
    bool forget(const std::string& uploadId);
    // Forgets every upload; returns how many.
    std::size_t forgetAll();
    [[nodiscard]] bool changed() const { return changed_; }
    [[nodiscard]] std::size_t size() const { return uploads_.size(); }
    // The file's text: {"refused": [{"upload_id": ..., "submission_id": ..., "reason": ...,
    // "detail": ..., "size": N, "refused_at": ...}, ...]}, sorted by upload id.
    [[nodiscard]] std::string text() const;

private:
    std::map<std::string, RefusedUpload> uploads_;
    bool changed_ = false;
};

} // namespace amicus::intake
