// DraftEditor: one draft as the editor shows it — submitter, language, consent, one answer per
// key question, attachments — saved field by field as the user types. Text is saved off the UI
// thread (DraftAutosave: a keystroke never waits for a save; each save is durable and
// encrypted); files are saved before the call returns.
#pragma once

#include "attachment_policy.h"
#include "problem.h"
#include "smaller_copy_maker.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>
#include <cstdint>
#include <optional>

namespace amicus::app {
class AppServices;
}

namespace amicus::store {
class VaultStore;
struct StoreError;
enum class Consent;
} // namespace amicus::store

class DraftEditor : public QObject, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT

    // The draft being edited; -1 for none. Setting it loads the draft.
    Q_PROPERTY(int draftId READ draftId WRITE setDraftId NOTIFY loaded)
    Q_PROPERTY(bool ready READ ready NOTIFY loaded)
    Q_PROPERTY(QString callId READ callId NOTIFY loaded)
    // The draft is in the outbox (waiting to be sent, or delivered): the package sealed from it
    // is what goes, so it is shown read-only and every write is refused with DraftFinalized.
    Q_PROPERTY(bool finalized READ finalized NOTIFY finalizedChanged)
    // A finalized draft whose outbox entry is gone (taken out of the outbox): it will not be
    // sent, and only an editable copy (makeEditableCopy) can change it and send it again.
    Q_PROPERTY(bool removedFromOutbox READ removedFromOutbox NOTIFY finalizedChanged)
    // The language the submission is written in ("en", "fr", "es").
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY fieldsChanged)
    Q_PROPERTY(QString organization READ organization WRITE setOrganization NOTIFY fieldsChanged)
    Q_PROPERTY(QString organizationKind READ organizationKind WRITE setOrganizationKind NOTIFY
                   fieldsChanged)
    Q_PROPERTY(QString country READ country WRITE setCountry NOTIFY fieldsChanged)
    Q_PROPERTY(QString contact READ contact WRITE setContact NOTIFY fieldsChanged)
    Q_PROPERTY(Consent consent READ consent WRITE setConsent NOTIFY fieldsChanged)
    // [{id, size, name, mediaType, canSendSmaller, sendsSmaller, reducing, smallerSize,
    // sentSize, originalTooLarge}] of the attached files. canSendSmaller: a photo Qt can read;
    // sendsSmaller: its smaller copy is what will be sent (of smallerSize bytes); reducing: the
    // copy is being made; originalTooLarge: only the smaller copy fits the call's limit.
    Q_PROPERTY(QVariantList attachments READ attachments NOTIFY attachmentsChanged)
    // The long edge, in pixels, of a photo's smaller copy.
    Q_PROPERTY(int smallerCopyLongEdge READ smallerCopyLongEdge CONSTANT)
    Q_PROPERTY(int wordsPerAnswer READ wordsPerAnswer NOTIFY loaded)
    Q_PROPERTY(double bytesPerAttachment READ bytesPerAttachment NOTIFY loaded)
    Q_PROPERTY(int attachmentsPerSubmission READ attachmentsPerSubmission NOTIFY loaded)
    Q_PROPERTY(SaveState saveState READ saveState NOTIFY saveStateChanged)
    // Why the last save or import failed (Problem.None after a good one).
    Q_PROPERTY(Problem::Code problem READ problem NOTIFY saveStateChanged)

public:
    enum class Consent { Unset, Public, Confidential, Anonymous };
    Q_ENUM(Consent)

    enum class SaveState {
        Saved,  // every save so far succeeded; the newest text is on disk within two saves
        Failed, // the last edit could not be saved (see problem); the text is still on screen
    };
    Q_ENUM(SaveState)

    // Made by QML: the services are its engine's (classBegin).
    explicit DraftEditor(QObject* parent = nullptr);
    explicit DraftEditor(amicus::app::AppServices& services, QObject* parent = nullptr);
    // Closing the editor waits for its text to be on disk.
    ~DraftEditor() override;

    void classBegin() override;
    void componentComplete() override {}

    // The publication choice as the vault stored it (Unset when none was made yet).
    static Consent consentOf(std::optional<amicus::store::Consent> stored);

    // Starts a new draft of `callId` in `language` and loads it; returns its id, or -1.
    Q_INVOKABLE int createDraft(const QString& callId, const QString& language);

    // The saved answer to a key question (empty when none yet).
    Q_INVOKABLE QString answer(const QString& questionId) const;
    // Saves the answer to a key question; an empty text removes it.
    Q_INVOKABLE void setAnswer(const QString& questionId, const QString& text);
    // Words in `text` as the call's limit counts them (the core's count, which the review
    // and the check before sending use too).
    Q_INVOKABLE int countWords(const QString& text) const;

    // Streams the file into the vault, encrypted; false (with problem set) if refused.
    Q_INVOKABLE bool addAttachment(const QUrl& file);
    Q_INVOKABLE void removeAttachment(int attachmentId);
    // Chooses whether a photo is sent as its smaller copy (made in the background, then saved
    // with the choice, encrypted) or as the original (the copy is deleted at once). Refused
    // with FileTooLarge when the original is over the call's limit.
    Q_INVOKABLE void setSendSmallerCopy(int attachmentId, bool smaller);
    // Waits until what was typed is on disk (the app leaves the screen: AppPresence).
    Q_INVOKABLE void saveNow() { flushSaves(); }
    // Copies the finalized draft (answers, submitter, files) into a new editable draft, as the
    // outbox offers; emits copyMade with its id and returns it, or -1 with problem set. The
    // finalized draft stays as it is.
    Q_INVOKABLE int makeEditableCopy();

    int draftId() const { return static_cast<int>(draftId_); }
    void setDraftId(int draftId);
    bool ready() const { return draftId_ >= 0; }
    bool finalized() const { return finalized_; }
    bool removedFromOutbox() const { return removedFromOutbox_; }
    QString callId() const { return callId_; }
    QString language() const { return language_; }
    void setLanguage(const QString& language);
    QString organization() const { return organization_; }
    void setOrganization(const QString& value);
    QString organizationKind() const { return organizationKind_; }
    void setOrganizationKind(const QString& value);
    QString country() const { return country_; }
    void setCountry(const QString& value);
    QString contact() const { return contact_; }
    void setContact(const QString& value);
    Consent consent() const { return consent_; }
    void setConsent(Consent consent);
    QVariantList attachments() const { return attachments_; }
    int smallerCopyLongEdge() const;
    int wordsPerAnswer() const { return wordsPerAnswer_; }
    double bytesPerAttachment() const { return static_cast<double>(bytesPerAttachment_); }
    int attachmentsPerSubmission() const { return attachmentsPerSubmission_; }
    SaveState saveState() const { return saveState_; }
    Problem::Code problem() const { return problem_; }

signals:
    void loaded();
    void finalizedChanged();
    // An editable copy of this draft was made (by makeEditableCopy): `draftId` is the copy.
    void copyMade(int draftId);
    void fieldsChanged();
    void attachmentsChanged();
    void saveStateChanged();

private:
    void useServices(amicus::app::AppServices* services);
    amicus::store::VaultStore* store() const;
    void load();
    void clear();
    void saveText(int field, QString& member, const QString& value);
    // Waits for the text queued for saving (before the draft is read again, copied or closed).
    void flushSaves();
    void reportSaved();
    void reportFailure(const amicus::store::StoreError& error);
    // True (with problem DraftFinalized reported) when the draft may no longer change.
    bool refuseFinalized();
    // `removedFromOutbox`: finalized, and the outbox entry is gone (see the property).
    void setFinalized(bool finalized, bool removedFromOutbox = false);
    void reloadAttachments();
    // Has the smaller copy of attachment `attachmentId` made and saved (SmallerCopyMaker).
    // When `mustFit` (the original is over the limit), a copy that cannot be made or does not
    // fit removes the attachment.
    void startReducing(std::int64_t attachmentId, bool mustFit);
    void finishReducing(qint64 draftId, qint64 attachmentId,
                        amicus::app::SmallerCopyMaker::Outcome outcome, int errorCode);

    amicus::app::AppServices* services_ = nullptr;
    std::int64_t draftId_ = -1;
    bool finalized_ = false;
    bool removedFromOutbox_ = false;
    QString callId_;
    QString language_;
    QString organization_;
    QString organizationKind_;
    QString country_;
    QString contact_;
    Consent consent_ = Consent::Unset;
    QVariantList attachments_;
    amicus::app::SmallerCopyMaker* copies_ = nullptr; // photos' smaller copies being made
    QHash<QString, QString> answers_;
    int wordsPerAnswer_ = 0;
    std::uint64_t bytesPerAttachment_ = 0;
    int attachmentsPerSubmission_ = 0;
    amicus::app::AttachmentPolicy policy_; // the call's limits for files
    SaveState saveState_ = SaveState::Saved;
    Problem::Code problem_ = Problem::None;
};
