#pragma once
// A thin RAII layer over SQLite: a Connection opened with the ledger's pragmas, prepared
// Statements, and a write Transaction that rolls back unless committed.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::db {

Error sqlite_error(sqlite3* db, int rc, std::string_view what);

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
    Statement(Statement&& o) noexcept : db_(o.db_), s_(o.s_) { o.s_ = nullptr; }
    Statement& operator=(Statement&&) = delete;
    ~Statement() { sqlite3_finalize(s_); }

    Statement& bind(int i, std::int64_t v) { sqlite3_bind_int64(s_, i, v); return *this; }
    Statement& bind(int i, int v) { sqlite3_bind_int64(s_, i, v); return *this; }
    Statement& bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, const char* v) { return bind(i, std::string(v)); }
    Statement& bind(int i, std::string_view v) { return bind(i, std::string(v)); }
    Statement& bind_blob(int i, const void* p, std::size_t n) {
        sqlite3_bind_blob(s_, i, p, static_cast<int>(n), SQLITE_TRANSIENT);
        return *this;
    }
    template <class T>
    Statement& bind(int i, const std::optional<T>& v) {
        if (v) return bind(i, *v);
        sqlite3_bind_null(s_, i);
        return *this;
    }

    // true: a row is ready; false: done.
    Result<bool> step();
    Status run();  // step to completion, then reset
    void reset() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }

    bool is_null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
    int column_count() const { return sqlite3_column_count(s_); }
    int column_type(int c) const { return sqlite3_column_type(s_, c); }
    double f64(int c) const { return sqlite3_column_double(s_, c); }
    std::int64_t i64(int c) const { return sqlite3_column_int64(s_, c); }
    int i32(int c) const { return sqlite3_column_int(s_, c); }
    std::string text(int c) const {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, c))) : std::string();
    }
    // Valid until the next step or reset: for reading in place on hot paths.
    std::string_view blob_view(int c) const {
        auto p = static_cast<const char*>(sqlite3_column_blob(s_, c));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, c))) : std::string_view();
    }
    std::vector<unsigned char> blob(int c) const {
        auto p = static_cast<const unsigned char*>(sqlite3_column_blob(s_, c));
        return p ? std::vector<unsigned char>(p, p + sqlite3_column_bytes(s_, c)) : std::vector<unsigned char>();
    }
    std::optional<std::int64_t> opt_i64(int c) const {
        if (is_null(c)) return std::nullopt;
        return i64(c);
    }

private:
    sqlite3* db_;
    sqlite3_stmt* s_;
};

class Connection {
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };
    // Opens with WAL, foreign_keys=ON, synchronous=FULL and a busy timeout.
    static Result<std::unique_ptr<Connection>> open(const std::string& path, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Result<Statement> prepare(std::string_view sql);
    // Cached prepared statement, reset and with bindings cleared, for hot paths.
    Result<Statement*> cached(const char* sql);
    Status exec(const std::string& sql);
    sqlite3* raw() { return db_; }
    std::int64_t last_insert_rowid() { return sqlite3_last_insert_rowid(db_); }
    const std::string& path() const { return path_; }

private:
    Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_;
    std::string path_;
    std::vector<std::pair<const char*, std::unique_ptr<Statement>>> cache_;
};

// BEGIN IMMEDIATE: the write lock is taken up front, so reads inside see the state the
// writes will be based on, and two writers queue instead of deadlocking.
class Transaction {
public:
    static Result<Transaction> begin(Connection& c);
    Transaction(Transaction&& o) noexcept : c_(o.c_), open_(o.open_) { o.open_ = false; }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Status commit();
    bool open() const { return open_; }

private:
    explicit Transaction(Connection& c) : c_(&c), open_(true) {}
    Connection* c_;
    bool open_;
};

}  // namespace custody::db
