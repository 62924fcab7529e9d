// `amicusctl list`: one line per draft, newest first.
#include "commands.h"

#include <iostream>

namespace amicus::amicusctl {

int runList(const Invocation& invocation)
{
    int exitCode = exitOk;
    auto session = openSessionWithoutArgs(invocation, exitCode);
    if (!session) {
        return exitCode;
    }
    auto drafts = session->store().drafts().list();
    if (!drafts) {
        return reportError(drafts.error());
    }
    // Tab-separated so scripts can cut it: id, updated, status, call, answers, attachments,
    // organization.
    for (const auto& draft : *drafts) {
        std::cout << draft.id << "\t" << formatTime(draft.updatedAt) << "\t"
                  << store::draftStatusName(draft.status) << "\t" << draft.callId << "\t"
                  << draft.answerCount << " answers\t" << draft.attachmentCount << " attachments\t"
                  << draft.organization.value_or("(no organization)") << "\n";
    }
    return exitOk;
}

} // namespace amicus::amicusctl
