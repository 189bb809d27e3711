// custodyctl maintenance, the nightly job of custody-maintenance.timer: it closes the
// accounting months that have ended since finance's last close (R3), in order, counts
// footage due for review (R18) and names the overdue devices (R14), each in the log with
// its device and officer fields.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>

#include "tests/cli/cli_helpers.h"
#include "tests/cli/finance_fixture.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// YYYY-MM of the month `back` months before this one, in the agency's zone (Asia/Shanghai).
std::string month_before(int back) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::hours(8));
    std::tm utc{};
    gmtime_r(&now, &utc);
    int index = (utc.tm_year + 1900) * 12 + utc.tm_mon - back;
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
    return text;
}

class Maintenance : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(make_finance_agency(dir_, db_)); }
    TempDir dir_;
    std::string db_ = dir_.file("custody.db");
};

TEST_F(Maintenance, LeavesTheFirstCloseToFinance_R3) {
    auto r = ctl(db_, {"maintenance"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "none closed yet; finance closes the first by hand")) << r.out;
    EXPECT_EQ(row_count(db_, "month_closes"), 0);
    auto zh = ctl(db_, {"maintenance"}, "zh");
    EXPECT_TRUE(contains(zh.out, "首次结账由财务人员手工进行")) << zh.out;
}

TEST_F(Maintenance, ClosesEachMonthThatEndedInOrderThenNothing_R3) {
    ASSERT_EQ(ctl(db_, {"assets", "close-month", month_before(3)}).exit_code, 0);
    auto r = ctl(db_, {"maintenance"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, month_before(2))) << r.out;
    EXPECT_TRUE(contains(r.out, month_before(1))) << r.out;
    EXPECT_LT(r.out.find(month_before(2)), r.out.find(month_before(1))) << "in order: " << r.out;
    EXPECT_FALSE(contains(r.out, month_before(0))) << "the current month has not ended: " << r.out;
    EXPECT_EQ(row_count(db_, "month_closes"), 3);
    EXPECT_EQ(sql_text(db_, "SELECT group_concat(closed_by, ',') FROM (SELECT closed_by FROM month_closes "
                            "WHERE month > '" + month_before(3) + "' ORDER BY month)"),
              "maintenance,maintenance");
    EXPECT_TRUE(contains(r.err, "month " + month_before(1) + " closed")) << "logged: " << r.err;

    auto again = ctl(db_, {"maintenance"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(contains(again.out, "Accounting months: nothing to close")) << again.out;
    EXPECT_EQ(row_count(db_, "month_closes"), 3);
    EXPECT_EQ(ctl(db_, {"verify"}).exit_code, 0) << "the closes are sealed in the audit chain";
}

TEST(MaintenanceOnTheDemo, NamesEachOverdueDeviceInTheOutputAndTheLog_R14) {
    TempDir dir;
    const std::string db = dir.file("custody.db");
    ASSERT_EQ(ctl(db, {"--archive", dir.file("archive"), "demo", "--days", "7"}).exit_code, 0);
    auto overdue = parse_csv_output(ctl(db, {"overdue", "--format", "csv"}).out);
    ASSERT_GE(overdue.size(), 2u) << "the demo keeps a camera out past the deadline";
    auto r = ctl(db, {"maintenance"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Devices overdue: " + std::to_string(overdue.size() - 1))) << r.out;
    for (std::size_t i = 1; i < overdue.size(); ++i) {
        const std::string& serial = overdue[i][0];
        const std::string& officer = overdue[i][1];
        EXPECT_TRUE(contains(r.out, serial)) << r.out;
        // The log line carries the fields journald gets as CUSTODY_DEVICE, CUSTODY_OFFICER.
        EXPECT_TRUE(contains(r.err, "[device=" + serial + " officer=" + officer + "]")) << r.err;
    }
    EXPECT_TRUE(contains(r.out, "Accounting months: nothing to close")) << "the demo closed last month: " << r.out;
}

}  // namespace
}  // namespace custody::test
