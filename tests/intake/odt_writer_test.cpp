// The ODT writer, checked with an independent reader: every document is opened with odfpy
// (python3-odf) through tests/intake/odt_reader.py, which also reads the zip's first local
// header byte by byte. Plus XML escaping and the atomic write.
#include "odt_writer.h"
#include "package/readable_layout.h"
#include "test_temp_dir.h"

#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace amicus::intake {
namespace {

namespace fs = std::filesystem;
using package::BlockKind;
using package::ReadableLayout;

using test_support::TempDir;

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// odfpy's view of the document at `path`; fails the test if it cannot read it.
nlohmann::json readWithOdfpy(const fs::path& path)
{
    const std::string command =
        std::string(ODF_PYTHON) + " '" + ODT_READER_SCRIPT + "' '" + path.string() + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        ADD_FAILURE() << "cannot run " << command;
        return {};
    }
    std::string output;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        output.append(buffer, got);
    }
    const int status = ::pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ADD_FAILURE() << "odfpy could not read " << path << ":\n" << output;
        return {};
    }
    return nlohmann::json::parse(output);
}

std::vector<std::string> strings(const nlohmann::json& array)
{
    std::vector<std::string> out;
    for (const auto& item : array) {
        out.push_back(item.get<std::string>());
    }
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

ReadableLayout sampleLayout(const std::string& language, const std::string& answer)
{
    ReadableLayout layout;
    layout.language = language;
    layout.title = "Title <" + language + ">";
    layout.blocks = {
        {BlockKind::Title, layout.title},
        {BlockKind::ListItem, "Call: c1"},
        {BlockKind::ListItem, "Organization: A & B \"quoted\""},
        {BlockKind::Heading, "Answers"},
        {BlockKind::Subheading, "Question one?"},
        {BlockKind::Paragraph, answer},
        {BlockKind::Paragraph, "Second paragraph"},
        {BlockKind::Note, "No attachments."},
    };
    return layout;
}

TEST(XmlEscape, EscapesMarkupAndDropsWhatXmlForbids)
{
    EXPECT_EQ(xmlEscape("<a href=\"x\">O'Neil & co</a>"),
              "&lt;a href=&quot;x&quot;&gt;O&apos;Neil &amp; co&lt;/a&gt;");
    // C0 controls other than tab/LF/CR, and U+FFFE/U+FFFF, are not XML 1.0 characters.
    EXPECT_EQ(xmlEscape(std::string("a\x01\x0B\x1F\tb\nc\rd\xEF\xBF\xBE\xEF\xBF\xBF") + "e"),
              "a\tb\nc\rde");
    // Invalid UTF-8 (a lone continuation byte, an overlong form, a surrogate) becomes U+FFFD.
    EXPECT_EQ(xmlEscape("x\x80y\xC0\xAFz\xED\xA0\x80"),
              "x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(xmlEscape("Réponse — ñ 🙂"), "Réponse — ñ 🙂");
}

TEST(OdtWriter, OdfpyReadsTheTextInEachLanguage)
{
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> answers = {
        {"en", "Force must be <b>necessary</b> & lawful."},
        {"fr", "Les contrôles au faciès persistent."},
        {"es", "Mediación comunitaria: ¿qué funciona?"},
    };
    for (const auto& [language, answer] : answers) {
        const fs::path path = dir.path() / (language + ".odt");
        OdtMetadata metadata;
        metadata.author = "Réseau & co";
        metadata.created = "2026-11-28T21:20:00Z";
        metadata.modified = "2026-11-29T08:00:00Z";
        auto written = writeOdt(sampleLayout(language, answer), metadata, path);
        ASSERT_TRUE(written) << written.error().detail;
        const nlohmann::json doc = readWithOdfpy(path);
        ASSERT_FALSE(doc.is_null());
        EXPECT_EQ(doc["mimetype"], "application/vnd.oasis.opendocument.text");
        const auto paragraphs = strings(doc["paragraphs"]);
        EXPECT_TRUE(contains(paragraphs, answer)) << doc["paragraphs"].dump();
        EXPECT_TRUE(contains(paragraphs, "Second paragraph"));
        EXPECT_TRUE(contains(paragraphs, "No attachments."));
        EXPECT_TRUE(contains(paragraphs, "Title <" + language + ">"));
        EXPECT_EQ(strings(doc["list_items"]),
                  (std::vector<std::string>{"Call: c1", "Organization: A & B \"quoted\""}));
        ASSERT_EQ(doc["headings"].size(), 2u);
        EXPECT_EQ(doc["headings"][0]["level"], 1);
        EXPECT_EQ(doc["headings"][0]["text"], "Answers");
        EXPECT_EQ(doc["headings"][1]["level"], 2);
        EXPECT_EQ(doc["headings"][1]["text"], "Question one?");
        EXPECT_EQ(doc["title"], "Title <" + language + ">");
        EXPECT_EQ(doc["creator"], "Réseau & co");
        EXPECT_EQ(doc["initial_creator"], "Réseau & co");
        EXPECT_EQ(doc["language"], language);
        EXPECT_TRUE(doc["bad_crc"].is_null());
    }
    // The default style carries the language and, without a region, the UN usage's country.
    EXPECT_EQ(readWithOdfpy(dir.path() / "fr.odt")["default_language"],
              nlohmann::json::array({"fr", "FR"}));
    EXPECT_EQ(readWithOdfpy(dir.path() / "en.odt")["default_language"],
              nlohmann::json::array({"en", "GB"}));
    const fs::path mexico = dir.path() / "es-MX.odt";
    ASSERT_TRUE(writeOdt(sampleLayout("es-MX", "x"), {}, mexico));
    EXPECT_EQ(readWithOdfpy(mexico)["default_language"], nlohmann::json::array({"es", "MX"}));
}

TEST(OdtWriter, MimetypeIsTheFirstEntryStoredWithoutExtraField)
{
    TempDir dir;
    const fs::path path = dir.path() / "doc.odt";
    ASSERT_TRUE(writeOdt(sampleLayout("en", "x"), {}, path));
    const nlohmann::json doc = readWithOdfpy(path);
    const auto& first = doc["first_entry"];
    EXPECT_TRUE(first["signature_ok"].get<bool>());
    EXPECT_EQ(first["name"], "mimetype");
    EXPECT_EQ(first["method"], 0);       // stored
    EXPECT_EQ(first["extra_length"], 0); // no extra field
    EXPECT_EQ(first["content_offset"], 38);
    EXPECT_EQ(first["content"], "application/vnd.oasis.opendocument.text");
    EXPECT_EQ(strings(doc["entries"]),
              (std::vector<std::string>{"mimetype", "content.xml", "styles.xml", "meta.xml",
                                        "META-INF/manifest.xml"}));
    // The bytes a file-type sniffer looks at, straight from the file.
    const std::string bytes = readFile(path);
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");
    const std::string manifest = doc["parts"]["META-INF/manifest.xml"];
    EXPECT_NE(manifest.find("manifest:version=\"1.3\""), std::string::npos);
    EXPECT_NE(manifest.find("manifest:full-path=\"/\" manifest:version=\"1.3\" "
                            "manifest:media-type=\"application/vnd.oasis.opendocument.text\""),
              std::string::npos);
    EXPECT_NE(std::string(doc["parts"]["content.xml"]).find("office:version=\"1.3\""),
              std::string::npos);
}

TEST(OdtWriter, HostileTextStaysTextAndLayoutWhitespaceSurvives)
{
    TempDir dir;
    const fs::path path = dir.path() / "hostile.odt";
    const std::string answer = std::string("</text:p><text:p>injected & \"x\" ]]>\x01\x02") +
                               "\xFF" + "\n  indented\tline  with   spaces ";
    ReadableLayout layout = sampleLayout("fr", answer);
    layout.blocks.push_back({BlockKind::ListItem, "attachments/a\x0B.pdf (1 octets)"});
    auto written = writeOdt(layout, {}, path);
    ASSERT_TRUE(written) << written.error().detail;
    const nlohmann::json doc = readWithOdfpy(path);
    ASSERT_FALSE(doc.is_null());
    const auto paragraphs = strings(doc["paragraphs"]);
    EXPECT_TRUE(contains(paragraphs, "</text:p><text:p>injected & \"x\" ]]>\xEF\xBF\xBD\n"
                                     "  indented\tline  with   spaces "))
        << doc["paragraphs"].dump();
    EXPECT_TRUE(contains(strings(doc["list_items"]), "attachments/a.pdf (1 octets)"));
    // No author: none in the metadata at all.
    EXPECT_TRUE(doc["creator"].is_null());
    EXPECT_TRUE(doc["initial_creator"].is_null());
    EXPECT_EQ(std::string(doc["parts"]["meta.xml"]).find("creator"), std::string::npos);
}

TEST(OdtWriter, SameInputSameBytes)
{
    OdtMetadata metadata;
    metadata.modified = "2026-11-29T08:00:00Z";
    auto first = buildOdt(sampleLayout("es", "x"), metadata);
    auto second = buildOdt(sampleLayout("es", "x"), metadata);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(*first, *second);
}

TEST(OdtWriter, WritesAtomicallyAndLeavesNoTemporary)
{
    TempDir dir;
    const fs::path path = dir.path() / "doc.odt";
    {
        std::ofstream(path) << "previous";
    }
    ASSERT_TRUE(writeOdt(sampleLayout("en", "new"), {}, path));
    EXPECT_EQ(readFile(path).substr(0, 2), "PK");
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0644u);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) {
        ++entries;
    }
    EXPECT_EQ(entries, 1u);

    // A directory that does not exist: an Io error, nothing created.
    auto missing = writeOdt(sampleLayout("en", "x"), {}, dir.path() / "nowhere" / "doc.odt");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, OdtError::Io);

    // A read-only directory (unless we are root, who may write anyway): the old file stays.
    if (::geteuid() != 0) {
        fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
        const std::string before = readFile(path);
        auto refused = writeOdt(sampleLayout("en", "changed"), {}, path);
        fs::permissions(dir.path(), fs::perms::owner_all);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, OdtError::Io);
        EXPECT_EQ(readFile(path), before);
    }
    // The target is a directory: rename fails, the temporary is removed.
    fs::create_directories(dir.path() / "taken.odt" / "inside");
    auto onDirectory = writeOdt(sampleLayout("en", "x"), {}, dir.path() / "taken.odt");
    ASSERT_FALSE(onDirectory);
    EXPECT_EQ(onDirectory.error().code, OdtError::Io);
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
            << entry.path();
    }
}

TEST(OdtWriter, SubmissionLayoutEndToEndThroughOdfpy)
{
    TempDir dir;
    package::SubmissionPackage submission;
    submission.callId = "call-1";
    submission.submissionId = "639549b7-a0e5-4285-a493-ebf8dae57be5";
    submission.language = "es";
    submission.submitter.organization = "Colectivo Secreto";
    submission.submitter.country = "MX";
    submission.consent = package::PublicationConsent::Anonymous;
    submission.answers.push_back({"q1", "¿Qué funciona?", "Primera línea\nsegunda línea"});
    const ReadableLayout layout = package::layoutSubmission(submission, {}, false);
    const fs::path path = dir.path() / "anonymous.odt";
    ASSERT_TRUE(writeOdt(layout, {}, path));
    const nlohmann::json doc = readWithOdfpy(path);
    ASSERT_FALSE(doc.is_null());
    const auto paragraphs = strings(doc["paragraphs"]);
    EXPECT_TRUE(contains(paragraphs, "Primera línea\nsegunda línea")) << doc["paragraphs"].dump();
    EXPECT_EQ(doc["title"], "Contribución a una convocatoria");
    std::string everything;
    for (const auto& [name, part] : doc["parts"].items()) {
        everything += part.get<std::string>();
    }
    EXPECT_EQ(everything.find("Colectivo Secreto"), std::string::npos);
    EXPECT_EQ(everything.find("MX"), std::string::npos);
    EXPECT_NE(everything.find("¿Qué funciona?"), std::string::npos);
}

} // namespace
} // namespace amicus::intake
