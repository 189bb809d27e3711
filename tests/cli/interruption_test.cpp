// custodyctl interruption (R13): the officer's record of why recording stopped, filed
// against an offload job, and refused when the job, the officer, the reason or the basis
// is missing.
#include <gtest/gtest.h>

#include "tests/cli/footage_fixture.h"

namespace custody::test {
namespace {

class InterruptionTest : public FootageTest {
protected:
    void SetUp() override { ASSERT_TRUE(offload({"DCIM/100MEDIA/VID0001.MP4"})); }
};

TEST_F(InterruptionTest, ARecordIsAddedToTheJobAndListed_R13) {
    auto r = run({"interruption", "add", "--job", "1", "--officer", "010001", "--reason", "电量或存储空间耗尽", "--basis",
                  "14:20 电池耗尽，当事人拒绝等待，依 004 §8 记录"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Interruption record made (R13): 1, job 1, reason: battery or storage exhausted"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(sql_text(db(), "SELECT job_id || '|' || reason || '|' || basis || '|' || recorded_by "
                             "FROM interruption_records;"),
              "1|battery_or_storage|14:20 电池耗尽，当事人拒绝等待，依 004 §8 记录|custodyctl");
    ASSERT_EQ(run({"interruption", "add", "--job", "1", "--officer", "010002", "--reason", "weather", "--basis", "暴雨"})
                  .exit_code,
              0);
    auto all = run({"interruption", "list"}, "zh");
    ASSERT_EQ(all.exit_code, 0) << all.err;
    for (const char* want : {"张伟", "李娜", "电量或存储空间耗尽", "恶劣天气", "暴雨"})
        EXPECT_NE(all.out.find(want), std::string::npos) << want << "\n" << all.out;
    auto one = run({"interruption", "list", "--job", "1"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_NE(one.out.find(serial_), std::string::npos) << one.out;
    EXPECT_NE(last_audit("interruption_recorded").find("job=1; officer=010002; reason=weather"), std::string::npos);
}

TEST_F(InterruptionTest, BadReasonUnknownJobOrOfficerAndNoBasisAreRefused_R13) {
    auto add = [&](const std::string& job, const std::string& officer, const std::string& reason) {
        return run({"interruption", "add", "--job", job, "--officer", officer, "--reason", reason, "--basis", "x"});
    };
    auto reason = add("1", "010001", "tired");
    EXPECT_EQ(reason.exit_code, 1);
    EXPECT_NE(reason.err.find("\"tired\" is not a reason for an interruption; allowed: privacy_or_secret/"),
              std::string::npos)
        << reason.err;
    auto job = add("42", "010001", "weather");
    EXPECT_EQ(job.exit_code, 1);
    EXPECT_NE(job.err.find("There is no offload job 42"), std::string::npos) << job.err;
    auto officer = add("1", "999", "weather");
    EXPECT_EQ(officer.exit_code, 1);
    EXPECT_NE(officer.err.find("Officer number 999 does not exist"), std::string::npos) << officer.err;
    auto basis = run({"interruption", "add", "--job", "1", "--officer", "010001", "--reason", "weather"}, "zh");
    EXPECT_EQ(basis.exit_code, 1);
    EXPECT_NE(basis.err.find("须写明经过与依据（R13）"), std::string::npos) << basis.err;
    EXPECT_EQ(row_count(db(), "interruption_records"), 0);
    EXPECT_EQ(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action='interruption_refused';"), 3);
    auto unknown = run({"interruption", "list", "--job", "42"});
    EXPECT_EQ(unknown.exit_code, 1);
    auto none = run({"interruption", "list"});
    EXPECT_NE(none.out.find("(no interruption records)"), std::string::npos) << none.out;
}

}  // namespace
}  // namespace custody::test
