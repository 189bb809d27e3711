// Crash safety, proven by killing the process: custodyctl is SIGKILLed in the middle of
// its work, and what is left must verify (exit 0) — the chain intact up to the last
// committed transaction, nothing half-written, the head anchor at or behind the
// database but never ahead of it.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <sstream>

#include "tests/cli/cli_helpers.h"
#include "tests/support/child_process.h"

namespace custody::test {
namespace {

// Rows in audit_log as a read-only sqlite3 shell sees them; 0 while the database or the
// table does not exist yet. (-readonly: polling must never create the file itself.)
std::int64_t audit_rows_now(const std::string& db) {
    if (!std::filesystem::exists(db)) return 0;
    auto r = run_command({kSqlite3, "-readonly", "-batch", db, "SELECT count(*) FROM audit_log;"});
    if (r.exit_code != 0) return 0;
    try {
        return std::stoll(r.out);
    } catch (const std::exception&) {
        return 0;
    }
}

// The sequence number the head anchor names (second word of <db>.head).
std::int64_t anchor_seq(const std::string& db) {
    std::istringstream in(read_file(db + ".head"));
    std::string magic;
    std::int64_t seq = -1;
    in >> magic >> seq;
    EXPECT_EQ(magic, "custody-head/1");
    return seq;
}

// What a crash may leave: a verifiable chain, an anchor not ahead of it, whole imports.
void expect_consistent_after_kill(const std::string& db, std::int64_t at_least) {
    auto verify = ctl(db, {"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    const std::int64_t entries = row_count(db, "audit_log");
    EXPECT_GE(entries, at_least);
    EXPECT_NE(verify.out.find("Audit chain intact: " + std::to_string(entries) + " entries"), std::string::npos)
        << verify.out;
    ASSERT_TRUE(std::filesystem::exists(db + ".head"));
    const std::int64_t head = anchor_seq(db);
    EXPECT_GE(head, 1);
    EXPECT_LE(head, entries) << "the anchor must never be ahead of the committed chain";
    EXPECT_EQ(sql_text(db, "PRAGMA integrity_check;"), "ok");
    // Each registry CSV is imported in one transaction: all of it or none of it.
    const std::int64_t units = row_count(db, "units"), officers = row_count(db, "officers"),
                       devices = row_count(db, "devices");
    EXPECT_TRUE(units == 0 || units == 4) << units;
    EXPECT_TRUE(officers == 0 || officers == 40) << officers;
    EXPECT_TRUE(devices == 0 || devices == 24) << devices;
    // Every checkout that the ledger says is open is the one its device points at.
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM devices WHERE status='out' AND open_checkout_id IS NULL;"), 0);
    EXPECT_EQ(sql_int(db,
                      "SELECT count(*) FROM custody_entries c WHERE kind='checkout' AND NOT EXISTS "
                      "(SELECT 1 FROM custody_entries r WHERE r.closes_id=c.id) AND NOT EXISTS "
                      "(SELECT 1 FROM devices d WHERE d.open_checkout_id=c.id);"),
              0);
}

TEST(CliCrash, SigkillDuringDemoAtSeveralMomentsLeavesAVerifiableDatabase) {
    // Audit rows to wait for before the kill: in the registry import (init writes 25,
    // the four CSVs bring it to ~133, one transaction each), then in the first days of
    // the month (one transaction per checkout, return, health check). A 60-day demo
    // writes ~4700, so every kill lands mid-run.
    for (std::int64_t threshold : {30, 100, 250, 600}) {
        SCOPED_TRACE("killed after " + std::to_string(threshold) + " audit rows");
        TempDir dir;
        const std::string db = dir.file("demo.db");
        ChildProcess demo({CUSTODYCTL_PATH, "--db", db, "demo", "--days", "60"});
        while (demo.running() && audit_rows_now(db) < threshold) {
        }
        ChildStatus st = demo.kill_and_wait(SIGKILL);
        ASSERT_TRUE(st.signaled && st.signal == SIGKILL)
            << "the demo ended (exit " << st.exit_code << ") before it could be killed";
        expect_consistent_after_kill(db, threshold);
        // Work continues on what is left: a new entry chains on and the anchor catches up.
        auto refused = ctl(db, {"checkout", "--badge", "0BADCAFE"});
        EXPECT_EQ(refused.exit_code, 1) << refused.err;
        EXPECT_EQ(anchor_seq(db), row_count(db, "audit_log"));
        EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);
    }
}

TEST(CliCrash, AKilledDemoCanBeRunAgainOnTheSamePath) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    {
        ChildProcess demo({CUSTODYCTL_PATH, "--db", db, "demo", "--days", "60"});
        while (demo.running() && audit_rows_now(db) < 150) {
        }
        ASSERT_TRUE(demo.kill_and_wait(SIGKILL).signaled);
    }
    auto again = ctl(db, {"demo", "--days", "7"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);
    EXPECT_EQ(row_count(db, "officers"), 41);  // forty officers and the finance clerk
}

TEST(CliCrash, SigkillDuringALargeImportIsAllOrNothing) {
    TempDir dir;
    const std::string db = dir.file("custody.db");
    ASSERT_TRUE(make_small_agency(dir, db));
    std::string csv = "警号,姓名,单位代码\n";
    for (int i = 0; i < 8000; ++i) csv += std::to_string(500000 + i) + ",民警" + std::to_string(i) + ",JJ01\n";
    write_file(dir.file("big.csv"), csv);
    const std::int64_t before = row_count(db, "officers");
    for (std::uintmax_t wal_bytes : {256u * 1024, 1024u * 1024}) {
        SCOPED_TRACE("killed once the WAL held " + std::to_string(wal_bytes) + " bytes");
        auto wal_size = [&] {
            std::error_code ec;
            auto n = std::filesystem::file_size(db + "-wal", ec);
            return ec ? std::uintmax_t{0} : n;
        };
        ChildProcess import({CUSTODYCTL_PATH, "--db", db, "import", "officers", dir.file("big.csv")});
        while (import.running() && wal_size() < wal_bytes) {
        }
        ChildStatus st = import.kill_and_wait(SIGKILL);
        const std::int64_t after = row_count(db, "officers");
        if (st.signaled) {
            EXPECT_TRUE(after == before || after == before + 8000) << after;
        } else {  // it finished before the kill: then all of it is there
            EXPECT_EQ(st.exit_code, 0);
            EXPECT_EQ(after, before + 8000);
        }
        auto verify = ctl(db, {"verify"});
        EXPECT_EQ(verify.exit_code, 0) << verify.err;
        if (after == before + 8000) break;  // imported: a second run would only be refused
    }
}

}  // namespace
}  // namespace custody::test
