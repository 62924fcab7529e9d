// A small RAII layer over the SQLite C API: one connection, prepared statements and
// transactions, every failure mapped to a typed StoreError.
#pragma once

#include "store/store_error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace amicus::store {

// Maps a SQLite result code (and the errno behind it) to a StoreError; `what` names the
// operation for the detail.
[[nodiscard]] StoreError sqliteError(sqlite3* db, int rc, std::string_view what);

// One prepared statement; finalized on destruction. Bind indexes start at 1, columns at 0.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view text);
    void bindBlob(int index, std::span<const std::uint8_t> bytes);
    void bindNull(int index);
    void bind(int index, const std::optional<std::vector<std::uint8_t>>& maybeBlob);

    // Advances; true when a row is available, false when the statement is done.
    [[nodiscard]] StoreResult<bool> step();
    // Runs a statement that returns no rows (or ignores them) to completion.
    [[nodiscard]] StoreResult<void> run();
    // Makes the statement ready to run again with new bindings.
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::vector<std::uint8_t> blob(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// One SQLite connection; closed on destruction.
class Database {
public:
    enum class OpenMode { MustExist, CreateIfMissing };

    // Opens the file without reading it; the first statement reports a file that is not a
    // database (Corrupt). Extended result codes are on and a busy timeout is set.
    [[nodiscard]] static StoreResult<Database> open(const std::filesystem::path& file,
                                                    OpenMode mode);

    Database() = default;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more statements without parameters.
    [[nodiscard]] StoreResult<void> exec(std::string_view sql);
    [[nodiscard]] StoreResult<Statement> prepare(std::string_view sql);
    // Runs a single-value query such as `PRAGMA user_version`.
    [[nodiscard]] StoreResult<std::int64_t> queryInt(std::string_view sql);
    [[nodiscard]] StoreResult<std::string> queryText(std::string_view sql);

    [[nodiscard]] std::int64_t lastInsertRowid() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] sqlite3* handle() const { return db_; }
    [[nodiscard]] bool isOpen() const { return db_ != nullptr; }

private:
    explicit Database(sqlite3* db) : db_(db) {}
    sqlite3* db_ = nullptr;
};

// A write transaction taken with BEGIN IMMEDIATE (so it never fails half-way on a lock
// upgrade); rolled back on destruction unless committed.
class Transaction {
public:
    [[nodiscard]] static StoreResult<Transaction> begin(Database& db);
    // A read transaction (plain BEGIN): a consistent snapshot across several queries.
    [[nodiscard]] static StoreResult<Transaction> beginRead(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // Commits; on failure (e.g. disk full) the transaction is rolled back and nothing changed.
    [[nodiscard]] StoreResult<void> commit();

private:
    explicit Transaction(Database* db) : db_(db) {}
    Database* db_ = nullptr;
};

} // namespace amicus::store
