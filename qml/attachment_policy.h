// AttachmentPolicy: what a call's limits allow for the files of a submission — how many, which
// sizes are taken in, and when only a photo's smaller copy can be sent. Plain C++: the editor
// asks it, and the rule is tested on its own.
#pragma once

#include "calls/catalog.h"

#include <cstdint>

namespace amicus::app {

class AttachmentPolicy {
public:
    // The largest photo taken in when it is over the call's limit, to be sent as its smaller
    // copy (made at once; it is removed again if even that does not fit).
    static constexpr std::uint64_t largestPhotoBytes = 100ull << 20;

    AttachmentPolicy() = default; // no call: no limit
    explicit AttachmentPolicy(const calls::CallLimits& limits)
        : bytesPerAttachment_(limits.bytesPerAttachment),
          attachmentsPerSubmission_(limits.attachmentsPerSubmission)
    {
    }

    // The most a file sent may weigh (no limit: the largest value).
    [[nodiscard]] std::uint64_t bytesPerAttachment() const;
    // Whether one more file may be attached to a submission holding `attached` already.
    [[nodiscard]] bool allowsAnother(std::size_t attached) const;
    // The most a file may weigh to be taken in: the limit, or for a photo that can be sent as
    // a smaller copy at least largestPhotoBytes.
    [[nodiscard]] std::uint64_t largestImport(bool canSendSmaller) const;
    // True when a file of `size` bytes can only be sent as its smaller copy.
    [[nodiscard]] bool onlySmallerCopyFits(std::uint64_t size) const
    {
        return size > bytesPerAttachment();
    }

private:
    std::uint64_t bytesPerAttachment_ = 0;       // 0: no limit
    std::uint64_t attachmentsPerSubmission_ = 0; // 0: no limit
};

} // namespace amicus::app
