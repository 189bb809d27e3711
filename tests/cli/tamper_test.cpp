// Someone with the sqlite3 shell edits the database behind custodyctl's back. The
// append-only triggers refuse plain UPDATE/DELETE; an attacker drops them first. Every
// edit must make `custodyctl verify` exit 3 and name the first broken entry (R5, R12).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const char* kDropTriggers =
    "DROP TRIGGER custody_entries_no_update; DROP TRIGGER custody_entries_no_delete;\n"
    "DROP TRIGGER health_checks_no_update; DROP TRIGGER health_checks_no_delete;\n"
    "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;\n";

class CliTamper : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        base_dir_ = std::make_unique<TempDir>();
        base_ = base_dir_->file("base.db");
        ASSERT_TRUE(make_small_history(*base_dir_, base_));
    }
    static void TearDownTestSuite() { base_dir_.reset(); }

    void SetUp() override {
        db_ = dir_.file("custody.db");
        copy_store(base_, db_);
        entries_ = row_count(db_, "audit_log");
        ASSERT_GT(entries_, 30);
    }

    // The attacker's session: triggers dropped, then `sql`.
    void attack(const std::string& sql) {
        auto r = sqlite_shell(db_, std::string(kDropTriggers) + sql);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::int64_t seq_of_custody_row(int id) {
        return sql_int(db_, "SELECT seq FROM audit_log WHERE record_table='custody_entries' AND record_id=" +
                                std::to_string(id) + ";");
    }
    // verify must exit 3 and say where, in English and in Chinese; returns the English stderr.
    std::string expect_broken_at(std::int64_t seq, const std::string& cause) {
        auto en = ctl(db_, {"verify"});
        EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
        EXPECT_TRUE(contains(en.err, broken_at(seq))) << "expected entry " << seq << ": " << en.err;
        EXPECT_TRUE(contains(en.err, cause)) << en.err;
        EXPECT_EQ(en.out, "");
        auto zh = ctl(db_, {"verify"}, "zh");
        EXPECT_EQ(zh.exit_code, 3);
        EXPECT_TRUE(contains(zh.err, "审计链在第 " + std::to_string(seq) + " 条记录处断裂")) << zh.err;
        return en.err;
    }

    static std::unique_ptr<TempDir> base_dir_;
    static std::string base_;
    TempDir dir_;
    std::string db_;
    std::int64_t entries_ = 0;
};
std::unique_ptr<TempDir> CliTamper::base_dir_;
std::string CliTamper::base_;

TEST_F(CliTamper, UntamperedCopyVerifiesAndCountsEntries) {
    auto r = ctl(db_, {"verify"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::int64_t records = row_count(db_, "custody_entries") + row_count(db_, "health_checks");
    EXPECT_TRUE(contains(r.out, "Audit chain intact: " + std::to_string(entries_) +
                                    " entries, hash chain and "
                                    "signatures checked, " +
                                    std::to_string(records) + " ledger records match"))
        << r.out;
}

TEST_F(CliTamper, TriggersRefuseUpdateAndDeleteWithoutBeingDropped) {
    const std::vector<std::pair<std::string, std::string>> edits = {
        {"UPDATE custody_entries SET officer_id=1 WHERE id=2;", "custody_entries is append-only"},
        {"DELETE FROM custody_entries WHERE id=3;", "custody_entries is append-only"},
        {"UPDATE audit_log SET detail='x' WHERE seq=5;", "audit_log is append-only"},
        {"DELETE FROM audit_log WHERE seq=(SELECT max(seq) FROM audit_log);", "audit_log is append-only"},
        {"UPDATE health_checks SET battery_pct=100;", "health_checks is append-only"},
        {"DELETE FROM health_checks;", "health_checks is append-only"},
    };
    const std::string before = sql_text(db_, "SELECT group_concat(hash, '') FROM audit_log;");
    for (const auto& [sql, message] : edits) {
        auto r = sqlite_shell(db_, sql);
        EXPECT_NE(r.exit_code, 0) << sql;
        EXPECT_TRUE(contains(r.err, message)) << sql << ": " << r.err;
    }
    EXPECT_EQ(sql_text(db_, "SELECT group_concat(hash, '') FROM audit_log;"), before);
    EXPECT_EQ(row_count(db_, "audit_log"), entries_);
    EXPECT_EQ(ctl(db_, {"verify"}).exit_code, 0);
}

TEST_F(CliTamper, A_ChangedOfficerOfALedgerRow) {
    attack("UPDATE custody_entries SET officer_id=(SELECT id FROM officers WHERE number='010002') WHERE id=2;");
    expect_broken_at(seq_of_custody_row(2), "row 2 of custody_entries no longer matches its audit entry (altered)");
}

TEST_F(CliTamper, B_DeletedLedgerRow) {
    attack("DELETE FROM custody_entries WHERE id=2;");
    expect_broken_at(seq_of_custody_row(2), "row 2 of custody_entries is gone (deleted)");
}

TEST_F(CliTamper, B_DeletedHealthReading) {
    const std::int64_t seq = sql_int(db_,
                                     "SELECT seq FROM audit_log WHERE record_table='health_checks' AND "
                                     "record_id=(SELECT max(id) FROM health_checks);");
    attack("DELETE FROM health_checks WHERE id=(SELECT max(id) FROM health_checks);");
    expect_broken_at(seq, "of health_checks is gone (deleted)");
}

TEST_F(CliTamper, C_InsertedLedgerRowIsNamedByItsRow) {
    // A fake checkout of CAM-004 by 张伟, timed with the real first checkout. There is no
    // audit entry to name: verify names the row that has none.
    attack(
        "INSERT INTO custody_entries(kind, device_id, officer_id, slot, at_ms) "
        "SELECT 'checkout', d.id, o.id, 4, c.at_ms FROM devices d, officers o, custody_entries c "
        "WHERE d.serial='CAM-004' AND o.number='010001' AND c.id=1;");
    ASSERT_EQ(sql_int(db_, "SELECT max(id) FROM custody_entries;"), 4);
    auto en = ctl(db_, {"verify"});
    EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, "row 4 of custody_entries has no audit entry (inserted by hand)")) << en.err;
    auto zh = ctl(db_, {"verify"}, "zh");
    EXPECT_EQ(zh.exit_code, 3);
    EXPECT_TRUE(contains(zh.err, "custody_entries 表第 4 行没有对应的审计记录")) << zh.err;
}

TEST_F(CliTamper, D_ChangedAuditDetail) {
    const std::int64_t seq =
        sql_int(db_, "SELECT seq FROM audit_log WHERE action='register_officer' AND subject='020001';");
    attack("UPDATE audit_log SET detail=replace(detail, 'XJ02', 'JJ01') WHERE seq=" + std::to_string(seq) + ";");
    ASSERT_TRUE(contains(sql_text(db_, "SELECT detail FROM audit_log WHERE seq=" + std::to_string(seq) + ";"), "JJ01"));
    expect_broken_at(seq, "its content or order was changed (hash mismatch)");
}

TEST_F(CliTamper, D_ChangedAuditActorOfACheckout) {
    const std::int64_t seq = seq_of_custody_row(2);
    attack("UPDATE audit_log SET actor='010002' WHERE seq=" + std::to_string(seq) + ";");
    expect_broken_at(seq, "hash mismatch");
}

TEST_F(CliTamper, E_DeletedMiddleAuditEntry) {
    const std::int64_t seq = entries_ / 2;
    attack("DELETE FROM audit_log WHERE seq=" + std::to_string(seq) + ";");
    expect_broken_at(seq, "sequence gap: expected " + std::to_string(seq) + ", found " + std::to_string(seq + 1));
}

TEST_F(CliTamper, F_SwappedTwoAuditEntries) {
    const std::int64_t a = seq_of_custody_row(1), b = seq_of_custody_row(3);
    ASSERT_LT(a, b);
    const std::string cols =
        "at_ms, actor, action, subject, detail, record_table, record_id, record_digest, "
        "prev_hash, hash, mac";
    attack("CREATE TEMP TABLE saved AS SELECT * FROM audit_log WHERE seq IN (" + std::to_string(a) + "," +
           std::to_string(b) + ");\n" + "UPDATE audit_log SET (" + cols + ") = (SELECT " + cols +
           " FROM saved WHERE saved.seq = " + std::to_string(a + b) + " - audit_log.seq) WHERE seq IN (" +
           std::to_string(a) + "," + std::to_string(b) + ");");
    ASSERT_EQ(sql_text(db_, "SELECT action FROM audit_log WHERE seq=" + std::to_string(a) + ";"), "return");
    expect_broken_at(a, "hash mismatch");
}

TEST_F(CliTamper, H_TruncatedTailIsCaughtByTheHeadAnchor) {
    attack("DELETE FROM audit_log WHERE seq > " + std::to_string(entries_ - 2) + ";");
    auto en = ctl(db_, {"verify"});
    EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, "entries were cut from the end: the head anchor is at " + std::to_string(entries_) +
                                     ", the database ends at " + std::to_string(entries_ - 2)))
        << en.err;
    auto zh = ctl(db_, {"verify"}, "zh");
    EXPECT_EQ(zh.exit_code, 3);
    EXPECT_TRUE(contains(zh.err, "链头标记为第 " + std::to_string(entries_) + " 条")) << zh.err;
}

TEST_F(CliTamper, H_TruncatedThenNewWorkStillDoesNotHideIt) {
    // After cutting two entries, ordinary use appends new ones at the same numbers; the
    // anchor only moves forward, so the entry it names no longer matches.
    attack("DELETE FROM audit_log WHERE seq > " + std::to_string(entries_ - 2) + ";");
    EXPECT_EQ(ctl(db_, {"checkout", "--badge", "0BADCAFE"}).exit_code, 1);  // refused and audited
    EXPECT_EQ(ctl(db_, {"checkout", "--badge", "0BADCAFE"}).exit_code, 1);
    ASSERT_EQ(row_count(db_, "audit_log"), entries_);
    expect_broken_at(entries_, "does not match the head anchor: entry " + std::to_string(entries_) + " was replaced");
}

TEST_F(CliTamper, I_DeletedHeadAnchor) {
    std::filesystem::remove(db_ + ".head");
    auto en = ctl(db_, {"verify"});
    EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, "the head anchor file " + db_ + ".head is missing or damaged")) << en.err;
}

TEST_F(CliTamper, I_ForgedHeadAnchor) {
    // Pointing the anchor at an earlier entry needs the key to sign it.
    const std::string hash = sql_text(db_, "SELECT lower(hex(hash)) FROM audit_log WHERE seq=10;");
    write_file(db_ + ".head", "custody-head/1 10 " + hash + " " + std::string(64, '0') + "\n");
    auto en = ctl(db_, {"verify"});
    EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, "is missing or damaged")) << en.err;
}

}  // namespace
}  // namespace custody::test
