#include "package/readable_layout.h"

#include "crypto/sha256.h"
#include "package/submission_document.h"

namespace amicus::package {

namespace {

// Every label of the readable document in one language.
struct Labels {
    const char* title;
    const char* call;
    const char* submissionId;
    const char* created;
    const char* language;
    const char* submitter;
    const char* organization;
    const char* organizationKind;
    const char* country;
    const char* contact;
    const char* consent;
    const char* consentPublic;
    const char* consentConfidential;
    const char* consentAnonymous;
    const char* answers;
    const char* noAnswers;
    const char* noAnswer;
    const char* attachments;
    const char* noAttachments;
    const char* attachmentsWithheld;
    const char* bytes;
    const char* notGiven;
    const char* separator; // between a label and its value (French spaces its colon)
};

const Labels english{"Submission to a call for input",
                     "Call",
                     "Submission ID",
                     "Created",
                     "Language",
                     "Submitter",
                     "Organization",
                     "Kind of organization",
                     "Country",
                     "Contact",
                     "Publication",
                     "Public: may be published with the submitter's name",
                     "Confidential: not to be published",
                     "Anonymous: may be published without the submitter's name",
                     "Answers",
                     "No answers.",
                     "No answer.",
                     "Attachments",
                     "No attachments.",
                     "The attachments are not reproduced in this document.",
                     "bytes",
                     "not given",
                     ": "};

const Labels french{"Contribution à un appel à contributions",
                    "Appel",
                    "Identifiant de la contribution",
                    "Créée le",
                    "Langue",
                    "Auteur de la contribution",
                    "Organisation",
                    "Type d’organisation",
                    "Pays",
                    "Contact",
                    "Publication",
                    "Publique : peut être publiée avec le nom de l’auteur",
                    "Confidentielle : ne doit pas être publiée",
                    "Anonyme : peut être publiée sans le nom de l’auteur",
                    "Réponses",
                    "Aucune réponse.",
                    "Pas de réponse.",
                    "Pièces jointes",
                    "Aucune pièce jointe.",
                    "Les pièces jointes ne sont pas reproduites dans ce document.",
                    "octets",
                    "non renseigné",
                    "\u00A0: "};

const Labels spanish{"Contribución a una convocatoria",
                     "Convocatoria",
                     "Identificador de la contribución",
                     "Creada el",
                     "Idioma",
                     "Autor de la contribución",
                     "Organización",
                     "Tipo de organización",
                     "País",
                     "Contacto",
                     "Publicación",
                     "Pública: puede publicarse con el nombre del autor",
                     "Confidencial: no debe publicarse",
                     "Anónima: puede publicarse sin el nombre del autor",
                     "Respuestas",
                     "Sin respuestas.",
                     "Sin respuesta.",
                     "Archivos adjuntos",
                     "Sin archivos adjuntos.",
                     "Los archivos adjuntos no se reproducen en este documento.",
                     "bytes",
                     "no indicado",
                     ": "};

const Labels& labelsFor(std::string_view language)
{
    const std::string_view primary = layoutLanguage(language);
    if (primary == "fr") {
        return french;
    }
    if (primary == "es") {
        return spanish;
    }
    return english;
}

// Headings and list items are one line.
std::string oneLine(std::string text)
{
    for (char& c : text) {
        if (c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    return text;
}

// An answer's paragraphs: blank (or whitespace-only) lines separate them, single line breaks
// stay inside a paragraph; carriage returns go.
std::vector<std::string> splitParagraphs(std::string_view text)
{
    std::vector<std::string> paragraphs;
    std::string current;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            if (!current.empty()) {
                paragraphs.push_back(std::move(current));
                current.clear();
            }
        } else {
            if (!current.empty()) {
                current += '\n';
            }
            current += line;
        }
        start = end + 1;
    }
    if (!current.empty()) {
        paragraphs.push_back(std::move(current));
    }
    return paragraphs;
}

// Markdown would read "# x" or "- x" at the start of a line of an answer as structure;
// a leading backslash keeps the user's text as text without changing what a person reads.
std::string escapeLineStarts(std::string_view text)
{
    std::string out;
    bool lineStart = true;
    for (const char c : text) {
        if (lineStart && (c == '#' || c == '>' || c == '=' || c == '-' || c == '*' || c == '+')) {
            out.push_back('\\');
        }
        out.push_back(c);
        lineStart = c == '\n';
    }
    return out;
}

} // namespace

std::string_view layoutLanguage(std::string_view language)
{
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    const auto is = [&primary](std::string_view code) {
        if (primary.size() != code.size()) {
            return false;
        }
        for (std::size_t i = 0; i < code.size(); ++i) {
            const char c = primary[i];
            const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            if (lower != code[i]) {
                return false;
            }
        }
        return true;
    };
    if (is("fr")) {
        return "fr";
    }
    if (is("es")) {
        return "es";
    }
    return "en";
}

ReadableLayout layoutSubmission(const SubmissionPackage& submission,
                                const std::vector<std::string>& attachmentNames,
                                bool includeSubmitter)
{
    LayoutOptions options;
    options.includeSubmitter = includeSubmitter;
    return layoutSubmission(submission, attachmentNames, options);
}

ReadableLayout layoutSubmission(const SubmissionPackage& submission,
                                const std::vector<std::string>& attachmentNames,
                                const LayoutOptions& options)
{
    const Labels& l = labelsFor(submission.language);
    ReadableLayout layout;
    layout.language = submission.language;
    layout.title = l.title;
    auto& blocks = layout.blocks;
    const auto add = [&blocks](BlockKind kind, std::string text) {
        blocks.push_back(LayoutBlock{kind, std::move(text)});
    };
    const auto item = [&](const char* label, const std::string& value) {
        add(BlockKind::ListItem, std::string(label) + l.separator +
                                     (value.empty() ? std::string(l.notGiven) : oneLine(value)));
    };

    add(BlockKind::Title, l.title);
    item(l.call, submission.callId);
    item(l.submissionId, submission.submissionId);
    item(l.created, formatUtc(submission.createdAt));
    item(l.language, submission.language);
    const char* consent = l.consentPublic;
    if (submission.consent == PublicationConsent::Confidential) {
        consent = l.consentConfidential;
    } else if (submission.consent == PublicationConsent::Anonymous) {
        consent = l.consentAnonymous;
    }
    item(l.consent, consent);

    if (options.includeSubmitter) {
        add(BlockKind::Heading, l.submitter);
        item(l.organization, submission.submitter.organization);
        item(l.organizationKind, submission.submitter.organizationKind);
        item(l.country, submission.submitter.country);
        if (options.includeContact) {
            item(l.contact, submission.submitter.contact);
        }
    }

    add(BlockKind::Heading, l.answers);
    if (submission.answers.empty()) {
        add(BlockKind::Note, l.noAnswers);
    }
    for (const PackageAnswer& answer : submission.answers) {
        add(BlockKind::Subheading,
            oneLine(answer.questionText.empty() ? answer.questionId : answer.questionText));
        const std::vector<std::string> paragraphs = splitParagraphs(answer.text);
        if (paragraphs.empty()) {
            add(BlockKind::Note, l.noAnswer);
        }
        for (const std::string& paragraph : paragraphs) {
            add(BlockKind::Paragraph, paragraph);
        }
    }

    add(BlockKind::Heading, l.attachments);
    if (submission.attachments.empty()) {
        add(BlockKind::Note, l.noAttachments);
    } else if (!options.includeAttachments) {
        add(BlockKind::Note, l.attachmentsWithheld);
    } else {
        for (std::size_t i = 0; i < submission.attachments.size(); ++i) {
            const PackageAttachment& attachment = submission.attachments[i];
            const std::string& name =
                i < attachmentNames.size() ? attachmentNames[i] : attachment.fileName;
            add(BlockKind::ListItem,
                oneLine(std::string(attachmentsDir) + "/" + name + " (" + attachment.mediaType +
                        ", " + std::to_string(attachment.size) + " " + l.bytes + ", SHA-256 " +
                        crypto::toHex(attachment.sha256) + ")"));
        }
    }
    return layout;
}

std::string layoutToMarkdown(const ReadableLayout& layout)
{
    std::string out;
    for (std::size_t i = 0; i < layout.blocks.size(); ++i) {
        const LayoutBlock& block = layout.blocks[i];
        switch (block.kind) {
        case BlockKind::Title:
            out += "# " + oneLine(block.text);
            break;
        case BlockKind::Heading:
            out += "## " + oneLine(block.text);
            break;
        case BlockKind::Subheading:
            out += "### " + oneLine(block.text);
            break;
        case BlockKind::ListItem:
            out += "- " + oneLine(block.text);
            break;
        case BlockKind::Paragraph:
        case BlockKind::Note:
            out += escapeLineStarts(block.text);
            break;
        }
        out += '\n';
        const bool last = i + 1 == layout.blocks.size();
        const bool listContinues = block.kind == BlockKind::ListItem && !last &&
                                   layout.blocks[i + 1].kind == BlockKind::ListItem;
        if (!last && !listContinues) {
            out += '\n';
        }
    }
    return out;
}

} // namespace amicus::package
