#include "tests/support/raw_db.h"

#include <stdexcept>

namespace custody::test {

RawDb::RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
}

RawDb::~RawDb() { sqlite3_close(db_); }

int RawDb::exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    error_ = err ? err : "";
    sqlite3_free(err);
    return rc;
}

void RawDb::must(const std::string& sql) {
    if (exec(sql) != SQLITE_OK) throw std::runtime_error(sql + ": " + error_);
}

std::vector<std::vector<std::string>> RawDb::rows(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
        throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    std::vector<std::vector<std::string>> out;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int c = 0; c < sqlite3_column_count(s); ++c) {
            switch (sqlite3_column_type(s, c)) {
                case SQLITE_NULL: row.emplace_back("<null>"); break;
                case SQLITE_BLOB: {
                    auto p = static_cast<const unsigned char*>(sqlite3_column_blob(s, c));
                    int n = sqlite3_column_bytes(s, c);
                    static const char* k = "0123456789abcdef";
                    std::string h;
                    for (int i = 0; i < n; ++i) {
                        h += k[p[i] >> 4];
                        h += k[p[i] & 15];
                    }
                    row.push_back(h);
                    break;
                }
                default: {
                    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
                    row.emplace_back(p ? p : "");
                }
            }
        }
        out.push_back(std::move(row));
    }
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + msg);
    return out;
}

std::int64_t RawDb::scalar(const std::string& sql) {
    auto r = rows(sql);
    if (r.empty() || r[0].empty()) throw std::runtime_error(sql + ": no row");
    return std::stoll(r[0][0]);
}

}  // namespace custody::test
