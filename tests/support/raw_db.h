#pragma once
// A plain sqlite3 handle on a database file, bypassing the store: what someone with
// shell access and the sqlite3 tool could do. Tests use it to tamper and to count rows.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace custody::test {

class RawDb {
public:
    explicit RawDb(const std::string& path);
    ~RawDb();
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    // Runs SQL; returns the SQLite result code and leaves the message in last_error().
    int exec(const std::string& sql);
    // Runs SQL that must succeed (throws std::runtime_error otherwise).
    void must(const std::string& sql);
    // The first column of the first row as an integer (throws if there is no row).
    std::int64_t scalar(const std::string& sql);
    // Every row, each column as text (NULL as "<null>", blobs as hex).
    std::vector<std::vector<std::string>> rows(const std::string& sql);
    const std::string& last_error() const { return error_; }
    sqlite3* raw() { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::string error_;
};

}  // namespace custody::test
