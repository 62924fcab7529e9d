#include "publish_html.h"

#include <cstdio>

namespace amicus::intake {

namespace {

// The few headings a page needs, in the submission's language (English otherwise).
struct Headings {
    const char* submission;
    const char* submittedBy;
    const char* organization;
    const char* kind;
    const char* country;
    const char* anonymous;
    const char* call;
    const char* language;
    const char* received;
    const char* attachments;
    const char* question;
    const char* noAnswer;
};

const Headings& headingsFor(std::string_view language)
{
    static const Headings english{
        "Submission", "Submitted by",         "Organization", "Kind of organization",
        "Country",    "Anonymous submission", "Call",         "Language",
        "Received",   "Attachments",          "Question",     "(no answer)"};
    static const Headings french{
        "Contribution", "Soumise par",          "Organisation", "Type d’organisation",
        "Pays",         "Contribution anonyme", "Appel",        "Langue",
        "Reçue le",     "Pièces jointes",       "Question",     "(pas de réponse)"};
    static const Headings spanish{"Contribución",         "Presentada por", "Organización",
                                  "Tipo de organización", "País",           "Contribución anónima",
                                  "Convocatoria",         "Idioma",         "Recibida el",
                                  "Archivos adjuntos",    "Pregunta",       "(sin respuesta)"};
    if (language == "fr") {
        return french;
    }
    if (language == "es") {
        return spanish;
    }
    return english;
}

// Language tags are ours ("en", "fr", "es"), but the page must not trust the manifest.
std::string safeLanguageTag(const std::string& tag)
{
    for (const char c : tag) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
            return "und";
        }
    }
    return tag.empty() ? "und" : tag;
}

// Blank lines separate paragraphs; single line breaks are kept.
std::string paragraphs(std::string_view text)
{
    std::string html;
    std::string paragraph;
    auto flush = [&]() {
        if (!paragraph.empty()) {
            html += "<p>" + paragraph + "</p>\n";
            paragraph.clear();
        }
    };
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
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            flush();
        } else {
            if (!paragraph.empty()) {
                paragraph += "<br>\n";
            }
            paragraph += htmlEscape(line);
        }
        start = end + 1;
    }
    flush();
    return html;
}

constexpr std::string_view pageStyle =
    "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}"
    "dt{font-weight:bold}table{border-collapse:collapse}td,th{border:1px solid #999;"
    "padding:.3em .6em;text-align:left}";

std::string pageStart(const std::string& language, const std::string& title)
{
    // The policy forbids scripts, remote loads and forms whatever ends up in the text.
    return "<!DOCTYPE html>\n<html lang=\"" + safeLanguageTag(language) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">\n<title>" +
           htmlEscape(title) + "</title>\n<style>" + std::string(pageStyle) +
           "</style>\n</head>\n<body>\n";
}

} // namespace

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string hrefEscape(std::string_view path)
{
    std::string out;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += c;
        } else {
            char encoded[4];
            (void)std::snprintf(encoded, sizeof encoded, "%%%02X", byte);
            out += encoded;
        }
    }
    return out;
}

std::string renderSubmissionPage(const PublishedSubmission& submission,
                                 const QuestionText& questionText)
{
    const SubmissionFolder& folder = *submission.folder;
    const Headings& h = headingsFor(folder.language);
    std::string html =
        pageStart(folder.language, std::string(h.submission) + " " + folder.submissionId);
    html += "<h1>" + htmlEscape(h.submission) + "</h1>\n<dl>\n";
    html += "<dt>" + htmlEscape(h.call) + "</dt><dd>" + htmlEscape(folder.callId) + "</dd>\n";
    html += "<dt>" + htmlEscape(h.language) + "</dt><dd>" + htmlEscape(folder.language) + "</dd>\n";
    html += "<dt>" + htmlEscape(h.received) + "</dt><dd>" + htmlEscape(folder.receivedAt) +
            "</dd>\n</dl>\n";
    html += "<h2>" + htmlEscape(h.submittedBy) + "</h2>\n";
    if (submission.anonymous) {
        html += "<p>" + htmlEscape(h.anonymous) + "</p>\n";
    } else {
        html += "<dl>\n";
        auto item = [&](const char* label, const std::string& value) {
            if (!value.empty()) {
                html += "<dt>" + htmlEscape(label) + "</dt><dd>" + htmlEscape(value) + "</dd>\n";
            }
        };
        item(h.organization, folder.organization);
        item(h.kind, folder.organizationKind);
        item(h.country, folder.country);
        html += "</dl>\n";
    }
    for (const auto& [questionId, answer] : folder.answers) {
        std::string heading =
            questionText ? questionText(folder.callId, questionId, folder.language) : std::string();
        if (heading.empty()) {
            heading = std::string(h.question) + " " + questionId;
        }
        html += "<section>\n<h2>" + htmlEscape(heading) + "</h2>\n";
        const std::string body = paragraphs(answer);
        html += body.empty() ? "<p>" + htmlEscape(h.noAnswer) + "</p>\n" : body;
        html += "</section>\n";
    }
    if (!submission.attachmentLinks.empty()) {
        html += "<h2>" + htmlEscape(h.attachments) + "</h2>\n<ul>\n";
        for (const auto& [href, label] : submission.attachmentLinks) {
            html += "<li><a href=\"" + htmlEscape(hrefEscape(href)) + "\">" + htmlEscape(label) +
                    "</a></li>\n";
        }
        html += "</ul>\n";
    }
    html += "</body>\n</html>\n";
    return html;
}

std::string renderIndexPage(const std::vector<PublishedSubmission>& submissions)
{
    std::string html = pageStart("en", "Submissions");
    html += "<h1>Submissions</h1>\n<table>\n<tr><th>Submission</th><th>Submitted by</th>"
            "<th>Country</th><th>Language</th><th>Call</th><th>Received</th></tr>\n";
    for (const PublishedSubmission& submission : submissions) {
        const SubmissionFolder& folder = *submission.folder;
        const std::string by =
            submission.anonymous ? std::string("Anonymous") : folder.organization;
        const std::string country = submission.anonymous ? std::string() : folder.country;
        html += "<tr><td><a href=\"" + htmlEscape(hrefEscape(folder.submissionId + "/index.html")) +
                "\">" + htmlEscape(folder.submissionId) + "</a></td><td>" + htmlEscape(by) +
                "</td><td>" + htmlEscape(country) + "</td><td>" + htmlEscape(folder.language) +
                "</td><td>" + htmlEscape(folder.callId) + "</td><td>" +
                htmlEscape(folder.receivedAt) + "</td></tr>\n";
    }
    html += "</table>\n</body>\n</html>\n";
    return html;
}

} // namespace amicus::intake
