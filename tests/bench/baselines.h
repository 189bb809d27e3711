#pragma once
// What the custody figures are compared against, measured in the same run on the same
// disk: the cost of one durable SQLite commit, of one durable small-file replace (the
// head anchor's write pattern), and of the bare cryptography verify has to do.

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace custody::bench {

// A bare one-row INSERT + COMMIT in its own database, WAL and synchronous=FULL, the
// same pragmas and BEGIN IMMEDIATE the store uses: the fsync floor of a transaction.
class SqliteFloor {
public:
    explicit SqliteFloor(const std::string& path);
    ~SqliteFloor();
    SqliteFloor(const SqliteFloor&) = delete;
    SqliteFloor& operator=(const SqliteFloor&) = delete;
    // Milliseconds for BEGIN IMMEDIATE; INSERT; COMMIT. Throws std::runtime_error on failure.
    double insert_commit();

private:
    void exec(const char* sql);
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    std::int64_t n_ = 0;
};

// Writes ~170 bytes to <path>.tmp, fsyncs, closes and renames it over <path>, as the
// head anchor does after every commit. Milliseconds; throws on failure.
double file_replace_fsync(const std::string& path);

struct CryptoBaseline {
    std::int64_t messages = 0;
    std::size_t message_bytes = 0;
    double seconds = 0;
};

// For each of `messages` messages of `message_bytes` bytes: SHA-256(prev || message)
// with OpenSSL's SHA-256 (contexts reused, as the audit chain does), then HMAC-SHA-256 of that hash under a 32-byte
// key, chained like the audit log. One thread.
CryptoBaseline sha256_hmac_baseline(std::int64_t messages, std::size_t message_bytes);

}  // namespace custody::bench
