// DocumentExport: where documents exported from the app go (readable copies, NOT encrypted),
// and handing a finished one to the OS so the user can send it on (e-mail, messaging).
#pragma once

#include <QString>

namespace amicus::platform {

// The OS side of exporting a document. One implementation per OS, a fake for tests.
class DocumentExport {
public:
    DocumentExport() = default;
    DocumentExport(const DocumentExport&) = delete;
    DocumentExport& operator=(const DocumentExport&) = delete;
    virtual ~DocumentExport() = default;

    // The folder exports go to unless the user picks another: a folder the user can find
    // in their file manager (Documents on the desktop). It may not exist yet (the exporter
    // creates it). Empty when the OS offers none; the caller then asks the user for a folder.
    [[nodiscard]] virtual QString exportDirectory() const = 0;

    // True when share() can hand a file to the OS's share sheet (phones). False on the
    // desktop, where the user attaches the file from its folder.
    [[nodiscard]] virtual bool canShare() const = 0;

    // Offers the finished file at `path` (absolute, of media type `mediaType`) to the OS
    // share sheet. Returns false when nothing could be offered. The file stays where it is
    // either way; the caller keeps telling the user where.
    [[nodiscard]] virtual bool share(const QString& path, const QString& mediaType) = 0;
};

} // namespace amicus::platform
