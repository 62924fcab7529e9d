#include "publish_html.h"

#include <cstdio>

namespace amicus::intake {

namespace {

constexpr std::string_view pageStyle =
    "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}"
    "table{border-collapse:collapse}td,th{border:1px solid #999;"
    "padding:.3em .6em;text-align:left}";

// The index is in English: it lists submissions in every language.
std::string pageStart(const std::string& title)
{
    // The policy forbids scripts, remote loads and forms whatever ends up in the text.
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
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

std::string documentFileName(const SubmissionFolder& folder)
{
    return folder.submissionId + ".odt";
}

std::string renderIndexPage(const std::vector<PublishedSubmission>& submissions)
{
    std::string html = pageStart("Submissions");
    html += "<h1>Submissions</h1>\n<table>\n<tr><th>Document</th><th>Call</th><th>Submitted by</th>"
            "<th>Country</th><th>Language</th><th>Received</th><th>Attachments</th></tr>\n";
    for (const PublishedSubmission& submission : submissions) {
        const SubmissionFolder& folder = *submission.folder;
        const std::string by =
            submission.anonymous ? std::string("Anonymous") : folder.organization;
        const std::string country = submission.anonymous ? std::string() : folder.country;
        std::string attachments;
        if (!submission.anonymous) {
            for (const auto& [href, label] : submission.attachmentLinks) {
                attachments += (attachments.empty() ? "" : "<br>") + std::string("<a href=\"") +
                               htmlEscape(hrefEscape(href)) + "\">" + htmlEscape(label) + "</a>";
            }
        }
        html += "<tr><td><a href=\"" + htmlEscape(hrefEscape(documentFileName(folder))) + "\">" +
                htmlEscape(folder.submissionId) + "</a></td><td>" + htmlEscape(folder.callId) +
                "</td><td>" + htmlEscape(by) + "</td><td>" + htmlEscape(country) + "</td><td>" +
                htmlEscape(folder.language) + "</td><td>" + htmlEscape(folder.receivedAt) +
                "</td><td>" + attachments + "</td></tr>\n";
    }
    html += "</table>\n</body>\n</html>\n";
    return html;
}

} // namespace amicus::intake
