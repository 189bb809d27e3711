// A granted checkout (R5, R6, R10): the least recently issued ready device of the
// officer's unit, ties by lowest slot; recorded as one ledger entry and one audit line.
#include <gtest/gtest.h>

#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::checkout;
using test::give_back;
using test::offloaded;
using test::StoreFixture;

class CheckoutGrantTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        // A third ZD01 camera in slot 4, so that least-recently-issued has a choice.
        f.import(RegistryKind::Devices,
                 "serial,kind,brand,model,unit_code,slot\nZD-CAM-03,body_camera,海康威视,DSJ-K1,ZD01,4\n");
        f.make_all_ready();
    }

    std::string take(const char* badge) {
        auto r = checkout(f, badge);
        if (!r) {
            ADD_FAILURE() << log_line(r.error());
            return {};
        }
        return r->device.serial;
    }

    // Shift end: back into a slot, offloaded, charged and checked, ready again.
    void cycle_back(const std::string& serial, int slot) {
        auto r = give_back(f, serial, slot);
        ASSERT_TRUE(r.ok()) << log_line(r.error());
        auto o = offloaded(f, serial);
        ASSERT_TRUE(o.ok()) << log_line(o.error());
        f.make_ready(serial);
    }

    StoreFixture f;
};

TEST_F(CheckoutGrantTest, RecordsTheEntryAndMovesTheDeviceOut) {
    const auto seq = f.last_audit_seq();
    auto r = checkout(f, kZhangBadge);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_EQ(r->officer.number, kZhang);
    EXPECT_FALSE(r->partner);
    EXPECT_EQ(r->device.serial, "ZD-CAM-01");
    EXPECT_EQ(r->slot, 1);
    EXPECT_EQ(r->device.status, DeviceStatus::Out);
    EXPECT_FALSE(r->device.slot);
    EXPECT_EQ(r->device.open_checkout_id, r->entry_id);

    // As stored, not just as returned.
    Device d = f.device("ZD-CAM-01");
    EXPECT_EQ(d.status, DeviceStatus::Out);
    EXPECT_FALSE(d.slot);
    EXPECT_EQ(d.open_checkout_id, r->entry_id);
    EXPECT_EQ(d.last_issued_at, f.clock().now());

    auto tx = f.store().begin().value();
    auto open = tx->open_checkouts_of(r->officer.id).value();
    ASSERT_EQ(open.size(), 1u);
    const CustodyEntry& e = open[0].entry;
    EXPECT_EQ(e.id, r->entry_id);
    EXPECT_EQ(e.kind, CustodyKind::Checkout);
    EXPECT_EQ(e.device_id, d.id);
    EXPECT_EQ(e.officer_id, r->officer.id);
    EXPECT_FALSE(e.partner_id);
    EXPECT_EQ(e.slot, 1);
    EXPECT_EQ(e.at, f.clock().now());
    EXPECT_FALSE(e.closes_id);
    tx.reset();

    EXPECT_EQ(f.count("custody_entries"), 1);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "checkout");
    EXPECT_EQ(audit[0].actor, kZhang);
    EXPECT_EQ(audit[0].subject, "ZD-CAM-01");
    EXPECT_EQ(audit[0].detail, "slot=1; status=out");
}

TEST_F(CheckoutGrantTest, PartnerIsRecordedR10) {
    auto r = checkout(f, kZhangBadge, kLiBadge);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_TRUE(r->partner);
    EXPECT_EQ(r->partner->number, kLi);
    EXPECT_EQ(f.scalar("SELECT partner_id FROM custody_entries WHERE id=" + std::to_string(r->entry_id)),
              r->partner->id);
    auto audit = f.audit_after(f.last_audit_seq() - 1);
    EXPECT_EQ(audit.at(0).detail, "slot=1; status=out; partner=100002");
}

TEST_F(CheckoutGrantTest, NeverIssuedDevicesGoFirstByLowestSlot) {
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-01");
    EXPECT_EQ(take(kLiBadge), "ZD-CAM-02");
}

TEST_F(CheckoutGrantTest, LeastRecentlyIssuedReadyDeviceIsChosen) {
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-01");  // t0
    f.clock().advance_ms(kMsPerHour);
    cycle_back("ZD-CAM-01", 9);
    // 02 and 03 were never issued: they go before 01, lowest slot first.
    EXPECT_EQ(take(kLiBadge), "ZD-CAM-02");  // t1
    f.clock().advance_ms(kMsPerHour);
    cycle_back("ZD-CAM-02", 2);
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-03");  // t2
    f.clock().advance_ms(kMsPerHour);
    cycle_back("ZD-CAM-03", 1);
    // Now 01 (t0, slot 9), 02 (t1, slot 2), 03 (t2, slot 1): issue time decides, not the slot.
    EXPECT_EQ(take(kLiBadge), "ZD-CAM-01");
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-02");
    EXPECT_EQ(take(kZhaoBadge), "ZD-CAM-03");
}

TEST_F(CheckoutGrantTest, EqualIssueTimesAreBrokenByLowestSlot) {
    // 01 and 02 issued at the same instant, then returned into each other's slots.
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-01");
    EXPECT_EQ(take(kLiBadge), "ZD-CAM-02");
    EXPECT_EQ(take(kZhaoBadge), "ZD-CAM-03");
    f.clock().advance_ms(kMsPerHour);
    cycle_back("ZD-CAM-02", 1);
    cycle_back("ZD-CAM-01", 2);
    cycle_back("ZD-CAM-03", 4);
    f.clock().advance_ms(kMsPerHour);
    f.set_profile("max_devices_per_officer", "3");
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-02");  // now in slot 1
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-01");  // now in slot 2
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-03");  // slot 4
}

TEST_F(CheckoutGrantTest, DevicesFailingThePreUseCheckAreSkippedR7) {
    HealthInput low = test::good_reading("ZD-CAM-01");
    low.battery_pct = 40;
    f.record_health(low);
    EXPECT_EQ(take(kZhangBadge), "ZD-CAM-02");
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::InService);
    EXPECT_EQ(f.device("ZD-CAM-01").slot, 1);
}

TEST_F(CheckoutGrantTest, OfficerGetsADeviceOfTheirOwnUnitOnlyR6) {
    auto r = checkout(f, kLiuBadge);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_EQ(r->device.serial, "XJ-CAM-01");
    auto again = checkout(f, kZhaoBadge);  // ZD01 keeper still gets a ZD01 camera
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->device.unit_id, f.device("ZD-CAM-01").unit_id);
}

}  // namespace
}  // namespace custody
