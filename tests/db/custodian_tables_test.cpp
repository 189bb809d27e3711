// The custodian tables (schema 4) hold from raw SQL too: reconciliations, their lines,
// fault reports, closures and interruption reviews are append-only, a PIN row is never
// deleted, a record is reviewed once, and a saved reconciliation altered behind the
// program's back is caught by verify (R5, R9, R13).
#include <gtest/gtest.h>

#include "db/audit_verifier.h"
#include "kiosk/core/custodian_login.h"
#include "kiosk/core/fault_report.h"
#include "kiosk/core/inventory_reconciliation.h"
#include "tests/support/raw_db.h"
#include "tests/support/store_fixture.h"

namespace custody::db {
namespace {

using test::RawDb;
using test::StoreFixture;

std::vector<SlotStatus> slots_present(std::initializer_list<int> present) {
    std::vector<SlotStatus> out;
    for (int i = 1; i <= 4; ++i) {
        SlotStatus s;
        s.slot = i;
        for (int p : present) s.camera_present = s.camera_present || p == i;
        out.push_back(s);
    }
    return out;
}

class CustodianTables : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.make_all_ready();
        ASSERT_TRUE(CustodianLogin(f.store(), f.clock()).set_pin("100004", "2468", "test").ok());
        auto r = InventoryReconciliation(f.store(), f.clock()).save(slots_present({1, 3, 4}), "100004");
        ASSERT_TRUE(r.ok()) << log_line(r.error());
        reconciliation = r->id;
        ASSERT_TRUE(FaultReport(f.store(), f.clock()).file({"ZD-CAM-01", FaultKind::LensDamaged, "100001", ""}).ok());
        f.close();
    }
    VerifyReport verify() {
        auto c = Connection::open(f.db_path(), Connection::Mode::ReadOnly);
        if (!c) throw std::runtime_error(log_line(c.error()));
        auto r = verify_audit(**c, f.key(), f.anchor_path());
        if (!r) throw std::runtime_error(log_line(r.error()));
        return *r;
    }
    StoreFixture f;
    Id reconciliation = 0;
};

TEST_F(CustodianTables, SavedReconciliationIsCoveredByVerify_R5) {
    auto rep = verify();
    EXPECT_TRUE(rep.intact()) << log_line(*rep.broken);
    RawDb raw(f.db_path());
    EXPECT_EQ(rep.records, raw.scalar("SELECT count(*) FROM custody_entries") +
                               raw.scalar("SELECT count(*) FROM health_checks") +
                               raw.scalar("SELECT count(*) FROM reconciliations"));
}

TEST_F(CustodianTables, RecordTablesRefuseUpdateAndDelete_R5) {
    RawDb raw(f.db_path());
    // A trigger fires per row: every table gets one first.
    raw.must("INSERT INTO offload_jobs(device_id, slot, started_at_ms, state, archive_dir) VALUES (1, 1, 1, 'running', '')");
    raw.must("INSERT INTO interruption_records(job_id, officer_id, reason, basis, recorded_at_ms, recorded_by) "
             "VALUES (1, 1, 'weather', '暴雨', 1, 'x')");
    raw.must("INSERT INTO interruption_approvals(interruption_id, reviewer_id, note, reviewed_at_ms) VALUES (1, 4, '', 2)");
    raw.must("INSERT INTO fault_report_closures(report_id, closed_at_ms, closed_by) VALUES (1, 2, 'x')");
    for (const char* table : {"reconciliations", "reconciliation_lines", "fault_reports", "interruption_approvals",
                              "fault_report_closures"}) {
        EXPECT_GT(raw.scalar(std::string("SELECT count(*) FROM ") + table), 0) << table;
        EXPECT_NE(raw.exec(std::string("UPDATE ") + table + " SET rowid = rowid"), SQLITE_OK) << table;
        EXPECT_NE(raw.exec(std::string("DELETE FROM ") + table), SQLITE_OK) << table;
    }
    EXPECT_GT(raw.scalar("SELECT count(*) FROM reconciliation_lines"), 0);
    EXPECT_EQ(raw.scalar("SELECT count(*) FROM fault_reports"), 1);
    EXPECT_NE(raw.exec("DELETE FROM custodian_pins"), SQLITE_OK) << "a PIN is replaced, never removed";
}

TEST_F(CustodianTables, ReconciliationEditedWithTheTriggersDroppedIsCaught_R5) {
    RawDb raw(f.db_path());
    raw.must("DROP TRIGGER reconciliations_no_update");
    raw.must("UPDATE reconciliations SET discrepancies = 0 WHERE id = " + std::to_string(reconciliation));
    auto rep = verify();
    ASSERT_FALSE(rep.intact());
    ASSERT_NE(rep.broken->cause, nullptr) << log_line(*rep.broken);
    EXPECT_EQ(rep.broken->cause->id, MessageId::AuditRecordAltered);
    EXPECT_EQ(rep.broken->cause->args, (std::vector<std::string>{"reconciliations", std::to_string(reconciliation)}));
}

TEST_F(CustodianTables, ReconciliationLineChangedOrRemovedIsCaught_R5) {
    RawDb raw(f.db_path());
    raw.must("DROP TRIGGER reconciliation_lines_no_update");
    raw.must("DROP TRIGGER reconciliation_lines_no_delete");
    raw.must("UPDATE reconciliation_lines SET discrepancy = 'none' WHERE discrepancy = 'missing_from_slot'");
    auto rep = verify();
    ASSERT_FALSE(rep.intact());
    EXPECT_EQ(rep.broken->cause->id, MessageId::AuditRecordAltered);
    raw.must("UPDATE reconciliation_lines SET discrepancy = 'missing_from_slot' WHERE slot = 2");
    EXPECT_TRUE(verify().intact()) << "restored";
    raw.must("DELETE FROM reconciliation_lines WHERE slot = 4");
    rep = verify();
    ASSERT_FALSE(rep.intact());
    EXPECT_EQ(rep.broken->cause->id, MessageId::AuditRecordAltered);
}

TEST_F(CustodianTables, AReconciliationInsertedByHandIsCaught_R5) {
    RawDb raw(f.db_path());
    raw.must("INSERT INTO reconciliations(at_ms, made_by, cabinet_read, expected, in_slot, out, in_repair, quarantined, "
             "pending_offload, lost, discrepancies) VALUES (1, 'x', 1, 3, 3, 0, 0, 0, 0, 0, 0)");
    auto rep = verify();
    ASSERT_FALSE(rep.intact());
    EXPECT_EQ(rep.broken->id, MessageId::AuditRecordUnlogged);
}

TEST_F(CustodianTables, AnInterruptionRecordIsReviewedOnceEvenFromRawSql_R13) {
    RawDb raw(f.db_path());
    raw.must("INSERT INTO offload_jobs(device_id, slot, started_at_ms, state, archive_dir) VALUES (1, 1, 1, 'running', '')");
    raw.must("INSERT INTO interruption_records(job_id, officer_id, reason, basis, recorded_at_ms, recorded_by) "
             "VALUES (1, 1, 'weather', '暴雨', 1, 'x')");
    raw.must("INSERT INTO interruption_approvals(interruption_id, reviewer_id, note, reviewed_at_ms) VALUES (1, 4, '', 2)");
    EXPECT_NE(raw.exec("INSERT INTO interruption_approvals(interruption_id, reviewer_id, note, reviewed_at_ms) "
                       "VALUES (1, 4, '', 3)"),
              SQLITE_OK);
}

}  // namespace
}  // namespace custody::db
