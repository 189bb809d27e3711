#include "tests/bench/baselines.h"

#include <fcntl.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "tests/bench/stats.h"

namespace custody::bench {

namespace {
volatile unsigned char g_sink = 0;
}  // namespace

SqliteFloor::SqliteFloor(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
        throw std::runtime_error("floor: cannot open " + path);
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    exec("CREATE TABLE IF NOT EXISTS floor(id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, note TEXT NOT NULL)");
    if (sqlite3_prepare_v2(db_, "INSERT INTO floor(at_ms, note) VALUES (?, 'slot=7; status=out')", -1, &insert_,
                           nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("floor: prepare: ") + sqlite3_errmsg(db_));
}

SqliteFloor::~SqliteFloor() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
}

void SqliteFloor::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw std::runtime_error(std::string("floor: ") + sql + ": " + msg);
    }
}

double SqliteFloor::insert_commit() {
    auto t0 = SteadyClock::now();
    exec("BEGIN IMMEDIATE");
    sqlite3_bind_int64(insert_, 1, ++n_);
    if (sqlite3_step(insert_) != SQLITE_DONE) throw std::runtime_error(std::string("floor: insert: ") + sqlite3_errmsg(db_));
    sqlite3_reset(insert_);
    exec("COMMIT");
    return ms_since(t0, SteadyClock::now());
}

double file_replace_fsync(const std::string& path) {
    static const std::string body =
        "custody-head/1 1234567 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef "
        "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210\n";
    const std::string tmp = path + ".tmp";
    auto t0 = SteadyClock::now();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("file baseline: open " + tmp + ": " + std::strerror(errno));
    bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
        throw std::runtime_error("file baseline: write " + path + ": " + std::strerror(errno));
    return ms_since(t0, SteadyClock::now());
}

CryptoBaseline sha256_hmac_baseline(std::int64_t messages, std::size_t message_bytes) {
    std::array<unsigned char, 32> key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) throw std::runtime_error("RAND_bytes failed");
    std::vector<unsigned char> msg(message_bytes, 'x');
    std::array<unsigned char, 32> prev{}, hash{}, mac{};
    unsigned char sink = 0;
    // The same library and the same context reuse as the audit chain, minus everything
    // else verify does (SQLite, canonical encoding, ledger cross-checks).
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* mdctx = EVP_MD_CTX_new();
    EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* macctx = hmac ? EVP_MAC_CTX_new(hmac) : nullptr;
    if (!md || !mdctx || !macctx) throw std::runtime_error("OpenSSL SHA-256/HMAC unavailable");
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                           OSSL_PARAM_construct_end()};
    EVP_MAC_init(macctx, key.data(), key.size(), params);

    auto t0 = SteadyClock::now();
    for (std::int64_t i = 0; i < messages; ++i) {
        if (msg.size() >= sizeof i) std::memcpy(msg.data(), &i, sizeof i);  // every message differs
        unsigned int hlen = 0;
        EVP_DigestInit_ex(mdctx, md, nullptr);
        EVP_DigestUpdate(mdctx, prev.data(), prev.size());
        EVP_DigestUpdate(mdctx, msg.data(), msg.size());
        EVP_DigestFinal_ex(mdctx, hash.data(), &hlen);
        std::size_t mlen = 0;
        EVP_MAC_init(macctx, nullptr, 0, nullptr);
        EVP_MAC_update(macctx, hash.data(), hash.size());
        EVP_MAC_final(macctx, mac.data(), &mlen, mac.size());
        sink ^= mac[0];
        prev = hash;
    }
    double seconds = ms_since(t0, SteadyClock::now()) / 1000.0;
    g_sink = sink;  // keep the loop observable
    EVP_MAC_CTX_free(macctx);
    EVP_MAC_free(hmac);
    EVP_MD_CTX_free(mdctx);
    EVP_MD_free(md);
    return {messages, message_bytes, seconds};
}

}  // namespace custody::bench
