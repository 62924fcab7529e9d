#include "draft_editor.h"

#include "app_context.h"
#include "app_services.h"
#include "attachment_policy.h"
#include "draft_autosave.h"
#include "io_device_stream.h"
#include "photo_reducer.h"
#include "shared_files.h"
#include "smaller_copy_maker.h"
#include "store/media_type.h"
#include "store/vault_store.h"
#include "submission/draft_check.h"
#include "text_conversion.h"

#include <QVariantMap>
#include <algorithm>
#include <limits>
#include <memory>

using amicus::app::AppContext;
using amicus::app::AppServices;
using amicus::app::SmallerCopyMaker;
using amicus::app::toQString;
using amicus::store::DraftField;

namespace {

std::optional<amicus::store::Consent> toStoreConsent(DraftEditor::Consent consent)
{
    switch (consent) {
    case DraftEditor::Consent::Public:
        return amicus::store::Consent::Public;
    case DraftEditor::Consent::Confidential:
        return amicus::store::Consent::Confidential;
    case DraftEditor::Consent::Anonymous:
        return amicus::store::Consent::Anonymous;
    case DraftEditor::Consent::Unset:
        break;
    }
    return std::nullopt;
}

QString valueOr(const std::optional<std::string>& value)
{
    return value ? toQString(*value) : QString();
}

} // namespace

DraftEditor::DraftEditor(QObject* parent) : QObject(parent)
{
}

DraftEditor::DraftEditor(AppServices& services, QObject* parent) : QObject(parent)
{
    useServices(&services);
}

DraftEditor::~DraftEditor()
{
    flushSaves();
}

void DraftEditor::flushSaves()
{
    if (services_) {
        services_->autosave().flush();
    }
}

void DraftEditor::classBegin()
{
    if (!services_) {
        useServices(AppServices::of(this));
    }
}

void DraftEditor::useServices(AppServices* services)
{
    services_ = services;
    if (!services_) {
        return;
    }
    // Locking closes the store under us: forget the draft, its text must not stay readable.
    connect(&services_->context(), &AppContext::sessionChanged, this, [this] {
        if (!store()) {
            clear();
        }
    });
    // The text saved off the UI thread: its outcome for the draft shown here.
    connect(&services_->autosave(), &amicus::app::DraftAutosave::saved, this, [this](qint64 id) {
        if (id == draftId_) {
            reportSaved();
        }
    });
    connect(&services_->autosave(), &amicus::app::DraftAutosave::failed, this,
            [this](qint64 id, int errorCode) {
                if (id == draftId_) {
                    reportFailure({static_cast<amicus::store::StoreErrc>(errorCode), {}});
                }
            });
    copies_ = new SmallerCopyMaker(services_->context(), this);
    connect(copies_, &SmallerCopyMaker::finished, this, &DraftEditor::finishReducing);
}

amicus::store::VaultStore* DraftEditor::store() const
{
    auto* session = services_ ? services_->context().session() : nullptr;
    return session ? &session->store() : nullptr;
}

int DraftEditor::createDraft(const QString& callId, const QString& language)
{
    auto* drafts = store();
    if (!drafts) {
        problem_ = Problem::VaultLocked;
        saveState_ = SaveState::Failed;
        emit saveStateChanged();
        return -1;
    }
    auto created = drafts->drafts().create(callId.toStdString());
    if (!created) {
        reportFailure(created.error());
        return -1;
    }
    if (auto saved =
            drafts->drafts().saveField(*created, DraftField::Language, language.toStdString());
        !saved) {
        reportFailure(saved.error());
    }
    setDraftId(static_cast<int>(*created));
    return static_cast<int>(*created);
}

void DraftEditor::setDraftId(int draftId)
{
    if (draftId == draftId_) {
        return;
    }
    draftId_ = draftId;
    if (copies_) {
        copies_->dropAll(); // the copies of the draft shown before are not saved
    }
    load();
}

void DraftEditor::clear()
{
    draftId_ = -1;
    setFinalized(false);
    callId_.clear();
    language_.clear();
    organization_.clear();
    organizationKind_.clear();
    country_.clear();
    contact_.clear();
    consent_ = Consent::Unset;
    answers_.clear();
    attachments_.clear();
    emit loaded();
    emit fieldsChanged();
    emit attachmentsChanged();
}

void DraftEditor::load()
{
    flushSaves(); // what is read back includes everything typed
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        clear();
        return;
    }
    auto draft = drafts->drafts().get(draftId_);
    if (!draft) {
        reportFailure(draft.error());
        clear();
        return;
    }
    // The outbox entry counts too: a finalize stopped before marking the draft still sealed it.
    // A finalized draft without one was taken out of the outbox (any other failure to read the
    // outbox says nothing about it, so it is not taken as gone).
    const auto entry = drafts->outbox().entry(draftId_);
    const bool sealed = draft->status == amicus::store::DraftStatus::Finalized;
    setFinalized(sealed || entry.ok(),
                 sealed && !entry && entry.error().code == amicus::store::StoreErrc::NotFound);
    callId_ = toQString(draft->callId);
    language_ = valueOr(draft->language);
    organization_ = valueOr(draft->submitter.organization);
    organizationKind_ = valueOr(draft->submitter.organizationKind);
    country_ = valueOr(draft->submitter.country);
    contact_ = valueOr(draft->submitter.contact);
    consent_ = consentOf(draft->consent);
    answers_.clear();
    for (const auto& [questionId, text] : draft->answers) {
        answers_.insert(toQString(questionId), toQString(text));
    }
    const auto call = services_->context().catalog()->call(draft->callId);
    if (call) {
        const auto& limits = (*call)->limits;
        wordsPerAnswer_ = static_cast<int>(limits.wordsPerAnswer);
        bytesPerAttachment_ = limits.bytesPerAttachment;
        attachmentsPerSubmission_ = static_cast<int>(limits.attachmentsPerSubmission);
        policy_ = amicus::app::AttachmentPolicy(limits);
    }
    reloadAttachments();
    // A photo over the limit whose smaller copy was never saved (the app was killed or locked
    // while making it) gets it now: the original alone could not be sent.
    if (auto stored = drafts->drafts().get(draftId_); stored && !finalized_) {
        for (const auto& attachment : stored->attachments) {
            if (!attachment.reduced && policy_.onlySmallerCopyFits(attachment.size) &&
                amicus::app::PhotoReducer::canReduce(toQString(attachment.mediaType))) {
                startReducing(attachment.id, true);
            }
        }
    }
    emit loaded();
    emit fieldsChanged();
}

void DraftEditor::reloadAttachments()
{
    attachments_.clear();
    auto* drafts = store();
    if (drafts && draftId_ >= 0) {
        auto draft = drafts->drafts().get(draftId_);
        if (draft) {
            for (const auto& attachment : draft->attachments) {
                const QString mediaType = toQString(attachment.mediaType);
                const auto id = static_cast<qint64>(attachment.id);
                const bool smaller = attachment.reduced.has_value();
                attachments_.append(QVariantMap{
                    {QStringLiteral("id"), id},
                    {QStringLiteral("name"), toQString(attachment.fileName)},
                    {QStringLiteral("mediaType"), mediaType},
                    {QStringLiteral("size"), static_cast<double>(attachment.size)},
                    {QStringLiteral("canSendSmaller"),
                     smaller || amicus::app::PhotoReducer::canReduce(mediaType)},
                    {QStringLiteral("sendsSmaller"), smaller},
                    {QStringLiteral("reducing"), copies_ && copies_->makingWanted(id)},
                    {QStringLiteral("smallerSize"),
                     smaller ? static_cast<double>(attachment.reduced->size) : 0.0},
                    {QStringLiteral("sentSize"), static_cast<double>(attachment.sentSize())},
                    {QStringLiteral("originalTooLarge"),
                     policy_.onlySmallerCopyFits(attachment.size)},
                });
            }
        }
    }
    emit attachmentsChanged();
}

int DraftEditor::smallerCopyLongEdge() const
{
    return amicus::app::PhotoReducer::longEdge;
}

void DraftEditor::setSendSmallerCopy(int attachmentId, bool smaller)
{
    if (refuseFinalized()) {
        reloadAttachments(); // the switch goes back to what is stored
        return;
    }
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    auto info = drafts->attachments().get(attachmentId);
    if (!info || info->draftId != draftId_) {
        reportFailure(info ? amicus::store::StoreError{amicus::store::StoreErrc::NotFound, {}}
                           : info.error());
        reloadAttachments();
        return;
    }
    if (smaller) {
        if (copies_) {
            copies_->setWanted(attachmentId, true);
        }
        if (info->reduced || (copies_ && copies_->making(attachmentId))) {
            reloadAttachments();
            return;
        }
        if (!amicus::app::PhotoReducer::canReduce(toQString(info->mediaType))) {
            saveState_ = SaveState::Failed;
            problem_ = Problem::FileUnreadable;
            emit saveStateChanged();
            reloadAttachments();
            return;
        }
        startReducing(attachmentId, false);
        return;
    }
    if (policy_.onlySmallerCopyFits(info->size)) {
        // Only the smaller copy fits the call: the switch goes back on.
        saveState_ = SaveState::Failed;
        problem_ = Problem::FileTooLarge;
        emit saveStateChanged();
        reloadAttachments();
        return;
    }
    if (copies_) {
        copies_->setWanted(attachmentId, false);
    }
    if (auto removed = drafts->attachments().removeReducedCopy(attachmentId); !removed) {
        reportFailure(removed.error());
        reloadAttachments();
        return;
    }
    reloadAttachments();
    reportSaved();
}

void DraftEditor::startReducing(std::int64_t attachmentId, bool mustFit)
{
    if (!copies_ || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    if (const auto refused =
            copies_->start(draftId_, attachmentId, mustFit, policy_.bytesPerAttachment())) {
        reportFailure(*refused);
        return;
    }
    reloadAttachments();
}

void DraftEditor::finishReducing(qint64 draftId, qint64, SmallerCopyMaker::Outcome outcome,
                                 int errorCode)
{
    if (!store() || draftId != draftId_) {
        return;
    }
    reloadAttachments();
    switch (outcome) {
    case SmallerCopyMaker::Outcome::Saved:
        reportSaved();
        break;
    case SmallerCopyMaker::Outcome::NotSaved:
        break;
    case SmallerCopyMaker::Outcome::Unreadable:
        saveState_ = SaveState::Failed;
        problem_ = Problem::FileUnreadable;
        emit saveStateChanged();
        break;
    case SmallerCopyMaker::Outcome::Failed:
        reportFailure({static_cast<amicus::store::StoreErrc>(errorCode), {}});
        break;
    }
}

QString DraftEditor::answer(const QString& questionId) const
{
    return answers_.value(questionId);
}

void DraftEditor::setAnswer(const QString& questionId, const QString& text)
{
    if (refuseFinalized()) {
        return;
    }
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    answers_.insert(questionId, text);
    services_->autosave().saveAnswer(draftId_, questionId, text); // saved() or failed() follows
}

DraftEditor::Consent DraftEditor::consentOf(std::optional<amicus::store::Consent> stored)
{
    if (!stored) {
        return Consent::Unset;
    }
    switch (*stored) {
    case amicus::store::Consent::Public:
        return Consent::Public;
    case amicus::store::Consent::Confidential:
        return Consent::Confidential;
    case amicus::store::Consent::Anonymous:
        return Consent::Anonymous;
    }
    return Consent::Unset;
}

int DraftEditor::countWords(const QString& text) const
{
    return static_cast<int>(amicus::submission::countWords(text.toStdString()));
}

void DraftEditor::saveText(int field, QString& member, const QString& value)
{
    if (value == member || refuseFinalized()) {
        return;
    }
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    member = value;
    emit fieldsChanged();
    services_->autosave().saveField(draftId_, static_cast<DraftField>(field), value);
}

void DraftEditor::setLanguage(const QString& language)
{
    saveText(static_cast<int>(DraftField::Language), language_, language);
}

void DraftEditor::setOrganization(const QString& value)
{
    saveText(static_cast<int>(DraftField::Organization), organization_, value);
}

void DraftEditor::setOrganizationKind(const QString& value)
{
    saveText(static_cast<int>(DraftField::OrganizationKind), organizationKind_, value);
}

void DraftEditor::setCountry(const QString& value)
{
    saveText(static_cast<int>(DraftField::Country), country_, value);
}

void DraftEditor::setContact(const QString& value)
{
    saveText(static_cast<int>(DraftField::Contact), contact_, value);
}

void DraftEditor::setConsent(Consent consent)
{
    const auto storeConsent = toStoreConsent(consent);
    if (consent == consent_ || !storeConsent || refuseFinalized()) {
        return;
    }
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    consent_ = consent;
    emit fieldsChanged();
    services_->autosave().saveField(draftId_, DraftField::Consent,
                                    QString::fromUtf8(amicus::store::consentName(*storeConsent)));
}

bool DraftEditor::addAttachment(const QUrl& file)
{
    if (refuseFinalized()) {
        return false;
    }
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return false;
    }
    if (!policy_.allowsAnother(static_cast<std::size_t>(attachments_.size()))) {
        saveState_ = SaveState::Failed;
        problem_ = Problem::TooManyFiles;
        emit saveStateChanged();
        return false;
    }
    // Through the platform, never as a path: a file shared on a phone is a content:// URL.
    auto shared = services_->sharedFiles().open(file);
    if (!shared) {
        reportFailure({amicus::store::StoreErrc::Io, "open the picked file"});
        return false;
    }
    const std::string fileName = shared->displayName.toStdString();
    // Told by core from the first bytes and the name, as amicusctl tells it; the provider's
    // type only when neither says.
    const QByteArray head = shared->device->peek(amicus::store::mediaTypeHeadBytes);
    std::string mediaType = amicus::store::mediaTypeOf(
        fileName, std::span(reinterpret_cast<const std::uint8_t*>(head.constData()),
                            static_cast<std::size_t>(head.size())));
    if (mediaType == amicus::store::unknownMediaType && !shared->mediaType.isEmpty()) {
        mediaType = shared->mediaType.toStdString();
    }
    // A photo over the call's limit is taken in all the same and sent as its smaller copy,
    // made at once; it is removed again if even that does not fit.
    const bool photo = amicus::app::PhotoReducer::canReduce(toQString(mediaType));
    const std::uint64_t maxBytes = policy_.largestImport(photo);
    amicus::app::IoDeviceStreamBuf buffer(*shared->device);
    std::istream input(&buffer);
    auto imported = drafts->attachments().add(draftId_, input, fileName, mediaType, maxBytes);
    if (!imported) {
        reportFailure(imported.error());
        return false;
    }
    reportSaved();
    if (photo && policy_.onlySmallerCopyFits(imported->size)) {
        startReducing(imported->id, true);
    }
    reloadAttachments();
    return true;
}

void DraftEditor::removeAttachment(int attachmentId)
{
    if (refuseFinalized()) {
        return;
    }
    auto* drafts = store();
    if (!drafts) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    if (auto removed = drafts->attachments().remove(attachmentId); !removed) {
        reportFailure(removed.error());
        return;
    }
    reloadAttachments();
    reportSaved();
}

// The lists hear of the save from the store itself (ChangeNotifier).
void DraftEditor::reportSaved()
{
    if (saveState_ != SaveState::Saved || problem_ != Problem::None) {
        saveState_ = SaveState::Saved;
        problem_ = Problem::None;
        emit saveStateChanged();
    }
}

void DraftEditor::reportFailure(const amicus::store::StoreError& error)
{
    if (error.code == amicus::store::StoreErrc::Finalized) {
        // Finalized elsewhere (the review screen) while open here.
        setFinalized(true, removedFromOutbox_);
    }
    saveState_ = SaveState::Failed;
    problem_ = Problem::fromStoreError(error.code);
    emit saveStateChanged();
}

bool DraftEditor::refuseFinalized()
{
    if (!finalized_) {
        return false;
    }
    if (saveState_ != SaveState::Failed || problem_ != Problem::DraftFinalized) {
        saveState_ = SaveState::Failed;
        problem_ = Problem::DraftFinalized;
        emit saveStateChanged();
    }
    return true;
}

void DraftEditor::setFinalized(bool finalized, bool removedFromOutbox)
{
    removedFromOutbox = finalized && removedFromOutbox;
    if (finalized != finalized_ || removedFromOutbox != removedFromOutbox_) {
        finalized_ = finalized;
        removedFromOutbox_ = removedFromOutbox;
        emit finalizedChanged();
    }
}

int DraftEditor::makeEditableCopy()
{
    flushSaves();
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        saveState_ = SaveState::Failed;
        problem_ = drafts ? Problem::Unexpected : Problem::VaultLocked;
        emit saveStateChanged();
        return -1;
    }
    auto copied = drafts->drafts().copyAsNew(draftId_);
    if (!copied) {
        reportFailure(copied.error());
        return -1;
    }
    const int copyId = static_cast<int>(*copied);
    emit copyMade(copyId);
    return copyId;
}
