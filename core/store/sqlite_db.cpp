#include "store/sqlite_db.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#include <utility>

namespace amicus::store {

const char* errcName(StoreErrc code)
{
    switch (code) {
    case StoreErrc::Internal:
        return "internal";
    case StoreErrc::Locked:
        return "locked";
    case StoreErrc::NotFound:
        return "not-found";
    case StoreErrc::NewerVersion:
        return "newer-version";
    case StoreErrc::Corrupt:
        return "corrupt";
    case StoreErrc::DiskFull:
        return "disk-full";
    case StoreErrc::TooLarge:
        return "too-large";
    case StoreErrc::Io:
        return "io";
    case StoreErrc::Busy:
        return "busy";
    case StoreErrc::InvalidArgument:
        return "invalid-argument";
    case StoreErrc::Finalized:
        return "finalized";
    }
    return "unknown";
}

void OwnerThread::abortOnOtherThread(const char* what)
{
    std::fprintf(stderr,
                 "amicus store: a connection was used (%s) on a thread other than the one that "
                 "opened it; open a connection on that thread instead\n",
                 what);
    std::abort();
}

StoreError sqliteError(sqlite3* db, int rc, std::string_view what)
{
    StoreError error;
    error.sqliteCode = rc;
    error.sysErrno = db != nullptr ? sqlite3_system_errno(db) : 0;
    const int primary = rc & 0xff;
    switch (primary) {
    case SQLITE_FULL:
        error.code = StoreErrc::DiskFull;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        error.code = StoreErrc::Corrupt;
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        error.code = StoreErrc::Busy;
        break;
    case SQLITE_IOERR:
        // A write past RLIMIT_FSIZE fails with EFBIG and a full quota with EDQUOT; SQLite
        // reports those as generic write errors, but to the user they are a full disk.
        if (error.sysErrno == ENOSPC || error.sysErrno == EFBIG || error.sysErrno == EDQUOT) {
            error.code = StoreErrc::DiskFull;
        } else {
            error.code = StoreErrc::Io;
        }
        break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
        error.code = StoreErrc::Io;
        break;
    default:
        error.code = StoreErrc::Internal;
        break;
    }
    error.detail = std::string(what) + ": " + sqlite3_errstr(rc);
    return error;
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)),
      owner_(other.owner_)
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
        owner_ = other.owner_;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

void Statement::bind(int index, std::int64_t value)
{
    owner_.check("bind");
    sqlite3_bind_int64(stmt_, index, value);
}

void Statement::bind(int index, std::string_view text)
{
    owner_.check("bind");
    sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
    static const std::uint8_t empty = 0;
    sqlite3_bind_blob64(stmt_, index, bytes.empty() ? &empty : bytes.data(), bytes.size(),
                        SQLITE_TRANSIENT);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(stmt_, index);
}

void Statement::bind(int index, const std::optional<std::vector<std::uint8_t>>& maybeBlob)
{
    if (maybeBlob) {
        bindBlob(index, *maybeBlob);
    } else {
        bindNull(index);
    }
}

StoreResult<bool> Statement::step()
{
    owner_.check("step");
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return fail(sqliteError(db_, rc, "step"));
}

StoreResult<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row) {
            reset();
            return fail(row.error());
        }
        if (!*row) {
            reset();
            return {};
        }
    }
}

void Statement::reset()
{
    owner_.check("reset");
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const
{
    const auto* data = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::vector<std::uint8_t> Statement::blob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    return std::vector<std::uint8_t>(data, data + size);
}

StoreResult<Database> Database::open(const std::filesystem::path& file, OpenMode mode)
{
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == OpenMode::CreateIfMissing) {
        flags |= SQLITE_OPEN_CREATE;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return fail(sqliteError(raw, rc, "open database"));
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), owner_(other.owner_)
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        owner_ = other.owner_;
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(db_);
}

StoreResult<void> Database::exec(std::string_view sql)
{
    owner_.check("exec");
    const std::string copy(sql);
    const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return fail(sqliteError(db_, rc, "exec"));
    }
    return {};
}

StoreResult<Statement> Database::prepare(std::string_view sql)
{
    owner_.check("prepare");
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return fail(sqliteError(db_, rc, "prepare"));
    }
    return Statement(db_, stmt, owner_);
}

StoreResult<std::int64_t> Database::queryInt(std::string_view sql)
{
    auto row = queryRow(sql);
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return fail(StoreError{StoreErrc::Internal, "query returned no row"});
    }
    return (*row)->int64(0);
}

StoreResult<std::string> Database::queryText(std::string_view sql)
{
    auto row = queryRow(sql);
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return fail(StoreError{StoreErrc::Internal, "query returned no row"});
    }
    return (*row)->text(0);
}

std::int64_t Database::lastInsertRowid() const
{
    owner_.check("lastInsertRowid");
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const
{
    owner_.check("changes");
    return sqlite3_changes(db_);
}

StoreResult<Transaction> Transaction::begin(Database& db)
{
    auto begun = db.exec("BEGIN IMMEDIATE");
    if (!begun) {
        return fail(begun.error());
    }
    return Transaction(&db);
}

StoreResult<Transaction> Transaction::beginRead(Database& db)
{
    auto begun = db.exec("BEGIN");
    if (!begun) {
        return fail(begun.error());
    }
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr))
{
}

Transaction::~Transaction()
{
    if (db_ != nullptr && sqlite3_get_autocommit(db_->handle()) == 0) {
        // Nothing to report from a rollback on an error path; the caller has the error.
        (void)db_->exec("ROLLBACK");
    }
}

StoreResult<void> Transaction::commit()
{
    auto done = db_->exec("COMMIT");
    if (!done) {
        // A failed COMMIT may leave the transaction open (e.g. SQLITE_FULL); undo it so the
        // database stays at the last committed state and the connection stays usable.
        if (sqlite3_get_autocommit(db_->handle()) == 0) {
            (void)db_->exec("ROLLBACK");
        }
        db_ = nullptr;
        return fail(done.error());
    }
    db_ = nullptr;
    return {};
}

} // namespace amicus::store
