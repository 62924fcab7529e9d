// The outbox while the vault is locked (OutboxTable::listPlain, putWhileLocked,
// mergeLockedNotes): the sender keeps delivering after the
// keys are wiped, and what it learns that would be sealed waits in a note encrypted to the
// vault's own recipient, which only the next unlock can open.
#include "crypto/age_reader.h"
#include "crypto/age_writer.h"
#include "crypto/byte_stream.h"
#include "store/outbox_plain_columns.h"
#include "store/outbox_table.h"

#include <array>
#include <cstring>

namespace amicus::store {
namespace {

// Plaintext of a note: magic, the entry's draft id (so a note moved to another row is
// refused), then three optional values, each a presence byte, a 32-bit length and the bytes.
constexpr std::array<std::uint8_t, 4> kNoteMagic{'A', 'O', 'N', '1'};

struct NoteValues {
    std::int64_t draftId = 0;
    std::optional<std::string> uploadUrl;
    std::optional<std::string> lastErrorDetail;
    std::optional<std::string> receipt;
};

void putU64(std::vector<std::uint8_t>& out, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

void putValue(std::vector<std::uint8_t>& out, const std::optional<std::string>& value)
{
    out.push_back(value ? 1 : 0);
    const auto size = static_cast<std::uint32_t>(value ? value->size() : 0);
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<std::uint8_t>(size >> (8 * i)));
    }
    if (value) {
        out.insert(out.end(), value->begin(), value->end());
    }
}

std::vector<std::uint8_t> encodeNote(const NoteValues& values)
{
    std::vector<std::uint8_t> out(kNoteMagic.begin(), kNoteMagic.end());
    putU64(out, static_cast<std::uint64_t>(values.draftId));
    putValue(out, values.uploadUrl);
    putValue(out, values.lastErrorDetail);
    putValue(out, values.receipt);
    return out;
}

// Reads what encodeNote wrote; nullopt when the bytes are not such a note.
std::optional<NoteValues> decodeNote(std::span<const std::uint8_t> bytes)
{
    std::size_t at = 0;
    const auto take = [&](std::size_t n) -> std::optional<std::span<const std::uint8_t>> {
        if (bytes.size() - at < n) {
            return std::nullopt;
        }
        auto part = bytes.subspan(at, n);
        at += n;
        return part;
    };
    const auto magic = take(kNoteMagic.size());
    if (!magic || !std::equal(magic->begin(), magic->end(), kNoteMagic.begin())) {
        return std::nullopt;
    }
    NoteValues values;
    const auto id = take(8);
    if (!id) {
        return std::nullopt;
    }
    std::uint64_t raw = 0;
    for (int i = 7; i >= 0; --i) {
        raw = (raw << 8) | (*id)[static_cast<std::size_t>(i)];
    }
    values.draftId = static_cast<std::int64_t>(raw);
    for (auto* value : {&values.uploadUrl, &values.lastErrorDetail, &values.receipt}) {
        const auto header = take(5);
        if (!header || (*header)[0] > 1) {
            return std::nullopt;
        }
        std::uint32_t size = 0;
        for (int i = 4; i >= 1; --i) {
            size = (size << 8) | (*header)[static_cast<std::size_t>(i)];
        }
        const auto body = take(size);
        if (!body) {
            return std::nullopt;
        }
        if ((*header)[0] == 1) {
            *value = std::string(body->begin(), body->end());
        }
    }
    if (at != bytes.size()) {
        return std::nullopt;
    }
    return values;
}

std::string notePlace(std::string_view column, std::int64_t draftId)
{
    return "outbox/" + std::string(column) + "/" + std::to_string(draftId);
}

} // namespace

StoreResult<std::vector<OutboxPlainEntry>> OutboxTable::listPlain()
{
    auto stmt = db_->db().query(
        std::string("SELECT ") + outboxPlainColumns +
        ", o.upload_url_sealed IS NOT NULL, o.receipt_sealed IS NOT NULL, d.submission_id, "
        "d.call_id, "
        "EXISTS (SELECT 1 FROM outbox_locked_notes n WHERE n.draft_id = o.draft_id) "
        "FROM outbox o JOIN drafts d ON d.id = o.draft_id ORDER BY o.draft_id");
    if (!stmt) {
        return fail(stmt.error());
    }
    constexpr int next = outboxPlainColumnCount;
    std::vector<OutboxPlainEntry> list;
    auto read = stmt->forEachRow([&](const Statement& row) -> StoreResult<void> {
        OutboxPlainEntry plain;
        if (auto columns = readOutboxPlainColumns(row, plain.entry); !columns) {
            return fail(columns.error());
        }
        plain.hasUploadUrl = row.int64(next) != 0;
        plain.hasReceipt = row.int64(next + 1) != 0;
        plain.submissionId = row.text(next + 2);
        plain.callId = row.text(next + 3);
        plain.hasLockedNote = row.int64(next + 4) != 0;
        list.push_back(std::move(plain));
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    return list;
}

StoreResult<void> OutboxTable::putWhileLocked(const OutboxEntry& entry,
                                              const crypto::X25519Recipient* noteRecipient)
{
    // Encrypt before the transaction: nothing is held locked while age works.
    std::optional<std::vector<std::uint8_t>> note;
    if (noteRecipient) {
        const auto plain =
            encodeNote({entry.draftId, entry.uploadUrl, entry.lastErrorDetail, entry.receipt});
        crypto::MemorySource source(plain);
        crypto::VectorSink sink;
        const crypto::AgeRecipient* recipients[] = {noteRecipient};
        if (auto encrypted = crypto::ageEncrypt(source, recipients, sink); !encrypted) {
            return fail(StoreError{StoreErrc::Internal,
                                   "outbox note: " +
                                       std::string(crypto::ageErrorName(encrypted.error().code))});
        }
        note = sink.take();
    }
    auto tx = Transaction::begin(db_->db());
    if (!tx) {
        return fail(tx.error());
    }
    auto changed = db_->db().change(
        "UPDATE outbox SET state = ?2, upload_offset = ?3, attempts = ?4, next_try_at = ?5, "
        "last_error_code = ?6, envelope_sha256 = ?7, wait_reason = ?8, upload_expires_at = ?9, "
        "updated_at = ?10 WHERE draft_id = ?1",
        entry.draftId, std::string_view(outboxStateName(entry.state)), entry.uploadOffset,
        entry.attempts, entry.nextTryAt, entry.lastErrorCode, entry.envelopeSha256,
        entry.waitReason, entry.uploadExpiresAt, db_->now());
    if (!changed) {
        return fail(changed.error());
    }
    if (*changed == 0) {
        return fail(StoreError{StoreErrc::NotFound,
                               "no outbox entry for " + std::to_string(entry.draftId)});
    }
    if (note) {
        if (auto put = db_->db().run(
                "INSERT INTO outbox_locked_notes (draft_id, note, written_at) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (draft_id) DO UPDATE SET note = excluded.note, "
                "written_at = excluded.written_at",
                entry.draftId, note, db_->now());
            !put) {
            return fail(put.error());
        }
    }
    return db_->announced(tx->commit(), ChangeKind::OutboxChanged, entry.draftId);
}

StoreResult<int> OutboxTable::mergeLockedNotes(const crypto::AgeIdentity& identity)
{
    auto tx = Transaction::begin(db_->db());
    if (!tx) {
        return fail(tx.error());
    }
    std::vector<std::pair<std::int64_t, std::vector<std::uint8_t>>> notes;
    auto stmt = db_->db().query("SELECT draft_id, note FROM outbox_locked_notes");
    if (!stmt) {
        return fail(stmt.error());
    }
    auto read = stmt->forEachRow([&](const Statement& row) -> StoreResult<void> {
        notes.emplace_back(row.int64(0), row.blob(1));
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    std::vector<std::int64_t> merged;
    for (const auto& [draftId, sealedNote] : notes) {
        crypto::MemorySource source(sealedNote);
        crypto::VectorSink sink;
        const crypto::AgeIdentity* identities[] = {&identity};
        std::optional<NoteValues> values;
        if (crypto::ageDecrypt(source, identities, sink)) {
            values = decodeNote(sink.bytes());
        }
        if (values && values->draftId == draftId) {
            using Blob = std::optional<std::vector<std::uint8_t>>;
            std::array<Blob, 3> sealed;
            const std::array<std::pair<const std::optional<std::string>*, const char*>, 3> parts{{
                {&values->uploadUrl, "upload_url"},
                {&values->lastErrorDetail, "last_error"},
                {&values->receipt, "receipt"},
            }};
            for (std::size_t i = 0; i < parts.size(); ++i) {
                if (*parts[i].first) {
                    auto one = db_->seal(**parts[i].first, notePlace(parts[i].second, draftId));
                    if (!one) {
                        return fail(one.error());
                    }
                    sealed[i] = std::move(*one);
                }
            }
            if (auto ran = db_->db().run("UPDATE outbox SET upload_url_sealed = ?2, "
                                         "last_error_sealed = ?3, receipt_sealed = ?4 "
                                         "WHERE draft_id = ?1",
                                         draftId, sealed[0], sealed[1], sealed[2]);
                !ran) {
                return fail(ran.error());
            }
            merged.push_back(draftId);
        }
        // Merged, or never going to open: either way the note has served.
        if (auto dropped =
                db_->db().run("DELETE FROM outbox_locked_notes WHERE draft_id = ?1", draftId);
            !dropped) {
            return fail(dropped.error());
        }
    }
    if (notes.empty()) {
        return 0; // the transaction rolls back: nothing was written
    }
    if (auto committed = tx->commit(); !committed) {
        return fail(committed.error());
    }
    for (const std::int64_t draftId : merged) {
        db_->announce(ChangeKind::OutboxChanged, draftId);
    }
    return static_cast<int>(merged.size());
}

} // namespace amicus::store
