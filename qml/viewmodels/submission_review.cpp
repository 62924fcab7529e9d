#include "submission_review.h"

#include "app_context.h"
#include "app_services.h"
#include "draft_autosave.h"
#include "submission/draft_check.h"
#include "submission/draft_finalizer.h"
#include "submission_finalizer.h"
#include "text_conversion.h"

#include <QDateTime>
#include <QVariantMap>
#include <memory>

using amicus::app::AppContext;
using amicus::app::AppServices;

namespace {

// What the review says when finalizing failed.
Problem::Code problemOf(const amicus::submission::FinalizeError& error)
{
    switch (error.code) {
    case amicus::submission::FinalizeErrc::Store:
        return Problem::fromStoreError(error.storeError.code);
    case amicus::submission::FinalizeErrc::Package:
        return error.packageError.code == amicus::package::PackageErrc::DiskFull
                   ? Problem::DiskFull
                   : Problem::Unexpected;
    default:
        return Problem::Unexpected;
    }
}

} // namespace

SubmissionReview::SubmissionReview(QObject* parent) : QObject(parent)
{
}

SubmissionReview::SubmissionReview(AppServices& services, QObject* parent)
    : SubmissionReview(parent)
{
    useServices(&services);
}

void SubmissionReview::classBegin()
{
    if (!services_) {
        useServices(AppServices::of(this));
    }
}

void SubmissionReview::useServices(AppServices* services)
{
    services_ = services;
    if (!services_) {
        return;
    }
    // The draft changed (in the editor, or finalized): read it again.
    connect(&services_->changes(), &amicus::app::ChangeNotifier::draftChanged, this,
            [this](qint64 draftId) {
                if (draftId == draftId_ && !busy_) {
                    refresh();
                }
            });
}

SubmissionReview::~SubmissionReview() = default;

void SubmissionReview::setDraftId(int draftId)
{
    if (draftId != draftId_) {
        draftId_ = draftId;
        refresh();
    }
}

void SubmissionReview::refresh()
{
    issues_.clear();
    clearSummary();
    auto* session = services_ ? services_->context().session() : nullptr;
    if (!session || draftId_ < 0) {
        emit summaryChanged();
        emit issuesChanged();
        return;
    }
    services_->autosave().flush(); // the review shows, and sends, everything typed
    const auto draft = session->store().drafts().get(draftId_);
    if (!draft) {
        setProblem(Problem::fromStoreError(draft.error().code));
        emit summaryChanged();
        emit issuesChanged();
        return;
    }
    readSummary(*draft);
    emit summaryChanged();
    const auto catalog = services_->context().catalog();
    const auto call = catalog->call(draft->callId);
    const auto found = amicus::submission::checkDraft(*draft, call ? *call : nullptr,
                                                      QDateTime::currentSecsSinceEpoch());
    for (const auto& issue : found) {
        int question = 0;
        if (call) {
            for (std::size_t i = 0; i < (*call)->questions.size(); ++i) {
                if ((*call)->questions[i].id == issue.questionId) {
                    question = static_cast<int>(i) + 1;
                }
            }
        }
        issues_.append(QVariantMap{
            {QStringLiteral("code"), static_cast<int>(issue.code)},
            {QStringLiteral("question"), question},
            {QStringLiteral("count"), static_cast<double>(issue.count)},
            {QStringLiteral("limit"), static_cast<double>(issue.limit)},
            {QStringLiteral("attachment"), amicus::app::toQString(issue.attachmentName)}});
    }
    emit issuesChanged();
}

void SubmissionReview::send()
{
    refresh();
    auto* session = services_ ? services_->context().session() : nullptr;
    if (busy_ || !issues_.isEmpty() || !session) {
        return;
    }
    const auto catalog = services_->context().catalog();
    const auto draft = session->store().drafts().get(draftId_);
    const auto call =
        draft ? catalog->call(draft->callId) : amicus::fail(amicus::calls::LookupError::NoSuchCall);
    if (!call) {
        setProblem(Problem::Unexpected);
        return;
    }
    setProblem(Problem::None);
    const bool started = services_->finalizer().start(
        draftId_, **call, this, [this](const amicus::app::SubmissionFinalizer::Outcome& outcome) {
            setBusy(false);
            setProblem(outcome ? problemOf(*outcome) : Problem::None);
            if (!outcome) {
                emit sent();
            }
        });
    setBusy(started);
}

void SubmissionReview::clearSummary()
{
    callId_.clear();
    organization_.clear();
    country_.clear();
    consent_ = DraftEditor::Consent::Unset;
    answerWords_.clear();
    attachmentCount_ = 0;
    attachmentBytes_ = 0;
    smallerCopyCount_ = 0;
}

void SubmissionReview::readSummary(const amicus::store::Draft& draft)
{
    using amicus::app::toQString;
    const auto text = [](const std::optional<std::string>& value) {
        return value ? toQString(*value) : QString();
    };
    callId_ = toQString(draft.callId);
    organization_ = text(draft.submitter.organization);
    country_ = text(draft.submitter.country);
    consent_ = DraftEditor::consentOf(draft.consent);
    for (const auto& [questionId, answer] : draft.answers) {
        answerWords_.insert(toQString(questionId),
                            static_cast<int>(amicus::submission::countWords(answer)));
    }
    attachmentCount_ = static_cast<int>(draft.attachments.size());
    for (const auto& attachment : draft.attachments) {
        attachmentBytes_ += static_cast<double>(attachment.sentSize());
        smallerCopyCount_ += attachment.reduced ? 1 : 0;
    }
}

void SubmissionReview::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        emit busyChanged();
    }
}

void SubmissionReview::setProblem(Problem::Code problem)
{
    if (problem != problem_) {
        problem_ = problem;
        emit problemChanged();
    }
}
