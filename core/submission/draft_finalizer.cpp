#include "submission/draft_finalizer.h"

#include "submission/draft_package.h"

#include <chrono>

namespace amicus::submission {

namespace {

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

Result<package::EnvelopeInfo, FinalizeError>
finalizeDraft(store::VaultSession& session, const std::filesystem::path& dataDir,
              std::int64_t draftId, const calls::Call& call,
              const std::vector<std::string>& recipients,
              const package::PackageWriteOptions& options)
{
    // A connection of its own: finalize runs on a worker thread while the UI thread keeps
    // using the session's store, and a connection belongs to the thread that opened it.
    auto connection = session.openConnection();
    if (!connection) {
        return fail(storeFailure(connection.error()));
    }
    store::VaultStore& store = *connection;
    auto draft = store.drafts().get(draftId);
    if (!draft) {
        return fail(storeFailure(draft.error()));
    }
    if (store.outbox().entry(draftId)) {
        FinalizeError failure;
        failure.code = FinalizeErrc::AlreadyFinalized;
        return fail(failure);
    }
    if (!draft->consent) {
        FinalizeError failure;
        failure.code = FinalizeErrc::NoConsent;
        return fail(failure);
    }

    const crypto::X25519Identity* vaultIdentity = session.identity();
    if (!vaultIdentity) {
        return fail(storeFailure({store::StoreErrc::Locked, "the vault locked during finalize"}));
    }
    const package::SubmissionPackage submission =
        packageFromDraft(*draft, call, store, *vaultIdentity);

    const std::filesystem::path outbox = store::DataLayout::outboxDir(dataDir);
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
    // The digest of exactly the bytes written: the sender checks the receipt against it
    // instead of reading the whole envelope once more before its first byte goes out.
    entry.envelopeSha256 = envelope->sha256;
    // Two transactions: once the outbox entry is stored it names the envelope, so the envelope
    // stays even if the status update fails (the entry is what the sender reads).
    if (auto queued = store.outbox().put(entry); !queued) {
        std::filesystem::remove(envelope->path, error);
        return fail(storeFailure(queued.error()));
    }
    if (auto marked = store.drafts().setStatus(draftId, store::DraftStatus::Finalized); !marked) {
        return fail(storeFailure(marked.error()));
    }
    return std::move(envelope).value();
}

} // namespace amicus::submission
