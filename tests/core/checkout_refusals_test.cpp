// Every reason the kiosk refuses a camera (R6, R7, R10, R14): the officer is told why,
// the refusal is audited as "checkout_refused", and nothing else changes.
#include <gtest/gtest.h>

#include "kiosk/core/agency_time.h"
#include "kiosk/core/registry_changes.h"
#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::checkout;
using test::StoreFixture;

class CheckoutRefusal : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(apply_time_zone("Asia/Shanghai").ok());
        f.register_agency();
    }

    // Runs the checkout and checks the refusal, its audit line, and that nothing else moved.
    Error expect_refused(const std::string& badge, std::optional<std::string> partner, MessageId id,
                         const std::vector<std::string>& args, const std::string& actor) {
        const std::string before = f.snapshot();
        const auto seq = f.last_audit_seq();
        auto r = checkout(f, badge, partner);
        if (r.ok()) {
            ADD_FAILURE() << "issued " << r->device.serial << " to " << r->officer.number;
            return {};
        }
        const Error& e = r.error();
        EXPECT_EQ(e.id, id) << log_line(e);
        EXPECT_EQ(e.args, args) << log_line(e);
        EXPECT_EQ(f.snapshot(), before) << "a refused checkout changed the registry or ledger";
        auto audit = f.audit_after(seq);
        EXPECT_EQ(audit.size(), 1u);
        if (!audit.empty()) {
            EXPECT_EQ(audit[0].action, "checkout_refused");
            EXPECT_EQ(audit[0].actor, actor);
            EXPECT_EQ(audit[0].subject, badge);
            EXPECT_NE(audit[0].detail.find("reason=" + std::string(message_text(id).key)), std::string::npos)
                << audit[0].detail;
        }
        return e;
    }

    void expect_issued(const std::string& badge, const std::string& serial) {
        auto r = checkout(f, badge);
        ASSERT_TRUE(r.ok()) << log_line(r.error());
        EXPECT_EQ(r->device.serial, serial);
    }

    void reading(const std::string& serial, int battery, std::int64_t storage_mb, std::int64_t offset_s,
                 const std::string& fault = "") {
        HealthInput in = test::good_reading(serial);
        in.battery_pct = battery;
        in.free_storage_mb = storage_mb;
        in.clock_offset_s = offset_s;
        in.fault = fault;
        f.record_health(in);
    }

    StoreFixture f;
};

TEST_F(CheckoutRefusal, UnknownBadge) {
    f.make_all_ready();
    expect_refused("DEADBEEF", std::nullopt, MessageId::BadgeUnknown, {"DEADBEEF"}, "badge:DEADBEEF");
}

TEST_F(CheckoutRefusal, RevokedBadge) {
    f.make_all_ready();
    f.clock().advance_ms(90 * 60 * kMsPerSecond);  // revoked at 09:30 local
    f.revoke_badge(kLiBadge, "lost on patrol");
    f.clock().advance_ms(kMsPerHour);
    f.make_all_ready();
    expect_refused(kLiBadge, std::nullopt, MessageId::BadgeRevoked, {kLiBadge, "2026-03-02 09:30:00"},
                   std::string("badge:") + kLiBadge);
}

TEST_F(CheckoutRefusal, InactiveOfficer) {
    f.make_all_ready();
    expect_refused(kWangBadge, std::nullopt, MessageId::OfficerInactive, {"王芳", kWang}, kWang);
}

TEST_F(CheckoutRefusal, OfficerTakenOffDutyByTheCustodian) {
    f.make_all_ready();
    ASSERT_TRUE(set_officer_active(f.store(), kZhang, false, "custodian").ok());
    expect_refused(kZhangBadge, std::nullopt, MessageId::OfficerInactive, {"张伟", kZhang}, kZhang);
    ASSERT_TRUE(set_officer_active(f.store(), kZhang, true, "custodian").ok());
    expect_issued(kZhangBadge, "ZD-CAM-01");
}

TEST_F(CheckoutRefusal, AlreadyHolding) {
    f.make_all_ready();
    expect_issued(kZhangBadge, "ZD-CAM-01");
    expect_refused(kZhangBadge, std::nullopt, MessageId::AlreadyHolding, {"张伟", "ZD-CAM-01"}, kZhang);
}

TEST_F(CheckoutRefusal, SecondDeviceAllowedWhenProfileAllowsTwo) {
    f.make_all_ready();
    f.set_profile("max_devices_per_officer", "2");
    expect_issued(kZhangBadge, "ZD-CAM-01");
    expect_issued(kZhangBadge, "ZD-CAM-02");
    expect_refused(kZhangBadge, std::nullopt, MessageId::AlreadyHolding, {"张伟", "ZD-CAM-01"}, kZhang);
}

TEST_F(CheckoutRefusal, OffloadOverdueR14) {
    f.make_all_ready();
    f.set_profile("max_devices_per_officer", "2");
    expect_issued(kZhangBadge, "ZD-CAM-01");
    f.clock().advance_ms(24 * kMsPerHour + 1);
    f.make_ready("ZD-CAM-02");
    expect_refused(kZhangBadge, std::nullopt, MessageId::OffloadOverdue, {"张伟", "ZD-CAM-01", "24"}, kZhang);
}

TEST_F(CheckoutRefusal, OverdueWinsOverAlreadyHolding) {
    f.make_all_ready();
    expect_issued(kZhangBadge, "ZD-CAM-01");
    f.clock().advance_ms(24 * kMsPerHour);  // exactly at the deadline: not yet overdue
    f.make_ready("ZD-CAM-02");
    expect_refused(kZhangBadge, std::nullopt, MessageId::AlreadyHolding, {"张伟", "ZD-CAM-01"}, kZhang);
    f.clock().advance_ms(1);
    expect_refused(kZhangBadge, std::nullopt, MessageId::OffloadOverdue, {"张伟", "ZD-CAM-01", "24"}, kZhang);
}

TEST_F(CheckoutRefusal, OffloadDeadlineIsPolicy) {
    f.make_all_ready();
    f.set_profile("max_devices_per_officer", "2");
    f.set_profile("offload_deadline_hours", "48");
    expect_issued(kZhangBadge, "ZD-CAM-01");
    f.clock().advance_ms(30 * kMsPerHour);
    f.make_ready("ZD-CAM-02");
    expect_issued(kZhangBadge, "ZD-CAM-02");
}

// NoReadyDevice args: {out, pending offload, failing the pre-use check, quarantined}.
TEST_F(CheckoutRefusal, NoHealthReading) {
    f.make_ready("XJ-CAM-01");
    expect_refused(kZhangBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "2", "0"}, kZhang);
}

TEST_F(CheckoutRefusal, StaleHealthReading) {
    f.make_all_ready();
    f.clock().advance_ms(12 * kMsPerHour + 1);
    expect_refused(kZhangBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "2", "0"}, kZhang);
    f.make_ready("ZD-CAM-02");
    expect_issued(kZhangBadge, "ZD-CAM-02");
}

TEST_F(CheckoutRefusal, BatteryLow) {
    reading("ZD-CAM-01", 79, 64 * 1024, 0);
    reading("ZD-CAM-02", 15, 64 * 1024, 0);
    expect_refused(kZhangBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "2", "0"}, kZhang);
}

TEST_F(CheckoutRefusal, StorageLow) {
    reading("ZD-CAM-01", 100, 8191, 0);
    reading("ZD-CAM-02", 100, 0, 0);
    expect_refused(kZhangBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "2", "0"}, kZhang);
}

TEST_F(CheckoutRefusal, ClockOff) {
    reading("ZD-CAM-01", 100, 64 * 1024, 6);
    reading("ZD-CAM-02", 100, 64 * 1024, -3600);
    expect_refused(kZhangBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "2", "0"}, kZhang);
}

TEST_F(CheckoutRefusal, FaultQuarantinesR9) {
    reading("ZD-CAM-01", 100, 64 * 1024, 0, "lens cracked");
    reading("ZD-CAM-02", 100, 64 * 1024, 0, "镜头破损");
    expect_refused(kZhangBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "0", "2"}, kZhang);
}

TEST_F(CheckoutRefusal, CountsDevicesOutAndPendingOffload) {
    f.make_all_ready();
    f.set_profile("max_devices_per_officer", "2");
    expect_issued(kLiBadge, "ZD-CAM-01");
    expect_issued(kLiBadge, "ZD-CAM-02");
    ASSERT_TRUE(test::give_back(f, "ZD-CAM-02", 2).ok());
    expect_refused(kZhangBadge, std::nullopt, MessageId::NoReadyDevice, {"1", "1", "0", "0"}, kZhang);
}

TEST_F(CheckoutRefusal, OnlyAnotherUnitsDevicesAreReadyR6) {
    f.make_all_ready();
    // JT03 has no cameras at all; XJ02's only camera fails the check. ZD01's are ready
    // but never go to another unit.
    expect_refused(kChenBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "0", "0"}, kChen);
    reading("XJ-CAM-01", 10, 64 * 1024, 0);
    expect_refused(kLiuBadge, std::nullopt, MessageId::NoReadyDevice, {"0", "0", "1", "0"}, kLiu);
}

TEST_F(CheckoutRefusal, PartnerUnknownR10) {
    f.make_all_ready();
    expect_refused(kZhangBadge, "0BADBADB", MessageId::PartnerUnknown, {"0BADBADB"}, kZhang);
}

TEST_F(CheckoutRefusal, PartnerInactiveR10) {
    f.make_all_ready();
    expect_refused(kZhangBadge, kWangBadge, MessageId::PartnerInactive, {"王芳", kWang}, kZhang);
}

TEST_F(CheckoutRefusal, PartnerBadgeRevokedR10) {
    f.make_all_ready();
    f.revoke_badge(kLiBadge);
    expect_refused(kZhangBadge, kLiBadge, MessageId::PartnerInactive, {"李娜", kLi}, kZhang);
}

TEST_F(CheckoutRefusal, PartnerIsSelfR10) {
    f.make_all_ready();
    expect_refused(kZhangBadge, kZhangBadge, MessageId::PartnerIsSelf, {}, kZhang);
    // A second badge of the same officer is still the same person.
    f.import(RegistryKind::Badges, "uid,officer_number\n04A23B99,100001\n");
    expect_refused(kZhangBadge, "04A23B99", MessageId::PartnerIsSelf, {}, kZhang);
}

}  // namespace
}  // namespace custody
