// `amicusctl finalize ID [--recipient age1…]…`: turns a draft into its submission envelope
// (DESIGN.md, "Inside the envelope") under DATA/outbox/<submission id>.age, to the call's
// recipients from the built-in catalog (or, for tests and local endpoints, to the given
// --recipient keys instead), and queues it in the store's outbox.
#include "calls/builtin_catalog.h"
#include "commands.h"
#include "crypto/sha256.h"
#include "package/submission_package.h"
#include "submission/draft_finalizer.h"

#include <iostream>
#include <optional>

namespace amicus::amicusctl {

namespace {

int reportPackageError(const package::PackageError& error)
{
    say(std::string(package::packageErrcName(error.code)) + ": " + error.detail);
    switch (error.code) {
    case package::PackageErrc::DiskFull:
        return exitDiskFull;
    case package::PackageErrc::Io:
        return exitIo;
    case package::PackageErrc::AttachmentChanged:
        return exitCorrupt;
    case package::PackageErrc::InvalidInput:
    case package::PackageErrc::InvalidRecipient:
        return exitBadInput;
    default:
        return exitInternal;
    }
}

} // namespace

int runFinalize(const Invocation& invocation)
{
    int exitCode = exitOk;
    auto command = openDraftCommand(invocation, {"--recipient"}, exitCode);
    if (!command) {
        return exitCode;
    }
    const std::int64_t draftId = command->draft.id;
    const std::vector<std::string> recipientOverride = command->args.all("--recipient");
    auto& session = command->session;
    const store::Draft& draft = command->draft;
    auto call = calls::builtinCatalog().call(draft.callId);
    if (!call) {
        say("NotFound: the built-in catalog has no call " + draft.callId);
        return exitNotFound;
    }
    const std::vector<std::string>& recipients =
        recipientOverride.empty() ? (*call)->recipients : recipientOverride;
    auto envelope =
        submission::finalizeDraft(*session, invocation.dataDir, draftId, **call, recipients);
    if (!envelope) {
        const submission::FinalizeError& error = envelope.error();
        switch (error.code) {
        case submission::FinalizeErrc::AlreadyFinalized:
            say("AlreadyExists: draft " + std::to_string(draftId) +
                " is already finalized and in the outbox");
            return exitAlreadyExists;
        case submission::FinalizeErrc::NoConsent:
            return reportBadInput("finalize: the draft has no publication consent yet");
        case submission::FinalizeErrc::Store:
            return reportError(error.storeError);
        case submission::FinalizeErrc::Package:
            return reportPackageError(error.packageError);
        }
        return exitInternal;
    }
    std::cout << envelope->submissionId << " " << envelope->size
              << " bytes sha256:" << crypto::toHex(envelope->sha256).substr(0, 16) << "\n";
    return exitOk;
}

} // namespace amicus::amicusctl
