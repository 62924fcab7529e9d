#include "submission/draft_finalizer.h"

#include "package/age_file_source.h"

#include <chrono>
#include <set>

namespace amicus::submission {

namespace {

package::PublicationConsent toPublicationConsent(store::Consent consent)
{
    switch (consent) {
    case store::Consent::Public:
        return package::PublicationConsent::Public;
    case store::Consent::Anonymous:
        return package::PublicationConsent::Anonymous;
    case store::Consent::Confidential:
        break;
    }
    return package::PublicationConsent::Confidential;
}

FinalizeError storeFailure(store::StoreError error)
{
    FinalizeError failure;
    failure.code = FinalizeErrc::Store;
    failure.storeError = std::move(error);
    return failure;
}

FinalizeError packageFailure(package::PackageError error)
{
    FinalizeError failure;
    failure.code = FinalizeErrc::Package;
    failure.packageError = std::move(error);
    return failure;
}

} // namespace

std::filesystem::path outboxDirectory(const std::filesystem::path& dataDir)
{
    return dataDir / "outbox";
}

Result<package::EnvelopeInfo, FinalizeError>
finalizeDraft(store::VaultSession& session, const std::filesystem::path& dataDir,
              std::int64_t draftId, const calls::Call& call,
              const std::vector<std::string>& recipients,
              const package::PackageWriteOptions& options)
{
    store::DraftStore& store = session.store();
    auto draft = store.draft(draftId);
    if (!draft) {
        return fail(storeFailure(draft.error()));
    }
    if (store.outboxEntry(draftId)) {
        FinalizeError failure;
        failure.code = FinalizeErrc::AlreadyFinalized;
        return fail(failure);
    }
    if (!draft->consent) {
        FinalizeError failure;
        failure.code = FinalizeErrc::NoConsent;
        return fail(failure);
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
    const calls::Language language = calls::languageFromTag(submission.language);
    std::set<std::string> placed;
    for (const calls::KeyQuestion& question : call.questions) {
        const auto answer = draft->answers.find(question.id);
        if (answer != draft->answers.end()) {
            submission.answers.push_back({question.id, question.textIn(language), answer->second});
            placed.insert(question.id);
        }
    }
    for (const auto& [questionId, text] : draft->answers) {
        if (placed.count(questionId) == 0) {
            submission.answers.push_back({questionId, questionId, text});
        }
    }
    const crypto::X25519Identity* vaultIdentity = session.identity();
    if (!vaultIdentity) {
        return fail(storeFailure({store::StoreErrc::Locked, "the vault locked during finalize"}));
    }
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

    const std::filesystem::path outbox = outboxDirectory(dataDir);
    std::error_code error;
    std::filesystem::create_directories(outbox, error);
    if (error) {
        return fail(storeFailure(
            {store::StoreErrc::Io, "cannot create the outbox directory", 0, error.value()}));
    }
    std::filesystem::permissions(outbox, std::filesystem::perms::owner_all, error);
    // Temporaries of a finalize that was killed mid-way (encrypted, but useless).
    (void)package::PackageWriter::removeAbandoned(outbox, std::chrono::hours(1));
    const std::string envelopeName = draft->submissionId + ".age";
    auto envelope =
        package::PackageWriter::write(submission, recipients, outbox / envelopeName, options);
    if (!envelope) {
        return fail(packageFailure(envelope.error()));
    }

    store::OutboxEntry entry;
    entry.draftId = draftId;
    entry.state = store::OutboxState::Queued;
    entry.envelopeName = envelopeName;
    entry.envelopeSize = envelope->size;
    // Two transactions: once the outbox entry is stored it names the envelope, so the envelope
    // stays even if the status update fails (the entry is what the sender reads).
    if (auto queued = store.putOutboxEntry(entry); !queued) {
        std::filesystem::remove(envelope->path, error);
        return fail(storeFailure(queued.error()));
    }
    if (auto marked = store.setStatus(draftId, "finalized"); !marked) {
        return fail(storeFailure(marked.error()));
    }
    return std::move(envelope).value();
}

} // namespace amicus::submission
