// A small RAII layer over the SQLite C API: one connection, prepared statements and
// transactions, every failure mapped to a typed StoreError.
#pragma once

#include "store/store_error.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace amicus::store {

// A connection belongs to the thread that opened it (it is opened with SQLITE_OPEN_NOMUTEX):
// another thread opens its own. A connection opened on one thread for another (the app unlocks
// on a worker) is released once, and then belongs to the first thread that uses it. Debug
// builds (no NDEBUG, e.g. the ASan build) check every use and abort with a message naming the
// misuse, and so does every build with tests (the CMake option AMICUS_STORE_THREAD_CHECKS);
// other release builds only keep the owner.
#if !defined(NDEBUG) && !defined(AMICUS_STORE_THREAD_CHECKS)
#define AMICUS_STORE_THREAD_CHECKS 1
#endif

class OwnerThread {
public:
    OwnerThread() = default;
    OwnerThread(const OwnerThread& other) : id_(other.id_.load(std::memory_order_relaxed)) {}
    OwnerThread& operator=(const OwnerThread& other)
    {
        id_.store(other.id_.load(std::memory_order_relaxed), std::memory_order_relaxed);
        return *this;
    }
    [[nodiscard]] static OwnerThread current()
    {
        OwnerThread owner;
        owner.id_.store(std::this_thread::get_id(), std::memory_order_relaxed);
        return owner;
    }
    // Gives up ownership: the next thread to use the connection owns it.
    void release() { id_.store(std::thread::id(), std::memory_order_relaxed); }
    // Aborts when called from a thread other than the owner (debug builds only).
    void check(const char* what) const
    {
#ifdef AMICUS_STORE_THREAD_CHECKS
        const std::thread::id self = std::this_thread::get_id();
        std::thread::id owner = id_.load(std::memory_order_relaxed);
        if (owner == std::thread::id()) {
            id_.compare_exchange_strong(owner, self, std::memory_order_relaxed);
            owner = id_.load(std::memory_order_relaxed);
        }
        if (owner != self) {
            abortOnOtherThread(what);
        }
#else
        (void)what;
#endif
    }

private:
    [[noreturn]] static void abortOnOtherThread(const char* what);
    mutable std::atomic<std::thread::id> id_;
};

// Maps a SQLite result code (and the errno behind it) to a StoreError; `what` names the
// operation for the detail.
[[nodiscard]] StoreError sqliteError(sqlite3* db, int rc, std::string_view what);

// One prepared statement; finalized on destruction. Bind indexes start at 1, columns at 0.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt, OwnerThread owner)
        : db_(db), stmt_(stmt), owner_(owner)
    {
    }
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
    // Binds `value` at `index` by its type: integers as INTEGER, strings as TEXT, byte
    // containers as BLOB, an empty optional or std::nullopt as NULL.
    template <typename T>
    void bindValue(int index, const T& value)
    {
        if constexpr (std::is_same_v<T, std::nullopt_t>) {
            bindNull(index);
        } else if constexpr (IsOptional<T>::value) {
            if (value) {
                bindValue(index, *value);
            } else {
                bindNull(index);
            }
        } else if constexpr (std::is_integral_v<T>) {
            bind(index, static_cast<std::int64_t>(value));
        } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
            bind(index, std::string_view(value));
        } else {
            bindBlob(index, std::span<const std::uint8_t>(value));
        }
    }
    // Binds `values` to ?1, ?2, ... in order.
    template <typename... Args>
    void bindAll(const Args&... values)
    {
        int index = 0;
        (bindValue(++index, values), ...);
    }

    // Advances; true when a row is available, false when the statement is done.
    [[nodiscard]] StoreResult<bool> step();
    // Runs a statement that returns no rows (or ignores them) to completion.
    [[nodiscard]] StoreResult<void> run();
    // Makes the statement ready to run again with new bindings.
    void reset();
    // Steps through every row, calling `onRow(const Statement&)` (which returns
    // StoreResult<void>) on each; stops at the first failure, of SQLite or of `onRow`.
    template <typename OnRow>
    [[nodiscard]] StoreResult<void> forEachRow(OnRow&& onRow)
    {
        for (;;) {
            auto row = step();
            if (!row) {
                return fail(row.error());
            }
            if (!*row) {
                return {};
            }
            if (auto done = onRow(static_cast<const Statement&>(*this)); !done) {
                return fail(done.error());
            }
        }
    }

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::vector<std::uint8_t> blob(int column) const;

private:
    template <typename T>
    struct IsOptional : std::false_type {
    };
    template <typename T>
    struct IsOptional<std::optional<T>> : std::true_type {
    };

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    OwnerThread owner_;
};

// One SQLite connection; closed on destruction. Used only on the thread that opened it.
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

    // The query helpers: `sql` prepared with `args` bound to ?1, ?2, ... by their types
    // (Statement::bindValue), instead of prepare, bind, step and check written out per query.
    // A prepared statement to step through (forEachRow):
    template <typename... Args>
    [[nodiscard]] StoreResult<Statement> query(std::string_view sql, const Args&... args)
    {
        auto stmt = prepare(sql);
        if (stmt) {
            stmt->bindAll(args...);
        }
        return stmt;
    }
    // The statement on its first row, or empty when there is none (reset() the optional to
    // end the statement before writing in the same transaction):
    template <typename... Args>
    [[nodiscard]] StoreResult<std::optional<Statement>> queryRow(std::string_view sql,
                                                                 const Args&... args)
    {
        auto stmt = query(sql, args...);
        if (!stmt) {
            return fail(stmt.error());
        }
        auto row = stmt->step();
        if (!row) {
            return fail(row.error());
        }
        if (!*row) {
            return std::optional<Statement>{};
        }
        return std::optional<Statement>(std::move(*stmt));
    }
    // Runs a statement that returns no rows:
    template <typename... Args>
    [[nodiscard]] StoreResult<void> run(std::string_view sql, const Args&... args)
    {
        auto stmt = query(sql, args...);
        if (!stmt) {
            return fail(stmt.error());
        }
        return stmt->run();
    }
    // The same, returning how many rows it changed:
    template <typename... Args>
    [[nodiscard]] StoreResult<int> change(std::string_view sql, const Args&... args)
    {
        auto ran = run(sql, args...);
        if (!ran) {
            return fail(ran.error());
        }
        return changes();
    }

    [[nodiscard]] std::int64_t lastInsertRowid() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] sqlite3* handle() const
    {
        owner_.check("handle");
        return db_;
    }
    [[nodiscard]] bool isOpen() const { return db_ != nullptr; }
    // Hands the connection to the next thread that uses it (see OwnerThread).
    void releaseThread() { owner_.release(); }

private:
    explicit Database(sqlite3* db) : db_(db), owner_(OwnerThread::current()) {}
    sqlite3* db_ = nullptr;
    OwnerThread owner_;
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
