// SubmissionReview: the review screen — what still stops a draft from being sent, each problem
// named, then finalizing it (packed and encrypted to the secretariat) into the outbox.
#pragma once

#include "problem.h"

#include <QObject>
#include <QThreadPool>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <atomic>

class SubmissionReview : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int draftId READ draftId WRITE setDraftId NOTIFY issuesChanged)
    // [{code, question (1-based, 0 when none), count, limit, attachment (file name or "")}] in
    // the order to fix them.
    Q_PROPERTY(QVariantList issues READ issues NOTIFY issuesChanged)
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

    explicit SubmissionReview(QObject* parent = nullptr);
    ~SubmissionReview() override;

    int draftId() const { return draftId_; }
    void setDraftId(int draftId);
    QVariantList issues() const { return issues_; }
    bool busy() const { return busy_; }
    Problem::Code problem() const { return problem_; }

    // Checks the draft again (after an edit).
    Q_INVOKABLE void refresh();
    // Packs and encrypts the draft into the outbox; `sent` follows, or `problem` says why not.
    Q_INVOKABLE void send();

signals:
    void issuesChanged();
    void busyChanged();
    void problemChanged();
    void sent();

private:
    void setBusy(bool busy);
    void setProblem(Problem::Code problem);

    int draftId_ = -1;
    QVariantList issues_;
    bool busy_ = false;
    Problem::Code problem_ = Problem::None;
    std::atomic<bool> cancelled_{false};
    QThreadPool worker_;
};
