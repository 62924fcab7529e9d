// ReadableLayout: a submission as a person reads it, as a flat list of typed blocks with no
// format in them, so every readable rendering (submission.md in the package, the app's
// export, amicus-intake's published ODT) shows the same text with the same labels.
#pragma once

#include "package/submission_package.h"

#include <string>
#include <string_view>
#include <vector>

namespace amicus::package {

// What a block is; writers map each kind to their own markup.
enum class BlockKind {
    Title,      // once, first: the document's title
    Heading,    // a section: submitter, answers, attachments
    Subheading, // inside a section: one per question
    Paragraph,  // running text; '\n' inside is a line break, not a new paragraph
    ListItem,   // one "Label: value" line or one attachment; consecutive items form a list
    Note,       // a remark about missing or withheld content ("No answers.")
};

// One block of text, UTF-8 as the submitter wrote it (not escaped for any format; may hold
// any character, writers drop what their format cannot carry). May contain '\n'.
struct LayoutBlock {
    BlockKind kind = BlockKind::Paragraph;
    std::string text;
};

// The whole readable document.
struct ReadableLayout {
    std::string language; // the submission's language tag as given, e.g. "fr"
    std::string title;    // the same text as the Title block, for document metadata
    std::vector<LayoutBlock> blocks;
};

// What to leave out of the layout, for a published copy.
struct LayoutOptions {
    // False drops the submitter block (organization, kind, country, contact) entirely: an
    // anonymous publication. The consent line stays.
    bool includeSubmitter = true;
    // False drops the contact line only (a published copy of a public submission).
    bool includeContact = true;
    // False lists no attachment names (they may identify the author) and says so in a Note.
    bool includeAttachments = true;
};

// The layout of `submission`, whose attachments sit at `attachmentNames` (from
// uniqueFileNames(), one per attachment, same order) under attachments/. In order:
//   Title; ListItems call, submission id, created, language, publication consent;
//   Heading "Submitter" + ListItems organization, kind, country, contact (unless excluded);
//   Heading "Answers" + per answer a Subheading (the question text, else its id, on one line)
//   and its Paragraphs (split at blank lines; a Note when the answer is empty), or a Note
//   when there are no answers; Heading "Attachments" + one ListItem per attachment
//   ("attachments/NAME (media type, N bytes, SHA-256 HEX)") or a Note.
// Labels are in the submission's language (en, fr, es; English for anything else); a value
// never given reads "not given" in that language.
[[nodiscard]] ReadableLayout layoutSubmission(const SubmissionPackage& submission,
                                              const std::vector<std::string>& attachmentNames,
                                              const LayoutOptions& options);

// The same with only the submitter block switchable: `includeSubmitter` false drops it
// (anonymous publication); everything else is included.
[[nodiscard]] ReadableLayout layoutSubmission(const SubmissionPackage& submission,
                                              const std::vector<std::string>& attachmentNames,
                                              bool includeSubmitter = true);

// "en", "fr" or "es": the language whose labels layoutSubmission uses for `language`
// ("fr-CA" gives "fr", "de" gives "en").
[[nodiscard]] std::string_view layoutLanguage(std::string_view language);

// The layout as Markdown (the package's submission.md): Title "#", Heading "##", Subheading
// "###", ListItems "- ", blank lines between blocks. Text is kept as written; a line of a
// Paragraph or Note starting with a Markdown marker gets a backslash so it stays text.
[[nodiscard]] std::string layoutToMarkdown(const ReadableLayout& layout);

} // namespace amicus::package
