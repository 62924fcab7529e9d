// The inbox index (CSV escaping, JSON nulls), submission folders read back, and the publish
// index page (escaping, links to the ODT documents, anonymous rows without the submitter).
#include "inbox_index.h"
#include "publish_html.h"
#include "submission_folder.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>

namespace amicus::intake {
namespace {

namespace fs = std::filesystem;

TEST(CsvField, EveryFieldIsQuoted)
{
    EXPECT_EQ(csvField("hrc54-emler"), "\"hrc54-emler\"");
    EXPECT_EQ(csvField(""), "\"\"");
    EXPECT_EQ(csvField("Réseau d’Afrique"), "\"Réseau d’Afrique\"");
    EXPECT_EQ(csvField("1234"), "\"1234\"");
}

TEST(CsvField, SeparatorsQuotesAndLineBreaksAreQuoted)
{
    EXPECT_EQ(csvField("Smith, Jones & Co"), "\"Smith, Jones & Co\"");
    EXPECT_EQ(csvField("the \"Watch\" group"), "\"the \"\"Watch\"\" group\"");
    EXPECT_EQ(csvField("line one\nline two"), "\"line one\nline two\"");
    EXPECT_EQ(csvField("a\r\nb"), "\"a\r\nb\"");
    EXPECT_EQ(csvField("\""), "\"\"\"\"");
}

TEST(CsvField, FormulaLookalikesAreDefused)
{
    EXPECT_EQ(csvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(csvField("+1"), "\"'+1\"");
    EXPECT_EQ(csvField("-2"), "\"'-2\"");
    EXPECT_EQ(csvField("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(csvField("\tx"), "\"'\tx\"");
    EXPECT_EQ(csvField("\rx"), "\"'\rx\"");
    EXPECT_EQ(csvField("a=b"), "\"a=b\"");
    // After leading spaces too, and for NUL, '|' and a leading ';'.
    EXPECT_EQ(csvField("  =1+1"), "\"'  =1+1\"");
    EXPECT_EQ(csvField(" @x"), "\"' @x\"");
    EXPECT_EQ(csvField(std::string_view("\0=1", 3)), std::string("\"'\0=1\"", 6));
    EXPECT_EQ(csvField("|calc"), "\"'|calc\"");
    EXPECT_EQ(csvField(";x"), "\"';x\"");
    // Each piece after a ';' (a cell of its own where ';' separates cells).
    EXPECT_EQ(csvField("Acme;=1+1;=HYPERLINK(A1)"), "\"Acme;'=1+1;'=HYPERLINK(A1)\"");
    EXPECT_EQ(csvField("Acme; -1"), "\"Acme;' -1\"");
    EXPECT_EQ(csvField("Acme; Ltd"), "\"Acme; Ltd\"");
}

// A minimal RFC 4180 reader, to check that what we write parses back to the same fields.
std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) {
        rows.pop_back();
    }
    return rows;
}

TEST(IndexCsv, RoundTripsHostileFieldsThroughAnRfc4180Reader)
{
    std::vector<IndexRow> rows;
    rows.push_back({"11111111-aaaa", "call-1", "Smith, \"Jones\"\r\nand others", "KE", "en",
                    "public", "2026-11-28T21:45:13Z", 1234});
    rows.push_back(
        {"22222222-bbbb", "call-2", "", "", "fr", "anonymous", "2026-11-28T21:45:14Z", 0});
    const auto parsed = parseCsv(indexCsv(rows));
    ASSERT_EQ(parsed.size(), 3u);
    EXPECT_EQ(parsed[0], (std::vector<std::string>{"submission_id", "call_id", "organization",
                                                   "country", "language", "publication_consent",
                                                   "received_at", "size", "arrival"}));
    EXPECT_EQ(parsed[1][2], "Smith, \"Jones\"\r\nand others");
    EXPECT_EQ(parsed[1][7], "1234");
    EXPECT_EQ(parsed[2].size(), 9u);
    EXPECT_EQ(parsed[1][8], "endpoint");
    EXPECT_EQ(parsed[2][2], "");
    EXPECT_EQ(parsed[2][5], "anonymous");
}

// A spreadsheet importing with ';' as the separator, as French and Spanish locales do; the
// worst case, where quotes do not hold a cell together.
TEST(IndexCsv, NoCellStartsAFormulaWhenSplitOnSemicolons)
{
    const std::vector<std::string> hostile = {
        "Acme;=1+1;=HYPERLINK(A1)", "  =cmd|' /C calc'!A0",     ";@SUM(1)", "x; +1", "|x", "-1",
        std::string("\0=1", 3),     "Police Watch, \"Nairobi\""};
    std::vector<IndexRow> rows;
    for (const std::string& text : hostile) {
        rows.push_back(
            {"11111111-aaaa", "call-1", text, text, "en", "public", "2026-11-28T21:45:13Z", 1});
    }
    const std::string csv = indexCsv(rows);
    std::size_t cells = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= csv.size(); ++i) {
        if (i < csv.size() && csv[i] != ';' && csv[i] != '\n') {
            continue;
        }
        std::string_view cell(csv.data() + start, i - start);
        start = i + 1;
        while (!cell.empty() && (cell.front() == ' ' || cell.front() == '"')) {
            cell.remove_prefix(1);
        }
        ++cells;
        if (!cell.empty()) {
            EXPECT_EQ(std::string_view("=+-@|\t\r;").find(cell.front()), std::string_view::npos)
                << "a cell starts a formula: " << cell;
            EXPECT_NE(cell.front(), '\0');
        }
    }
    EXPECT_GT(cells, rows.size());
    // Read as RFC 4180 with ',' it is the same text behind the apostrophes.
    const auto parsed = parseCsv(csv);
    ASSERT_EQ(parsed.size(), rows.size() + 1);
    EXPECT_EQ(parsed[1][2], "Acme;'=1+1;'=HYPERLINK(A1)");
    EXPECT_EQ(parsed[8][2], "Police Watch, \"Nairobi\"");
}

TEST(IndexJson, AbsentTextsAreNullAndSizesNumbers)
{
    const std::vector<IndexRow> rows{{"11111111-aaaa", "call-1", "", "MX", "es", "confidential",
                                      "2026-11-28T21:45:13Z", 5000000000ULL}};
    const auto json = nlohmann::json::parse(indexJson(rows));
    ASSERT_EQ(json["submissions"].size(), 1u);
    const auto& row = json["submissions"][0];
    EXPECT_TRUE(row["organization"].is_null());
    EXPECT_EQ(row["country"], "MX");
    EXPECT_EQ(row["publication_consent"], "confidential");
    EXPECT_EQ(row["size"].get<std::uint64_t>(), 5000000000ULL);
    EXPECT_EQ(nlohmann::json::parse(indexJson({}))["submissions"].size(), 0u);
}

class FolderTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device random;
        root_ = fs::temp_directory_path() / ("amicus-intake-unit-" + std::to_string(random()));
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    static void write(const fs::path& path, const std::string& text)
    {
        std::ofstream(path, std::ios::binary) << text;
    }

    fs::path makeFolder(const std::string& name, const nlohmann::ordered_json& manifest)
    {
        const fs::path dir = root_ / name;
        fs::create_directories(dir);
        write(dir / "submission.json", manifest.dump());
        const std::string receipt =
            R"({"v":1,"submission_id":")" + name +
            R"(","upload_id":"u1","size":321,"sha256":"00","received_at":"2026-11-28T21:45:13Z"})";
        write(dir / "receipt.json",
              nlohmann::json{{"receipt", receipt}, {"signature", "x"}}.dump());
        return dir;
    }

    static nlohmann::ordered_json manifest(const std::string& id, const std::string& consent)
    {
        return {{"format", "amicus-submission"},
                {"version", 1},
                {"call_id", "call-1"},
                {"submission_id", id},
                {"language", "fr"},
                {"submitter",
                 {{"organization", "Org <script>alert(1)</script>"},
                  {"organization_kind", "ngo"},
                  {"country", "SN"},
                  {"contact", "secret@example.org"}}},
                {"publication_consent", consent},
                {"answers", nlohmann::ordered_json{{"q2", "Deux & <trois>\n\nSecond paragraphe"},
                                                   {"q1", "Un"}}},
                {"attachments", nlohmann::json::array()}};
    }

    fs::path root_;
};

TEST_F(FolderTest, ReadsManifestAndReceipt)
{
    const auto dir = makeFolder("aaaaaaaa-1111", manifest("aaaaaaaa-1111", "anonymous"));
    auto folder = readSubmissionFolder(dir);
    ASSERT_TRUE(folder);
    EXPECT_EQ(folder->consent, "anonymous");
    EXPECT_EQ(folder->organization, "Org <script>alert(1)</script>");
    EXPECT_EQ(folder->envelopeSize, 321u);
    EXPECT_EQ(folder->receivedAt, "2026-11-28T21:45:13Z");
    ASSERT_EQ(folder->answers.size(), 2u);
    EXPECT_EQ(folder->answers[0].first, "q2"); // file order kept
    const IndexRow row = indexRowOf(*folder);
    EXPECT_EQ(row.country, "SN");
    EXPECT_EQ(row.size, 321u);
}

// An envelope that came by hand: arrival.json in place of the receipt, "by_hand" in the index;
// a malformed one is refused like a malformed receipt.
TEST_F(FolderTest, ReadsAnArrivalByHandInPlaceOfAReceipt)
{
    const std::string id = "eeeeeeee-5555-4555-8555-555555555555";
    const auto dir = makeFolder(id, manifest(id, "public"));
    fs::remove(dir / "receipt.json");
    write(dir / "arrival.json",
          R"({"arrival":"by_hand","received_at":"2026-12-07T07:00:00Z","size":654,"sha256":"ab"})");
    auto folder = readSubmissionFolder(dir);
    ASSERT_TRUE(folder);
    EXPECT_EQ(folder->arrival, "by_hand");
    EXPECT_EQ(folder->envelopeSize, 654u);
    EXPECT_EQ(folder->envelopeSha256Hex, "ab");
    EXPECT_EQ(indexRowOf(*folder).arrival, "by_hand");
    EXPECT_EQ(nlohmann::json::parse(indexJson({indexRowOf(*folder)}))["submissions"][0]["arrival"],
              "by_hand");
    write(dir / "arrival.json",
          R"({"arrival":"endpoint","received_at":"x","size":1,"sha256":"ab"})");
    EXPECT_EQ(readSubmissionFolder(dir).error(), FolderError::BadReceipt);
    write(dir / "arrival.json",
          R"({"arrival":"by_hand","received_at":"x","size":-1,"sha256":"ab"})");
    EXPECT_EQ(readSubmissionFolder(dir).error(), FolderError::BadReceipt);
    fs::remove(dir / "arrival.json");
    EXPECT_EQ(readSubmissionFolder(dir).error(), FolderError::BadReceipt);
}

TEST_F(FolderTest, RefusesUnknownConsentWrongNameAndMissingReceipt)
{
    auto unknown = makeFolder("bbbbbbbb-2222-4222-8222-222222222222",
                              manifest("bbbbbbbb-2222-4222-8222-222222222222", "everyone"));
    ASSERT_FALSE(readSubmissionFolder(unknown));
    EXPECT_EQ(readSubmissionFolder(unknown).error(), FolderError::BadManifest);

    auto renamed = makeFolder("cccccccc-3333-4333-8333-333333333333",
                              manifest("dddddddd-4444-4444-8444-444444444444", "public"));
    EXPECT_EQ(readSubmissionFolder(renamed).error(), FolderError::NameMismatch);

    auto noReceipt = makeFolder("eeeeeeee-5555-4555-a555-555555555555",
                                manifest("eeeeeeee-5555-4555-a555-555555555555", "public"));
    fs::remove(noReceipt / "receipt.json");
    EXPECT_EQ(readSubmissionFolder(noReceipt).error(), FolderError::BadReceipt);

    const auto scan = scanSubmissionFolders(root_);
    EXPECT_TRUE(scan.submissions.empty());
    EXPECT_EQ(scan.broken.size(), 3u);
}

TEST_F(FolderTest, ScanTakesOnlyFoldersNamedAfterASubmissionId)
{
    const std::string id = "ffffffff-6666-4666-b666-666666666666";
    makeFolder(id, manifest(id, "public"));
    fs::create_directories(root_ / (".incoming-" + id));
    write(root_ / "index.csv", "x");
    // Names the endpoint would allow but inbox never gives a folder: not a lower-case UUID v4.
    for (const std::string name : {"ffffffff-7777", "FFFFFFFF-6666-4666-B666-666666666666",
                                   "ffffffff-6666-1666-b666-666666666666"}) {
        makeFolder(name, manifest(name, "public"));
    }
    const auto scan = scanSubmissionFolders(root_);
    ASSERT_EQ(scan.submissions.size(), 1u);
    EXPECT_EQ(scan.submissions.front().submissionId, id);
    EXPECT_TRUE(scan.broken.empty());
}

TEST(HtmlEscape, EscapesMarkupAndQuotes)
{
    EXPECT_EQ(htmlEscape("<a href=\"x\">O'Neil & co</a>"),
              "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
    EXPECT_EQ(hrefEscape("attachments/rapport final \"v2\".pdf"),
              "attachments/rapport%20final%20%22v2%22.pdf");
    EXPECT_EQ(hrefEscape("vacío"), "vac%C3%ADo");
}

TEST_F(FolderTest, IndexLinksDocumentsEscapesTextAndOmitsAnonymousSubmitters)
{
    auto open =
        readSubmissionFolder(makeFolder("aaaaaaaa-8888", manifest("aaaaaaaa-8888", "public")));
    auto hidden =
        readSubmissionFolder(makeFolder("aaaaaaaa-9999", manifest("aaaaaaaa-9999", "anonymous")));
    ASSERT_TRUE(open && hidden);
    hidden->organization = "Hidden Org";
    hidden->country = "ZW";
    const PublishedSubmission publicRow{
        &*open, false, {{"aaaaaaaa-8888/attachments/a b.pdf", "a <b>.pdf"}}};
    const PublishedSubmission anonymousRow{&*hidden, true, {{"x/attachments/y.pdf", "leak.pdf"}}};
    EXPECT_EQ(documentFileName(*open), "aaaaaaaa-8888.odt");

    const std::string index = renderIndexPage({publicRow, anonymousRow});
    EXPECT_NE(index.find("<a href=\"aaaaaaaa-8888.odt\">aaaaaaaa-8888</a></td><td>call-1</td>"
                         "<td>Org &lt;script&gt;alert(1)&lt;/script&gt;</td><td>SN</td><td>fr</td>"
                         "<td>2026-11-28T21:45:13Z</td>"),
              std::string::npos)
        << index;
    EXPECT_EQ(index.find("<script>"), std::string::npos);
    EXPECT_NE(index.find("<a href=\"aaaaaaaa-8888/attachments/a%20b.pdf\">a &lt;b&gt;.pdf</a>"),
              std::string::npos);
    EXPECT_NE(index.find("<a href=\"aaaaaaaa-9999.odt\">aaaaaaaa-9999</a></td><td>call-1</td>"
                         "<td>Anonymous</td><td></td><td>fr</td>"),
              std::string::npos)
        << index;
    for (const char* secret : {"Hidden Org", "ZW", "leak.pdf", "secret@example.org", "ngo"}) {
        EXPECT_EQ(index.find(secret), std::string::npos) << secret;
    }
    EXPECT_EQ(index.find("index.html"), std::string::npos); // no per-submission pages any more
}

} // namespace
} // namespace amicus::intake
