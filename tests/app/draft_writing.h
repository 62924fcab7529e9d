// writeDraft and sendThroughReview: the draft a send test finalizes, written through DraftEditor
// field by field as a user fills it in and sent from the review screen's view model, so each
// send test states only what differs (language, words, a photo).
#pragma once

#include "calls/catalog.h"
#include "draft_editor.h"
#include "submission_review.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QString>
#include <QUrl>

namespace amicus::app::testing {

struct DraftToWrite {
    QString language;
    QString organization;
    QString country;
    DraftEditor::Consent consent = DraftEditor::Consent::Public;
    QString answer;    // to the call's first key question
    QString photoName; // when set, a photo of photoBytes bytes is attached
    qsizetype photoBytes = 0;
};

// Creates the draft in `editor` and fills it in; a photo is written into `folder` first.
// Returns the draft's id, or -1 when the editor refused a step.
inline int writeDraft(DraftEditor& editor, const calls::Call& call, const DraftToWrite& draft,
                      const QDir& folder)
{
    const int draftId = editor.createDraft(QString::fromStdString(call.id), draft.language);
    if (draftId < 0) {
        return -1;
    }
    editor.setOrganization(draft.organization);
    editor.setCountry(draft.country);
    editor.setConsent(draft.consent);
    editor.setAnswer(QString::fromStdString(call.questions.front().id), draft.answer);
    if (!draft.photoName.isEmpty()) {
        QFile photo(folder.filePath(draft.photoName));
        if (!photo.open(QIODevice::WriteOnly) ||
            photo.write(QByteArray(draft.photoBytes, 'j')) != draft.photoBytes) {
            return -1;
        }
        photo.close();
        if (!editor.addAttachment(QUrl::fromLocalFile(photo.fileName()))) {
            return -1;
        }
    }
    return draftId;
}

// Sends the draft as the review screen does; true once it is finalized into the outbox (the
// review found nothing to fix first).
inline bool sendThroughReview(AppServices& services, int draftId)
{
    SubmissionReview review(services);
    review.setDraftId(draftId);
    if (!review.issues().isEmpty()) {
        return false;
    }
    QSignalSpy sent(&review, &SubmissionReview::sent);
    review.send();
    return sent.wait(30000);
}

} // namespace amicus::app::testing
