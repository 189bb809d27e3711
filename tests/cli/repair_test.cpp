// R9: a repair order takes the device out of service, to the supplier and back through
// the ledger (sent_to_repair / back_from_repair entries), with its cost and downtime; a
// device written off is disposed of with approval (R3).
#include <gtest/gtest.h>

#include "tests/cli/finance_fixture.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class RepairCli : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(make_finance_agency(dir, db)); }
    TempDir dir;
    std::string db = dir.file("custody.db");
};

TEST_F(RepairCli, ARepairLeavesAndReentersServiceThroughTheLedger) {
    auto open = ctl(db, {"repair", "open", "--device", "CAM-003", "--problem", "镜头起雾"});
    ASSERT_EQ(open.exit_code, 0) << open.err;
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='CAM-003';"), "quarantined");
    auto twice = ctl(db, {"repair", "open", "--device", "CAM-003", "--problem", "again"});
    EXPECT_EQ(twice.exit_code, 1);
    EXPECT_TRUE(contains(twice.err, "open repair order 1")) << twice.err;
    // Returning before it went is refused.
    auto early = ctl(db, {"repair", "return", "1", "--outcome", "repaired", "--slot", "3"});
    EXPECT_EQ(early.exit_code, 1);
    EXPECT_TRUE(contains(early.err, "not been sent")) << early.err;

    auto sent = ctl(db, {"repair", "send", "1", "--supplier", "警翼售后"});
    ASSERT_EQ(sent.exit_code, 0) << sent.err;
    EXPECT_EQ(sql_text(db, "SELECT kind||' '||slot FROM custody_entries WHERE id=(SELECT sent_entry_id FROM repair_orders);"),
              "sent_to_repair 3");
    EXPECT_EQ(sql_text(db, "SELECT status||' '||ifnull(slot,'none') FROM devices WHERE serial='CAM-003';"), "in_repair none");
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM asset_events WHERE kind='sent_to_repair';"), 1);
    auto resend = ctl(db, {"repair", "send", "1", "--supplier", "other"});
    EXPECT_EQ(resend.exit_code, 1);

    auto no_slot = ctl(db, {"repair", "return", "1", "--outcome", "repaired"});
    EXPECT_EQ(no_slot.exit_code, 1);
    EXPECT_TRUE(contains(no_slot.err, "--slot")) << no_slot.err;
    auto taken = ctl(db, {"repair", "return", "1", "--outcome", "repaired", "--slot", "4"});
    EXPECT_EQ(taken.exit_code, 1);
    EXPECT_TRUE(contains(taken.err, "CAM-004")) << taken.err;
    auto future = ctl(db, {"repair", "return", "1", "--outcome", "repaired", "--slot", "3", "--on", "2099-01-01"});
    EXPECT_EQ(future.exit_code, 1);
    auto back = ctl(db, {"repair", "return", "1", "--outcome", "repaired", "--slot", "3", "--cost", "120.50",
                         "--note", "更换镜头"});
    ASSERT_EQ(back.exit_code, 0) << back.err;
    EXPECT_EQ(sql_text(db, "SELECT kind||' '||slot FROM custody_entries WHERE id=(SELECT back_entry_id FROM repair_orders);"),
              "back_from_repair 3");
    EXPECT_EQ(sql_text(db, "SELECT status||' '||slot FROM devices WHERE serial='CAM-003';"), "in_service 3");
    EXPECT_EQ(sql_int(db, "SELECT cost_fen FROM repair_orders;"), 12050);
    auto list = ctl(db, {"repair", "list"});
    EXPECT_TRUE(contains(list.out, "120.50")) << list.out;
    EXPECT_TRUE(contains(list.out, "repaired")) << list.out;
    auto closed = ctl(db, {"repair", "return", "1", "--outcome", "replaced", "--slot", "3"});
    EXPECT_EQ(closed.exit_code, 1);
    EXPECT_TRUE(contains(closed.err, "is closed")) << closed.err;
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST_F(RepairCli, ADeviceOutOnCheckoutCannotGoToRepair) {
    ASSERT_EQ(ctl(db, {"checkout", "--badge", "04A23B21"}).exit_code, 0);
    const std::string out = sql_text(db, "SELECT serial FROM devices WHERE status='out';");
    auto r = ctl(db, {"repair", "open", "--device", out, "--problem", "x"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "cannot go to repair")) << r.err;
    EXPECT_EQ(row_count(db, "repair_orders"), 0);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE action='repair_open_refused';"), 1);
}

TEST_F(RepairCli, AWriteOffDisposesOfTheAssetWithApproval) {
    ASSERT_EQ(ctl(db, {"repair", "open", "--device", "CAM-002", "--problem", "主板烧毁"}).exit_code, 0);
    ASSERT_EQ(ctl(db, {"repair", "send", "1", "--supplier", "大华维修"}).exit_code, 0);
    auto unapproved = ctl(db, {"repair", "return", "1", "--outcome", "written_off", "--approver", "010001"});
    EXPECT_EQ(unapproved.exit_code, 1);
    EXPECT_TRUE(contains(unapproved.err, "unit head or finance")) << unapproved.err;
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='CAM-002';"), "in_repair");
    EXPECT_EQ(row_count(db, "asset_disposals"), 0);
    auto off = ctl(db, {"repair", "return", "1", "--outcome", "written_off", "--approver", "090001", "--note", "无修复价值"});
    ASSERT_EQ(off.exit_code, 0) << off.err;
    EXPECT_EQ(sql_text(db, "SELECT status||' '||ifnull(slot,'none') FROM devices WHERE serial='CAM-002';"), "disposed none");
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM asset_disposals a JOIN asset_cards c ON c.id=a.asset_id "
                          "WHERE c.asset_number='GA-002' AND a.approved_by_id=(SELECT id FROM officers WHERE number='090001');"),
              1);
    EXPECT_FALSE(sql_text(db, "SELECT disposed_on FROM asset_cards WHERE asset_number='GA-002';").empty());
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

}  // namespace
}  // namespace custody::test
