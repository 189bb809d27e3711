// R26: a loss or damage case names the person the ledger shows holding the device (else
// its keeper, R4), computes the liability from the asset card (negligence: net book value
// × the agency's rate; deliberate damage: the original price and a violation, R25; force
// majeure: nothing), and goes custodian → unit head → finance, acknowledgement, payments
// or a waiver — every step audited, every wrong step refused.
#include <gtest/gtest.h>

#include "tests/cli/finance_fixture.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class CompensationCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(make_finance_agency(dir, db));
        ASSERT_EQ(ctl(db, {"profile", "set", "negligence_rate_bp", "5000"}).exit_code, 0);
    }
    // A case for CAM-001 on 20 November 2026, before any checkout: its keeper 欧阳明轩 is
    // liable. Valued at the end of October: 3,000.00 - 10 × 50.00 = 2,500.00.
    CommandResult open_keeper_case(const std::string& cause) {
        return ctl(db, {"compensation", "open", "--device", "CAM-001", "--cause", cause, "--at", "2026-11-20 10:00",
                        "--note", "外壳开裂"});
    }
    CommandResult step(const std::vector<std::string>& args) {
        std::vector<std::string> all{"compensation"};
        all.insert(all.end(), args.begin(), args.end());
        return ctl(db, all);
    }
    TempDir dir;
    std::string db = dir.file("custody.db");
};

TEST_F(CompensationCli, NegligencePaysTheNetBookValueTimesTheRateStatedLineByLine) {
    auto r = open_keeper_case("misuse");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql_text(db, "SELECT o.number||' '||c.liable_basis||' '||c.basis||' '||c.basis_fen||' '||c.rate_bp||' '||"
                           "c.liability_fen||' '||c.value_date FROM compensation_cases c JOIN officers o ON o.id=c.liable_officer_id;"),
              "010003 keeper net_book_value 250000 5000 125000 2026-10-31");
    EXPECT_EQ(row_count(db, "violations"), 0);
    auto show = step({"show", "1"});
    EXPECT_TRUE(contains(show.out, "2,500.00 × 50% = 1,250.00")) << show.out;
    EXPECT_TRUE(contains(show.out, "2026-10-31")) << show.out;
}

TEST_F(CompensationCli, TheLedgerHolderAtTheTimeIsLiable) {
    ASSERT_EQ(ctl(db, {"checkout", "--badge", "04A23B11"}).exit_code, 0);  // 张伟
    const std::string serial = sql_text(db, "SELECT d.serial FROM custody_entries c JOIN devices d ON d.id=c.device_id WHERE c.id=1;");
    auto r = ctl(db, {"compensation", "open", "--device", serial, "--cause", "poor_keeping", "--loss"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql_text(db, "SELECT o.number||' '||c.liable_basis||' '||c.holding_entry_id FROM compensation_cases c "
                           "JOIN officers o ON o.id=c.liable_officer_id;"),
              "010001 ledger_holder 1");
    // The liability is the case's own basis × rate, half up.
    EXPECT_EQ(sql_int(db, "SELECT liability_fen FROM compensation_cases;"),
              sql_int(db, "SELECT (basis_fen*rate_bp+5000)/10000 FROM compensation_cases;"));
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='" + serial + "';"), "lost");
    // A loss through poor keeping is on the violations register too (R25).
    EXPECT_EQ(sql_text(db, "SELECT kind FROM violations;"), "loss_poor_keeping");
}

TEST_F(CompensationCli, DeliberateDamagePaysTheOriginalPriceAndOpensAViolation) {
    ASSERT_EQ(open_keeper_case("deliberate").exit_code, 0);
    EXPECT_EQ(sql_text(db, "SELECT basis||' '||liability_fen FROM compensation_cases;"), "original_value 300000");
    EXPECT_EQ(sql_text(db, "SELECT v.kind||' '||o.number||' '||v.compensation_case_id FROM violations v "
                           "JOIN officers o ON o.id=v.officer_id;"),
              "deliberate_damage 010003 1");
}

TEST_F(CompensationCli, TheChainGoesCustodianUnitHeadFinanceThenTheOfficerThenPayments) {
    ASSERT_EQ(open_keeper_case("misuse").exit_code, 0);  // liable: 010003, the JJ01 keeper
    auto early = step({"acknowledge", "1", "--by", "010003"});
    EXPECT_EQ(early.exit_code, 1);
    EXPECT_TRUE(contains(early.err, "awaiting the custodian")) << early.err;
    // Nobody reviews their own case, and a review needs a reason.
    auto own = step({"review", "1", "--by", "010003", "--approve", "--reason", "x"});
    EXPECT_EQ(own.exit_code, 1);
    EXPECT_TRUE(contains(own.err, "someone other than the liable officer")) << own.err;
    auto officer = step({"review", "1", "--by", "010001", "--approve", "--reason", "x"});
    EXPECT_EQ(officer.exit_code, 1);
    EXPECT_TRUE(contains(officer.err, "a custodian")) << officer.err;
    // The small agency has one keeper, who is liable here; an administrator stands in.
    write_file(dir.file("admin.csv"), "number,name,unit_code,role\n090002,周管理,JJ01,admin\n");
    ASSERT_EQ(ctl(db, {"import", "officers", dir.file("admin.csv")}).exit_code, 0);
    auto no_reason = step({"review", "1", "--by", "090002", "--approve", "--reason", ""});
    EXPECT_EQ(no_reason.exit_code, 1);
    EXPECT_TRUE(contains(no_reason.err, "reason is required")) << no_reason.err;
    ASSERT_EQ(step({"review", "1", "--by", "090002", "--approve", "--reason", "属实"}).exit_code, 0);
    auto other_head = step({"review", "1", "--by", "020009", "--approve", "--reason", "同意"});
    EXPECT_EQ(other_head.exit_code, 1);
    EXPECT_TRUE(contains(other_head.err, "unit head")) << other_head.err;
    ASSERT_EQ(step({"review", "1", "--by", "010009", "--approve", "--reason", "同意"}).exit_code, 0);
    ASSERT_EQ(step({"review", "1", "--by", "090001", "--approve", "--reason", "核对无误"}).exit_code, 0);
    auto pay_first = step({"pay", "1", "--by", "090001", "--amount", "100", "--on", "2026-11-25", "--receipt", "R-1"});
    EXPECT_EQ(pay_first.exit_code, 1);
    auto not_me = step({"acknowledge", "1", "--by", "010001"});
    EXPECT_EQ(not_me.exit_code, 1);
    EXPECT_TRUE(contains(not_me.err, "Only 欧阳明轩")) << not_me.err;
    ASSERT_EQ(step({"acknowledge", "1", "--by", "010003"}).exit_code, 0);
    // Partial payments up to the amount, each with a receipt used once.
    auto part = step({"pay", "1", "--by", "090001", "--amount", "500", "--on", "2026-11-25", "--receipt", "R-1"});
    ASSERT_EQ(part.exit_code, 0) << part.err;
    EXPECT_TRUE(contains(part.out, "750.00 yuan outstanding")) << part.out;
    auto over = step({"pay", "1", "--by", "090001", "--amount", "750.01", "--on", "2026-11-26", "--receipt", "R-2"});
    EXPECT_EQ(over.exit_code, 1);
    EXPECT_TRUE(contains(over.err, "exceeds the 750.00 yuan outstanding")) << over.err;
    auto reused = step({"pay", "1", "--by", "090001", "--amount", "1", "--on", "2026-11-26", "--receipt", "R-1"});
    EXPECT_EQ(reused.exit_code, 1);
    EXPECT_TRUE(contains(reused.err, "R-1 is already recorded")) << reused.err;
    auto not_finance = step({"pay", "1", "--by", "010009", "--amount", "1", "--on", "2026-11-26", "--receipt", "R-3"});
    EXPECT_EQ(not_finance.exit_code, 1);
    auto rest = step({"pay", "1", "--by", "090001", "--amount", "750", "--on", "2026-11-26", "--receipt", "R-2"});
    ASSERT_EQ(rest.exit_code, 0) << rest.err;
    EXPECT_TRUE(contains(rest.out, "now paid")) << rest.out;
    EXPECT_EQ(step({"waive", "1", "--by", "090001", "--reason", "x"}).exit_code, 1);
    auto list = step({"list"});
    EXPECT_TRUE(contains(list.out, "1,250.00")) << list.out;
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM compensation_events;"), 6);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE record_table='compensation_events';"), 6);
    EXPECT_GE(sql_int(db, "SELECT count(*) FROM audit_log WHERE action='compensation_step_refused';"), 8);
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST_F(CompensationCli, ARejectionEndsTheCaseAndAWaiverNeedsAReason) {
    ASSERT_EQ(open_keeper_case("misuse").exit_code, 0);
    write_file(dir.file("admin.csv"), "number,name,unit_code,role\n090002,周管理,JJ01,admin\n");
    ASSERT_EQ(ctl(db, {"import", "officers", dir.file("admin.csv")}).exit_code, 0);
    ASSERT_EQ(step({"review", "1", "--by", "090002", "--reject", "--reason", "系正常磨损"}).exit_code, 0);
    auto after = step({"review", "1", "--by", "010009", "--approve", "--reason", "同意"});
    EXPECT_EQ(after.exit_code, 1);
    EXPECT_TRUE(contains(after.err, "rejected")) << after.err;

    ASSERT_EQ(ctl(db, {"compensation", "open", "--device", "CAM-001", "--cause", "poor_keeping", "--at",
                       "2026-11-21 10:00"})
                  .exit_code,
              0);
    auto bare = step({"waive", "2", "--by", "090001"});
    EXPECT_EQ(bare.exit_code, 1);
    EXPECT_TRUE(contains(bare.err, "reason is required")) << bare.err;
    auto officer = step({"waive", "2", "--by", "010001", "--reason", "x"});
    EXPECT_EQ(officer.exit_code, 1);
    auto w = step({"waive", "2", "--by", "090001", "--reason", "首次发生"});
    ASSERT_EQ(w.exit_code, 0) << w.err;
    EXPECT_TRUE(contains(w.out, "waived")) << w.out;
}

TEST_F(CompensationCli, ForceMajeureOwesNothingOnceApproved) {
    ASSERT_EQ(open_keeper_case("force_majeure").exit_code, 0);
    EXPECT_EQ(sql_text(db, "SELECT basis||' '||liability_fen FROM compensation_cases;"), "none 0");
    write_file(dir.file("admin.csv"), "number,name,unit_code,role\n090002,周管理,JJ01,admin\n");
    ASSERT_EQ(ctl(db, {"import", "officers", dir.file("admin.csv")}).exit_code, 0);
    ASSERT_EQ(step({"review", "1", "--by", "090002", "--approve", "--reason", "暴雨"}).exit_code, 0);
    ASSERT_EQ(step({"review", "1", "--by", "010009", "--approve", "--reason", "同意"}).exit_code, 0);
    auto f = step({"review", "1", "--by", "090001", "--approve", "--reason", "不予赔偿"});
    ASSERT_EQ(f.exit_code, 0) << f.err;
    EXPECT_TRUE(contains(f.out, "nothing owed")) << f.out;
}

TEST_F(CompensationCli, ADeviceWithoutACardOrAnyoneToHoldCannotOpenACase) {
    ASSERT_EQ(sqlite_shell(db, "DROP TRIGGER asset_cards_no_delete; DELETE FROM asset_cards WHERE asset_number='GA-002';")
                  .exit_code,
              0);
    auto nocard = ctl(db, {"compensation", "open", "--device", "CAM-002", "--cause", "misuse"});
    EXPECT_EQ(nocard.exit_code, 1);
    EXPECT_TRUE(contains(nocard.err, "no asset card")) << nocard.err;
    // CAM-003 has no keeper and was never checked out.
    auto nobody = ctl(db, {"compensation", "open", "--device", "CAM-003", "--cause", "misuse"});
    EXPECT_EQ(nobody.exit_code, 1);
    EXPECT_TRUE(contains(nobody.err, "nobody holding device CAM-003")) << nobody.err;
    EXPECT_EQ(row_count(db, "compensation_cases"), 0);
}

TEST_F(CompensationCli, AFaultReportOpensOneCaseAndOneRepairOrder) {
    ASSERT_EQ(ctl(db, {"checkout", "--badge", "04A23B21"}).exit_code, 0);  // 王芳, XJ02
    const std::string serial = sql_text(db, "SELECT serial FROM devices WHERE status='out';");
    const std::string slot = sql_text(db, "SELECT slot FROM custody_entries WHERE id=1;");
    ASSERT_EQ(ctl(db, {"return", "--device", serial, "--slot", slot}).exit_code, 0);
    auto fault = ctl(db, {"fault", "--device", serial, "--kind", "lens_damaged", "--by", "020001", "--note", "镜头碎裂"});
    ASSERT_EQ(fault.exit_code, 0) << fault.err;
    auto c = ctl(db, {"compensation", "open", "--fault-report", "1", "--cause", "misuse"});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    // Damage found at the return: the officer of that checkout is liable (R5, R26).
    EXPECT_EQ(sql_text(db, "SELECT c.source||' '||c.fault_report_id||' '||o.number||' '||c.liable_basis||' '||"
                           "(c.incident_at_ms = f.reported_at_ms) FROM compensation_cases c JOIN officers o ON "
                           "o.id=c.liable_officer_id JOIN fault_reports f ON f.id=c.fault_report_id;"),
              "fault_report 1 020001 ledger_holder 1");
    auto again = ctl(db, {"compensation", "open", "--fault-report", "1", "--cause", "misuse"});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_TRUE(contains(again.err, "already has")) << again.err;
    EXPECT_EQ(row_count(db, "compensation_cases"), 1);
    auto repair = ctl(db, {"repair", "open", "--device", serial, "--problem", "镜头碎裂", "--fault-report", "1"});
    ASSERT_EQ(repair.exit_code, 0) << repair.err;
    EXPECT_EQ(sql_int(db, "SELECT fault_report_id FROM repair_orders;"), 1);
    auto wrong = ctl(db, {"repair", "open", "--device", "CAM-001", "--problem", "x", "--fault-report", "1"});
    EXPECT_EQ(wrong.exit_code, 1);
    EXPECT_TRUE(contains(wrong.err, "no fault report 1")) << wrong.err;
}

TEST_F(CompensationCli, AnEditedCaseFailsVerify) {
    ASSERT_EQ(open_keeper_case("misuse").exit_code, 0);
    ASSERT_EQ(sqlite_shell(db, "DROP TRIGGER compensation_cases_no_update; UPDATE compensation_cases SET liability_fen=1;")
                  .exit_code,
              0);
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 3);
    EXPECT_TRUE(contains(v.out + v.err, "compensation_cases")) << v.out << v.err;
}

}  // namespace
}  // namespace custody::test
