#include "store/outbox_table.h"

#include "store/outbox_plain_columns.h"
#include "store/store_files.h"

#include <cstring>
#include <sqlite3.h>

namespace amicus::store {

StoreResult<void> readOutboxPlainColumns(const Statement& stmt, OutboxEntry& e)
{
    e.draftId = stmt.int64(0);
    auto state = parseOutboxState(stmt.text(1));
    if (!state) {
        return fail(StoreError{StoreErrc::Corrupt, "unknown outbox state"});
    }
    e.state = *state;
    if (!stmt.isNull(2)) {
        e.envelopeName = stmt.text(2);
    }
    if (!stmt.isNull(3)) {
        e.envelopeSize = static_cast<std::uint64_t>(stmt.int64(3));
    }
    e.uploadOffset = static_cast<std::uint64_t>(stmt.int64(4));
    e.attempts = static_cast<int>(stmt.int64(5));
    if (!stmt.isNull(6)) {
        e.nextTryAt = stmt.int64(6);
    }
    if (!stmt.isNull(7)) {
        e.lastErrorCode = stmt.text(7);
    }
    e.updatedAt = stmt.int64(8);
    if (!stmt.isNull(9)) {
        const auto hash = stmt.blob(9);
        if (hash.size() != 32) {
            return fail(StoreError{StoreErrc::Corrupt, "outbox envelope hash of bad size"});
        }
        e.envelopeSha256.emplace();
        std::memcpy(e.envelopeSha256->data(), hash.data(), 32);
    }
    if (!stmt.isNull(10)) {
        e.waitReason = stmt.text(10);
    }
    if (!stmt.isNull(11)) {
        e.uploadExpiresAt = stmt.int64(11);
    }
    return {};
}

StoreResult<void> OutboxTable::put(const OutboxEntry& entry)
{
    using Blob = std::optional<std::vector<std::uint8_t>>;
    auto sealOptional = [&](const std::optional<std::string>& value,
                            std::string_view column) -> StoreResult<Blob> {
        if (!value) {
            return Blob{};
        }
        auto sealed = db_->seal(*value, sealingPlace("outbox", column, entry.draftId));
        if (!sealed) {
            return fail(sealed.error());
        }
        return Blob(std::move(*sealed));
    };
    auto url = sealOptional(entry.uploadUrl, "upload_url");
    auto detail = sealOptional(entry.lastErrorDetail, "last_error");
    auto receipt = sealOptional(entry.receipt, "receipt");
    for (const auto* part : {&url, &detail, &receipt}) {
        if (!*part) {
            return fail(part->error());
        }
    }
    auto tx = Transaction::begin(db_->db());
    if (!tx) {
        return fail(tx.error());
    }
    auto ran = db_->db().run(
        "INSERT INTO outbox (draft_id, state, envelope_name, envelope_size, upload_url_sealed, "
        "upload_offset, attempts, next_try_at, last_error_code, last_error_sealed, "
        "receipt_sealed, updated_at, envelope_sha256, wait_reason, upload_expires_at) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
        "ON CONFLICT (draft_id) DO UPDATE SET state = excluded.state, "
        "envelope_name = excluded.envelope_name, envelope_size = excluded.envelope_size, "
        "upload_url_sealed = excluded.upload_url_sealed, "
        "upload_offset = excluded.upload_offset, attempts = excluded.attempts, "
        "next_try_at = excluded.next_try_at, last_error_code = excluded.last_error_code, "
        "last_error_sealed = excluded.last_error_sealed, "
        "receipt_sealed = excluded.receipt_sealed, updated_at = excluded.updated_at, "
        "envelope_sha256 = excluded.envelope_sha256, wait_reason = excluded.wait_reason, "
        "upload_expires_at = excluded.upload_expires_at",
        entry.draftId, std::string_view(outboxStateName(entry.state)), entry.envelopeName,
        entry.envelopeSize, *url, entry.uploadOffset, entry.attempts, entry.nextTryAt,
        entry.lastErrorCode, *detail, *receipt, db_->now(), entry.envelopeSha256, entry.waitReason,
        entry.uploadExpiresAt);
    if (!ran) {
        if ((ran.error().sqliteCode & 0xff) == SQLITE_CONSTRAINT) {
            StoreError error = ran.error();
            error.code = StoreErrc::NotFound;
            return fail(error);
        }
        return fail(ran.error());
    }
    // A note written while locked is older than these values.
    if (auto dropped =
            db_->db().run("DELETE FROM outbox_locked_notes WHERE draft_id = ?1", entry.draftId);
        !dropped) {
        return fail(dropped.error());
    }
    return db_->announced(tx->commit(), ChangeKind::OutboxChanged, entry.draftId);
}

StoreResult<std::vector<OutboxEntry>> OutboxTable::list()
{
    auto stmt = db_->db().query(std::string("SELECT ") + outboxPlainColumns +
                                ", o.upload_url_sealed, o.last_error_sealed, o.receipt_sealed "
                                "FROM outbox o ORDER BY o.draft_id");
    if (!stmt) {
        return fail(stmt.error());
    }
    constexpr int urlColumn = outboxPlainColumnCount;
    std::vector<OutboxEntry> list;
    auto read = stmt->forEachRow([&](const Statement& row) -> StoreResult<void> {
        OutboxEntry e;
        if (auto plain = readOutboxPlainColumns(row, e); !plain) {
            return fail(plain.error());
        }
        const std::pair<std::optional<std::string>*, const char*> sealed[] = {
            {&e.uploadUrl, "upload_url"},
            {&e.lastErrorDetail, "last_error"},
            {&e.receipt, "receipt"},
        };
        for (int i = 0; i < 3; ++i) {
            auto value = db_->unsealColumn(row, urlColumn + i,
                                           sealingPlace("outbox", sealed[i].second, e.draftId));
            if (!value) {
                return fail(value.error());
            }
            *sealed[i].first = std::move(*value);
        }
        list.push_back(std::move(e));
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    return list;
}

StoreResult<OutboxEntry> OutboxTable::entry(std::int64_t draftId)
{
    auto all = list();
    if (!all) {
        return fail(all.error());
    }
    for (auto& entry : *all) {
        if (entry.draftId == draftId) {
            return std::move(entry);
        }
    }
    return fail(StoreError{StoreErrc::NotFound, "no outbox entry for " + std::to_string(draftId)});
}

StoreResult<void> OutboxTable::remove(std::int64_t draftId)
{
    // One statement is one transaction; the entry's locked note goes with it (ON DELETE CASCADE).
    auto changed = db_->db().change("DELETE FROM outbox WHERE draft_id = ?1", draftId);
    if (!changed) {
        return fail(changed.error());
    }
    if (*changed == 0) {
        return fail(StoreError{StoreErrc::NotFound,
                               "no outbox entry for draft " + std::to_string(draftId)});
    }
    db_->announce(ChangeKind::OutboxChanged, draftId);
    return {};
}

} // namespace amicus::store
