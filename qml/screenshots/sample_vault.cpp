#include "sample_vault.h"

#include "photo_reducer.h"
#include "sample_content.h"
#include "submission/draft_finalizer.h"

#include <QDir>
#include <algorithm>
#include <sstream>

namespace amicus::app {

namespace {

// The sample's passphrase. It guards invented text in a directory deleted at exit; it is never
// shown, and the sample is never opened with it again.
constexpr std::string_view kSamplePassphrase = "sample vault, removed at exit";
// Low scrypt cost for the same reason: the sample is made and opened in a fraction of a second.
constexpr unsigned kSampleScryptWorkFactor = 10;

using Error = SampleVault::Error;
using Errc = SampleVault::Errc;

Error storeError(const char* step, const store::StoreError& error)
{
    return {Errc::Store, std::string(step) + ": " + store::errcName(error.code)};
}

Error loginError(const char* step, const store::LoginError& error)
{
    return {Errc::Store, std::string(step) + ": " + store::loginErrcName(error)};
}

std::string toStd(const QString& text)
{
    return text.toStdString();
}

// Imports `bytes` as an attachment named `name`, as the editor does with a picked file.
store::StoreResult<store::AttachmentInfo> attach(store::VaultStore& drafts, std::int64_t draftId,
                                                 const QByteArray& bytes, const QString& name,
                                                 std::string_view mediaType, std::uint64_t limit)
{
    std::istringstream input(bytes.toStdString());
    return drafts.attachments().add(draftId, input, toStd(name), mediaType, limit);
}

// Writes `submission` into a new draft of `call` in `language`, field by field as autosave
// does; returns the draft's id.
Result<std::int64_t, Error> writeDraft(store::VaultStore& drafts, const calls::Call& call,
                                       const QString& language, const SampleSubmission& submission)
{
    using store::DraftField;
    auto created = drafts.drafts().create(call.id);
    if (!created) {
        return fail(storeError("create a draft", created.error()));
    }
    const std::int64_t draftId = *created;
    const std::pair<DraftField, std::string> fields[] = {
        {DraftField::Language, toStd(language)},
        {DraftField::Organization, toStd(submission.organization)},
        {DraftField::OrganizationKind, toStd(submission.organizationKind)},
        {DraftField::Country, toStd(submission.country)},
        {DraftField::Contact, toStd(submission.contact)},
        {DraftField::Consent, store::consentName(submission.consent)},
    };
    for (const auto& [field, value] : fields) {
        if (auto saved = drafts.drafts().saveField(draftId, field, value); !saved) {
            return fail(storeError("save a field", saved.error()));
        }
    }
    const auto answered =
        std::min(static_cast<std::size_t>(submission.answers.size()), call.questions.size());
    for (std::size_t i = 0; i < answered; ++i) {
        const auto& answer = submission.answers[static_cast<qsizetype>(i)];
        if (auto saved = drafts.drafts().saveAnswer(draftId, call.questions[i].id, toStd(answer));
            !saved) {
            return fail(storeError("save an answer", saved.error()));
        }
    }

    const std::uint64_t limit = call.limits.bytesPerAttachment;
    if (!submission.documentName.isEmpty()) {
        auto document = attach(drafts, draftId, sampleReport(submission), submission.documentName,
                               "application/pdf", limit);
        if (!document) {
            return fail(storeError("attach the report", document.error()));
        }
    }
    if (!submission.photoName.isEmpty()) {
        // The photo goes as its smaller copy, as the editor's switch makes it.
        const QByteArray original = samplePhoto();
        auto photo = attach(drafts, draftId, original, submission.photoName, "image/jpeg", limit);
        if (!photo) {
            return fail(storeError("attach the photo", photo.error()));
        }
        auto smaller = PhotoReducer::reduce(original);
        if (!smaller) {
            return fail(Error{Errc::Photo, "reduce the photo"});
        }
        std::istringstream input(smaller->toStdString());
        auto reduced =
            drafts.attachments().addReducedCopy(photo->id, input, PhotoReducer::mediaType, limit);
        if (!reduced) {
            return fail(storeError("store the smaller copy", reduced.error()));
        }
    }
    return draftId;
}

} // namespace

// QTemporaryDir makes a new private (0700) directory, removed with the object.
SampleVault::SampleVault() : directory_(QDir::tempPath() + QStringLiteral("/amicus-sample-XXXXXX"))
{
}

crypto::VaultOptions SampleVault::vaultOptions()
{
    crypto::VaultOptions options;
    options.scryptWorkFactor = kSampleScryptWorkFactor;
    return options;
}

Result<std::unique_ptr<SampleVault>, Error> SampleVault::create(const QString& language,
                                                                const calls::Call& call)
{
    std::unique_ptr<SampleVault> sample(new SampleVault());
    if (!sample->directory_.isValid()) {
        return fail(Error{Errc::TemporaryDirectory, toStd(sample->directory_.errorString())});
    }
    auto session =
        store::VaultSession::create(sample->dataDir(), kSamplePassphrase, vaultOptions());
    if (!session) {
        return fail(loginError("create the vault", session.error()));
    }
    sample->session_ = std::move(*session);
    store::VaultStore& drafts = sample->session_->store();
    const SampleContent content = sampleContent(language);

    // The finished one first, so the draft being written is the newest in the drafts list.
    auto submitted = writeDraft(drafts, call, language, content.submitted);
    if (!submitted) {
        return fail(submitted.error());
    }
    sample->submittedDraftId_ = *submitted;
    auto finalized = submission::finalizeDraft(*sample->session_, sample->dataDir(), *submitted,
                                               call, call.recipients);
    if (!finalized) {
        const auto& error = finalized.error();
        return fail(Error{Errc::Finalize, error.code == submission::FinalizeErrc::Store
                                              ? store::errcName(error.storeError.code)
                                              : error.packageError.detail});
    }

    auto draft = writeDraft(drafts, call, language, content.draft);
    if (!draft) {
        return fail(draft.error());
    }
    sample->draftId_ = *draft;
    return sample;
}

SampleVault::~SampleVault()
{
    // The store's files must be closed before the directory is removed under them.
    session_.reset();
}

std::filesystem::path SampleVault::dataDir() const
{
    return std::filesystem::path(directory_.path().toStdString());
}

std::unique_ptr<store::VaultSession> SampleVault::takeSession()
{
    return std::move(session_);
}

} // namespace amicus::app
