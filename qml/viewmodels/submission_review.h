// SubmissionReview: the review screen — what will be sent (who sends it, the publication
// choice, the answers' lengths, the files and their sizes), what still stops the draft from
// being sent, each problem named, then finalizing it (packed and encrypted to the secretariat)
// into the outbox.
#pragma once

#include "draft_editor.h"
#include "problem.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>

namespace amicus::store {
struct Draft;
} // namespace amicus::store

class SubmissionReview : public QObject, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT

    Q_PROPERTY(int draftId READ draftId WRITE setDraftId NOTIFY issuesChanged)
    // [{code, question (1-based, 0 when none), count, limit, attachment (file name or "")}] in
    // the order to fix them.
    Q_PROPERTY(QVariantList issues READ issues NOTIFY issuesChanged)
    // What the draft holds, as the package will carry it (read again by refresh()). The call's
    // own texts (title, issuing body, questions, word limit) come from CallDetails.
    Q_PROPERTY(QString callId READ callId NOTIFY summaryChanged)
    Q_PROPERTY(QString organization READ organization NOTIFY summaryChanged)
    Q_PROPERTY(QString country READ country NOTIFY summaryChanged)
    Q_PROPERTY(DraftEditor::Consent consent READ consent NOTIFY summaryChanged)
    // {question id: words} of each saved answer, counted as the call's limit counts them.
    Q_PROPERTY(QVariantMap answerWords READ answerWords NOTIFY summaryChanged)
    Q_PROPERTY(int attachmentCount READ attachmentCount NOTIFY summaryChanged)
    // The bytes the attachments will take in the package: each photo's smaller copy where it
    // was chosen, otherwise the original.
    Q_PROPERTY(double attachmentBytes READ attachmentBytes NOTIFY summaryChanged)
    // How many of the attachments are sent as a photo's smaller copy.
    Q_PROPERTY(int smallerCopyCount READ smallerCopyCount NOTIFY summaryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(Problem::Code problem READ problem NOTIFY problemChanged)

public:
    enum class Issue {
        CallWithdrawn,
        CallClosed,
        MissingOrganization,
        MissingCountry,
        MissingConsent,
        NoAnswer,
        AnswerTooLong,
        TooManyAttachments,
        AttachmentTooLarge,
    };
    Q_ENUM(Issue)

    // Made by QML: the services are its engine's (classBegin).
    explicit SubmissionReview(QObject* parent = nullptr);
    explicit SubmissionReview(amicus::app::AppServices& services, QObject* parent = nullptr);

    void classBegin() override;
    void componentComplete() override {}
    ~SubmissionReview() override;

    int draftId() const { return draftId_; }
    void setDraftId(int draftId);
    QVariantList issues() const { return issues_; }
    QString callId() const { return callId_; }
    QString organization() const { return organization_; }
    QString country() const { return country_; }
    DraftEditor::Consent consent() const { return consent_; }
    QVariantMap answerWords() const { return answerWords_; }
    int attachmentCount() const { return attachmentCount_; }
    double attachmentBytes() const { return attachmentBytes_; }
    int smallerCopyCount() const { return smallerCopyCount_; }
    bool busy() const { return busy_; }
    Problem::Code problem() const { return problem_; }

    // Reads the draft again and checks it (after an edit).
    Q_INVOKABLE void refresh();
    // Packs and encrypts the draft into the outbox (the app's SubmissionFinalizer, off the UI
    // thread); `sent` follows, or `problem` says why not.
    Q_INVOKABLE void send();

signals:
    void issuesChanged();
    void summaryChanged();
    void busyChanged();
    void problemChanged();
    void sent();

private:
    void useServices(amicus::app::AppServices* services);
    void setBusy(bool busy);
    void setProblem(Problem::Code problem);
    void clearSummary();
    void readSummary(const amicus::store::Draft& draft);

    int draftId_ = -1;
    QVariantList issues_;
    QString callId_;
    QString organization_;
    QString country_;
    DraftEditor::Consent consent_ = DraftEditor::Consent::Unset;
    QVariantMap answerWords_;
    int attachmentCount_ = 0;
    double attachmentBytes_ = 0;
    int smallerCopyCount_ = 0;
    bool busy_ = false;
    Problem::Code problem_ = Problem::None;
    amicus::app::AppServices* services_ = nullptr;
};
