// A draft's readable layout as a document to read or forward: ODF text, or an A4 PDF. Documents
// are text only, so they are made in memory. Thread-safe: it touches no shared state (the
// export runs it on a worker thread). Qt's text engine does the work, so it lives with the app,
// not in core/.
#pragma once

#include <QByteArray>
#include <QString>

namespace amicus::package {
struct ReadableLayout;
}

namespace amicus::app {

enum class DocumentFormat { Odt, Pdf };

// The document for `layout` (`author` goes into the PDF's metadata unless empty); empty when it
// could not be made.
[[nodiscard]] QByteArray renderDocument(const package::ReadableLayout& layout,
                                        DocumentFormat format, const QString& author);

} // namespace amicus::app
