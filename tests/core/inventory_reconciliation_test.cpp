// Inventory reconciliation (盘点, R3, R4, R9): every device the ledger expects gets a line
// saying where the ledger has it and whether the cabinet agrees; slots the ledger cannot
// explain get lines of their own. A preview writes nothing; a save is a record.
#include <gtest/gtest.h>

#include "kiosk/core/device_quarantine.h"
#include "kiosk/core/inventory_reconciliation.h"
#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::StoreFixture;

// Slots 1..6 read, with a camera present in the given ones.
std::vector<SlotStatus> cabinet_with(std::initializer_list<int> present, int slots = 6) {
    std::vector<SlotStatus> out;
    for (int i = 1; i <= slots; ++i) {
        SlotStatus s;
        s.slot = i;
        for (int p : present) s.camera_present = s.camera_present || p == i;
        out.push_back(s);
    }
    return out;
}

const ReconciliationLine* line_of(const Reconciliation& r, const std::string& serial) {
    for (const auto& l : r.lines)
        if (l.device && l.device->serial == serial) return &l;
    return nullptr;
}

class InventoryReconciliationTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.make_all_ready();
    }
    InventoryReconciliation inv() { return InventoryReconciliation(f.store(), f.clock()); }
    StoreFixture f;
};

TEST_F(InventoryReconciliationTest, EverythingInItsSlotMatches_R3) {
    auto r = inv().preview(cabinet_with({1, 2, 3}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->expected, 3);
    EXPECT_EQ(r->in_slot, 3);
    EXPECT_EQ(r->discrepancies, 0);
    ASSERT_EQ(r->lines.size(), 3u);
    EXPECT_EQ(r->lines[0].slot, 1);
    EXPECT_EQ(r->lines[0].device->serial, "ZD-CAM-01");
    EXPECT_EQ(r->lines[0].state, InventoryState::InSlot);
    EXPECT_EQ(r->lines[0].discrepancy, Discrepancy::None);
}

TEST_F(InventoryReconciliationTest, EmptySlotWhereTheLedgerHasADeviceIsMissingFromSlot_R3) {
    auto r = inv().preview(cabinet_with({1, 3}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(line_of(*r, "ZD-CAM-02")->discrepancy, Discrepancy::MissingFromSlot);
    EXPECT_EQ(line_of(*r, "ZD-CAM-02")->slot, 2);
    EXPECT_EQ(r->discrepancies, 1);
}

TEST_F(InventoryReconciliationTest, CameraInASlotTheLedgerHasEmptyIsUnexpected_R3) {
    auto r = inv().preview(cabinet_with({1, 2, 3, 5}));
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->lines.size(), 4u);
    EXPECT_FALSE(r->lines[3].device);
    EXPECT_EQ(r->lines[3].slot, 5);
    EXPECT_EQ(r->lines[3].discrepancy, Discrepancy::UnexpectedInSlot);
    EXPECT_EQ(r->expected, 3);
    EXPECT_EQ(r->discrepancies, 1);
}

TEST_F(InventoryReconciliationTest, TheOneDeviceOutWhileAnUnexplainedCameraIsDockedIsOutButDocked_R5) {
    auto g = test::checkout(f, kZhangBadge);
    ASSERT_TRUE(g.ok());
    auto r = inv().preview(cabinet_with({g->slot == 1 ? 2 : 1, 3, 6}));
    ASSERT_TRUE(r.ok());
    const auto* l = line_of(*r, g->device.serial);
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->state, InventoryState::Out);
    EXPECT_EQ(l->discrepancy, Discrepancy::OutButDocked);
    EXPECT_EQ(l->slot, 6);
    EXPECT_EQ(r->out, 1);
    EXPECT_EQ(r->discrepancies, 1);
    EXPECT_EQ(r->lines.size(), 3u);
}

TEST_F(InventoryReconciliationTest, WithSeveralDevicesOutTheUnexplainedCameraGetsALineOfItsOwn_R5) {
    ASSERT_TRUE(test::checkout(f, kZhangBadge).ok());
    ASSERT_TRUE(test::checkout(f, kLiuBadge).ok());
    Device zd = f.device("ZD-CAM-01").slot ? f.device("ZD-CAM-01") : f.device("ZD-CAM-02");
    auto r = inv().preview(cabinet_with({*zd.slot, 6}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->out, 2);
    ASSERT_EQ(r->lines.size(), 4u);
    EXPECT_FALSE(r->lines.back().device);
    EXPECT_EQ(r->lines.back().slot, 6);
    EXPECT_EQ(r->lines.back().discrepancy, Discrepancy::OutButDocked);
    EXPECT_EQ(r->discrepancies, 1);
}

TEST_F(InventoryReconciliationTest, SlotTheCabinetDidNotReportIsSaidSo_R3) {
    auto r = inv().preview(cabinet_with({1, 2}, 2));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(line_of(*r, "XJ-CAM-01")->discrepancy, Discrepancy::SlotNotRead);
}

TEST_F(InventoryReconciliationTest, StatesAreCountedAndDisposedDevicesAreNotExpected_R3_R9) {
    auto g = test::checkout(f, kZhangBadge);
    ASSERT_TRUE(g.ok());
    ASSERT_TRUE(test::give_back(f, g->device.serial, g->slot).ok());  // pending offload
    ASSERT_TRUE(DeviceQuarantine(f.store(), f.clock()).quarantine("XJ-CAM-01", "lens", "100004").ok());
    f.import(RegistryKind::Devices,
             "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\n"
             "ZD-CAM-03,body_camera,海康威视,DSJ-K1,1.2,ZD01,100004,\n"
             "ZD-CAM-04,body_camera,海康威视,DSJ-K1,1.2,ZD01,100004,\n"
             "ZD-CAM-05,body_camera,海康威视,DSJ-K1,1.2,ZD01,100004,\n");
    Device lost = f.device("ZD-CAM-03");
    lost.status = DeviceStatus::Lost;
    f.put_device(lost);
    Device repair = f.device("ZD-CAM-04");
    repair.status = DeviceStatus::InRepair;
    f.put_device(repair);
    Device gone = f.device("ZD-CAM-05");
    gone.status = DeviceStatus::Disposed;
    f.put_device(gone);
    auto r = inv().preview(cabinet_with({1, 2, 3}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->expected, 5);
    EXPECT_EQ(r->in_slot, 1);
    EXPECT_EQ(r->pending_offload, 1);
    EXPECT_EQ(r->quarantined, 1);
    EXPECT_EQ(r->lost, 1);
    EXPECT_EQ(r->in_repair, 1);
    EXPECT_EQ(r->discrepancies, 0);
    EXPECT_EQ(line_of(*r, "ZD-CAM-05"), nullptr);
}

TEST_F(InventoryReconciliationTest, PreviewWritesNothing_R5) {
    const std::string before = f.snapshot();
    const auto seq = f.last_audit_seq();
    ASSERT_TRUE(inv().preview(cabinet_with({1})).ok());
    EXPECT_EQ(f.snapshot(), before);
    EXPECT_EQ(f.last_audit_seq(), seq);
    EXPECT_EQ(f.count("reconciliations"), 0);
}

TEST_F(InventoryReconciliationTest, SaveKeepsTheRecordWithItsLinesAndAuditsIt_R5) {
    auto saved = inv().save(cabinet_with({1, 3, 5}), "100004");
    ASSERT_TRUE(saved.ok()) << log_line(saved.error());
    EXPECT_GT(saved->id, 0);
    EXPECT_EQ(saved->by, "100004");
    EXPECT_TRUE(saved->cabinet_read);
    auto audit = f.audit_after(f.last_audit_seq() - 1);
    EXPECT_EQ(audit.back().action, "reconciliation_saved");
    EXPECT_NE(audit.back().detail.find("discrepancies=2"), std::string::npos);
    f.clock().advance_ms(kMsPerHour);
    ASSERT_TRUE(inv().save(cabinet_with({1, 2, 3}), "100004").ok());
    f.reopen();
    auto recent = inv().recent(10);
    ASSERT_TRUE(recent.ok());
    ASSERT_EQ(recent->size(), 2u);
    EXPECT_EQ((*recent)[0].discrepancies, 0);  // newest first
    const Reconciliation& first = (*recent)[1];
    EXPECT_EQ(first.id, saved->id);
    EXPECT_EQ(first.at, saved->at);
    EXPECT_EQ(first.discrepancies, 2);
    ASSERT_EQ(first.lines.size(), saved->lines.size());
    for (std::size_t i = 0; i < first.lines.size(); ++i) {
        EXPECT_EQ(first.lines[i].slot, saved->lines[i].slot);
        EXPECT_EQ(first.lines[i].discrepancy, saved->lines[i].discrepancy);
        EXPECT_EQ(first.lines[i].device.has_value(), saved->lines[i].device.has_value());
    }
}

TEST_F(InventoryReconciliationTest, WithoutACabinetTheLedgersSlotsAreUsedAndTheRecordSaysSo_R3) {
    auto readings = inv().ledger_readings();
    ASSERT_TRUE(readings.ok());
    auto r = inv().save(*readings, "custodyctl", CabinetSource::Ledger);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->cabinet_read);
    EXPECT_EQ(r->discrepancies, 0);
    EXPECT_FALSE(inv().recent(1)->front().cabinet_read);
}

}  // namespace
}  // namespace custody
