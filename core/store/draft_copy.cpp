// DraftStore::copyDraftAsNew and DraftStore::removeOutboxEntry: what the outbox offers when a
// finalized submission cannot go as it is (too large, its call withdrawn, its envelope
// damaged) — an editable copy to change and send again, and taking it out of the outbox.
// The finalized draft itself never changes: its envelope was sealed from what it says.
#include "store/draft_store.h"
#include "store/store_files.h"

#include <system_error>

namespace amicus::store {
namespace {

// Copies the age file `from` (encrypted to the vault's own recipient: no plaintext is made) to
// a new random name in `dir`, durably. Returns the new name.
StoreResult<std::string> copyBlob(const std::filesystem::path& dir, const std::string& from)
{
    auto name = randomHexName(16, ".age");
    if (!name) {
        return fail(name.error());
    }
    const auto partial = dir / (*name + ".part");
    std::error_code ec;
    std::filesystem::copy_file(dir / from, partial, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return fail(ioError("copy blob", ec.value()));
    }
    if (auto synced = syncPath(partial, false); !synced) {
        std::filesystem::remove(partial, ec);
        return fail(synced.error());
    }
    std::filesystem::rename(partial, dir / *name, ec);
    if (ec) {
        const int err = ec.value();
        std::filesystem::remove(partial, ec);
        return fail(ioError("rename blob", err));
    }
    return *name;
}

} // namespace

StoreResult<std::int64_t> DraftStore::copyDraftAsNew(std::int64_t draftId)
{
    auto source = draft(draftId);
    if (!source) {
        return fail(source.error());
    }
    // The files first, under new names; the rows after, in one transaction. Whatever fails,
    // the copied files go again (a crash leaves orphans that sweepOrphanBlobs removes).
    std::vector<std::string> copied;
    const auto discardCopies = [&] {
        std::error_code ignored;
        for (const auto& name : copied) {
            std::filesystem::remove(paths_.blobDir / name, ignored);
        }
    };
    std::vector<std::pair<std::string, std::optional<std::string>>> blobNames;
    for (const auto& attachment : source->attachments) {
        auto original = copyBlob(paths_.blobDir, attachment.blobName);
        if (!original) {
            discardCopies();
            return fail(original.error());
        }
        copied.push_back(*original);
        std::optional<std::string> reduced;
        if (attachment.reduced) {
            auto smaller = copyBlob(paths_.blobDir, attachment.reduced->blobName);
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
        if (auto synced = syncPath(paths_.blobDir, true); !synced) {
            discardCopies();
            return fail(synced.error());
        }
    }

    auto made = [&]() -> StoreResult<std::int64_t> {
        auto tx = Transaction::begin(db_);
        if (!tx) {
            return fail(tx.error());
        }
        // A new submission id: the copy is another submission, never a second upload of this one.
        auto created = createDraft(source->callId);
        if (!created) {
            return fail(created.error());
        }
        const std::int64_t copyId = *created;
        const std::int64_t when = now();

        const std::pair<const char*, const std::optional<std::string>*> fields[] = {
            {"language", &source->language},
            {"organization", &source->submitter.organization},
            {"organization_kind", &source->submitter.organizationKind},
            {"country", &source->submitter.country},
            {"contact", &source->submitter.contact},
        };
        std::optional<std::string> consent;
        if (source->consent) {
            consent = consentName(*source->consent);
        }
        const auto saveColumn = [&](const char* column,
                                    const std::optional<std::string>& value) -> StoreResult<void> {
            if (!value) {
                return {};
            }
            auto sealed = seal(*value, sealingPlace("drafts", column, copyId));
            if (!sealed) {
                return fail(sealed.error());
            }
            auto update = db_.prepare(std::string("UPDATE drafts SET ") + column +
                                      "_sealed = ?1 WHERE id = ?2");
            if (!update) {
                return fail(update.error());
            }
            update->bindBlob(1, *sealed);
            update->bind(2, copyId);
            return update->run();
        };
        for (const auto& [column, value] : fields) {
            if (auto saved = saveColumn(column, *value); !saved) {
                return fail(saved.error());
            }
        }
        if (auto saved = saveColumn("consent", consent); !saved) {
            return fail(saved.error());
        }

        for (const auto& [questionId, text] : source->answers) {
            auto sealed = seal(text, sealingPlace("answers", "body", copyId) + "/" + questionId);
            if (!sealed) {
                return fail(sealed.error());
            }
            auto answer = db_.prepare("INSERT INTO answers (draft_id, question_id, body_sealed, "
                                      "updated_at) VALUES (?1, ?2, ?3, ?4)");
            if (!answer) {
                return fail(answer.error());
            }
            answer->bind(1, copyId);
            answer->bind(2, std::string_view(questionId));
            answer->bindBlob(3, *sealed);
            answer->bind(4, when);
            if (auto ran = answer->run(); !ran) {
                return fail(ran.error());
            }
        }

        for (std::size_t i = 0; i < source->attachments.size(); ++i) {
            const AttachmentInfo& original = source->attachments[i];
            auto row = db_.prepare("INSERT INTO attachments (draft_id, blob_name, size, "
                                   "created_at) VALUES (?1, ?2, ?3, ?4)");
            if (!row) {
                return fail(row.error());
            }
            row->bind(1, copyId);
            row->bind(2, std::string_view(blobNames[i].first));
            row->bind(3, static_cast<std::int64_t>(original.size));
            row->bind(4, original.createdAt);
            if (auto ran = row->run(); !ran) {
                return fail(ran.error());
            }
            const std::int64_t attachmentId = db_.lastInsertRowid();
            auto sha = seal(std::span<const std::uint8_t>(original.sha256),
                            sealingPlace("attachments", "sha256", attachmentId));
            auto name =
                seal(original.fileName, sealingPlace("attachments", "file_name", attachmentId));
            auto type =
                seal(original.mediaType, sealingPlace("attachments", "media_type", attachmentId));
            for (const auto* part : {&sha, &name, &type}) {
                if (!*part) {
                    return fail(part->error());
                }
            }
            auto update =
                db_.prepare("UPDATE attachments SET sha256_sealed = ?1, "
                            "file_name_sealed = ?2, media_type_sealed = ?3 WHERE id = ?4");
            if (!update) {
                return fail(update.error());
            }
            update->bindBlob(1, *sha);
            update->bindBlob(2, *name);
            update->bindBlob(3, *type);
            update->bind(4, attachmentId);
            if (auto ran = update->run(); !ran) {
                return fail(ran.error());
            }
            if (!original.reduced) {
                continue;
            }
            const ReducedCopy& reduced = *original.reduced;
            auto reducedSha = seal(std::span<const std::uint8_t>(reduced.sha256),
                                   sealingPlace("attachment_reductions", "sha256", attachmentId));
            auto reducedType = seal(reduced.mediaType, sealingPlace("attachment_reductions",
                                                                    "media_type", attachmentId));
            for (const auto* part : {&reducedSha, &reducedType}) {
                if (!*part) {
                    return fail(part->error());
                }
            }
            auto reduction = db_.prepare(
                "INSERT INTO attachment_reductions (attachment_id, blob_name, size, "
                "sha256_sealed, media_type_sealed, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            if (!reduction) {
                return fail(reduction.error());
            }
            reduction->bind(1, attachmentId);
            reduction->bind(2, std::string_view(*blobNames[i].second));
            reduction->bind(3, static_cast<std::int64_t>(reduced.size));
            reduction->bindBlob(4, *reducedSha);
            reduction->bindBlob(5, *reducedType);
            reduction->bind(6, reduced.createdAt);
            if (auto ran = reduction->run(); !ran) {
                return fail(ran.error());
            }
        }
        if (auto committed = tx->commit(); !committed) {
            return fail(committed.error());
        }
        return copyId;
    }();
    if (!made) {
        discardCopies();
    }
    return made;
}

StoreResult<void> DraftStore::removeOutboxEntry(std::int64_t draftId)
{
    // One statement is one transaction; the entry's locked note goes with it (ON DELETE CASCADE).
    auto stmt = db_.prepare("DELETE FROM outbox WHERE draft_id = ?1");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, draftId);
    if (auto ran = stmt->run(); !ran) {
        return fail(ran.error());
    }
    if (db_.changes() == 0) {
        return fail(StoreError{StoreErrc::NotFound,
                               "no outbox entry for draft " + std::to_string(draftId)});
    }
    return {};
}

} // namespace amicus::store
