#include "store/vault_database.h"

#include "store/migrations.h"
#include "store/store_files.h"

#include <cctype>
#include <chrono>
#include <system_error>

namespace amicus::store {

namespace {

// Marks the file as ours ("AMCS"), so a foreign SQLite file is not mistaken for a vault.
constexpr std::int64_t kApplicationId = 0x414D4353;

std::int64_t systemClockMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Migration 8's keyed step: every attachment hash still sealed at its row alone is sealed
// again at its row and draft (attachmentHashPlace). A hash that does not open the old way is
// left as it is: already bound (a database set back to version 7 gains nothing), or damaged or
// moved, which reading it then refuses. Not now (false) when the vault is locked.
StoreResult<bool> bindAttachmentHashesToDrafts(Database& db, const crypto::FieldSealer& sealer)
{
    struct Row {
        std::int64_t id;
        std::int64_t draftId;
        std::vector<std::uint8_t> sealed;
    };
    std::vector<Row> rows;
    auto stmt = db.query(
        "SELECT id, draft_id, sha256_sealed FROM attachments WHERE sha256_sealed IS NOT NULL");
    if (!stmt) {
        return fail(stmt.error());
    }
    auto read = stmt->forEachRow([&](const Statement& row) -> StoreResult<void> {
        rows.push_back({row.int64(0), row.int64(1), row.blob(2)});
        return {};
    });
    if (!read) {
        return fail(read.error());
    }
    for (const Row& row : rows) {
        auto opened = sealer.open(row.sealed, sealingPlace("attachments", "sha256", row.id));
        if (!opened) {
            if (opened.error() == crypto::SealError::Locked) {
                return false;
            }
            continue;
        }
        auto bound = sealer.seal(*opened, attachmentHashPlace(row.id, row.draftId));
        if (!bound) {
            if (bound.error() == crypto::SealError::Locked) {
                return false;
            }
            return fail(StoreError{StoreErrc::Internal, "sealing an attachment hash failed"});
        }
        auto updated =
            db.run("UPDATE attachments SET sha256_sealed = ?1 WHERE id = ?2", *bound, row.id);
        if (!updated) {
            return fail(updated.error());
        }
    }
    return true;
}

} // namespace

VaultDatabase::VaultDatabase(Database db, StorePaths paths, const crypto::FieldSealer& sealer,
                             const BlobEncryptor& blobs, StoreOptions options)
    : db_(std::move(db)), paths_(std::move(paths)), sealer_(&sealer), blobs_(&blobs),
      options_(std::move(options))
{
    if (!options_.clock) {
        options_.clock = systemClockMs;
    }
}

StoreResult<std::unique_ptr<VaultDatabase>> VaultDatabase::open(const StorePaths& paths,
                                                                const crypto::FieldSealer& sealer,
                                                                const BlobEncryptor& blobs,
                                                                StoreOptions options)
{
    std::error_code ec;
    std::filesystem::create_directories(paths.blobDir, ec);
    if (ec) {
        return fail(ioError("create blob directory", ec.value()));
    }
    std::filesystem::permissions(paths.blobDir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);

    auto db = Database::open(paths.database, Database::OpenMode::CreateIfMissing);
    if (!db) {
        return fail(db.error());
    }
    // Owner only; SQLite gives the -wal and -shm files the same mode as the database.
    std::filesystem::permissions(
        paths.database, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
        std::filesystem::perm_options::replace, ec);
    // Read the header before anything writes: a file that is not a database, or one from a
    // newer version, is reported and left exactly as it was.
    auto version = db->queryInt("PRAGMA user_version");
    if (!version) {
        return fail(version.error());
    }
    if (*version > latestSchemaVersion()) {
        return fail(StoreError{StoreErrc::NewerVersion, "database schema " +
                                                            std::to_string(*version) +
                                                            " is newer than this build's " +
                                                            std::to_string(latestSchemaVersion())});
    }
    auto appId = db->queryInt("PRAGMA application_id");
    if (!appId) {
        return fail(appId.error());
    }
    if (*version > 0 && *appId != kApplicationId) {
        return fail(StoreError{StoreErrc::Corrupt, "not an Amicus vault database"});
    }

    auto mode = db->queryText("PRAGMA journal_mode = WAL");
    if (!mode) {
        return fail(mode.error());
    }
    if (*mode != "wal") {
        return fail(StoreError{StoreErrc::Io, "write-ahead log not available: " + *mode});
    }
    // FULL: the WAL is synced at every commit, so a returned save survives power loss.
    // MEMORY temp store: sorts and statement journals never spill into temp files.
    auto pragmas = db->exec("PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA secure_delete = ON;"
                            "PRAGMA temp_store = MEMORY;"
                            "PRAGMA cell_size_check = ON;"
                            "PRAGMA journal_size_limit = 4194304;");
    if (!pragmas) {
        return fail(pragmas.error());
    }
    if (*version == 0) {
        auto stamped = db->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        if (!stamped) {
            return fail(stamped.error());
        }
    }
    auto migrated =
        migrate(*db, latestSchemaVersion(), [&sealer](Database& db, int step) -> StoreResult<bool> {
            if (step == 8) {
                return bindAttachmentHashesToDrafts(db, sealer);
            }
            return fail(StoreError{StoreErrc::Internal, "no keyed step " + std::to_string(step)});
        });
    if (!migrated) {
        return fail(migrated.error());
    }
    return std::unique_ptr<VaultDatabase>(
        new VaultDatabase(std::move(*db), paths, sealer, blobs, std::move(options)));
}

StoreResult<std::vector<std::uint8_t>> VaultDatabase::seal(std::span<const std::uint8_t> plain,
                                                           const std::string& place) const
{
    auto sealed = sealer_->seal(plain, place);
    if (!sealed) {
        if (sealed.error() == crypto::SealError::Locked) {
            return fail(StoreError{StoreErrc::Locked, "vault is locked"});
        }
        return fail(StoreError{StoreErrc::Internal, "sealing failed at " + place});
    }
    return std::move(*sealed);
}

StoreResult<std::vector<std::uint8_t>> VaultDatabase::seal(std::string_view plaintext,
                                                           const std::string& place) const
{
    return seal(
        std::span(reinterpret_cast<const std::uint8_t*>(plaintext.data()), plaintext.size()),
        place);
}

StoreResult<std::string> VaultDatabase::unseal(const std::vector<std::uint8_t>& sealed,
                                               const std::string& place) const
{
    auto opened = sealer_->open(sealed, place);
    if (!opened) {
        if (opened.error() == crypto::SealError::Locked) {
            return fail(StoreError{StoreErrc::Locked, "vault is locked"});
        }
        return fail(StoreError{StoreErrc::Corrupt, "sealed value does not open at " + place});
    }
    return std::string(opened->begin(), opened->end());
}

StoreResult<std::optional<std::string>>
VaultDatabase::unsealColumn(const Statement& row, int column, const std::string& place) const
{
    if (row.isNull(column)) {
        return std::optional<std::string>{};
    }
    auto opened = unseal(row.blob(column), place);
    if (!opened) {
        return fail(opened.error());
    }
    return std::optional<std::string>(std::move(*opened));
}

void VaultDatabase::announce(ChangeKind kind, std::int64_t draftId) const
{
    if (listener_) {
        listener_->changed(StoreChange{kind, draftId});
    }
}

StoreResult<void> VaultDatabase::requireEditable(std::int64_t draftId)
{
    // Finalized, or queued by a finalize that stopped before marking it: either way the outbox
    // holds an envelope sealed from what the draft says now, so the draft must not change.
    auto row = db_.queryRow("SELECT status = 'finalized' OR EXISTS (SELECT 1 FROM outbox o "
                            "WHERE o.draft_id = d.id) FROM drafts d WHERE d.id = ?1",
                            draftId);
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
    }
    if ((*row)->int64(0) != 0) {
        return fail(StoreError{StoreErrc::Finalized,
                               "draft " + std::to_string(draftId) + " is in the outbox"});
    }
    return {};
}

StoreResult<void> VaultDatabase::touchDraft(std::int64_t draftId, std::int64_t when)
{
    auto changed = db_.change("UPDATE drafts SET updated_at = ?1 WHERE id = ?2", when, draftId);
    if (!changed) {
        return fail(changed.error());
    }
    if (*changed == 0) {
        return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
    }
    return {};
}

StoreResult<int> VaultDatabase::schemaVersion()
{
    auto version = db_.queryInt("PRAGMA user_version");
    if (!version) {
        return fail(version.error());
    }
    return static_cast<int>(*version);
}

StoreResult<std::int64_t> VaultDatabase::pragmaValue(std::string_view name)
{
    for (const char c : name) {
        if (!(std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_')) {
            return fail(StoreError{StoreErrc::InvalidArgument, "not a pragma name"});
        }
    }
    return db_.queryInt("PRAGMA " + std::string(name));
}

StoreResult<void> VaultDatabase::checkIntegrity()
{
    auto verdict = db_.queryText("PRAGMA integrity_check");
    if (!verdict) {
        return fail(verdict.error());
    }
    if (*verdict != "ok") {
        return fail(StoreError{StoreErrc::Corrupt, "integrity check: " + *verdict});
    }
    return {};
}

} // namespace amicus::store
