// OdtWriter: a ReadableLayout as an OpenDocument Text file (ODF 1.3 package: an uncompressed
// `mimetype` first with no extra field, then content.xml, styles.xml, meta.xml and
// META-INF/manifest.xml), zipped by libzip, so word processors open what publish renders.
#pragma once

#include "common/result.h"
#include "package/readable_layout.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace amicus::intake {

// The ODF media type, the whole content of `mimetype`.
inline constexpr std::string_view odtMediaType = "application/vnd.oasis.opendocument.text";

// What meta.xml says beside the layout's title and language.
struct OdtMetadata {
    // dc:creator and meta:initial-creator; empty writes no author at all (anonymous).
    std::string author;
    // meta:creation-date and dc:date, "YYYY-MM-DDTHH:MM:SSZ"; anything else is left out.
    std::string created;
    std::string modified;
    // dc:subject, e.g. the call id; empty writes none.
    std::string subject;
};

enum class OdtError {
    Zip, // libzip could not build the package
    Io,  // the file could not be written, synced or renamed into place
};

struct OdtWriteError {
    OdtError code = OdtError::Io;
    std::string detail; // for the log, never shown as a translated message
};

// Text for XML element content or a quoted attribute value: & < > " ' escaped, characters
// XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) dropped, invalid UTF-8
// bytes replaced by U+FFFD.
[[nodiscard]] std::string xmlEscape(std::string_view text);

// The package's XML parts, apart so tests can read them without unzipping.
[[nodiscard]] std::string odtContentXml(const package::ReadableLayout& layout);
[[nodiscard]] std::string odtStylesXml(const package::ReadableLayout& layout);
[[nodiscard]] std::string odtMetaXml(const package::ReadableLayout& layout,
                                     const OdtMetadata& metadata);
[[nodiscard]] std::string odtManifestXml();

// The whole .odt file in memory.
[[nodiscard]] Result<std::string, OdtWriteError> buildOdt(const package::ReadableLayout& layout,
                                                          const OdtMetadata& metadata);

// Writes the .odt to `path` (mode 0644): under a temporary name in the same directory,
// fsynced, renamed over `path`, directory fsynced. On failure nothing is left under the
// temporary name and an existing `path` is untouched.
[[nodiscard]] Result<void, OdtWriteError> writeOdt(const package::ReadableLayout& layout,
                                                   const OdtMetadata& metadata,
                                                   const std::filesystem::path& path);

} // namespace amicus::intake
