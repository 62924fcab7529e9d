#include "store/migrations.h"

#include <array>
#include <string>

namespace amicus::store {

namespace {

// Columns named *_sealed hold FieldSealer output bound to "table/column/row id"; only ids,
// timestamps, states and sizes are stored plain. Existing steps are never edited: a schema
// change is a new step at the end.
constexpr std::array kMigrations{
    Migration{1, R"sql(
        CREATE TABLE calls (
            id TEXT PRIMARY KEY,
            document TEXT NOT NULL,
            fetched_at INTEGER NOT NULL
        );
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            submission_id TEXT NOT NULL UNIQUE,
            call_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            language_sealed BLOB,
            organization_sealed BLOB,
            organization_kind_sealed BLOB,
            country_sealed BLOB,
            contact_sealed BLOB,
            consent_sealed BLOB
        );
        CREATE INDEX drafts_by_call ON drafts (call_id);
        CREATE TABLE answers (
            draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            body_sealed BLOB NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (draft_id, question_id)
        ) WITHOUT ROWID;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value BLOB NOT NULL,
            sealed INTEGER NOT NULL CHECK (sealed IN (0, 1))
        );
    )sql"},
    Migration{2, R"sql(
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
            blob_name TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256_sealed BLOB,
            file_name_sealed BLOB,
            media_type_sealed BLOB,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX attachments_by_draft ON attachments (draft_id);
    )sql"},
    Migration{3, R"sql(
        ALTER TABLE drafts ADD COLUMN status TEXT NOT NULL DEFAULT 'editing'
            CHECK (status IN ('editing', 'finalized'));
        CREATE TABLE outbox (
            draft_id INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN
                ('queued', 'waiting', 'uploading', 'delivered', 'needs_attention')),
            envelope_name TEXT,
            envelope_size INTEGER,
            upload_url_sealed BLOB,
            upload_offset INTEGER NOT NULL DEFAULT 0 CHECK (upload_offset >= 0),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at INTEGER,
            last_error_code TEXT,
            last_error_sealed BLOB,
            receipt_sealed BLOB,
            updated_at INTEGER NOT NULL
        );
    )sql"},
    // What the sync engine asked for: the envelope's hash (of ciphertext, not personal), why
    // an entry waits, and when the server forgets a partial upload.
    Migration{4, R"sql(
        ALTER TABLE outbox ADD COLUMN envelope_sha256 BLOB;
        ALTER TABLE outbox ADD COLUMN wait_reason TEXT;
        ALTER TABLE outbox ADD COLUMN upload_expires_at INTEGER;
    )sql"},
    // A smaller copy of a photo, re-encoded on the device, sent instead of the original. A
    // row here is the user's choice to send it; its bytes are an age blob like the original's.
    Migration{5, R"sql(
        CREATE TABLE attachment_reductions (
            attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
            blob_name TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256_sealed BLOB NOT NULL,
            media_type_sealed BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
    )sql"},
    // What the sender learns while the vault is locked (a new upload URL, a receipt, an error
    // detail) and cannot seal: one age file per outbox entry, encrypted to the vault's own
    // recipient, folded back into the sealed columns at the next unlock (sync/README.md).
    Migration{6, R"sql(
        CREATE TABLE outbox_locked_notes (
            draft_id INTEGER PRIMARY KEY REFERENCES outbox (draft_id) ON DELETE CASCADE,
            note BLOB NOT NULL,
            written_at INTEGER NOT NULL
        );
    )sql"},
    // The header MAC of each attachment blob (and reduced copy), read back when the blob was
    // written: finalize holds the blob to it, so the STREAM tags that decryption checks anyway
    // prove the bytes are this record's, and the plaintext need not be hashed again. NULL for
    // blobs written before this step: those are still checked against their SHA-256.
    Migration{7, R"sql(
        ALTER TABLE attachments ADD COLUMN blob_mac_sealed BLOB;
        ALTER TABLE attachment_reductions ADD COLUMN blob_mac_sealed BLOB;
    )sql"},
    // Each attachment's hash is sealed again bound to its draft too (attachmentHashPlace), so
    // a row moved to another draft by rewriting its plain draft_id no longer reads and is never
    // packed into that draft's submission. No schema change: the keyed step
    // (VaultDatabase::open) re-seals the rows still sealed the old way.
    Migration{8, "", true},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.back().version;
}

StoreResult<void> migrate(Database& db, int targetVersion, const KeyedMigrationStep& keyedStep)
{
    auto current = db.queryInt("PRAGMA user_version");
    if (!current) {
        return fail(current.error());
    }
    if (*current > targetVersion) {
        return fail(StoreError{StoreErrc::NewerVersion,
                               "database schema " + std::to_string(*current) +
                                   " is newer than this build's " + std::to_string(targetVersion)});
    }
    for (const Migration& step : kMigrations) {
        if (step.version <= *current || step.version > targetVersion) {
            continue;
        }
        auto tx = Transaction::begin(db);
        if (!tx) {
            return fail(tx.error());
        }
        auto applied = db.exec(step.sql);
        if (!applied) {
            StoreError error = applied.error();
            error.detail = "migration " + std::to_string(step.version) + ": " + error.detail;
            return fail(error);
        }
        if (step.needsKey) {
            if (!keyedStep) {
                return fail(StoreError{StoreErrc::Internal, "migration " +
                                                                std::to_string(step.version) +
                                                                " needs the vault's key"});
            }
            auto ran = keyedStep(db, step.version);
            if (!ran) {
                StoreError error = ran.error();
                error.detail = "migration " + std::to_string(step.version) + ": " + error.detail;
                return fail(error);
            }
            if (!*ran) {
                return {}; // locked: the transaction rolls back, the version stays as it was
            }
        }
        auto stamped = db.exec("PRAGMA user_version = " + std::to_string(step.version));
        if (!stamped) {
            return fail(stamped.error());
        }
        auto committed = tx->commit();
        if (!committed) {
            return fail(committed.error());
        }
    }
    return {};
}

} // namespace amicus::store
