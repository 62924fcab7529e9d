#include "submission/draft_document.h"

#include "package/submission_document.h"
#include "submission/draft_package.h"

#include <ctime>
#include <system_error>

namespace amicus::submission {

namespace {

// "2026-12-07-0615": the local date and time to the minute.
std::string localMinute(std::chrono::system_clock::time_point when)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%d-%H%M", &local);
    return std::string(text, length);
}

} // namespace

DraftDocument draftDocument(const store::Draft& draft, const calls::Call* call,
                            const store::VaultStore& store,
                            const crypto::X25519Identity& vaultIdentity,
                            std::chrono::system_clock::time_point now)
{
    calls::Call withdrawn;
    withdrawn.id = draft.callId;
    const package::SubmissionPackage submission =
        packageFromDraft(draft, call ? *call : withdrawn, store, vaultIdentity);
    std::vector<std::string> names;
    names.reserve(submission.attachments.size());
    for (const auto& attachment : submission.attachments) {
        names.push_back(attachment.fileName);
    }
    DraftDocument document;
    document.layout = package::layoutSubmission(submission, package::uniqueFileNames(names), true);
    if (submission.consent != package::PublicationConsent::Anonymous) {
        document.author = submission.submitter.organization;
    }
    document.fileStem =
        "amicus-" + package::sanitizeFileName(draft.callId) + "-" + localMinute(now);
    return document;
}

std::string freshFileName(const std::filesystem::path& directory, std::string_view stem,
                          std::string_view extension)
{
    std::string name = std::string(stem) + std::string(extension);
    for (int n = 2;; ++n) {
        std::error_code error;
        // A folder that cannot be read is written to under the first name: the write reports it.
        if (!std::filesystem::exists(directory / name, error)) {
            return name;
        }
        name = std::string(stem) + "-" + std::to_string(n) + std::string(extension);
    }
}

} // namespace amicus::submission
