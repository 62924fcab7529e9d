#include "attachment_policy.h"

#include <algorithm>
#include <limits>

namespace amicus::app {

std::uint64_t AttachmentPolicy::bytesPerAttachment() const
{
    return bytesPerAttachment_ > 0 ? bytesPerAttachment_
                                   : std::numeric_limits<std::uint64_t>::max();
}

bool AttachmentPolicy::allowsAnother(std::size_t attached) const
{
    return attachmentsPerSubmission_ == 0 || attached < attachmentsPerSubmission_;
}

std::uint64_t AttachmentPolicy::largestImport(bool canSendSmaller) const
{
    return canSendSmaller ? std::max(bytesPerAttachment(), largestPhotoBytes)
                          : bytesPerAttachment();
}

} // namespace amicus::app
