// The built-in catalog: valid, complete in en/fr/es, and faithful to the seed call's text
// (tests/calls/data/call-for-input.txt, a copy of the call as published).
#include "calls/age_recipient.h"
#include "calls/builtin_catalog.h"
#include "calls/catalog_parser.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace amicus::calls {
namespace {

std::vector<const LocalizedText*> everyText(const Call& call)
{
    std::vector<const LocalizedText*> texts{&call.issuingBody, &call.title, &call.purpose,
                                            &call.useOfInputs};
    for (const auto* optional : {&call.summary, &call.background, &call.questionsIntro}) {
        if (optional->has_value()) {
            texts.push_back(&optional->value());
        }
    }
    for (const KeyQuestion& question : call.questions) {
        texts.push_back(&question.text);
    }
    return texts;
}

std::string seedText()
{
    std::ifstream in(std::string(AMICUS_CALLS_TEST_DATA) + "/call-for-input.txt");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string trimmed(std::string text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// The non-empty lines of the seed, trimmed, with list bullets removed.
std::vector<std::string> seedLines()
{
    std::vector<std::string> lines;
    std::istringstream in(seedText());
    std::string line;
    const std::string bullet = "\xe2\x80\xa2"; // U+2022
    while (std::getline(in, line)) {
        line = trimmed(line);
        if (line.rfind(bullet, 0) == 0) {
            line = trimmed(line.substr(bullet.size()));
        }
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

std::string lineAfter(const std::vector<std::string>& lines, const std::string& heading)
{
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i] == heading) {
            return lines[i + 1];
        }
    }
    return {};
}

TEST(BuiltinCatalog, ParsesWithoutAnyFallback)
{
    const auto parsed = parseCatalog(builtinCatalogBytes());
    ASSERT_TRUE(parsed.ok()) << catalogErrorName(parsed.error().code) << " " << parsed.error().path;
    EXPECT_TRUE(parsed->fallbacks.empty());
    EXPECT_EQ(parsed->sequence, 0u); // any signed refresh (sequence >= 1) supersedes it
}

TEST(BuiltinCatalog, EveryTextIsPresentTranslatedAndNonEmptyInEveryLanguage)
{
    const Call& call = builtinCatalog().calls.at(0);
    const auto texts = everyText(call);
    EXPECT_EQ(texts.size(), 4u + 2u + 4u); // with the background and the questions intro
    for (const LocalizedText* text : texts) {
        for (Language language : allLanguages) {
            EXPECT_FALSE(text->isFallback(language));
            EXPECT_FALSE(trimmed(text->text(language)).empty());
        }
        EXPECT_NE(text->text(Language::Fr), text->text(Language::En)) << text->text(Language::En);
        EXPECT_NE(text->text(Language::Es), text->text(Language::En)) << text->text(Language::En);
        EXPECT_NE(text->text(Language::Es), text->text(Language::Fr)) << text->text(Language::En);
    }
}

TEST(BuiltinCatalog, FrenchAndSpanishFollowUnTypography)
{
    for (const LocalizedText* text : everyText(builtinCatalog().calls.at(0))) {
        for (Language language : {Language::Fr, Language::Es}) {
            const std::string& value = text->text(language);
            EXPECT_EQ(value.find('\''), std::string::npos) << "straight apostrophe: " << value;
            EXPECT_EQ(value.find('"'), std::string::npos) << "straight quotes: " << value;
        }
        // French guillemets and colons take a no-break space (U+00A0) inside/before them.
        const std::string& french = text->text(Language::Fr);
        for (const std::string& bad :
             {std::string("\xc2\xab "), std::string(" \xc2\xbb"), std::string(" :")}) {
            EXPECT_EQ(french.find(bad), std::string::npos) << french;
        }
    }
}

TEST(BuiltinCatalog, EnglishIsFaithfulToTheSeedCall)
{
    const std::vector<std::string> lines = seedLines();
    ASSERT_GT(lines.size(), 10u) << "seed text missing";
    const Call& call = builtinCatalog().calls.at(0);
    EXPECT_EQ(call.id, "hrc54-emler-reimagining-policing");
    EXPECT_EQ(call.title.text(Language::En),
              lineAfter(lines, "call for input | HRC subsidiary body"));
    EXPECT_EQ(call.issuingBody.text(Language::En), lineAfter(lines, "Issued by"));
    EXPECT_EQ("Purpose: " + call.purpose.text(Language::En),
              lineAfter(lines, "Submissions now online (See below)"));
    EXPECT_EQ(call.questionsIntro->text(Language::En),
              lineAfter(lines, "Key questions and types of input/comments sought"));
    EXPECT_EQ(call.useOfInputs.text(Language::En), lineAfter(lines, "How inputs will be used"));

    const std::string intro = call.questionsIntro->text(Language::En);
    ASSERT_EQ(call.questions.size(), 4u);
    std::string previous = intro;
    for (const KeyQuestion& question : call.questions) {
        EXPECT_EQ(question.textIn(Language::En), lineAfter(lines, previous));
        previous = question.textIn(Language::En);
    }

    // Background: the two paragraphs around "Learn more about the mechanism here."
    const std::string& background = call.background->text(Language::En);
    const std::string firstParagraph =
        lineAfter(lines, lineAfter(lines, "Submissions now online (See below)"));
    EXPECT_EQ(background.substr(0, background.find("\n\n")), firstParagraph);
    EXPECT_EQ(background.substr(background.find("\n\n") + 2),
              lineAfter(lines, "Learn more about the mechanism here."));
}

TEST(BuiltinCatalog, UseOfInputsSaysContributionsArePublishedUnlessToldOtherwise)
{
    const Call& call = builtinCatalog().calls.at(0);
    const std::string& english = call.useOfInputs.text(Language::En);
    EXPECT_NE(english.find("Unless otherwise specified"), std::string::npos);
    EXPECT_NE(english.find("made available in full"), std::string::npos);
    EXPECT_NE(call.useOfInputs.text(Language::Fr).find("Sauf indication contraire"),
              std::string::npos);
    EXPECT_NE(call.useOfInputs.text(Language::Fr).find("intégralité"), std::string::npos);
    EXPECT_NE(call.useOfInputs.text(Language::Es).find("Salvo que se indique lo contrario"),
              std::string::npos);
    EXPECT_NE(call.useOfInputs.text(Language::Es).find("íntegramente"), std::string::npos);
}

TEST(BuiltinCatalog, QuestionIdsAreStable)
{
    const Call& call = builtinCatalog().calls.at(0);
    std::vector<std::string> ids;
    for (const KeyQuestion& question : call.questions) {
        ids.push_back(question.id);
    }
    // Drafts key their answers by these ids: renaming one orphans every saved answer.
    EXPECT_EQ(ids, (std::vector<std::string>{"use-of-force-framework", "systemic-racism-practices",
                                             "prevention-accountability",
                                             "alternatives-oversight-trust"}));
}

TEST(BuiltinCatalog, EndpointKeysAndLimits)
{
    const Call& call = builtinCatalog().calls.at(0);
    EXPECT_EQ(call.endpoint, "http://127.0.0.1:1080/files");
    EXPECT_EQ(call.receiptUrl("abc"), "http://127.0.0.1:1080/receipts/abc");
    ASSERT_EQ(call.recipients.size(), 1u);
    EXPECT_TRUE(decodeAgeRecipient(call.recipients[0]).has_value());
    EXPECT_NE(call.receiptKey, (std::array<std::uint8_t, 32>{}));
    // The seed call states no limits: Amicus's defaults apply, and are not the call's.
    EXPECT_FALSE(call.limits.wordsPerAnswerSet || call.limits.bytesPerAttachmentSet ||
                 call.limits.attachmentsPerSubmissionSet);
    EXPECT_EQ(call.limits.wordsPerAnswer, 2500u);
    EXPECT_EQ(call.limits.bytesPerAttachment, 25u * 1024 * 1024);
    EXPECT_EQ(call.limits.attachmentsPerSubmission, 10u);
}

// "Submissions now online (See below)" and "Inputs Received": the call is closed and its
// inputs are published; it names no deadline.
TEST(BuiltinCatalog, StateIsTheSeedPagesState)
{
    const std::vector<std::string> lines = seedLines();
    ASSERT_NE(std::find(lines.begin(), lines.end(), "Submissions now online (See below)"),
              lines.end());
    ASSERT_NE(std::find(lines.begin(), lines.end(), "Inputs Received"), lines.end());
    const Call& call = builtinCatalog().calls.at(0);
    EXPECT_EQ(call.status, CallStatus::Closed);
    EXPECT_TRUE(call.inputsPublished);
    EXPECT_FALSE(call.deadline.has_value());
    ASSERT_TRUE(call.page.has_value());
    EXPECT_EQ(
        call.page->text(Language::En).rfind("https://www.ohchr.org/en/calls-for-input/2023/", 0),
        0u);
    ASSERT_TRUE(call.contact.has_value());
    EXPECT_EQ(call.contact->email, "ohchr-emler@un.org");
    // The page offers the call in Word in three languages, without addresses in its text: the
    // catalog names them as on the page and gives no address of its own making.
    // (The page puts no-break spaces around its bars.)
    ASSERT_NE(std::find(lines.begin(), lines.end(),
                        "Download the call for inputs (Word): English\u00a0|\u00a0Français\u00a0|"
                        "\u00a0Español"),
              lines.end());
    EXPECT_TRUE(call.documents.empty());
    ASSERT_EQ(call.documentsOnPage.size(), 3u);
    for (const CallDocument& document : call.documentsOnPage) {
        EXPECT_EQ(document.format, DocumentFormat::Word);
        EXPECT_TRUE(document.url.empty());
    }
    // English is the call as published; French and Spanish are our translations.
    EXPECT_FALSE(call.isUnofficialTranslation(Language::En));
    EXPECT_TRUE(call.isUnofficialTranslation(Language::Fr));
    EXPECT_TRUE(call.isUnofficialTranslation(Language::Es));
}

TEST(BuiltinCatalog, OfficialNamesAndLiteralWording)
{
    const Call& call = builtinCatalog().calls.at(0);
    // OHCHR's Spanish pages name the mechanism so.
    EXPECT_EQ(call.issuingBody.text(Language::Es),
              "Mecanismo de Expertos para Promover la Justicia e Igualdad Racial en la Aplicación "
              "de la Ley");
    // "including in an institutionalized police culture", word for word.
    const KeyQuestion& second = call.questions.at(1);
    EXPECT_NE(second.textIn(Language::Fr)
                  .find("y compris dans une culture policière "
                        "institutionnalisée."),
              std::string::npos);
    EXPECT_NE(second.textIn(Language::Es)
                  .find("incluso en una cultura policial "
                        "institucionalizada."),
              std::string::npos);
    // Published on the website, in full and as received (not "received on the website").
    const std::string& french = call.useOfInputs.text(Language::Fr);
    EXPECT_LT(french.find("publiées sur le site Web public"), french.find("telles qu’elles"));
    const std::string& spanish = call.useOfInputs.text(Language::Es);
    EXPECT_LT(spanish.find("publicarán en el sitio web público"), spanish.find("tal como"));
}

TEST(BuiltinCatalog, EveryConfiguredSigningKeyIsUsable)
{
    // Empty unless the build sets AMICUS_CATALOG_SIGNING_KEYS; then every key must load.
    EXPECT_EQ(builtinCatalogTrustedKeys().size(), builtinCatalogSigningKeys().size());
}

} // namespace
} // namespace amicus::calls
