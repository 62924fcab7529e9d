// What kind of file an attachment is, as the media type the vault records and the package sends
// ("image/jpeg", "application/pdf"). Told from the file's first bytes where they are
// unambiguous (a photo renamed .txt is still a photo), else from its name (plain text, an
// office document's zip, a file with no known signature); application/octet-stream when
// neither says. Plain C++, so the app, amicusctl and the tests tell files apart the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace amicus::store {

// The bytes from the start of a file that mediaTypeOf looks at (enough for an ODF zip's
// "mimetype" entry).
inline constexpr std::size_t mediaTypeHeadBytes = 256;

inline constexpr std::string_view unknownMediaType = "application/octet-stream";

// The media type of a file named `fileName` (a name, not a path; its extension is what counts)
// that starts with `head` (up to mediaTypeHeadBytes of it; fewer when the file is shorter).
[[nodiscard]] std::string mediaTypeOf(std::string_view fileName,
                                      std::span<const std::uint8_t> head);

// The media type of the file at `path`, shown to the user as `fileName`: its first bytes are
// read; a file that cannot be read is told by its name alone (the import reports the error).
[[nodiscard]] std::string mediaTypeOfFile(const std::filesystem::path& path,
                                          std::string_view fileName);

// True for the still photos a smaller copy may be made of: JPEG, PNG, HEIC/HEIF, WebP, TIFF and
// BMP. Not a GIF (it would lose its animation), an icon or a drawing. Whether this build can
// decode one is the image decoder's question (PhotoReducer::canReduce).
[[nodiscard]] bool isStillPhoto(std::string_view mediaType);

} // namespace amicus::store
