// The readable layout shared by submission.md, the app's export and the published ODT:
// block order, labels per language, paragraphs, the options that drop personal data, and
// its Markdown serialization.
#include "crypto/sha256.h"
#include "package/readable_layout.h"
#include "package/submission_document.h"

#include <algorithm>
#include <gtest/gtest.h>

namespace amicus::package {
namespace {

SubmissionPackage sampleSubmission(const std::string& language)
{
    SubmissionPackage submission;
    submission.callId = "call-1";
    submission.submissionId = "639549b7-a0e5-4285-a493-ebf8dae57be5";
    submission.language = language;
    submission.submitter.organization = "Réseau\nAssoc";
    submission.submitter.country = "SN";
    submission.submitter.contact = "contact@example.org";
    submission.consent = PublicationConsent::Anonymous;
    submission.answers.push_back({"q1", "What works?", "First line\r\nsecond line\n\n\nNext"});
    submission.answers.push_back({"q2", "", ""});
    PackageAttachment attachment;
    attachment.fileName = "../report.pdf";
    attachment.mediaType = "application/pdf";
    attachment.size = 1234;
    attachment.sha256.fill(0xab);
    submission.attachments.push_back(attachment);
    submission.createdAt = std::chrono::system_clock::from_time_t(1764364800); // 2025-11-28
    return submission;
}

std::vector<BlockKind> kinds(const ReadableLayout& layout)
{
    std::vector<BlockKind> out;
    for (const LayoutBlock& block : layout.blocks) {
        out.push_back(block.kind);
    }
    return out;
}

bool hasText(const ReadableLayout& layout, const std::string& needle)
{
    return std::any_of(layout.blocks.begin(), layout.blocks.end(), [&](const LayoutBlock& b) {
        return b.text.find(needle) != std::string::npos;
    });
}

TEST(ReadableLayout, BlocksInOrderWithEnglishLabels)
{
    const ReadableLayout layout = layoutSubmission(sampleSubmission("en"), {"report.pdf"});
    using K = BlockKind;
    const std::vector<K> expected = {K::Title,      K::ListItem,  K::ListItem,  K::ListItem,
                                     K::ListItem,   K::ListItem,  K::Heading,   K::ListItem,
                                     K::ListItem,   K::ListItem,  K::ListItem,  K::Heading,
                                     K::Subheading, K::Paragraph, K::Paragraph, K::Subheading,
                                     K::Note,       K::Heading,   K::ListItem};
    EXPECT_EQ(kinds(layout), expected);
    EXPECT_EQ(layout.language, "en");
    EXPECT_EQ(layout.title, "Submission to a call for input");
    EXPECT_EQ(layout.blocks[0].text, layout.title);
    EXPECT_EQ(layout.blocks[2].text, "Submission ID: 639549b7-a0e5-4285-a493-ebf8dae57be5");
    EXPECT_EQ(layout.blocks[3].text, "Created: 2025-11-28T21:20:00Z");
    EXPECT_EQ(layout.blocks[5].text,
              "Publication: Anonymous: may be published without the submitter's name");
    EXPECT_EQ(layout.blocks[7].text, "Organization: Réseau Assoc"); // one line
    EXPECT_EQ(layout.blocks[8].text, "Kind of organization: not given");
    EXPECT_EQ(layout.blocks[10].text, "Contact: contact@example.org");
    EXPECT_EQ(layout.blocks[12].text, "What works?");
    EXPECT_EQ(layout.blocks[13].text, "First line\nsecond line"); // a line break, no '\r'
    EXPECT_EQ(layout.blocks[14].text, "Next");
    EXPECT_EQ(layout.blocks[15].text, "q2"); // no question text: its id
    EXPECT_EQ(layout.blocks[16].text, "No answer.");
    std::string hex;
    for (int i = 0; i < 32; ++i) {
        hex += "ab";
    }
    EXPECT_EQ(layout.blocks[18].text,
              "attachments/report.pdf (application/pdf, 1234 bytes, SHA-256 " + hex + ")");
}

TEST(ReadableLayout, LabelsFollowTheLanguageWithEnglishFallback)
{
    EXPECT_EQ(layoutSubmission(sampleSubmission("fr"), {"r"}).title,
              "Contribution à un appel à contributions");
    EXPECT_EQ(layoutSubmission(sampleSubmission("es-MX"), {"r"}).title,
              "Contribución a una convocatoria");
    EXPECT_EQ(layoutSubmission(sampleSubmission("de"), {"r"}).title,
              "Submission to a call for input");
    EXPECT_TRUE(hasText(layoutSubmission(sampleSubmission("fr"), {"r"}), "Pas de réponse."));
    EXPECT_TRUE(hasText(layoutSubmission(sampleSubmission("es"), {"r"}), "Respuestas"));
    // French puts a no-break space before the colon; English and Spanish none.
    EXPECT_TRUE(hasText(layoutSubmission(sampleSubmission("fr"), {"r"}), "Pays\u00A0: SN"));
    EXPECT_TRUE(hasText(layoutSubmission(sampleSubmission("es"), {"r"}), "País: SN"));
    EXPECT_EQ(layoutLanguage("FR_ca"), "fr");
    EXPECT_EQ(layoutLanguage(""), "en");
    EXPECT_EQ(layoutLanguage("esperanto"), "en");
}

TEST(ReadableLayout, WithoutSubmitterNothingOfItRemains)
{
    const ReadableLayout layout = layoutSubmission(sampleSubmission("fr"), {"report.pdf"}, false);
    for (const char* personal : {"Réseau", "SN", "contact@example.org", "Auteur"}) {
        EXPECT_FALSE(hasText(layout, personal)) << personal;
    }
    EXPECT_TRUE(hasText(layout, "Anonyme : peut être publiée")); // the consent stays
    EXPECT_TRUE(hasText(layout, "attachments/report.pdf"));

    LayoutOptions published;
    published.includeContact = false;
    published.includeAttachments = false;
    const ReadableLayout open = layoutSubmission(sampleSubmission("en"), {"report.pdf"}, published);
    EXPECT_TRUE(hasText(open, "Réseau Assoc"));
    EXPECT_FALSE(hasText(open, "contact@example.org"));
    EXPECT_FALSE(hasText(open, "report.pdf"));
    EXPECT_TRUE(hasText(open, "The attachments are not reproduced in this document."));
}

TEST(ReadableLayout, MarkdownKeepsTheStructureAndEscapesLineStarts)
{
    SubmissionPackage submission = sampleSubmission("es");
    submission.answers[0].text = "# not a heading\n- not a list";
    submission.attachments.clear();
    const std::string md = renderSubmission(submission, {});
    EXPECT_EQ(md.rfind("# Contribución a una convocatoria\n\n- Convocatoria: call-1\n", 0), 0u)
        << md;
    EXPECT_NE(md.find("- Publicación: Anónima: puede publicarse sin el nombre del autor\n\n"
                      "## Autor de la contribución\n\n- Organización: Réseau Assoc\n"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("## Respuestas\n\n### What works?\n\n\\# not a heading\n\\- not a list\n\n"
                      "### q2\n\nSin respuesta.\n\n"),
              std::string::npos)
        << md;
    const std::string ending = "## Archivos adjuntos\n\nSin archivos adjuntos.\n";
    EXPECT_TRUE(md.size() > ending.size() && md.substr(md.size() - ending.size()) == ending) << md;
}

} // namespace
} // namespace amicus::package
