#include "draft_editor.h"

#include "app_context.h"
#include "store/draft_store.h"
#include "text_conversion.h"

#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QVariantMap>

using amicus::app::AppContext;
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

DraftEditor::Consent fromStoreConsent(std::optional<amicus::store::Consent> consent)
{
    if (!consent) {
        return DraftEditor::Consent::Unset;
    }
    switch (*consent) {
    case amicus::store::Consent::Public:
        return DraftEditor::Consent::Public;
    case amicus::store::Consent::Confidential:
        return DraftEditor::Consent::Confidential;
    case amicus::store::Consent::Anonymous:
        return DraftEditor::Consent::Anonymous;
    }
    return DraftEditor::Consent::Unset;
}

QString valueOr(const std::optional<std::string>& value)
{
    return value ? toQString(*value) : QString();
}

} // namespace

DraftEditor::DraftEditor(QObject* parent) : QObject(parent)
{
    // Locking closes the store under us: forget the draft, its text must not stay readable.
    connect(&AppContext::instance(), &AppContext::sessionChanged, this, [this] {
        if (!store()) {
            clear();
        }
    });
}

amicus::store::DraftStore* DraftEditor::store() const
{
    auto* session = AppContext::instance().session();
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
    auto created = drafts->createDraft(callId.toStdString());
    if (!created) {
        reportFailure(created.error());
        return -1;
    }
    if (auto saved = drafts->saveField(*created, DraftField::Language, language.toStdString());
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
    load();
}

void DraftEditor::clear()
{
    draftId_ = -1;
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
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        clear();
        return;
    }
    auto draft = drafts->draft(draftId_);
    if (!draft) {
        reportFailure(draft.error());
        clear();
        return;
    }
    callId_ = toQString(draft->callId);
    language_ = valueOr(draft->language);
    organization_ = valueOr(draft->submitter.organization);
    organizationKind_ = valueOr(draft->submitter.organizationKind);
    country_ = valueOr(draft->submitter.country);
    contact_ = valueOr(draft->submitter.contact);
    consent_ = fromStoreConsent(draft->consent);
    answers_.clear();
    for (const auto& [questionId, text] : draft->answers) {
        answers_.insert(toQString(questionId), toQString(text));
    }
    const auto call = AppContext::instance().catalog()->call(draft->callId);
    if (call) {
        const auto& limits = (*call)->limits;
        wordsPerAnswer_ = static_cast<int>(limits.wordsPerAnswer);
        bytesPerAttachment_ = limits.bytesPerAttachment;
        attachmentsPerSubmission_ = static_cast<int>(limits.attachmentsPerSubmission);
    }
    reloadAttachments();
    emit loaded();
    emit fieldsChanged();
}

void DraftEditor::reloadAttachments()
{
    attachments_.clear();
    auto* drafts = store();
    if (drafts && draftId_ >= 0) {
        auto draft = drafts->draft(draftId_);
        if (draft) {
            for (const auto& attachment : draft->attachments) {
                attachments_.append(QVariantMap{
                    {QStringLiteral("id"), static_cast<qint64>(attachment.id)},
                    {QStringLiteral("name"), toQString(attachment.fileName)},
                    {QStringLiteral("mediaType"), toQString(attachment.mediaType)},
                    {QStringLiteral("size"), static_cast<double>(attachment.size)},
                });
            }
        }
    }
    emit attachmentsChanged();
}

QString DraftEditor::answer(const QString& questionId) const
{
    return answers_.value(questionId);
}

void DraftEditor::setAnswer(const QString& questionId, const QString& text)
{
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    const auto result =
        text.isEmpty() ? drafts->removeAnswer(draftId_, questionId.toStdString())
                       : drafts->saveAnswer(draftId_, questionId.toStdString(), text.toStdString());
    if (!result) {
        reportFailure(result.error());
        return;
    }
    answers_.insert(questionId, text);
    reportSaved();
}

int DraftEditor::countWords(const QString& text) const
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return static_cast<int>(text.split(whitespace, Qt::SkipEmptyParts).size());
}

void DraftEditor::saveText(int field, QString& member, const QString& value)
{
    if (value == member) {
        return;
    }
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    if (auto saved =
            drafts->saveField(draftId_, static_cast<DraftField>(field), value.toStdString());
        !saved) {
        reportFailure(saved.error());
        return;
    }
    member = value;
    emit fieldsChanged();
    reportSaved();
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
    if (consent == consent_ || !storeConsent) {
        return;
    }
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    if (auto saved = drafts->saveField(draftId_, DraftField::Consent,
                                       amicus::store::consentName(*storeConsent));
        !saved) {
        reportFailure(saved.error());
        return;
    }
    consent_ = consent;
    emit fieldsChanged();
    reportSaved();
}

bool DraftEditor::addAttachment(const QUrl& file)
{
    auto* drafts = store();
    if (!drafts || draftId_ < 0) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return false;
    }
    if (attachmentsPerSubmission_ > 0 && attachments_.size() >= attachmentsPerSubmission_) {
        saveState_ = SaveState::Failed;
        problem_ = Problem::TooManyFiles;
        emit saveStateChanged();
        return false;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QFileInfo info(path);
    const QString mediaType = QMimeDatabase().mimeTypeForFile(info).name();
    auto imported = drafts->importAttachmentFile(draftId_, info.absoluteFilePath().toStdString(),
                                                 info.fileName().toStdString(),
                                                 mediaType.toStdString(), bytesPerAttachment_);
    if (!imported) {
        reportFailure(imported.error());
        return false;
    }
    reloadAttachments();
    reportSaved();
    return true;
}

void DraftEditor::removeAttachment(int attachmentId)
{
    auto* drafts = store();
    if (!drafts) {
        reportFailure({amicus::store::StoreErrc::Locked, {}});
        return;
    }
    if (auto removed = drafts->removeAttachment(attachmentId); !removed) {
        reportFailure(removed.error());
        return;
    }
    reloadAttachments();
    reportSaved();
}

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
    saveState_ = SaveState::Failed;
    problem_ = Problem::fromStoreError(error.code);
    emit saveStateChanged();
}
