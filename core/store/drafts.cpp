#include "store/drafts.h"

#include "crypto/random.h"
#include "store/attachments.h"
#include "store/store_files.h"

namespace amicus::store {

namespace {

// The sealed columns of `drafts`, in the order Draft::get reads them; each is also its
// DraftField's name (saveField writes `<name>_sealed`).
constexpr DraftField kSealedFields[] = {DraftField::Language,         DraftField::Organization,
                                        DraftField::OrganizationKind, DraftField::Country,
                                        DraftField::Contact,          DraftField::Consent};

StoreError noDraft(std::int64_t draftId)
{
    return StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)};
}

} // namespace

StoreResult<std::int64_t> Drafts::create(std::string_view callId)
{
    auto created = insert(callId);
    if (created) {
        db_->announce(ChangeKind::DraftChanged, *created);
    }
    return created;
}

StoreResult<std::int64_t> Drafts::insert(std::string_view callId)
{
    if (callId.empty()) {
        return fail(StoreError{StoreErrc::InvalidArgument, "empty call id"});
    }
    auto uuid = crypto::randomUuid();
    if (!uuid) {
        return fail(StoreError{StoreErrc::Internal, "no randomness available"});
    }
    auto ran = db_->db().run("INSERT INTO drafts (submission_id, call_id, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?3)",
                             *uuid, callId, db_->now());
    if (!ran) {
        return fail(ran.error());
    }
    return db_->db().lastInsertRowid();
}

StoreResult<void> Drafts::saveField(std::int64_t draftId, DraftField field, std::string_view value)
{
    if (field == DraftField::Consent && !parseConsent(value)) {
        return fail(StoreError{StoreErrc::InvalidArgument, "unknown consent"});
    }
    if (auto editable = db_->requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    const std::string column = draftFieldName(field);
    auto sealed = db_->seal(value, sealingPlace("drafts", column, draftId));
    if (!sealed) {
        return fail(sealed.error());
    }
    // One statement in autocommit mode is one transaction: durable when it returns.
    auto changed = db_->db().change("UPDATE drafts SET " + column +
                                        "_sealed = ?1, updated_at = ?2 WHERE id = ?3",
                                    *sealed, db_->now(), draftId);
    if (!changed) {
        return fail(changed.error());
    }
    if (*changed == 0) {
        return fail(noDraft(draftId));
    }
    db_->announce(ChangeKind::DraftChanged, draftId);
    return {};
}

StoreResult<void> Drafts::saveAnswer(std::int64_t draftId, std::string_view questionId,
                                     std::string_view text)
{
    if (questionId.empty()) {
        return fail(StoreError{StoreErrc::InvalidArgument, "empty question id"});
    }
    auto sealed =
        db_->seal(text, sealingPlace("answers", "body", draftId) + "/" + std::string(questionId));
    if (!sealed) {
        return fail(sealed.error());
    }
    auto tx = Transaction::begin(db_->db());
    if (!tx) {
        return fail(tx.error());
    }
    if (auto editable = db_->requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    const std::int64_t when = db_->now();
    if (auto touched = db_->touchDraft(draftId, when); !touched) {
        return fail(touched.error());
    }
    auto ran = db_->db().run("INSERT INTO answers (draft_id, question_id, body_sealed, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (draft_id, question_id) DO "
                             "UPDATE SET body_sealed = excluded.body_sealed, "
                             "updated_at = excluded.updated_at",
                             draftId, questionId, *sealed, when);
    if (!ran) {
        return fail(ran.error());
    }
    return db_->announced(tx->commit(), ChangeKind::DraftChanged, draftId);
}

StoreResult<void> Drafts::removeAnswer(std::int64_t draftId, std::string_view questionId)
{
    auto tx = Transaction::begin(db_->db());
    if (!tx) {
        return fail(tx.error());
    }
    if (auto editable = db_->requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    if (auto touched = db_->touchDraft(draftId, db_->now()); !touched) {
        return fail(touched.error());
    }
    auto ran = db_->db().run("DELETE FROM answers WHERE draft_id = ?1 AND question_id = ?2",
                             draftId, questionId);
    if (!ran) {
        return fail(ran.error());
    }
    return db_->announced(tx->commit(), ChangeKind::DraftChanged, draftId);
}

StoreResult<void> Drafts::setStatus(std::int64_t draftId, DraftStatus status)
{
    auto changed = db_->db().change("UPDATE drafts SET status = ?1, updated_at = ?2 WHERE id = ?3",
                                    std::string_view(draftStatusName(status)), db_->now(), draftId);
    if (!changed) {
        return fail(changed.error());
    }
    if (*changed == 0) {
        return fail(noDraft(draftId));
    }
    db_->announce(ChangeKind::DraftChanged, draftId);
    return {};
}

StoreResult<Draft> Drafts::get(std::int64_t draftId)
{
    auto tx = Transaction::beginRead(db_->db());
    if (!tx) {
        return fail(tx.error());
    }
    auto row = db_->db().queryRow(
        "SELECT submission_id, call_id, status, created_at, updated_at, language_sealed, "
        "organization_sealed, organization_kind_sealed, country_sealed, contact_sealed, "
        "consent_sealed FROM drafts WHERE id = ?1",
        draftId);
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return fail(noDraft(draftId));
    }
    const Statement& stmt = **row;
    Draft d;
    d.id = draftId;
    d.submissionId = stmt.text(0);
    d.callId = stmt.text(1);
    const auto status = parseDraftStatus(stmt.text(2));
    if (!status) {
        return fail(StoreError{StoreErrc::Corrupt, "unknown draft status stored"});
    }
    d.status = *status;
    d.createdAt = stmt.int64(3);
    d.updatedAt = stmt.int64(4);
    std::optional<std::string> consent;
    std::optional<std::string>* targets[] = {
        &d.language,          &d.submitter.organization, &d.submitter.organizationKind,
        &d.submitter.country, &d.submitter.contact,      &consent};
    for (int i = 0; i < 6; ++i) {
        auto value = db_->unsealColumn(
            stmt, 5 + i, sealingPlace("drafts", draftFieldName(kSealedFields[i]), draftId));
        if (!value) {
            return fail(value.error());
        }
        *targets[i] = std::move(*value);
    }
    if (consent) {
        d.consent = parseConsent(*consent);
        if (!d.consent) {
            return fail(StoreError{StoreErrc::Corrupt, "unknown consent stored"});
        }
    }

    auto answers = db_->db().query("SELECT question_id, body_sealed FROM answers "
                                   "WHERE draft_id = ?1 ORDER BY question_id",
                                   draftId);
    if (!answers) {
        return fail(answers.error());
    }
    auto read = answers->forEachRow([&](const Statement& answer) -> StoreResult<void> {
        std::string question = answer.text(0);
        auto body =
            db_->unseal(answer.blob(1), sealingPlace("answers", "body", draftId) + "/" + question);
        if (!body) {
            return fail(body.error());
        }
        d.answers.emplace(std::move(question), std::move(*body));
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    auto attachments = Attachments(*db_).of(draftId);
    if (!attachments) {
        return fail(attachments.error());
    }
    d.attachments = std::move(*attachments);
    return d;
}

StoreResult<std::vector<DraftSummary>> Drafts::list()
{
    return summariesWhere("d.id > ?1", 0); // every draft: row ids start at 1
}

StoreResult<DraftSummary> Drafts::summary(std::int64_t draftId)
{
    auto found = summariesWhere("d.id = ?1", draftId);
    if (!found) {
        return fail(found.error());
    }
    if (found->empty()) {
        return fail(noDraft(draftId));
    }
    return std::move(found->front());
}

StoreResult<std::vector<DraftSummary>> Drafts::summariesWhere(std::string_view condition,
                                                              std::int64_t draftId)
{
    auto stmt =
        db_->db().query("SELECT d.id, d.submission_id, d.call_id, d.status, d.created_at, "
                        "d.updated_at, d.organization_sealed, "
                        "(SELECT count(*) FROM answers a WHERE a.draft_id = d.id), "
                        "(SELECT count(*) FROM attachments t WHERE t.draft_id = d.id), "
                        "o.state, o.upload_offset, o.envelope_size "
                        "FROM drafts d LEFT JOIN outbox o ON o.draft_id = d.id WHERE " +
                            std::string(condition) + " ORDER BY d.updated_at DESC, d.id DESC",
                        draftId);
    if (!stmt) {
        return fail(stmt.error());
    }
    std::vector<DraftSummary> list;
    auto read = stmt->forEachRow([&](const Statement& row) -> StoreResult<void> {
        DraftSummary s;
        s.id = row.int64(0);
        s.submissionId = row.text(1);
        s.callId = row.text(2);
        const auto status = parseDraftStatus(row.text(3));
        if (!status) {
            return fail(StoreError{StoreErrc::Corrupt, "unknown draft status stored"});
        }
        s.status = *status;
        s.createdAt = row.int64(4);
        s.updatedAt = row.int64(5);
        auto organization = db_->unsealColumn(row, 6, sealingPlace("drafts", "organization", s.id));
        if (!organization) {
            return fail(organization.error());
        }
        s.organization = std::move(*organization);
        s.answerCount = static_cast<int>(row.int64(7));
        s.attachmentCount = static_cast<int>(row.int64(8));
        if (!row.isNull(9)) {
            s.outboxState = parseOutboxState(row.text(9));
            if (!s.outboxState) {
                return fail(StoreError{StoreErrc::Corrupt, "unknown outbox state stored"});
            }
            s.uploadedBytes = static_cast<std::uint64_t>(row.int64(10));
            s.envelopeSize = row.isNull(11) ? 0 : static_cast<std::uint64_t>(row.int64(11));
        }
        list.push_back(std::move(s));
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    return list;
}

StoreResult<void> Drafts::remove(std::int64_t draftId)
{
    Attachments attachments(*db_);
    std::vector<std::string> blobNames;
    {
        auto tx = Transaction::begin(db_->db());
        if (!tx) {
            return fail(tx.error());
        }
        auto names = attachments.blobNamesOf(draftId);
        if (!names) {
            return fail(names.error());
        }
        blobNames = std::move(*names);
        auto changed = db_->db().change("DELETE FROM drafts WHERE id = ?1", draftId);
        if (!changed) {
            return fail(changed.error());
        }
        if (*changed == 0) {
            return fail(noDraft(draftId));
        }
        if (auto committed = tx->commit(); !committed) {
            return fail(committed.error());
        }
    }
    db_->announce(ChangeKind::DraftDeleted, draftId);
    // The rows are gone first; a crash before the unlinks leaves orphans the sweep removes.
    attachments.removeBlobFiles(blobNames);
    return {};
}

} // namespace amicus::store
