// mediaTypeOf: what an attachment is, from its first bytes and its name.
#include "store/media_type.h"
#include "test_temp_dir.h"

#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace amicus::store {
namespace {

std::vector<std::uint8_t> bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

std::string typeOf(std::string_view name, std::string_view head)
{
    const auto data = bytes(head);
    return mediaTypeOf(name, data);
}

const std::string jpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);
const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);

// A zip whose first entry is "mimetype", stored (method 0), holding `type`: how ODF and EPUB
// files begin.
std::string packagedDocument(std::string_view type)
{
    std::string head("PK\x03\x04", 4);
    head += std::string("\x0A\0\0\0\0\0", 6); // version, flags, method 0 (stored)
    head += std::string(8, '\0');             // time, date, CRC-32
    const auto size = static_cast<char>(type.size());
    head += std::string{size, 0, 0, 0, size, 0, 0, 0}; // compressed and real size
    head += std::string("\x08\0\0\0", 4);              // name length 8, no extra field
    return head + "mimetype" + std::string(type) + "PK\x03\x04";
}

TEST(MediaType, APhotoIsToldByItsBytesWhateverItsName)
{
    EXPECT_EQ(typeOf("IMG_0042.JPG", jpeg), "image/jpeg");
    EXPECT_EQ(typeOf("holiday.txt", jpeg), "image/jpeg");
    EXPECT_EQ(typeOf("scan", png), "image/png");
    EXPECT_EQ(typeOf("photo.jpg", png), "image/png");
    EXPECT_EQ(typeOf("a.gif", "GIF89a\x01\0"), "image/gif");
    EXPECT_EQ(typeOf("x", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), "image/webp");
    EXPECT_EQ(typeOf("x", std::string("II*\0\x08\0\0\0", 8)), "image/tiff");
    EXPECT_EQ(typeOf("x", std::string("MM\0*\0\0\0\x08", 8)), "image/tiff");
    EXPECT_EQ(typeOf("x", std::string("\0\0\0\x18"
                                      "ftypheic\0\0\0\0mif1",
                                      20)),
              "image/heic");
    EXPECT_EQ(typeOf("x", std::string("\0\0\0\x18"
                                      "ftypmif1\0\0\0\0heic",
                                      20)),
              "image/heif");
    EXPECT_EQ(typeOf("x", std::string("\0\0\0\x18"
                                      "ftypisom\0\0\x02\0",
                                      16)),
              "video/mp4");
    EXPECT_EQ(typeOf("x", std::string("\0\0\0\x14"
                                      "ftypqt  \0\0\x02\0",
                                      16)),
              "video/quicktime");
}

TEST(MediaType, BmIsABitmapOnlyWithItsHeader)
{
    std::string bmp("BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0", 18);
    EXPECT_EQ(typeOf("picture", bmp), "image/bmp");
    EXPECT_EQ(typeOf("notes", "BMW and Audi sales, 2025"), "text/plain");
}

TEST(MediaType, WithoutASignatureTheNameDecides)
{
    // What the tests write as attachments: zeros under a document's name.
    EXPECT_EQ(typeOf("report.pdf", std::string(64, '\0')), "application/pdf");
    EXPECT_EQ(typeOf("empty.pdf", ""), "application/pdf");
    EXPECT_EQ(typeOf("notes.md", "# Notes\n"), "text/markdown");
    EXPECT_EQ(typeOf("figures.CSV", "a,b\n1,2\n"), "text/csv");
    EXPECT_EQ(typeOf("clip.mp3", std::string(16, '\x55')), "audio/mpeg");
    EXPECT_EQ(typeOf("Report.Final.DOCX", "nothing known"), "application/vnd.openxmlformats-"
                                                            "officedocument.wordprocessingml."
                                                            "document");
}

TEST(MediaType, DocumentsAreToldByTheirBytes)
{
    EXPECT_EQ(typeOf("brief.bin", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "application/pdf");
    EXPECT_EQ(typeOf("letter", "{\\rtf1\\ansi hello}"), "application/rtf");
    // ODF names itself inside the zip, so even a renamed one is known.
    const std::string odt = packagedDocument("application/vnd.oasis.opendocument.text");
    EXPECT_EQ(typeOf("submission.zip", odt), "application/vnd.oasis.opendocument.text");
    EXPECT_EQ(typeOf("book", packagedDocument("application/epub+zip")), "application/epub+zip");
    // A "mimetype" entry holding something else than a media type is not believed.
    EXPECT_EQ(typeOf("odd.zip", packagedDocument("not a type!")), "application/zip");
}

TEST(MediaType, AContainerTakesItsNameOnlyFromItsOwnFamily)
{
    const std::string zip("PK\x03\x04\x14\0\0\0\x08\0", 10);
    EXPECT_EQ(typeOf("budget.xlsx", zip),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(typeOf("archive.zip", zip), "application/zip");
    // A zip under a photo's name is no photo (nor offered a smaller copy).
    EXPECT_EQ(typeOf("photo.jpg", zip), "application/zip");
    const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10);
    EXPECT_EQ(typeOf("old.doc", ole), "application/msword");
    EXPECT_EQ(typeOf("old.XLS", ole), "application/vnd.ms-excel");
    EXPECT_EQ(typeOf("old.pdf", ole), "application/x-ole-storage");
    EXPECT_EQ(typeOf("voice.ogg", "OggS\0\x02"), "audio/ogg");
    EXPECT_EQ(typeOf("film.ogv", "OggS\0\x02"), "video/ogg");
}

TEST(MediaType, UnnamedTextIsPlainTextAndUnnamedBinaryIsUnknown)
{
    EXPECT_EQ(typeOf("README", "Plain words, accents: d\xC3\xA9j\xC3\xA0 vu.\n"), "text/plain");
    EXPECT_EQ(typeOf("data.unknownext", std::string("\x01\x02\x03\0", 4)),
              "application/octet-stream");
    EXPECT_EQ(typeOf("blob", std::string("text then \0 a NUL", 17)), "application/octet-stream");
    EXPECT_EQ(typeOf("latin1", "caf\xE9"), "application/octet-stream");
    EXPECT_EQ(typeOf("empty", ""), "application/octet-stream");
    EXPECT_EQ(typeOf("trailing.", "\x01"), "application/octet-stream");
    // A multi-byte character cut by the end of what is read is still text.
    std::string cut(mediaTypeHeadBytes - 1, 'a');
    cut += "\xC3";
    EXPECT_EQ(typeOf("long", cut + "\xA9 and more"), "text/plain");
}

TEST(MediaType, ReadsTheFileItself)
{
    test_support::TempDir dir;
    const auto path = dir.path() / "IMG_1.dat";
    {
        std::ofstream out(path, std::ios::binary);
        out << jpeg << std::string(100000, 'x');
    }
    EXPECT_EQ(mediaTypeOfFile(path, "IMG_1.dat"), "image/jpeg");
    // Shown under another name than its path (a picked file's display name): the name counts.
    const auto text = dir.path() / "f1";
    {
        std::ofstream out(text, std::ios::binary);
        out << "a,b\n";
    }
    EXPECT_EQ(mediaTypeOfFile(text, "table.csv"), "text/csv");
    // Gone or unreadable: the name alone (the import then reports the error).
    EXPECT_EQ(mediaTypeOfFile(dir.path() / "missing", "missing.pdf"), "application/pdf");
    EXPECT_EQ(mediaTypeOfFile(dir.path(), "folder"), "application/octet-stream");
}

TEST(MediaType, StillPhotosAreTheOnesASmallerCopyIsMadeOf)
{
    for (const auto* photo : {"image/jpeg", "image/png", "image/heic", "image/heif", "image/webp",
                              "image/tiff", "image/bmp"}) {
        EXPECT_TRUE(isStillPhoto(photo)) << photo;
    }
    for (const auto* other : {"image/gif", "image/svg+xml", "image/avif", "application/pdf",
                              "text/plain", "video/mp4", ""}) {
        EXPECT_FALSE(isStillPhoto(other)) << other;
    }
}

} // namespace
} // namespace amicus::store
