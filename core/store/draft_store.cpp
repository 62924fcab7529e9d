#include "store/draft_store.h"

#include "crypto/age_reader.h"
#include "crypto/sha256.h"
#include "store/migrations.h"
#include "store/outbox_plain_columns.h"
#include "store/store_files.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sqlite3.h>
#include <system_error>

namespace amicus::store {

namespace {

// Marks the file as ours ("AMCS"), so a foreign SQLite file is not mistaken for a vault.
constexpr std::int64_t kApplicationId = 0x414D4353;

struct FieldColumn {
    DraftField field;
    const char* name;   // public name (command line, JSON)
    const char* column; // column in `drafts`, also the sealing place
};

constexpr FieldColumn kFieldColumns[] = {
    {DraftField::Language, "language", "language"},
    {DraftField::Organization, "organization", "organization"},
    {DraftField::OrganizationKind, "organization_kind", "organization_kind"},
    {DraftField::Country, "country", "country"},
    {DraftField::Contact, "contact", "contact"},
    {DraftField::Consent, "consent", "consent"},
};

const FieldColumn& columnOf(DraftField field)
{
    for (const auto& entry : kFieldColumns) {
        if (entry.field == field) {
            return entry;
        }
    }
    return kFieldColumns[0];
}

std::int64_t systemClockMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string hex(std::span<const std::uint8_t> bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0x0f]);
    }
    return out;
}

StoreResult<std::vector<std::uint8_t>> randomBytes(std::size_t count)
{
    std::vector<std::uint8_t> bytes(count);
    if (RAND_bytes(bytes.data(), static_cast<int>(count)) != 1) {
        return fail(StoreError{StoreErrc::Internal, "no randomness available"});
    }
    return bytes;
}

StoreResult<std::string> newUuid()
{
    auto bytes = randomBytes(16);
    if (!bytes) {
        return fail(bytes.error());
    }
    auto& b = *bytes;
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    const std::string h = hex(b);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

void removeQuietly(const std::filesystem::path& path)
{
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

// Owns an EVP digest context for the SHA-256 of an attachment computed while streaming.
class Sha256 {
public:
    Sha256() : ctx_(EVP_MD_CTX_new())
    {
        ok_ = ctx_ != nullptr && EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) == 1;
    }
    ~Sha256() { EVP_MD_CTX_free(ctx_); }
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    bool update(std::span<const std::uint8_t> bytes)
    {
        ok_ = ok_ && EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()) == 1;
        return ok_;
    }
    std::optional<std::array<std::uint8_t, 32>> finish()
    {
        std::array<std::uint8_t, 32> digest{};
        unsigned int length = 0;
        if (!ok_ || EVP_DigestFinal_ex(ctx_, digest.data(), &length) != 1 || length != 32) {
            return std::nullopt;
        }
        return digest;
    }

private:
    EVP_MD_CTX* ctx_;
    bool ok_ = false;
};

} // namespace

std::string reducedFileName(std::string_view fileName, std::string_view mediaType)
{
    // A leading dot is part of the name, not an extension (".hidden" has no extension).
    const std::size_t dot = fileName.rfind('.');
    const std::string_view stem =
        (dot == std::string_view::npos || dot == 0) ? fileName : fileName.substr(0, dot);
    const char* extension = ".jpg";
    if (mediaType == "image/png") {
        extension = ".png";
    } else if (mediaType == "image/webp") {
        extension = ".webp";
    }
    return std::string(stem.empty() ? std::string_view("photo") : stem) + extension;
}

const char* consentName(Consent consent)
{
    switch (consent) {
    case Consent::Public:
        return "public";
    case Consent::Confidential:
        return "confidential";
    case Consent::Anonymous:
        return "anonymous";
    }
    return "confidential";
}

std::optional<Consent> parseConsent(std::string_view name)
{
    for (const Consent c : {Consent::Public, Consent::Confidential, Consent::Anonymous}) {
        if (name == consentName(c)) {
            return c;
        }
    }
    return std::nullopt;
}

const char* draftFieldName(DraftField field)
{
    return columnOf(field).name;
}

std::optional<DraftField> parseDraftField(std::string_view name)
{
    for (const auto& entry : kFieldColumns) {
        if (name == entry.name) {
            return entry.field;
        }
    }
    return std::nullopt;
}

const char* outboxStateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return "queued";
    case OutboxState::Waiting:
        return "waiting";
    case OutboxState::Uploading:
        return "uploading";
    case OutboxState::Delivered:
        return "delivered";
    case OutboxState::NeedsAttention:
        return "needs_attention";
    }
    return "queued";
}

std::optional<OutboxState> parseOutboxState(std::string_view name)
{
    for (const OutboxState s : {OutboxState::Queued, OutboxState::Waiting, OutboxState::Uploading,
                                OutboxState::Delivered, OutboxState::NeedsAttention}) {
        if (name == outboxStateName(s)) {
            return s;
        }
    }
    return std::nullopt;
}

DraftStore::DraftStore(Database db, StorePaths paths, const crypto::FieldSealer& sealer,
                       const BlobEncryptor& blobs, StoreOptions options)
    : db_(std::move(db)), paths_(std::move(paths)), sealer_(&sealer), blobs_(&blobs),
      options_(std::move(options))
{
    if (!options_.clock) {
        options_.clock = systemClockMs;
    }
}

StoreResult<DraftStore> DraftStore::open(const StorePaths& paths, const crypto::FieldSealer& sealer,
                                         const BlobEncryptor& blobs, StoreOptions options)
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
    auto migrated = migrate(*db, latestSchemaVersion());
    if (!migrated) {
        return fail(migrated.error());
    }
    DraftStore store(std::move(*db), paths, sealer, blobs, std::move(options));
    // Best effort: leftovers of a crash mid-import only waste space, they hold no plain text.
    (void)store.sweepOrphanBlobs(std::chrono::hours(1));
    return store;
}

StoreResult<int> DraftStore::schemaVersion()
{
    auto version = db_.queryInt("PRAGMA user_version");
    if (!version) {
        return fail(version.error());
    }
    return static_cast<int>(*version);
}

StoreResult<std::vector<std::uint8_t>> DraftStore::seal(std::span<const std::uint8_t> plain,
                                                        const std::string& where) const
{
    auto sealed = sealer_->seal(plain, where);
    if (!sealed) {
        if (sealed.error() == crypto::SealError::Locked) {
            return fail(StoreError{StoreErrc::Locked, "vault is locked"});
        }
        return fail(StoreError{StoreErrc::Internal, "sealing failed at " + where});
    }
    return std::move(*sealed);
}

StoreResult<std::vector<std::uint8_t>> DraftStore::seal(std::string_view plaintext,
                                                        const std::string& where) const
{
    return seal(
        std::span(reinterpret_cast<const std::uint8_t*>(plaintext.data()), plaintext.size()),
        where);
}

StoreResult<std::string> DraftStore::unseal(const std::vector<std::uint8_t>& sealed,
                                            const std::string& where) const
{
    auto opened = sealer_->open(sealed, where);
    if (!opened) {
        if (opened.error() == crypto::SealError::Locked) {
            return fail(StoreError{StoreErrc::Locked, "vault is locked"});
        }
        return fail(StoreError{StoreErrc::Corrupt, "sealed value does not open at " + where});
    }
    return std::string(opened->begin(), opened->end());
}

StoreResult<std::optional<std::string>> DraftStore::unsealColumn(const Statement& row, int column,
                                                                 const std::string& where) const
{
    if (row.isNull(column)) {
        return std::optional<std::string>{};
    }
    auto opened = unseal(row.blob(column), where);
    if (!opened) {
        return fail(opened.error());
    }
    return std::optional<std::string>(std::move(*opened));
}

StoreResult<void> DraftStore::touchDraft(std::int64_t draftId, std::int64_t when)
{
    auto stmt = db_.prepare("UPDATE drafts SET updated_at = ?1 WHERE id = ?2");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, when);
    stmt->bind(2, draftId);
    auto ran = stmt->run();
    if (!ran) {
        return fail(ran.error());
    }
    if (db_.changes() == 0) {
        return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
    }
    return {};
}

StoreResult<void> DraftStore::requireEditable(std::int64_t draftId)
{
    // Finalized, or queued by a finalize that stopped before marking it: either way the outbox
    // holds an envelope sealed from what the draft says now, so the draft must not change.
    auto stmt = db_.prepare("SELECT status = 'finalized' OR EXISTS (SELECT 1 FROM outbox o "
                            "WHERE o.draft_id = d.id) FROM drafts d WHERE d.id = ?1");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, draftId);
    auto row = stmt->step();
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
    }
    if (stmt->int64(0) != 0) {
        return fail(StoreError{StoreErrc::Finalized,
                               "draft " + std::to_string(draftId) + " is in the outbox"});
    }
    return {};
}

StoreResult<std::int64_t> DraftStore::createDraft(std::string_view callId)
{
    if (callId.empty()) {
        return fail(StoreError{StoreErrc::InvalidArgument, "empty call id"});
    }
    auto uuid = newUuid();
    if (!uuid) {
        return fail(uuid.error());
    }
    auto stmt = db_.prepare("INSERT INTO drafts (submission_id, call_id, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?3)");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, std::string_view(*uuid));
    stmt->bind(2, callId);
    stmt->bind(3, now());
    auto ran = stmt->run();
    if (!ran) {
        return fail(ran.error());
    }
    return db_.lastInsertRowid();
}

StoreResult<void> DraftStore::saveField(std::int64_t draftId, DraftField field,
                                        std::string_view value)
{
    if (field == DraftField::Consent && !parseConsent(value)) {
        return fail(StoreError{StoreErrc::InvalidArgument, "unknown consent"});
    }
    if (auto editable = requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    const FieldColumn& column = columnOf(field);
    auto sealed = seal(value, sealingPlace("drafts", column.column, draftId));
    if (!sealed) {
        return fail(sealed.error());
    }
    // One statement in autocommit mode is one transaction: durable when it returns.
    auto stmt = db_.prepare(std::string("UPDATE drafts SET ") + column.column +
                            "_sealed = ?1, updated_at = ?2 WHERE id = ?3");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bindBlob(1, *sealed);
    stmt->bind(2, now());
    stmt->bind(3, draftId);
    auto ran = stmt->run();
    if (!ran) {
        return fail(ran.error());
    }
    if (db_.changes() == 0) {
        return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
    }
    return {};
}

StoreResult<void> DraftStore::saveAnswer(std::int64_t draftId, std::string_view questionId,
                                         std::string_view text)
{
    if (questionId.empty()) {
        return fail(StoreError{StoreErrc::InvalidArgument, "empty question id"});
    }
    auto sealed =
        seal(text, sealingPlace("answers", "body", draftId) + "/" + std::string(questionId));
    if (!sealed) {
        return fail(sealed.error());
    }
    auto tx = Transaction::begin(db_);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto editable = requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    const std::int64_t when = now();
    auto touched = touchDraft(draftId, when);
    if (!touched) {
        return fail(touched.error());
    }
    auto stmt = db_.prepare("INSERT INTO answers (draft_id, question_id, body_sealed, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (draft_id, question_id) DO "
                            "UPDATE SET body_sealed = excluded.body_sealed, "
                            "updated_at = excluded.updated_at");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, draftId);
    stmt->bind(2, questionId);
    stmt->bindBlob(3, *sealed);
    stmt->bind(4, when);
    auto ran = stmt->run();
    if (!ran) {
        return fail(ran.error());
    }
    return tx->commit();
}

StoreResult<void> DraftStore::removeAnswer(std::int64_t draftId, std::string_view questionId)
{
    auto tx = Transaction::begin(db_);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto editable = requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    auto touched = touchDraft(draftId, now());
    if (!touched) {
        return fail(touched.error());
    }
    auto stmt = db_.prepare("DELETE FROM answers WHERE draft_id = ?1 AND question_id = ?2");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, draftId);
    stmt->bind(2, questionId);
    auto ran = stmt->run();
    if (!ran) {
        return fail(ran.error());
    }
    return tx->commit();
}

StoreResult<void> DraftStore::setStatus(std::int64_t draftId, std::string_view status)
{
    if (status != "editing" && status != "finalized") {
        return fail(StoreError{StoreErrc::InvalidArgument, "unknown draft status"});
    }
    auto stmt = db_.prepare("UPDATE drafts SET status = ?1, updated_at = ?2 WHERE id = ?3");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, status);
    stmt->bind(2, now());
    stmt->bind(3, draftId);
    auto ran = stmt->run();
    if (!ran) {
        return fail(ran.error());
    }
    if (db_.changes() == 0) {
        return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
    }
    return {};
}

StoreResult<std::vector<AttachmentInfo>> DraftStore::attachmentsWhere(std::string_view condition,
                                                                      std::int64_t value)
{
    auto stmt = db_.prepare(
        "SELECT a.id, a.draft_id, a.blob_name, a.size, a.sha256_sealed, a.file_name_sealed, "
        "a.media_type_sealed, a.created_at, r.blob_name, r.size, r.sha256_sealed, "
        "r.media_type_sealed, r.created_at FROM attachments a "
        "LEFT JOIN attachment_reductions r ON r.attachment_id = a.id WHERE " +
        std::string(condition) + " ORDER BY a.id");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, value);
    std::vector<AttachmentInfo> list;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            break;
        }
        AttachmentInfo info;
        info.id = stmt->int64(0);
        info.draftId = stmt->int64(1);
        info.blobName = stmt->text(2);
        info.size = static_cast<std::uint64_t>(stmt->int64(3));
        info.createdAt = stmt->int64(7);
        auto sha = unsealColumn(*stmt, 4, sealingPlace("attachments", "sha256", info.id));
        auto name = unsealColumn(*stmt, 5, sealingPlace("attachments", "file_name", info.id));
        auto type = unsealColumn(*stmt, 6, sealingPlace("attachments", "media_type", info.id));
        for (const auto* part : {&sha, &name, &type}) {
            if (!*part) {
                return fail(part->error());
            }
        }
        if (!sha->has_value() || (*sha)->size() != info.sha256.size()) {
            return fail(StoreError{StoreErrc::Corrupt, "attachment without a valid hash"});
        }
        std::memcpy(info.sha256.data(), (*sha)->data(), info.sha256.size());
        info.fileName = name->value_or("");
        info.mediaType = type->value_or("");
        if (!stmt->isNull(8)) {
            ReducedCopy reduced;
            reduced.blobName = stmt->text(8);
            reduced.size = static_cast<std::uint64_t>(stmt->int64(9));
            reduced.createdAt = stmt->int64(12);
            auto reducedSha =
                unsealColumn(*stmt, 10, sealingPlace("attachment_reductions", "sha256", info.id));
            auto reducedType = unsealColumn(
                *stmt, 11, sealingPlace("attachment_reductions", "media_type", info.id));
            for (const auto* part : {&reducedSha, &reducedType}) {
                if (!*part) {
                    return fail(part->error());
                }
            }
            if (!reducedSha->has_value() || (*reducedSha)->size() != reduced.sha256.size()) {
                return fail(StoreError{StoreErrc::Corrupt, "reduced copy without a valid hash"});
            }
            std::memcpy(reduced.sha256.data(), (*reducedSha)->data(), reduced.sha256.size());
            reduced.mediaType = reducedType->value_or("");
            info.reduced = std::move(reduced);
        }
        list.push_back(std::move(info));
    }
    return list;
}

StoreResult<std::vector<AttachmentInfo>> DraftStore::attachmentsOf(std::int64_t draftId)
{
    return attachmentsWhere("a.draft_id = ?1", draftId);
}

StoreResult<AttachmentInfo> DraftStore::attachment(std::int64_t attachmentId)
{
    auto found = attachmentsWhere("a.id = ?1", attachmentId);
    if (!found) {
        return fail(found.error());
    }
    if (found->empty()) {
        return fail(
            StoreError{StoreErrc::NotFound, "no attachment " + std::to_string(attachmentId)});
    }
    return std::move(found->front());
}

StoreResult<Draft> DraftStore::draft(std::int64_t draftId)
{
    auto tx = Transaction::beginRead(db_);
    if (!tx) {
        return fail(tx.error());
    }
    auto stmt = db_.prepare(
        "SELECT submission_id, call_id, status, created_at, updated_at, language_sealed, "
        "organization_sealed, organization_kind_sealed, country_sealed, contact_sealed, "
        "consent_sealed FROM drafts WHERE id = ?1");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, draftId);
    auto row = stmt->step();
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
    }
    Draft d;
    d.id = draftId;
    d.submissionId = stmt->text(0);
    d.callId = stmt->text(1);
    d.status = stmt->text(2);
    d.createdAt = stmt->int64(3);
    d.updatedAt = stmt->int64(4);
    std::optional<std::string>* targets[] = {
        &d.language,          &d.submitter.organization, &d.submitter.organizationKind,
        &d.submitter.country, &d.submitter.contact,      nullptr};
    std::optional<std::string> consent;
    targets[5] = &consent;
    for (int i = 0; i < 6; ++i) {
        auto value =
            unsealColumn(*stmt, 5 + i, sealingPlace("drafts", kFieldColumns[i].column, draftId));
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

    auto answers = db_.prepare("SELECT question_id, body_sealed FROM answers WHERE draft_id = ?1 "
                               "ORDER BY question_id");
    if (!answers) {
        return fail(answers.error());
    }
    answers->bind(1, draftId);
    for (;;) {
        auto next = answers->step();
        if (!next) {
            return fail(next.error());
        }
        if (!*next) {
            break;
        }
        std::string question = answers->text(0);
        auto body =
            unseal(answers->blob(1), sealingPlace("answers", "body", draftId) + "/" + question);
        if (!body) {
            return fail(body.error());
        }
        d.answers.emplace(std::move(question), std::move(*body));
    }
    auto attachments = attachmentsOf(draftId);
    if (!attachments) {
        return fail(attachments.error());
    }
    d.attachments = std::move(*attachments);
    return d;
}

StoreResult<std::vector<DraftSummary>> DraftStore::listDrafts()
{
    auto stmt = db_.prepare(
        "SELECT d.id, d.submission_id, d.call_id, d.status, d.created_at, d.updated_at, "
        "d.organization_sealed, "
        "(SELECT count(*) FROM answers a WHERE a.draft_id = d.id), "
        "(SELECT count(*) FROM attachments t WHERE t.draft_id = d.id), "
        "o.state, o.upload_offset, o.envelope_size "
        "FROM drafts d LEFT JOIN outbox o ON o.draft_id = d.id "
        "ORDER BY d.updated_at DESC, d.id DESC");
    if (!stmt) {
        return fail(stmt.error());
    }
    std::vector<DraftSummary> list;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            break;
        }
        DraftSummary s;
        s.id = stmt->int64(0);
        s.submissionId = stmt->text(1);
        s.callId = stmt->text(2);
        s.status = stmt->text(3);
        s.createdAt = stmt->int64(4);
        s.updatedAt = stmt->int64(5);
        auto organization = unsealColumn(*stmt, 6, sealingPlace("drafts", "organization", s.id));
        if (!organization) {
            return fail(organization.error());
        }
        s.organization = std::move(*organization);
        s.answerCount = static_cast<int>(stmt->int64(7));
        s.attachmentCount = static_cast<int>(stmt->int64(8));
        if (!stmt->isNull(9)) {
            s.outboxState = parseOutboxState(stmt->text(9));
            if (!s.outboxState) {
                return fail(StoreError{StoreErrc::Corrupt, "unknown outbox state stored"});
            }
            s.uploadedBytes = static_cast<std::uint64_t>(stmt->int64(10));
            s.envelopeSize = stmt->isNull(11) ? 0 : static_cast<std::uint64_t>(stmt->int64(11));
        }
        list.push_back(std::move(s));
    }
    return list;
}

StoreResult<void> DraftStore::deleteDraft(std::int64_t draftId)
{
    std::vector<std::string> blobNames;
    {
        auto tx = Transaction::begin(db_);
        if (!tx) {
            return fail(tx.error());
        }
        auto blobs =
            db_.prepare("SELECT blob_name FROM attachments WHERE draft_id = ?1 UNION ALL "
                        "SELECT r.blob_name FROM attachment_reductions r JOIN attachments a "
                        "ON a.id = r.attachment_id WHERE a.draft_id = ?1");
        if (!blobs) {
            return fail(blobs.error());
        }
        blobs->bind(1, draftId);
        for (;;) {
            auto row = blobs->step();
            if (!row) {
                return fail(row.error());
            }
            if (!*row) {
                break;
            }
            blobNames.push_back(blobs->text(0));
        }
        auto del = db_.prepare("DELETE FROM drafts WHERE id = ?1");
        if (!del) {
            return fail(del.error());
        }
        del->bind(1, draftId);
        auto ran = del->run();
        if (!ran) {
            return fail(ran.error());
        }
        if (db_.changes() == 0) {
            return fail(StoreError{StoreErrc::NotFound, "no draft " + std::to_string(draftId)});
        }
        auto committed = tx->commit();
        if (!committed) {
            return fail(committed.error());
        }
    }
    // The rows are gone first; a crash before the unlinks leaves orphans the sweep removes.
    for (const auto& name : blobNames) {
        removeQuietly(paths_.blobDir / name);
    }
    if (!blobNames.empty()) {
        (void)syncPath(paths_.blobDir, true);
    }
    return {};
}

StoreResult<AttachmentInfo> DraftStore::importAttachmentFile(std::int64_t draftId,
                                                             const std::filesystem::path& file,
                                                             std::string_view fileName,
                                                             std::string_view mediaType,
                                                             std::uint64_t maxBytes)
{
    std::ifstream input(file, std::ios::binary);
    if (!input) {
        return fail(ioError("open attachment source", errno != 0 ? errno : ENOENT));
    }
    return importAttachment(draftId, input, fileName, mediaType, maxBytes);
}

StoreResult<DraftStore::WrittenBlob> DraftStore::writeBlob(std::istream& input,
                                                           std::uint64_t maxBytes)
{
    auto name = randomHexName(16, ".age");
    if (!name) {
        return fail(name.error());
    }
    WrittenBlob blob;
    blob.name = *name;
    const auto partial = paths_.blobDir / (blob.name + ".part");
    const auto finalPath = paths_.blobDir / blob.name;

    Sha256 hash;
    std::uint64_t size = 0;
    auto written = blobs_->encryptToFile(
        input, partial, [&](std::span<const std::uint8_t> chunk, StoreError& error) {
            size += chunk.size();
            if (size > maxBytes) {
                error = StoreError{StoreErrc::TooLarge, "attachment over the limit of " +
                                                            std::to_string(maxBytes) + " bytes"};
                return false;
            }
            if (!hash.update(chunk)) {
                error = StoreError{StoreErrc::Internal, "hashing failed"};
                return false;
            }
            return true;
        });
    if (!written) {
        removeQuietly(partial);
        return fail(written.error());
    }
    auto digest = hash.finish();
    if (!digest) {
        removeQuietly(partial);
        return fail(StoreError{StoreErrc::Internal, "hashing failed"});
    }
    blob.sha256 = *digest;
    blob.size = size;
    auto synced = syncPath(partial, false);
    if (!synced) {
        removeQuietly(partial);
        return fail(synced.error());
    }
    std::error_code ec;
    std::filesystem::rename(partial, finalPath, ec);
    if (ec) {
        removeQuietly(partial);
        return fail(ioError("rename blob", ec.value()));
    }
    synced = syncPath(paths_.blobDir, true);
    if (!synced) {
        removeQuietly(finalPath);
        return fail(synced.error());
    }
    return blob;
}

StoreResult<AttachmentInfo> DraftStore::importAttachment(std::int64_t draftId, std::istream& input,
                                                         std::string_view fileName,
                                                         std::string_view mediaType,
                                                         std::uint64_t maxBytes)
{
    if (auto editable = requireEditable(draftId); !editable) {
        return fail(editable.error());
    }
    auto blob = writeBlob(input, maxBytes);
    if (!blob) {
        return fail(blob.error());
    }
    AttachmentInfo info;
    info.draftId = draftId;
    info.blobName = blob->name;
    info.fileName = std::string(fileName);
    info.mediaType = std::string(mediaType);
    info.sha256 = blob->sha256;
    info.size = blob->size;
    const auto finalPath = paths_.blobDir / info.blobName;

    auto recorded = [&]() -> StoreResult<void> {
        auto tx = Transaction::begin(db_);
        if (!tx) {
            return fail(tx.error());
        }
        // Again inside the transaction: the draft may have been finalized while the blob was
        // being written.
        if (auto editable = requireEditable(draftId); !editable) {
            return fail(editable.error());
        }
        info.createdAt = now();
        auto touched = touchDraft(draftId, info.createdAt);
        if (!touched) {
            return fail(touched.error());
        }
        auto insert = db_.prepare("INSERT INTO attachments (draft_id, blob_name, size, "
                                  "created_at) VALUES (?1, ?2, ?3, ?4)");
        if (!insert) {
            return fail(insert.error());
        }
        insert->bind(1, draftId);
        insert->bind(2, std::string_view(info.blobName));
        insert->bind(3, static_cast<std::int64_t>(info.size));
        insert->bind(4, info.createdAt);
        auto ran = insert->run();
        if (!ran) {
            return fail(ran.error());
        }
        info.id = db_.lastInsertRowid();
        auto sha = seal(std::span<const std::uint8_t>(info.sha256),
                        sealingPlace("attachments", "sha256", info.id));
        auto name = seal(info.fileName, sealingPlace("attachments", "file_name", info.id));
        auto type = seal(info.mediaType, sealingPlace("attachments", "media_type", info.id));
        for (const auto* part : {&sha, &name, &type}) {
            if (!*part) {
                return fail(part->error());
            }
        }
        auto update = db_.prepare("UPDATE attachments SET sha256_sealed = ?1, "
                                  "file_name_sealed = ?2, media_type_sealed = ?3 WHERE id = ?4");
        if (!update) {
            return fail(update.error());
        }
        update->bindBlob(1, *sha);
        update->bindBlob(2, *name);
        update->bindBlob(3, *type);
        update->bind(4, info.id);
        auto updated = update->run();
        if (!updated) {
            return fail(updated.error());
        }
        return tx->commit();
    }();
    if (!recorded) {
        removeQuietly(finalPath);
        return fail(recorded.error());
    }
    return info;
}

StoreResult<AttachmentInfo> DraftStore::importReducedCopy(std::int64_t attachmentId,
                                                          std::istream& input,
                                                          std::string_view mediaType,
                                                          std::uint64_t maxBytes)
{
    auto original = attachment(attachmentId);
    if (!original) {
        return fail(original.error());
    }
    if (auto editable = requireEditable(original->draftId); !editable) {
        return fail(editable.error());
    }
    auto blob = writeBlob(input, maxBytes);
    if (!blob) {
        return fail(blob.error());
    }
    const auto finalPath = paths_.blobDir / blob->name;
    std::optional<std::string> replaced;
    const std::int64_t when = now();
    auto recorded = [&]() -> StoreResult<void> {
        auto sha = seal(std::span<const std::uint8_t>(blob->sha256),
                        sealingPlace("attachment_reductions", "sha256", attachmentId));
        auto type =
            seal(mediaType, sealingPlace("attachment_reductions", "media_type", attachmentId));
        for (const auto* part : {&sha, &type}) {
            if (!*part) {
                return fail(part->error());
            }
        }
        auto tx = Transaction::begin(db_);
        if (!tx) {
            return fail(tx.error());
        }
        if (auto editable = requireEditable(original->draftId); !editable) {
            return fail(editable.error());
        }
        auto previous =
            db_.prepare("SELECT blob_name FROM attachment_reductions WHERE attachment_id = ?1");
        if (!previous) {
            return fail(previous.error());
        }
        previous->bind(1, attachmentId);
        auto row = previous->step();
        if (!row) {
            return fail(row.error());
        }
        if (*row) {
            replaced = previous->text(0);
        }
        previous->reset();
        auto upsert = db_.prepare(
            "INSERT INTO attachment_reductions (attachment_id, blob_name, size, sha256_sealed, "
            "media_type_sealed, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
            "ON CONFLICT (attachment_id) DO UPDATE SET blob_name = excluded.blob_name, "
            "size = excluded.size, sha256_sealed = excluded.sha256_sealed, "
            "media_type_sealed = excluded.media_type_sealed, created_at = excluded.created_at");
        if (!upsert) {
            return fail(upsert.error());
        }
        upsert->bind(1, attachmentId);
        upsert->bind(2, std::string_view(blob->name));
        upsert->bind(3, static_cast<std::int64_t>(blob->size));
        upsert->bindBlob(4, *sha);
        upsert->bindBlob(5, *type);
        upsert->bind(6, when);
        auto ran = upsert->run();
        if (!ran) {
            return fail(ran.error());
        }
        auto touched = touchDraft(original->draftId, when);
        if (!touched) {
            return fail(touched.error());
        }
        return tx->commit();
    }();
    if (!recorded) {
        removeQuietly(finalPath);
        return fail(recorded.error());
    }
    if (replaced) {
        removeQuietly(paths_.blobDir / *replaced);
        (void)syncPath(paths_.blobDir, true);
    }
    ReducedCopy reduced;
    reduced.blobName = blob->name;
    reduced.mediaType = std::string(mediaType);
    reduced.size = blob->size;
    reduced.sha256 = blob->sha256;
    reduced.createdAt = when;
    original->reduced = std::move(reduced);
    return std::move(*original);
}

StoreResult<void> DraftStore::removeReducedCopy(std::int64_t attachmentId)
{
    std::optional<std::string> blobName;
    {
        auto tx = Transaction::begin(db_);
        if (!tx) {
            return fail(tx.error());
        }
        auto find = db_.prepare(
            "SELECT a.draft_id, r.blob_name FROM attachments a LEFT JOIN attachment_reductions r "
            "ON r.attachment_id = a.id WHERE a.id = ?1");
        if (!find) {
            return fail(find.error());
        }
        find->bind(1, attachmentId);
        auto row = find->step();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            return fail(
                StoreError{StoreErrc::NotFound, "no attachment " + std::to_string(attachmentId)});
        }
        const std::int64_t draftId = find->int64(0);
        const bool hasCopy = !find->isNull(1);
        if (hasCopy) {
            blobName = find->text(1);
        }
        find->reset();
        if (auto editable = requireEditable(draftId); !editable) {
            return fail(editable.error());
        }
        if (!hasCopy) {
            return {};
        }
        auto del = db_.prepare("DELETE FROM attachment_reductions WHERE attachment_id = ?1");
        if (!del) {
            return fail(del.error());
        }
        del->bind(1, attachmentId);
        auto ran = del->run();
        if (!ran) {
            return fail(ran.error());
        }
        auto touched = touchDraft(draftId, now());
        if (!touched) {
            return fail(touched.error());
        }
        auto committed = tx->commit();
        if (!committed) {
            return fail(committed.error());
        }
    }
    removeQuietly(paths_.blobDir / *blobName);
    (void)syncPath(paths_.blobDir, true);
    return {};
}

StoreResult<void> DraftStore::removeAttachment(std::int64_t attachmentId)
{
    std::vector<std::string> blobNames;
    {
        auto tx = Transaction::begin(db_);
        if (!tx) {
            return fail(tx.error());
        }
        auto find = db_.prepare("SELECT blob_name, draft_id FROM attachments WHERE id = ?1");
        if (!find) {
            return fail(find.error());
        }
        find->bind(1, attachmentId);
        auto row = find->step();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            return fail(
                StoreError{StoreErrc::NotFound, "no attachment " + std::to_string(attachmentId)});
        }
        blobNames.push_back(find->text(0));
        const std::int64_t draftId = find->int64(1);
        find->reset();
        if (auto editable = requireEditable(draftId); !editable) {
            return fail(editable.error());
        }
        auto reduced =
            db_.prepare("SELECT blob_name FROM attachment_reductions WHERE attachment_id = ?1");
        if (!reduced) {
            return fail(reduced.error());
        }
        reduced->bind(1, attachmentId);
        auto reducedRow = reduced->step();
        if (!reducedRow) {
            return fail(reducedRow.error());
        }
        if (*reducedRow) {
            blobNames.push_back(reduced->text(0));
        }
        reduced->reset();
        auto del = db_.prepare("DELETE FROM attachments WHERE id = ?1");
        if (!del) {
            return fail(del.error());
        }
        del->bind(1, attachmentId);
        auto ran = del->run();
        if (!ran) {
            return fail(ran.error());
        }
        auto touched = touchDraft(draftId, now());
        if (!touched) {
            return fail(touched.error());
        }
        auto committed = tx->commit();
        if (!committed) {
            return fail(committed.error());
        }
    }
    // The rows went first (the reduction by cascade); a crash here leaves orphans for the sweep.
    for (const auto& name : blobNames) {
        removeQuietly(paths_.blobDir / name);
    }
    (void)syncPath(paths_.blobDir, true);
    return {};
}

std::filesystem::path DraftStore::blobPath(const AttachmentInfo& attachment) const
{
    return paths_.blobDir / attachment.blobName;
}

namespace {

// Passes plaintext on while counting and hashing it, and keeps the errno of a failed write.
class CheckingSink : public crypto::ByteSink {
public:
    explicit CheckingSink(crypto::ByteSink& next) : next_(next) {}
    Result<void, crypto::IoError> write(std::span<const std::uint8_t> bytes) override
    {
        size_ += bytes.size();
        hash_.update(bytes);
        auto written = next_.write(bytes);
        if (!written) {
            lastErrno_ = written.error().systemError;
        }
        return written;
    }
    std::uint64_t size() const { return size_; }
    crypto::Sha256Digest digest() { return hash_.finish(); }
    int lastErrno() const { return lastErrno_; }

private:
    crypto::ByteSink& next_;
    crypto::Sha256 hash_;
    std::uint64_t size_ = 0;
    int lastErrno_ = 0;
};

} // namespace

StoreResult<void> DraftStore::decryptBlob(const std::string& blobName, std::uint64_t size,
                                          const std::array<std::uint8_t, 32>& sha256,
                                          const crypto::AgeIdentity& identity,
                                          crypto::ByteSink& sink) const
{
    auto source = crypto::FileSource::open((paths_.blobDir / blobName).string());
    if (!source) {
        const int err = source.error().systemError;
        if (err == ENOENT) {
            return fail(StoreError{StoreErrc::Corrupt, "attachment blob is missing"});
        }
        return fail(ioError("open attachment blob", err));
    }
    CheckingSink checking(sink);
    const crypto::AgeIdentity* identities[] = {&identity};
    auto decrypted = crypto::ageDecrypt(**source, identities, checking);
    if (!decrypted) {
        if (checking.lastErrno() != 0) {
            return fail(ioError("write attachment", checking.lastErrno()));
        }
        if (decrypted.error().code == crypto::AgeErrorCode::Io) {
            return fail(StoreError{StoreErrc::Io, "read attachment blob"});
        }
        return fail(
            StoreError{StoreErrc::Corrupt, std::string("attachment blob: ") +
                                               crypto::ageErrorName(decrypted.error().code)});
    }
    if (checking.size() != size || checking.digest() != sha256) {
        return fail(StoreError{StoreErrc::Corrupt, "attachment does not match its record"});
    }
    return {};
}

StoreResult<void> DraftStore::decryptAttachment(const AttachmentInfo& attachment,
                                                const crypto::AgeIdentity& identity,
                                                crypto::ByteSink& sink) const
{
    return decryptBlob(attachment.blobName, attachment.size, attachment.sha256, identity, sink);
}

StoreResult<void> DraftStore::decryptReducedCopy(const AttachmentInfo& attachment,
                                                 const crypto::AgeIdentity& identity,
                                                 crypto::ByteSink& sink) const
{
    if (!attachment.reduced) {
        return fail(StoreError{StoreErrc::InvalidArgument, "attachment has no reduced copy"});
    }
    const ReducedCopy& reduced = *attachment.reduced;
    return decryptBlob(reduced.blobName, reduced.size, reduced.sha256, identity, sink);
}

std::filesystem::path DraftStore::reducedBlobPath(const AttachmentInfo& attachment) const
{
    return attachment.reduced ? paths_.blobDir / attachment.reduced->blobName
                              : std::filesystem::path();
}

StoreResult<void> DraftStore::putOutboxEntry(const OutboxEntry& entry)
{
    using Blob = std::optional<std::vector<std::uint8_t>>;
    auto sealOptional = [&](const std::optional<std::string>& value,
                            std::string_view column) -> StoreResult<Blob> {
        if (!value) {
            return Blob{};
        }
        auto sealed = seal(*value, sealingPlace("outbox", column, entry.draftId));
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
    auto tx = Transaction::begin(db_);
    if (!tx) {
        return fail(tx.error());
    }
    auto stmt = db_.prepare(
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
        "upload_expires_at = excluded.upload_expires_at");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, entry.draftId);
    stmt->bind(2, std::string_view(outboxStateName(entry.state)));
    if (entry.envelopeName) {
        stmt->bind(3, std::string_view(*entry.envelopeName));
    }
    if (entry.envelopeSize) {
        stmt->bind(4, static_cast<std::int64_t>(*entry.envelopeSize));
    }
    stmt->bind(5, *url);
    stmt->bind(6, static_cast<std::int64_t>(entry.uploadOffset));
    stmt->bind(7, static_cast<std::int64_t>(entry.attempts));
    if (entry.nextTryAt) {
        stmt->bind(8, *entry.nextTryAt);
    }
    if (entry.lastErrorCode) {
        stmt->bind(9, std::string_view(*entry.lastErrorCode));
    }
    stmt->bind(10, *detail);
    stmt->bind(11, *receipt);
    stmt->bind(12, now());
    if (entry.envelopeSha256) {
        stmt->bindBlob(13, *entry.envelopeSha256);
    }
    if (entry.waitReason) {
        stmt->bind(14, std::string_view(*entry.waitReason));
    }
    if (entry.uploadExpiresAt) {
        stmt->bind(15, *entry.uploadExpiresAt);
    }
    auto ran = stmt->run();
    if (!ran) {
        if ((ran.error().sqliteCode & 0xff) == SQLITE_CONSTRAINT) {
            StoreError error = ran.error();
            error.code = StoreErrc::NotFound;
            return fail(error);
        }
        return fail(ran.error());
    }
    // A note written while locked is older than these values.
    auto dropNote = db_.prepare("DELETE FROM outbox_locked_notes WHERE draft_id = ?1");
    if (!dropNote) {
        return fail(dropNote.error());
    }
    dropNote->bind(1, entry.draftId);
    if (auto dropped = dropNote->run(); !dropped) {
        return fail(dropped.error());
    }
    return tx->commit();
}

StoreResult<void> readOutboxPlainColumns(Statement& stmt, OutboxEntry& e)
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

StoreResult<std::vector<OutboxEntry>> DraftStore::listOutbox()
{
    auto stmt = db_.prepare(std::string("SELECT ") + outboxPlainColumns +
                            ", o.upload_url_sealed, o.last_error_sealed, o.receipt_sealed "
                            "FROM outbox o ORDER BY o.draft_id");
    if (!stmt) {
        return fail(stmt.error());
    }
    constexpr int urlColumn = outboxPlainColumnCount;
    std::vector<OutboxEntry> list;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            break;
        }
        OutboxEntry e;
        if (auto plain = readOutboxPlainColumns(*stmt, e); !plain) {
            return fail(plain.error());
        }
        auto url = unsealColumn(*stmt, urlColumn, sealingPlace("outbox", "upload_url", e.draftId));
        if (!url) {
            return fail(url.error());
        }
        e.uploadUrl = std::move(*url);
        auto detail =
            unsealColumn(*stmt, urlColumn + 1, sealingPlace("outbox", "last_error", e.draftId));
        if (!detail) {
            return fail(detail.error());
        }
        e.lastErrorDetail = std::move(*detail);
        auto receipt =
            unsealColumn(*stmt, urlColumn + 2, sealingPlace("outbox", "receipt", e.draftId));
        if (!receipt) {
            return fail(receipt.error());
        }
        e.receipt = std::move(*receipt);
        list.push_back(std::move(e));
    }
    return list;
}

StoreResult<OutboxEntry> DraftStore::outboxEntry(std::int64_t draftId)
{
    auto all = listOutbox();
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

StoreResult<void> DraftStore::cacheCall(std::string_view callId, std::string_view document)
{
    auto stmt = db_.prepare("INSERT INTO calls (id, document, fetched_at) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (id) DO UPDATE SET document = excluded.document, "
                            "fetched_at = excluded.fetched_at");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, callId);
    stmt->bind(2, document);
    stmt->bind(3, now());
    return stmt->run();
}

StoreResult<std::optional<std::string>> DraftStore::cachedCall(std::string_view callId)
{
    auto stmt = db_.prepare("SELECT document FROM calls WHERE id = ?1");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, callId);
    auto row = stmt->step();
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return std::optional<std::string>{};
    }
    return std::optional<std::string>(stmt->text(0));
}

StoreResult<void> DraftStore::putSetting(std::string_view key, std::string_view value,
                                         Sealing sealing)
{
    std::vector<std::uint8_t> stored(value.begin(), value.end());
    if (sealing == Sealing::Sealed) {
        auto sealed = seal(value, "settings/value/" + std::string(key));
        if (!sealed) {
            return fail(sealed.error());
        }
        stored = std::move(*sealed);
    }
    auto stmt = db_.prepare("INSERT INTO settings (key, value, sealed) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                            "sealed = excluded.sealed");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, key);
    stmt->bindBlob(2, stored);
    stmt->bind(3, static_cast<std::int64_t>(sealing == Sealing::Sealed ? 1 : 0));
    return stmt->run();
}

StoreResult<std::optional<std::string>> DraftStore::setting(std::string_view key)
{
    auto stmt = db_.prepare("SELECT value, sealed FROM settings WHERE key = ?1");
    if (!stmt) {
        return fail(stmt.error());
    }
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return std::optional<std::string>{};
    }
    auto stored = stmt->blob(0);
    if (stmt->int64(1) == 0) {
        return std::optional<std::string>(std::string(stored.begin(), stored.end()));
    }
    auto opened = unseal(stored, "settings/value/" + std::string(key));
    if (!opened) {
        return fail(opened.error());
    }
    return std::optional<std::string>(std::move(*opened));
}

StoreResult<std::int64_t> DraftStore::pragmaValue(std::string_view name)
{
    for (const char c : name) {
        if (!(std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_')) {
            return fail(StoreError{StoreErrc::InvalidArgument, "not a pragma name"});
        }
    }
    return db_.queryInt("PRAGMA " + std::string(name));
}

StoreResult<void> DraftStore::checkIntegrity()
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

StoreResult<int> DraftStore::sweepOrphanBlobs(std::chrono::seconds minAge)
{
    std::error_code ec;
    std::filesystem::directory_iterator it(paths_.blobDir, ec);
    if (ec) {
        return fail(ioError("list blob directory", ec.value()));
    }
    auto known = db_.prepare("SELECT 1 FROM attachments WHERE blob_name = ?1 UNION ALL "
                             "SELECT 1 FROM attachment_reductions WHERE blob_name = ?1 UNION ALL "
                             "SELECT 1 FROM outbox WHERE envelope_name = ?1");
    if (!known) {
        return fail(known.error());
    }
    const auto cutoff = std::filesystem::file_time_type::clock::now() - minAge;
    int removed = 0;
    for (const auto& entry : it) {
        if (!entry.is_regular_file(ec)) {
            continue;
        }
        const auto modified = entry.last_write_time(ec);
        if (ec || modified > cutoff) {
            continue;
        }
        known->bind(1, entry.path().filename().string());
        auto row = known->step();
        known->reset();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            removeQuietly(entry.path());
            ++removed;
        }
    }
    return removed;
}

} // namespace amicus::store
