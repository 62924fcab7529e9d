// LocalSharedFiles: the desktop's SharedFiles: file:// URLs of the local file system.
#pragma once

#include "shared_files.h"

namespace amicus::platform {

class LocalSharedFiles : public SharedFiles {
public:
    [[nodiscard]] bool canOpen(const QUrl& url) const override;
    [[nodiscard]] Result<SharedFile, SharedFileFailure> open(const QUrl& url) override;
};

} // namespace amicus::platform
