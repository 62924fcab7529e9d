// Drafts::copyAsNew: what the outbox offers when a finalized submission cannot go as it is
// (too large, its call withdrawn, its envelope damaged) — an editable copy to change and send
// again. The finalized draft itself never changes: its envelope was sealed from what it says.
#include "store/attachments.h"
#include "store/drafts.h"
#include "store/store_files.h"

#include <utility>

namespace amicus::store {

StoreResult<std::int64_t> Drafts::copyAsNew(std::int64_t draftId)
{
    auto source = get(draftId);
    if (!source) {
        return fail(source.error());
    }
    Attachments attachments(*db_);
    // The files first, under new names; the rows after, in one transaction. Whatever fails,
    // the copied files go again (a crash leaves orphans that the sweep removes).
    std::vector<std::string> copied;
    const auto discardCopies = [&] {
        for (const auto& name : copied) {
            removeQuietly(db_->paths().blobDir / name);
        }
    };
    std::vector<std::pair<std::string, std::optional<std::string>>> blobNames;
    for (const auto& attachment : source->attachments) {
        auto original = attachments.copyBlob(attachment.blobName);
        if (!original) {
            discardCopies();
            return fail(original.error());
        }
        copied.push_back(*original);
        std::optional<std::string> reduced;
        if (attachment.reduced) {
            auto smaller = attachments.copyBlob(attachment.reduced->blobName);
            if (!smaller) {
                discardCopies();
                return fail(smaller.error());
            }
            copied.push_back(*smaller);
            reduced = *smaller;
        }
        blobNames.emplace_back(*original, reduced);
    }
    if (!copied.empty()) {
        if (auto synced = syncPath(db_->paths().blobDir, true); !synced) {
            discardCopies();
            return fail(synced.error());
        }
    }

    auto made = [&]() -> StoreResult<std::int64_t> {
        auto tx = Transaction::begin(db_->db());
        if (!tx) {
            return fail(tx.error());
        }
        // A new submission id: the copy is another submission, never a second upload of this one.
        auto created = insert(source->callId); // announced with the copy, once committed
        if (!created) {
            return fail(created.error());
        }
        const std::int64_t copyId = *created;
        const std::int64_t when = db_->now();

        std::optional<std::string> consent;
        if (source->consent) {
            consent = consentName(*source->consent);
        }
        const std::pair<DraftField, const std::optional<std::string>*> fields[] = {
            {DraftField::Language, &source->language},
            {DraftField::Organization, &source->submitter.organization},
            {DraftField::OrganizationKind, &source->submitter.organizationKind},
            {DraftField::Country, &source->submitter.country},
            {DraftField::Contact, &source->submitter.contact},
            {DraftField::Consent, &consent},
        };
        for (const auto& [field, value] : fields) {
            if (!*value) {
                continue;
            }
            const std::string column = draftFieldName(field);
            auto sealed = db_->seal(**value, sealingPlace("drafts", column, copyId));
            if (!sealed) {
                return fail(sealed.error());
            }
            if (auto saved = db_->db().run(
                    "UPDATE drafts SET " + column + "_sealed = ?1 WHERE id = ?2", *sealed, copyId);
                !saved) {
                return fail(saved.error());
            }
        }
        for (const auto& [questionId, text] : source->answers) {
            auto sealed =
                db_->seal(text, sealingPlace("answers", "body", copyId) + "/" + questionId);
            if (!sealed) {
                return fail(sealed.error());
            }
            if (auto ran = db_->db().run("INSERT INTO answers (draft_id, question_id, "
                                         "body_sealed, updated_at) VALUES (?1, ?2, ?3, ?4)",
                                         copyId, questionId, *sealed, when);
                !ran) {
                return fail(ran.error());
            }
        }
        for (std::size_t i = 0; i < source->attachments.size(); ++i) {
            if (auto recorded = attachments.recordCopy(copyId, source->attachments[i],
                                                       blobNames[i].first, blobNames[i].second);
                !recorded) {
                return fail(recorded.error());
            }
        }
        if (auto committed = tx->commit(); !committed) {
            return fail(committed.error());
        }
        return copyId;
    }();
    if (!made) {
        discardCopies();
        return made;
    }
    db_->announce(ChangeKind::DraftChanged, *made);
    return made;
}

} // namespace amicus::store
