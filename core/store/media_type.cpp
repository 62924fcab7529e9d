#include "store/media_type.h"

#include "common/utf8.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>

namespace amicus::store {

namespace {

using Bytes = std::span<const std::uint8_t>;

struct NamedType {
    std::string_view extension; // lower case, without the dot
    std::string_view mediaType;
};

// The names the app knows, under the media types shared-mime-info (and so Qt) gives them.
constexpr std::array namedTypes{
    NamedType{"jpg", "image/jpeg"},
    NamedType{"jpeg", "image/jpeg"},
    NamedType{"jpe", "image/jpeg"},
    NamedType{"png", "image/png"},
    NamedType{"gif", "image/gif"},
    NamedType{"webp", "image/webp"},
    NamedType{"tif", "image/tiff"},
    NamedType{"tiff", "image/tiff"},
    NamedType{"bmp", "image/bmp"},
    NamedType{"heic", "image/heic"},
    NamedType{"heif", "image/heif"},
    NamedType{"avif", "image/avif"},
    NamedType{"svg", "image/svg+xml"},
    NamedType{"pdf", "application/pdf"},
    NamedType{"odt", "application/vnd.oasis.opendocument.text"},
    NamedType{"ods", "application/vnd.oasis.opendocument.spreadsheet"},
    NamedType{"odp", "application/vnd.oasis.opendocument.presentation"},
    NamedType{"doc", "application/msword"},
    NamedType{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    NamedType{"xls", "application/vnd.ms-excel"},
    NamedType{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    NamedType{"ppt", "application/vnd.ms-powerpoint"},
    NamedType{"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    NamedType{"epub", "application/epub+zip"},
    NamedType{"rtf", "application/rtf"},
    NamedType{"zip", "application/zip"},
    NamedType{"txt", "text/plain"},
    NamedType{"md", "text/markdown"},
    NamedType{"csv", "text/csv"},
    NamedType{"html", "text/html"},
    NamedType{"htm", "text/html"},
    NamedType{"json", "application/json"},
    NamedType{"xml", "application/xml"},
    NamedType{"mp3", "audio/mpeg"},
    NamedType{"m4a", "audio/mp4"},
    NamedType{"ogg", "audio/ogg"},
    NamedType{"oga", "audio/ogg"},
    NamedType{"opus", "audio/ogg"},
    NamedType{"wav", "audio/x-wav"},
    NamedType{"flac", "audio/flac"},
    NamedType{"amr", "audio/amr"},
    NamedType{"mp4", "video/mp4"},
    NamedType{"m4v", "video/mp4"},
    NamedType{"mov", "video/quicktime"},
    NamedType{"3gp", "video/3gpp"},
    NamedType{"webm", "video/webm"},
    NamedType{"mkv", "video/x-matroska"},
    NamedType{"avi", "video/x-msvideo"},
    NamedType{"ogv", "video/ogg"},
};

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::optional<std::string_view> typeOfName(std::string_view fileName)
{
    const auto dot = fileName.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == fileName.size()) {
        return std::nullopt;
    }
    std::string extension(fileName.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(), lower);
    for (const auto& named : namedTypes) {
        if (named.extension == extension) {
            return named.mediaType;
        }
    }
    return std::nullopt;
}

bool startsWith(Bytes head, std::string_view prefix, std::size_t at = 0)
{
    return head.size() >= at + prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), head.begin() + static_cast<std::ptrdiff_t>(at),
                      [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

std::uint32_t littleEndian32(Bytes head, std::size_t at)
{
    return static_cast<std::uint32_t>(head[at]) | static_cast<std::uint32_t>(head[at + 1]) << 8 |
           static_cast<std::uint32_t>(head[at + 2]) << 16 |
           static_cast<std::uint32_t>(head[at + 3]) << 24;
}

bool contains(Bytes head, std::string_view text, std::size_t within)
{
    const auto end = head.begin() + static_cast<std::ptrdiff_t>(std::min(within, head.size()));
    return std::search(head.begin(), end, text.begin(), text.end(), [](std::uint8_t b, char c) {
               return b == static_cast<std::uint8_t>(c);
           }) != end;
}

// An ISO base media file (MP4, QuickTime, HEIF): its major brand says which.
std::string_view typeOfBrand(Bytes head)
{
    const std::string_view brand(reinterpret_cast<const char*>(head.data()) + 8, 4);
    for (const auto heic : {"heic", "heix", "hevc", "hevx", "heim", "heis"}) {
        if (brand == heic) {
            return "image/heic";
        }
    }
    if (brand == "mif1" || brand == "msf1") {
        return "image/heif";
    }
    if (brand == "avif" || brand == "avis") {
        return "image/avif";
    }
    if (brand == "qt  ") {
        return "video/quicktime";
    }
    if (brand == "M4A ") {
        return "audio/mp4";
    }
    if (brand.starts_with("3gp")) {
        return "video/3gpp";
    }
    return "video/mp4";
}

// A zip's first entry named "mimetype", stored as is, holds the document's type (ODF, EPUB).
std::optional<std::string> typeOfPackagedDocument(Bytes head)
{
    constexpr std::size_t nameAt = 30;
    constexpr std::string_view entry = "mimetype";
    if (!startsWith(head, entry, nameAt) || littleEndian32(head, 26) != entry.size() ||
        head[8] != 0 || head[9] != 0) {
        return std::nullopt; // another name, an extra field before the data, or compressed
    }
    const std::size_t length = littleEndian32(head, 18);
    const std::size_t at = nameAt + entry.size();
    if (length == 0 || length > 100 || head.size() < at + length) {
        return std::nullopt;
    }
    std::string type(reinterpret_cast<const char*>(head.data()) + at, length);
    const bool plausible =
        type.starts_with("application/") && std::all_of(type.begin(), type.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '/' ||
                   c == '-' || c == '+';
        });
    return plausible ? std::optional(std::move(type)) : std::nullopt;
}

// The type a name gives, when it is one of `family` (a container the bytes cannot see into).
std::optional<std::string_view> nameWithin(std::optional<std::string_view> named,
                                           std::initializer_list<std::string_view> family)
{
    if (named && std::find(family.begin(), family.end(), *named) != family.end()) {
        return named;
    }
    return std::nullopt;
}

// What the first bytes say on their own; nullopt when they have no signature we know.
std::optional<std::string> typeOfContent(Bytes head, std::optional<std::string_view> named)
{
    if (startsWith(head, "\xFF\xD8\xFF")) {
        return "image/jpeg";
    }
    if (startsWith(head, "\x89PNG\r\n\x1A\n")) {
        return "image/png";
    }
    if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
        return "image/gif";
    }
    if (startsWith(head, "RIFF") && startsWith(head, "WEBP", 8)) {
        return "image/webp";
    }
    if (startsWith(head, "RIFF") && startsWith(head, "WAVE", 8)) {
        return "audio/x-wav";
    }
    if (startsWith(head, "RIFF") && startsWith(head, "AVI ", 8)) {
        return "video/x-msvideo";
    }
    if (startsWith(head, std::string_view("II*\0", 4)) ||
        startsWith(head, std::string_view("MM\0*", 4))) {
        return "image/tiff";
    }
    if (startsWith(head, "BM") && head.size() >= 18) {
        // "BM" alone is too common at the start of text; the DIB header's size confirms it.
        const auto dibHeader = littleEndian32(head, 14);
        for (const std::uint32_t known : {12u, 40u, 52u, 56u, 64u, 108u, 124u}) {
            if (dibHeader == known) {
                return "image/bmp";
            }
        }
    }
    if (startsWith(head, "ftyp", 4) && head.size() >= 12) {
        return std::string(typeOfBrand(head));
    }
    if (startsWith(head, "%PDF-")) {
        return "application/pdf";
    }
    if (startsWith(head, "{\\rtf")) {
        return "application/rtf";
    }
    if (startsWith(head, "ID3") || startsWith(head, "\xFF\xFB") || startsWith(head, "\xFF\xF3") ||
        startsWith(head, "\xFF\xF2")) {
        return "audio/mpeg";
    }
    if (startsWith(head, "OggS")) {
        return std::string(nameWithin(named, {"video/ogg"}).value_or("audio/ogg"));
    }
    if (startsWith(head, "fLaC")) {
        return "audio/flac";
    }
    if (startsWith(head, "#!AMR")) {
        return "audio/amr";
    }
    if (startsWith(head, "\x1A\x45\xDF\xA3")) {
        return contains(head, "webm", 64) ? "video/webm" : "video/x-matroska";
    }
    if (startsWith(head, "PK\x03\x04")) {
        if (auto packaged = typeOfPackagedDocument(head)) {
            return packaged;
        }
        return std::string(
            nameWithin(named,
                       {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "application/vnd.openxmlformats-officedocument.presentationml."
                        "presentation",
                        "application/vnd.oasis.opendocument.text",
                        "application/vnd.oasis.opendocument.spreadsheet",
                        "application/vnd.oasis.opendocument.presentation", "application/epub+zip"})
                .value_or("application/zip"));
    }
    if (startsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        return std::string(nameWithin(named, {"application/msword", "application/vnd.ms-excel",
                                              "application/vnd.ms-powerpoint"})
                               .value_or("application/x-ole-storage"));
    }
    if (startsWith(head, "\x1F\x8B")) {
        return "application/gzip";
    }
    return std::nullopt;
}

// Text: valid UTF-8 with no control character but white space (a cut last sequence counts).
bool looksLikeText(Bytes head)
{
    const std::string_view text(reinterpret_cast<const char*>(head.data()), head.size());
    const bool cut = head.size() >= mediaTypeHeadBytes;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decodeUtf8(text, i, c);
        if (length == 0) {
            return cut && i + 4 > text.size();
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
            return false;
        }
        i += length;
    }
    return !text.empty();
}

} // namespace

std::string mediaTypeOf(std::string_view fileName, Bytes head)
{
    head = head.first(std::min(head.size(), mediaTypeHeadBytes));
    const auto named = typeOfName(fileName);
    if (auto content = typeOfContent(head, named)) {
        return *std::move(content);
    }
    if (named) {
        return std::string(*named);
    }
    return std::string(looksLikeText(head) ? "text/plain" : unknownMediaType);
}

std::string mediaTypeOfFile(const std::filesystem::path& path, std::string_view fileName)
{
    std::array<std::uint8_t, mediaTypeHeadBytes> head{};
    std::size_t read = 0;
    std::ifstream file(path, std::ios::binary);
    if (file) {
        file.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
        read = static_cast<std::size_t>(file.gcount());
    }
    return mediaTypeOf(fileName, Bytes(head.data(), read));
}

bool isStillPhoto(std::string_view mediaType)
{
    for (const auto photo : {"image/jpeg", "image/png", "image/heic", "image/heif", "image/webp",
                             "image/tiff", "image/bmp"}) {
        if (mediaType == photo) {
            return true;
        }
    }
    return false;
}

} // namespace amicus::store
