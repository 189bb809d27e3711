// custodyctl pin, reconcile, quarantine, release, fault and interruption pending/approve:
// custodian mode from the command line (R3, R9, R13, R26).
#include <gtest/gtest.h>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

class CustodianCli : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(make_small_agency(dir, db)); }
    CommandResult run(const std::vector<std::string>& args, const std::string& lang = "en") {
        return ctl(db, args, lang);
    }
    CommandResult pin_set(const std::string& officer, const std::string& pin) {
        return run_command({CUSTODYCTL_PATH, "--db", db, "--lang", "en", "pin", "set", "--officer", officer},
                           {{"CUSTODY_DB", ""}, {"CUSTODY_KEY", ""}}, pin + "\n");
    }
    TempDir dir;
    std::string db = dir.file("custody.db");
    std::string no_cabinet = dir.file("none.conf");
};

TEST_F(CustodianCli, PinIsReadFromStandardInputAndStoredOnlyHashed_R16) {
    auto r = pin_set("010003", "24681357");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Custodian PIN set for officer 010003"), std::string::npos) << r.out;
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM custodian_pins;"), 1);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE detail LIKE '%24681357%';"), 0);
    EXPECT_EQ(read_file(db).find("24681357"), std::string::npos);
    auto bad = pin_set("010003", "12");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("A custodian PIN is 4 to 8 digits"), std::string::npos) << bad.err;
    auto officer = pin_set("010001", "1234");
    EXPECT_EQ(officer.exit_code, 1);
    EXPECT_NE(officer.err.find("only a keeper, unit head, supervisor, finance staff or an administrator"), std::string::npos) << officer.err;
    EXPECT_EQ(run({"pin", "set", "--officer", "010003", "1234"}).exit_code, 2) << "never a PIN in argv";
}

TEST_F(CustodianCli, ReconcileWithoutACabinetSaysSoAndSavesARecordThatVerifies_R3_R5) {
    auto preview = run({"reconcile", "--config", no_cabinet});
    ASSERT_EQ(preview.exit_code, 0) << preview.err;
    EXPECT_NE(preview.out.find("No cabinet link: compared against the ledger's own slots"), std::string::npos)
        << preview.out;
    EXPECT_NE(preview.out.find("Reconciliation done: 4 devices expected, all accounted for."), std::string::npos)
        << preview.out;
    EXPECT_NE(preview.out.find("preview, not saved"), std::string::npos);
    EXPECT_EQ(row_count(db, "reconciliations"), 0);
    auto saved = run({"reconcile", "--save", "--config", no_cabinet}, "zh");
    ASSERT_EQ(saved.exit_code, 0) << saved.err;
    EXPECT_NE(saved.out.find("盘点记录已保存"), std::string::npos) << saved.out;
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM reconciliations WHERE cabinet_read = 0;"), 1);
    auto verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    auto tamper = sqlite_shell(db, "DROP TRIGGER reconciliations_no_update; UPDATE reconciliations SET expected = 3;");
    ASSERT_EQ(tamper.exit_code, 0) << tamper.err;
    EXPECT_EQ(run({"verify"}).exit_code, 3);
}

TEST_F(CustodianCli, QuarantineReleaseAndFaultReport_R9_R26) {
    auto q = run({"quarantine", "--device", "CAM-002", "--reason", "镜头进水"});
    ASSERT_EQ(q.exit_code, 0) << q.err;
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='CAM-002';"), "quarantined");
    auto again = run({"quarantine", "--device", "CAM-002", "--reason", "x"});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("already quarantined"), std::string::npos) << again.err;
    auto no_reason = run({"quarantine", "--device", "CAM-004"});
    EXPECT_EQ(no_reason.exit_code, 1);
    auto rel = run({"release", "--device", "CAM-002"});
    ASSERT_EQ(rel.exit_code, 0) << rel.err;
    EXPECT_NE(rel.out.find("pre-use check"), std::string::npos);
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='CAM-002';"), "in_service");
    EXPECT_EQ(run({"release", "--device", "CAM-002"}).exit_code, 1);

    auto fault = run({"fault", "--device", "CAM-004", "--kind", "外壳破损", "--by", "010003", "--note", "摔落"});
    ASSERT_EQ(fault.exit_code, 0) << fault.err;
    EXPECT_NE(fault.out.find("a compensation case is needed (R26)"), std::string::npos) << fault.out;
    EXPECT_EQ(sql_text(db, "SELECT kind || '|' || compensation_case || '|' || note FROM fault_reports;"),
              "casing_damaged|1|摔落");
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='CAM-004';"), "quarantined");
    auto kind = run({"fault", "--device", "CAM-004", "--kind", "broken", "--by", "010003"});
    EXPECT_EQ(kind.exit_code, 1);
    EXPECT_NE(kind.err.find("\"broken\" is not a kind of fault"), std::string::npos) << kind.err;
}

TEST_F(CustodianCli, InterruptionPendingAndApprove_R13) {
    auto none = run({"interruption", "pending"});
    ASSERT_EQ(none.exit_code, 0) << none.err;
    EXPECT_NE(none.out.find("(no interruption records await review)"), std::string::npos) << none.out;
    auto bad = run({"interruption", "approve", "--id", "1", "--by", "010003"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("There is no interruption record 1"), std::string::npos) << bad.err;
    EXPECT_EQ(run({"interruption", "approve", "--id", "x", "--by", "010003"}).exit_code, 2);
}

}  // namespace
}  // namespace custody::test
