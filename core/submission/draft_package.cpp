#include "submission/draft_package.h"

#include "package/age_file_source.h"

#include <set>

namespace amicus::submission {

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

package::SubmissionPackage packageFromDraft(const store::Draft& draft, const calls::Call& call,
                                            const store::VaultStore& store,
                                            const crypto::X25519Identity& vaultIdentity)
{
    package::SubmissionPackage submission;
    submission.callId = draft.callId;
    submission.submissionId = draft.submissionId;
    submission.language = draft.language.value_or("en");
    submission.submitter.organization = draft.submitter.organization.value_or("");
    submission.submitter.organizationKind = draft.submitter.organizationKind.value_or("");
    submission.submitter.country = draft.submitter.country.value_or("");
    submission.submitter.contact = draft.submitter.contact.value_or("");
    submission.consent = toPublicationConsent(draft.consent.value_or(store::Consent::Confidential));
    const calls::Language language = calls::languageFromTag(submission.language);
    std::set<std::string> placed;
    for (const calls::KeyQuestion& question : call.questions) {
        const auto answer = draft.answers.find(question.id);
        if (answer != draft.answers.end()) {
            submission.answers.push_back({question.id, question.textIn(language), answer->second});
            placed.insert(question.id);
        }
    }
    for (const auto& [questionId, text] : draft.answers) {
        if (placed.count(questionId) == 0) {
            submission.answers.push_back({questionId, questionId, text});
        }
    }
    const crypto::X25519Identity* identity = &vaultIdentity;
    for (const store::AttachmentInfo& info : draft.attachments) {
        package::PackageAttachment attachment;
        attachment.fileName = info.fileName;
        attachment.mediaType = info.mediaType;
        attachment.size = info.size;
        attachment.sha256 = info.sha256;
        std::string blob = store.attachments().blobPath(info).string();
        std::optional<std::array<std::uint8_t, 32>> blobMac = info.blobMac;
        // The smaller copy of a photo when the user chose it: the secretariat gets exactly the
        // bytes whose size the editor showed, under the same stem.
        if (info.reduced) {
            attachment.fileName = store::reducedFileName(info.fileName, info.reduced->mediaType);
            attachment.mediaType = info.reduced->mediaType;
            attachment.size = info.reduced->size;
            attachment.sha256 = info.reduced->sha256;
            blob = store.attachments().reducedBlobPath(info).string();
            blobMac = info.reduced->blobMac;
        }
        // A blob recorded with its header MAC is held to it, and decryption then proves every
        // byte is this record's (AgeFileSource::open): no second SHA-256 pass over the
        // plaintext. Blobs from before the MAC was recorded are hashed as before.
        attachment.openAuthenticates = blobMac.has_value();
        attachment.open = [blob, identity, blobMac] {
            return package::AgeFileSource::open(blob, *identity, blobMac);
        };
        submission.attachments.push_back(std::move(attachment));
    }
    return submission;
}

} // namespace amicus::submission
