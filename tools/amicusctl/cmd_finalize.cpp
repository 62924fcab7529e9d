// `amicusctl finalize ID [--recipient age1…]…`: turns a draft into its submission envelope
// (DESIGN.md, "Inside the envelope") under DATA/outbox/<submission id>.age, to the call's
// recipients from the built-in catalog (or, for tests and local endpoints, to the given
// --recipient keys instead), and queues it in the store's outbox.
#include "calls/builtin_catalog.h"
#include "commands.h"
#include "crypto/sha256.h"
#include "package/age_file_source.h"
#include "package/submission_package.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>

namespace amicus::amicusctl {

namespace {

int reportPackageError(const package::PackageError& error)
{
    std::cerr << "amicusctl: " << package::packageErrcName(error.code) << ": " << error.detail
              << "\n";
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

package::PublicationConsent toPublicationConsent(store::Consent consent)
{
    switch (consent) {
    case store::Consent::Public:
        return package::PublicationConsent::Public;
    case store::Consent::Confidential:
        return package::PublicationConsent::Confidential;
    case store::Consent::Anonymous:
        return package::PublicationConsent::Anonymous;
    }
    return package::PublicationConsent::Confidential;
}

} // namespace

int runFinalize(const Invocation& invocation)
{
    std::optional<std::uint64_t> id;
    std::vector<std::string> recipientOverride;
    for (std::size_t i = 0; i < invocation.args.size(); ++i) {
        const std::string& arg = invocation.args[i];
        if (arg == "--recipient") {
            if (i + 1 == invocation.args.size()) {
                return reportUsage("finalize: --recipient needs an age1… recipient");
            }
            recipientOverride.push_back(invocation.args[++i]);
        } else if (!id) {
            id = parseCount(arg);
            if (!id) {
                return reportUsage("finalize: `" + arg + "` is not a draft id");
            }
        } else {
            return reportUsage("finalize takes one draft id");
        }
    }
    if (!id) {
        return reportUsage("finalize takes one draft id");
    }
    const auto draftId = static_cast<std::int64_t>(*id);
    int exitCode = exitOk;
    auto session = openSession(invocation, exitCode);
    if (!session) {
        return exitCode;
    }
    store::DraftStore& store = session->store();
    auto draft = store.draft(draftId);
    if (!draft) {
        return reportError(draft.error());
    }
    if (auto queued = store.outboxEntry(draftId); queued) {
        std::cerr << "amicusctl: AlreadyExists: draft " << draftId
                  << " is already finalized and in the outbox\n";
        return exitAlreadyExists;
    }
    if (!draft->consent) {
        return reportBadInput("finalize: the draft has no publication consent yet");
    }
    auto call = calls::builtinCatalog().call(draft->callId);
    if (!call) {
        std::cerr << "amicusctl: NotFound: the built-in catalog has no call " << draft->callId
                  << "\n";
        return exitNotFound;
    }

    package::SubmissionPackage submission;
    submission.callId = draft->callId;
    submission.submissionId = draft->submissionId;
    submission.language = draft->language.value_or("en");
    submission.submitter.organization = draft->submitter.organization.value_or("");
    submission.submitter.organizationKind = draft->submitter.organizationKind.value_or("");
    submission.submitter.country = draft->submitter.country.value_or("");
    submission.submitter.contact = draft->submitter.contact.value_or("");
    submission.consent = toPublicationConsent(*draft->consent);
    // Answers in the call's question order, with the question in the submission's language;
    // answers to questions the call no longer has keep their id as heading.
    const calls::Language language = calls::languageFromTag(submission.language);
    std::set<std::string> done;
    for (const calls::KeyQuestion& question : (*call)->questions) {
        const auto answer = draft->answers.find(question.id);
        if (answer != draft->answers.end()) {
            submission.answers.push_back({question.id, question.textIn(language), answer->second});
            done.insert(question.id);
        }
    }
    for (const auto& [questionId, text] : draft->answers) {
        if (done.count(questionId) == 0) {
            submission.answers.push_back({questionId, questionId, text});
        }
    }
    const crypto::X25519Identity* vaultIdentity = session->identity();
    for (const store::AttachmentInfo& info : draft->attachments) {
        package::PackageAttachment attachment;
        attachment.fileName = info.fileName;
        attachment.mediaType = info.mediaType;
        attachment.size = info.size;
        attachment.sha256 = info.sha256;
        const std::string blob = store.blobPath(info).string();
        attachment.open = [blob, vaultIdentity] {
            return package::AgeFileSource::open(blob, *vaultIdentity);
        };
        submission.attachments.push_back(std::move(attachment));
    }

    const std::filesystem::path outbox = invocation.dataDir / "outbox";
    std::error_code error;
    std::filesystem::create_directories(outbox, error);
    if (error) {
        std::cerr << "amicusctl: Io: cannot create " << outbox.string() << ": " << error.message()
                  << "\n";
        return exitIo;
    }
    std::filesystem::permissions(outbox, std::filesystem::perms::owner_all, error);
    // Temporaries of a finalize that was killed mid-way (encrypted, but useless).
    (void)package::PackageWriter::removeAbandoned(outbox, std::chrono::hours(1));
    const std::string envelopeName = draft->submissionId + ".age";
    const std::vector<std::string>& recipients =
        recipientOverride.empty() ? (*call)->recipients : recipientOverride;
    auto envelope = package::PackageWriter::write(submission, recipients, outbox / envelopeName);
    if (!envelope) {
        return reportPackageError(envelope.error());
    }

    store::OutboxEntry entry;
    entry.draftId = draftId;
    entry.state = store::OutboxState::Queued;
    entry.envelopeName = envelopeName;
    entry.envelopeSize = envelope->size;
    // Two transactions (the store has no single "finalize" call): once the outbox entry is
    // stored it names the envelope, so the envelope stays even if the status update fails.
    if (auto queued = store.putOutboxEntry(entry); !queued) {
        std::filesystem::remove(envelope->path, error);
        return reportError(queued.error());
    }
    if (auto marked = store.setStatus(draftId, "finalized"); !marked) {
        return reportError(marked.error());
    }
    std::cout << envelope->submissionId << " " << envelope->size
              << " bytes sha256:" << crypto::toHex(envelope->sha256).substr(0, 16) << "\n";
    return exitOk;
}

} // namespace amicus::amicusctl
