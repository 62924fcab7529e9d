#include "odt_writer.h"

#include "common/utf8.h"
#include "file_io.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <zip.h>

namespace amicus::intake {

namespace {

namespace fs = std::filesystem;
using package::BlockKind;
using package::ReadableLayout;

constexpr std::string_view odfVersion = "1.3";

constexpr std::string_view xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

constexpr std::string_view officeNamespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"";

constexpr std::string_view replacementCharacter = "\xEF\xBF\xBD"; // U+FFFD

// XML 1.0 production [2] Char, minus what is valid there but cannot be in our text anyway.
bool isXmlChar(char32_t c)
{
    if (c < 0x20) {
        return c == 0x09 || c == 0x0A || c == 0x0D;
    }
    return c != 0xFFFE && c != 0xFFFF;
}

// Calls `emit(codepoint, bytes)` for each character XML may hold, with invalid UTF-8 bytes
// as U+FFFD.
template <typename Emit>
void forEachXmlChar(std::string_view text, Emit&& emit)
{
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decodeUtf8(text, i, c);
        if (length == 0) {
            emit(char32_t{0xFFFD}, replacementCharacter);
            ++i;
            continue;
        }
        if (isXmlChar(c)) {
            emit(c, text.substr(i, length));
        }
        i += length;
    }
}

void appendEscaped(std::string& out, char32_t c, std::string_view bytes)
{
    switch (c) {
    case U'&':
        out += "&amp;";
        break;
    case U'<':
        out += "&lt;";
        break;
    case U'>':
        out += "&gt;";
        break;
    case U'"':
        out += "&quot;";
        break;
    case U'\'':
        out += "&apos;";
        break;
    default:
        out += bytes;
    }
}

// Paragraph content: ODF collapses runs of spaces and drops leading ones (ODF 1.3 part 3,
// 6.1.2), so the second and later spaces of a run, and spaces at a line start, become
// <text:s/>; tabs are <text:tab/>, line feeds <text:line-break/>, carriage returns go.
std::string inlineXml(std::string_view text)
{
    std::string out;
    std::size_t pendingSpaces = 0;
    bool lineStart = true;
    const auto flushSpaces = [&]() {
        if (pendingSpaces == 0) {
            return;
        }
        std::size_t extra = pendingSpaces;
        if (!lineStart) {
            out += ' ';
            --extra;
        }
        if (extra == 1) {
            out += "<text:s/>";
        } else if (extra > 1) {
            out += "<text:s text:c=\"" + std::to_string(extra) + "\"/>";
        }
        pendingSpaces = 0;
    };
    forEachXmlChar(text, [&](char32_t c, std::string_view bytes) {
        if (c == U' ') {
            ++pendingSpaces;
            return;
        }
        if (c == U'\r') {
            return;
        }
        flushSpaces();
        if (c == U'\n') {
            out += "<text:line-break/>";
            lineStart = true;
            return;
        }
        if (c == U'\t') {
            out += "<text:tab/>";
        } else {
            appendEscaped(out, c, bytes);
        }
        lineStart = false;
    });
    // Trailing spaces are kept too, as <text:s/> (a plain one would be collapsed away).
    if (pendingSpaces > 0) {
        lineStart = true;
        flushSpaces();
    }
    return out;
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isAsciiAlnum(char c)
{
    return isAsciiAlpha(c) || (c >= '0' && c <= '9');
}

// fo:language and fo:country from a BCP 47 tag ("es-MX" gives es/MX). Without a region, the
// UN's usage for its three languages (British English, French of France, Spanish of Spain)
// so spelling checks match the secretariat's; other languages get no country. An unusable
// tag gives nothing: the document then has no language rather than a wrong one.
std::pair<std::string, std::string> languageAndCountry(std::string_view tag)
{
    std::string language;
    std::string country;
    const std::size_t dash = tag.find_first_of("-_");
    const std::string_view primary = tag.substr(0, dash);
    if (primary.size() < 2 || primary.size() > 3) {
        return {};
    }
    for (const char c : primary) {
        if (!isAsciiAlpha(c)) {
            return {};
        }
        language += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    std::string_view rest =
        dash == std::string_view::npos ? std::string_view() : tag.substr(dash + 1);
    while (!rest.empty()) {
        const std::size_t next = rest.find_first_of("-_");
        const std::string_view subtag = rest.substr(0, next);
        const bool region =
            (subtag.size() == 2 && isAsciiAlpha(subtag[0]) && isAsciiAlpha(subtag[1])) ||
            (subtag.size() == 3 && std::all_of(subtag.begin(), subtag.end(),
                                               [](char c) { return c >= '0' && c <= '9'; }));
        if (region) {
            for (const char c : subtag) {
                country += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            }
            break;
        }
        rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    }
    if (country.empty()) {
        if (language == "en") {
            country = "GB";
        } else if (language == "fr") {
            country = "FR";
        } else if (language == "es") {
            country = "ES";
        }
    }
    return {language, country};
}

// The tag for dc:language (RFC 3066-style, as ODF wants), or empty when unusable.
std::string languageTag(std::string_view tag)
{
    if (tag.empty() || tag.size() > 35) {
        return {};
    }
    for (const char c : tag) {
        if (!isAsciiAlnum(c) && c != '-') {
            return {};
        }
    }
    return languageAndCountry(tag).first.empty() ? std::string() : std::string(tag);
}

// "YYYY-MM-DDTHH:MM:SSZ" only (what our formatUtc writes).
bool isUtcTimestamp(std::string_view text)
{
    constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != shape.size()) {
        return false;
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 'd' ? (text[i] < '0' || text[i] > '9') : text[i] != shape[i]) {
            return false;
        }
    }
    return true;
}

std::optional<std::time_t> parseUtcTimestamp(std::string_view text)
{
    if (!isUtcTimestamp(text)) {
        return std::nullopt;
    }
    std::tm tm{};
    const auto number = [&text](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    tm.tm_year = number(0, 4) - 1900;
    tm.tm_mon = number(5, 2) - 1;
    tm.tm_mday = number(8, 2);
    tm.tm_hour = number(11, 2);
    tm.tm_min = number(14, 2);
    tm.tm_sec = number(17, 2);
    const std::time_t seconds = ::timegm(&tm);
    if (seconds == static_cast<std::time_t>(-1)) {
        return std::nullopt;
    }
    return seconds;
}

std::string element(std::string_view name, std::string_view text)
{
    return "<" + std::string(name) + ">" + xmlEscape(text) + "</" + std::string(name) + ">";
}

OdtWriteError zipError(const std::string& what, zip_error_t* error)
{
    return OdtWriteError{OdtError::Zip, what + ": " + zip_error_strerror(error)};
}

struct ZipSourceFree {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};

} // namespace

std::string xmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    forEachXmlChar(text,
                   [&out](char32_t c, std::string_view bytes) { appendEscaped(out, c, bytes); });
    return out;
}

std::string odtContentXml(const ReadableLayout& layout)
{
    std::string xml(xmlDeclaration);
    xml += "<office:document-content";
    xml += officeNamespaces;
    xml += " office:version=\"" + std::string(odfVersion) + "\">\n<office:body>\n<office:text>\n";
    bool inList = false;
    for (const package::LayoutBlock& block : layout.blocks) {
        if (block.kind != BlockKind::ListItem && inList) {
            xml += "</text:list>\n";
            inList = false;
        }
        const std::string text = inlineXml(block.text);
        switch (block.kind) {
        case BlockKind::Title:
            xml += "<text:p text:style-name=\"Title\">" + text + "</text:p>\n";
            break;
        case BlockKind::Heading:
            xml += "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">" + text +
                   "</text:h>\n";
            break;
        case BlockKind::Subheading:
            xml += "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">" + text +
                   "</text:h>\n";
            break;
        case BlockKind::Paragraph:
            xml += "<text:p text:style-name=\"Text_20_body\">" + text + "</text:p>\n";
            break;
        case BlockKind::Note:
            xml += "<text:p text:style-name=\"Note\">" + text + "</text:p>\n";
            break;
        case BlockKind::ListItem:
            if (!inList) {
                xml += "<text:list text:style-name=\"Bullets\">\n";
                inList = true;
            }
            xml += "<text:list-item><text:p text:style-name=\"List\">" + text +
                   "</text:p></text:list-item>\n";
            break;
        }
    }
    if (inList) {
        xml += "</text:list>\n";
    }
    xml += "</office:text>\n</office:body>\n</office:document-content>\n";
    return xml;
}

std::string odtStylesXml(const ReadableLayout& layout)
{
    const auto [language, country] = languageAndCountry(layout.language);
    std::string languageAttributes;
    if (!language.empty()) {
        languageAttributes = " fo:language=\"" + language + "\"";
        languageAttributes +=
            " fo:country=\"" + (country.empty() ? std::string("none") : country) + "\"";
    }
    std::string xml(xmlDeclaration);
    xml += "<office:document-styles";
    xml += officeNamespaces;
    xml += " office:version=\"" + std::string(odfVersion) + "\">\n";
    xml += R"(<office:font-face-decls>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties style:writing-mode="page"/>
<style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt")";
    xml += languageAttributes;
    xml += R"(/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%"/>
</style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
<style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt"/>
</style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:class="chapter">
<style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-size="20pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
<style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
<style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="List" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
<style:paragraph-properties fo:margin-bottom="0.1cm"/>
</style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
<style:text-properties fo:font-style="italic"/>
</style:style>
<text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" style:num-format=""/>
<text:outline-level-style text:level="2" style:num-format=""/>
</text:outline-style>
<text:list-style style:name="Bullets">
<text:list-level-style-bullet text:level="1" text:bullet-char="•">
<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/>
</style:list-level-properties>
</text:list-level-style-bullet>
</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
</style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4"/>
</office:master-styles>
</office:document-styles>
)";
    return xml;
}

std::string odtMetaXml(const ReadableLayout& layout, const OdtMetadata& metadata)
{
    std::string xml(xmlDeclaration);
    xml += "<office:document-meta"
           " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
           " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
           " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"" +
           std::string(odfVersion) + "\">\n<office:meta>\n";
    xml += element("meta:generator", "Amicus amicus-intake") + "\n";
    xml += element("dc:title", layout.title) + "\n";
    if (!metadata.subject.empty()) {
        xml += element("dc:subject", metadata.subject) + "\n";
    }
    if (const std::string tag = languageTag(layout.language); !tag.empty()) {
        xml += element("dc:language", tag) + "\n";
    }
    if (!metadata.author.empty()) {
        xml += element("meta:initial-creator", metadata.author) + "\n";
        xml += element("dc:creator", metadata.author) + "\n";
    }
    if (isUtcTimestamp(metadata.created)) {
        xml += element("meta:creation-date", metadata.created) + "\n";
    }
    if (isUtcTimestamp(metadata.modified)) {
        xml += element("dc:date", metadata.modified) + "\n";
    }
    xml += "</office:meta>\n</office:document-meta>\n";
    return xml;
}

std::string odtManifestXml()
{
    std::string xml(xmlDeclaration);
    const std::string version(odfVersion);
    xml += "<manifest:manifest"
           " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
           " manifest:version=\"" +
           version + "\">\n";
    xml += " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"" + version +
           "\" manifest:media-type=\"" + std::string(odtMediaType) + "\"/>\n";
    for (const char* part : {"content.xml", "styles.xml", "meta.xml"}) {
        xml += " <manifest:file-entry manifest:full-path=\"" + std::string(part) +
               "\" manifest:media-type=\"text/xml\"/>\n";
    }
    xml += "</manifest:manifest>\n";
    return xml;
}

Result<std::string, OdtWriteError> buildOdt(const ReadableLayout& layout,
                                            const OdtMetadata& metadata)
{
    // The parts must outlive zip_close(), which is when libzip reads them.
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"mimetype", std::string(odtMediaType)},     {"content.xml", odtContentXml(layout)},
        {"styles.xml", odtStylesXml(layout)},        {"meta.xml", odtMetaXml(layout, metadata)},
        {"META-INF/manifest.xml", odtManifestXml()},
    };
    // Entry times from the document, so publishing the same submission twice gives the same
    // bytes; the current time only when the document has none.
    std::time_t entryTime = std::time(nullptr);
    if (const auto modified = parseUtcTimestamp(metadata.modified)) {
        entryTime = *modified;
    } else if (const auto created = parseUtcTimestamp(metadata.created)) {
        entryTime = *created;
    }

    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, ZipSourceFree> buffer(
        zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) {
        auto failure = zipError("cannot make a zip buffer", &error);
        zip_error_fini(&error);
        return fail(failure);
    }
    // zip_close() releases the source once; keep our reference to read the result.
    zip_source_keep(buffer.get());
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (archive == nullptr) {
        zip_source_free(buffer.get()); // the reference zip_open_from_source did not take
        auto failure = zipError("cannot start the zip", &error);
        zip_error_fini(&error);
        return fail(failure);
    }
    zip_error_fini(&error);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& [name, bytes] = parts[i];
        zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        const zip_int64_t index =
            source == nullptr ? -1 : zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            if (source != nullptr) {
                zip_source_free(source);
            }
            OdtWriteError failure{OdtError::Zip,
                                  "cannot add " + name + ": " + zip_strerror(archive)};
            zip_discard(archive);
            return fail(failure);
        }
        // ODF: mimetype stored (so its bytes sit at a fixed offset for file-type sniffing);
        // the XML deflated.
        const bool stored = i == 0;
        if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                     stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : 9) != 0 ||
            zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), entryTime, 0) != 0) {
            OdtWriteError failure{OdtError::Zip,
                                  "cannot set up " + name + ": " + zip_strerror(archive)};
            zip_discard(archive);
            return fail(failure);
        }
    }
    if (zip_close(archive) != 0) {
        OdtWriteError failure{OdtError::Zip,
                              std::string("cannot finish the zip: ") + zip_strerror(archive)};
        zip_discard(archive);
        return fail(failure);
    }

    std::string bytes;
    if (zip_source_open(buffer.get()) != 0) {
        return fail(OdtWriteError{OdtError::Zip, "cannot read the zip back"});
    }
    std::array<char, 16384> chunk{};
    while (true) {
        const zip_int64_t n = zip_source_read(buffer.get(), chunk.data(), chunk.size());
        if (n < 0) {
            zip_source_close(buffer.get());
            return fail(OdtWriteError{OdtError::Zip, "cannot read the zip back"});
        }
        if (n == 0) {
            break;
        }
        bytes.append(chunk.data(), static_cast<std::size_t>(n));
    }
    zip_source_close(buffer.get());
    return bytes;
}

Result<void, OdtWriteError> writeOdt(const ReadableLayout& layout, const OdtMetadata& metadata,
                                     const fs::path& path)
{
    auto bytes = buildOdt(layout, metadata);
    if (!bytes) {
        return fail(bytes.error());
    }
    const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string temporary = (directory / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0) {
        return fail(OdtWriteError{OdtError::Io, "cannot create a file in " + directory.string() +
                                                    ": " + std::strerror(errno)});
    }
    bool ok = ::fchmod(fd, 0644) == 0 && writeAll(fd, *bytes) && ::fsync(fd) == 0;
    int savedErrno = errno;
    ok = (::close(fd) == 0) && ok;
    if (ok && std::rename(temporary.c_str(), path.c_str()) != 0) {
        savedErrno = errno;
        ok = false;
    }
    if (!ok) {
        ::unlink(temporary.c_str());
        return fail(OdtWriteError{OdtError::Io, "cannot write " + path.string() + ": " +
                                                    std::strerror(savedErrno)});
    }
    // The rename is durable only once the directory is synced.
    syncDirectory(directory);
    return {};
}

} // namespace amicus::intake
