#include "db/sqlite.h"

#include <cstring>

namespace custody::db {

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    std::string detail = std::string(what) + ": " + msg + " (code " + std::to_string(rc) + ")";
    int primary = rc & 0xFF;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Error(MessageId::StorageBusy, {}, detail);
    return Error(MessageId::StorageFailure, {msg}, detail);
}

Result<bool> Statement::step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error e = sqlite_error(db_, rc, sqlite3_sql(s_) ? sqlite3_sql(s_) : "step");
    sqlite3_reset(s_);
    return fail(std::move(e));
}

Status Statement::run() {
    while (true) {
        auto r = step();
        if (!r) return fail(r.error());
        if (!*r) break;
    }
    sqlite3_reset(s_);
    return {};
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
             : mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE
                                       : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqlite_error(db, rc, "open " + path);
        sqlite3_close(db);
        if (mode != Mode::ReadWriteCreate && (rc & 0xFF) == SQLITE_CANTOPEN)
            return fail(Error(MessageId::DatabaseMissing, {path}, e.detail));
        return fail(std::move(e));
    }
    std::unique_ptr<Connection> c(new Connection(db, path));
    sqlite3_busy_timeout(db, 10000);
    sqlite3_extended_result_codes(db, 1);
    const char* pragmas = mode == Mode::ReadOnly
                              ? "PRAGMA foreign_keys=ON;"
                              : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
    CUSTODY_TRY(c->exec(pragmas));
    return c;
}

Connection::~Connection() {
    cache_.clear();
    sqlite3_close(db_);
}

Result<Statement> Connection::prepare(std::string_view sql) {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
    if (rc != SQLITE_OK) return fail(sqlite_error(db_, rc, sql));
    return Statement(db_, s);
}

Result<Statement*> Connection::cached(const char* sql) {
    for (auto& [key, st] : cache_) {
        if (key == sql) {
            st->reset();
            return st.get();
        }
    }
    auto s = prepare(sql);
    if (!s) return fail(s.error());
    cache_.emplace_back(sql, std::make_unique<Statement>(std::move(*s)));
    return cache_.back().second.get();
}

Status Connection::exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        Error e = sqlite_error(db_, rc, sql.substr(0, 80));
        if (err) {
            e.detail += std::string(" / ") + err;
            sqlite3_free(err);
        }
        return fail(std::move(e));
    }
    return {};
}

Result<Transaction> Transaction::begin(Connection& c) {
    CUSTODY_TRY(c.exec("BEGIN IMMEDIATE"));
    return Transaction(c);
}

Transaction::~Transaction() {
    if (open_) sqlite3_exec(c_->raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::commit() {
    CUSTODY_TRY(c_->exec("COMMIT"));
    open_ = false;
    return {};
}

}  // namespace custody::db
