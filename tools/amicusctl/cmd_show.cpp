// `amicusctl show ID`: prints one draft for a person to read.
#include "commands.h"
#include "crypto/sha256.h"

#include <iostream>

namespace amicus::amicusctl {

namespace {

std::size_t countWords(const std::string& text)
{
    std::size_t words = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !inWord) {
            ++words;
        }
        inWord = !space;
    }
    return words;
}

std::string orUnset(const std::optional<std::string>& value)
{
    return value ? *value : "(not set)";
}

} // namespace

int runShow(const Invocation& invocation)
{
    int exitCode = exitOk;
    const auto command = openDraftCommand(invocation, {}, exitCode);
    if (!command) {
        return exitCode;
    }
    const store::Draft& draft = command->draft;
    std::ostream& out = std::cout;
    out << "Draft " << draft.id << " (submission " << draft.submissionId << ")\n"
        << "Call:                 " << draft.callId << "\n"
        << "Status:               " << store::draftStatusName(draft.status) << "\n"
        << "Created:              " << formatTime(draft.createdAt) << "\n"
        << "Updated:              " << formatTime(draft.updatedAt) << "\n"
        << "Language:             " << orUnset(draft.language) << "\n"
        << "Organization:         " << orUnset(draft.submitter.organization) << "\n"
        << "Kind of organization: " << orUnset(draft.submitter.organizationKind) << "\n"
        << "Country:              " << orUnset(draft.submitter.country) << "\n"
        << "Contact:              " << orUnset(draft.submitter.contact) << "\n"
        << "Publication consent:  "
        << (draft.consent ? store::consentName(*draft.consent) : "(not set)") << "\n";
    out << "Answers (" << draft.answers.size() << "):\n";
    for (const auto& [question, text] : draft.answers) {
        out << "  [" << question << "] " << countWords(text) << " words\n";
        std::size_t start = 0;
        while (start <= text.size()) {
            const auto end = text.find('\n', start);
            out << "    " << text.substr(start, end == std::string::npos ? end : end - start)
                << "\n";
            if (end == std::string::npos) {
                break;
            }
            start = end + 1;
        }
    }
    out << "Attachments (" << draft.attachments.size() << "):\n";
    for (const auto& attachment : draft.attachments) {
        out << "  #" << attachment.id << " " << attachment.fileName << "  " << attachment.mediaType
            << "  " << attachment.size << " bytes  sha256 " << crypto::toHex(attachment.sha256)
            << "\n";
    }
    return exitOk;
}

} // namespace amicus::amicusctl
