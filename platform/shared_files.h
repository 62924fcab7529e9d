// SharedFiles: reading a file the user picked or shared into the app. The file picker and the
// OS's share sheet hand over a URL: file:// on the desktop, content:// on Android (read through
// the ContentResolver), a security-scoped file URL on iOS (docs/mobile.md). The app reads
// attachments only through this, never by turning the URL into a path itself.
#pragma once

#include "common/result.h"

#include <QIODevice>
#include <QString>
#include <QUrl>
#include <memory>

namespace amicus::platform {

enum class SharedFileError {
    Unsupported, // a URL this OS cannot open (content:// on the desktop, http://, empty)
    NotFound,    // nothing at that URL any more
    NotAFile,    // a folder, a device, a pipe
    NotReadable, // there, but this app may not read it
};

struct SharedFileFailure {
    SharedFileError code = SharedFileError::NotFound;
    QString detail;
};

// An opened shared file: a device positioned at its start, and what the OS says about it.
struct SharedFile {
    std::unique_ptr<QIODevice> device;
    QString displayName; // the name to show and keep (not a path; content:// has none)
    QString mediaType;   // e.g. "image/jpeg"; "application/octet-stream" when unknown
    qint64 size = -1;    // bytes; -1 when the OS does not say
};

// One implementation per OS, a fake for tests.
class SharedFiles {
public:
    SharedFiles() = default;
    SharedFiles(const SharedFiles&) = delete;
    SharedFiles& operator=(const SharedFiles&) = delete;
    virtual ~SharedFiles() = default;

    // True when `url` is of a kind this OS hands over (so a picker may offer it).
    [[nodiscard]] virtual bool canOpen(const QUrl& url) const = 0;
    // Opens `url` for reading.
    [[nodiscard]] virtual Result<SharedFile, SharedFileFailure> open(const QUrl& url) = 0;
};

} // namespace amicus::platform
