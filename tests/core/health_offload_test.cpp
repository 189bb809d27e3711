// Health readings of docked devices (R7, R8), quarantine on a fault (R9), and the
// offload hand-over that puts a returned device back in service (R14, R15).
#include <gtest/gtest.h>

#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::checkout;
using test::give_back;
using test::offloaded;
using test::StoreFixture;

class HealthOffloadTest : public ::testing::Test {
protected:
    void SetUp() override { f.register_agency(); }
    StoreFixture f;
};

TEST_F(HealthOffloadTest, ReadingIsStoredAndAudited) {
    const auto seq = f.last_audit_seq();
    HealthInput in = test::good_reading("ZD-CAM-01");
    in.battery_pct = 91;
    in.free_storage_mb = 30000;
    in.clock_offset_s = -2;
    auto r = HealthCheck(f.store(), f.clock()).record(in);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_EQ(r->status, DeviceStatus::InService);

    auto tx = f.store().begin().value();
    std::optional<HealthReading> h;
    const std::vector<DockedDevice> docked = tx->docked_devices().value();
    for (const auto& d : docked)
        if (d.device.serial == "ZD-CAM-01") h = d.health;
    tx.reset();
    ASSERT_TRUE(h);
    EXPECT_EQ(h->battery_pct, 91);
    EXPECT_EQ(h->free_storage_mb, 30000);
    EXPECT_EQ(h->clock_offset_s, -2);
    EXPECT_EQ(h->measured_at, f.clock().now());
    EXPECT_TRUE(h->fault.empty());

    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "health_check");
    EXPECT_EQ(audit[0].subject, "ZD-CAM-01");
    EXPECT_EQ(audit[0].detail, "battery=91; free_mb=30000; clock_offset_s=-2");
}

TEST_F(HealthOffloadTest, FaultQuarantinesTheDeviceR9) {
    const auto seq = f.last_audit_seq();
    HealthInput in = test::good_reading("ZD-CAM-01");
    in.fault = "镜头破损";
    auto r = f.record_health(in);
    EXPECT_EQ(r.status, DeviceStatus::Quarantined);
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::Quarantined);
    EXPECT_EQ(f.device("ZD-CAM-01").slot, 1);  // stays in the cabinet for the keeper
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "health_check");
    EXPECT_EQ(audit[1].action, "quarantine");
    EXPECT_EQ(audit[1].detail, "fault=镜头破损");

    // A later good reading does not release it: repair is a keeper's decision.
    f.make_ready("ZD-CAM-01");
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::Quarantined);
    f.make_ready("ZD-CAM-02");
    auto c = checkout(f, kZhangBadge);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->device.serial, "ZD-CAM-02");

    // A second fault is recorded but not quarantined twice.
    const auto seq2 = f.last_audit_seq();
    f.record_health(in);
    auto again = f.audit_after(seq2);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].action, "health_check");
}

TEST_F(HealthOffloadTest, FaultOnAReturnedDeviceQuarantinesIt) {
    f.make_all_ready();
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    ASSERT_TRUE(give_back(f, "ZD-CAM-01", 1).ok());
    HealthInput in = test::good_reading("ZD-CAM-01");
    in.fault = "battery swollen";
    EXPECT_EQ(f.record_health(in).status, DeviceStatus::Quarantined);
}

TEST_F(HealthOffloadTest, RefusesUnknownAndUndockedDevices) {
    f.make_all_ready();
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    for (auto [serial, id] : {std::pair{"NO-SUCH", MessageId::DeviceUnknown},
                              std::pair{"ZD-CAM-01", MessageId::DeviceNotDocked}}) {
        const std::string before = f.snapshot();
        const auto seq = f.last_audit_seq();
        auto r = HealthCheck(f.store(), f.clock()).record(test::good_reading(serial));
        ASSERT_FALSE(r.ok()) << serial;
        EXPECT_EQ(r.error().id, id) << log_line(r.error());
        EXPECT_EQ(f.snapshot(), before);
        auto audit = f.audit_after(seq);
        ASSERT_EQ(audit.size(), 1u);
        EXPECT_EQ(audit[0].action, "health_check_refused");
        EXPECT_EQ(audit[0].subject, serial);
    }
}

TEST_F(HealthOffloadTest, OffloadMovesDockedToInService) {
    f.make_all_ready();
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    ASSERT_TRUE(give_back(f, "ZD-CAM-01", 1).ok());
    ASSERT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::Docked);
    const auto seq = f.last_audit_seq();
    auto r = OffloadCompletion(f.store()).record({"ZD-CAM-01", 12, 4096, "offload-svc"});
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_EQ(r->status, DeviceStatus::InService);
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::InService);
    EXPECT_EQ(f.device("ZD-CAM-01").slot, 1);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "offload_complete");
    EXPECT_EQ(audit[0].actor, "offload-svc");
    EXPECT_EQ(audit[0].detail, "recordings=12; bytes=4096");

    // Charged and checked, it serves again.
    f.clock().advance_ms(kMsPerHour);
    f.make_ready("ZD-CAM-01");
    auto li = checkout(f, kLiBadge);
    ASSERT_TRUE(li.ok()) << log_line(li.error());
    EXPECT_EQ(li->device.serial, "ZD-CAM-02");  // never issued goes first
    auto zhang = checkout(f, kZhangBadge);
    ASSERT_TRUE(zhang.ok()) << log_line(zhang.error());
    EXPECT_EQ(zhang->device.serial, "ZD-CAM-01");
}

TEST_F(HealthOffloadTest, FootageOfAQuarantinedCameraStillComesOffR9R14) {
    f.make_all_ready();
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    ASSERT_TRUE(give_back(f, "ZD-CAM-01", 1).ok());
    HealthInput in = test::good_reading("ZD-CAM-01");
    in.fault = "screen cracked";
    ASSERT_EQ(f.record_health(in).status, DeviceStatus::Quarantined);
    const auto seq = f.last_audit_seq();
    auto r = OffloadCompletion(f.store()).record({"ZD-CAM-01", 3, 1024, "offload-svc"});
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_EQ(r->status, DeviceStatus::Quarantined);  // offloaded, still out of service
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::Quarantined);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "offload_complete");
}

TEST_F(HealthOffloadTest, OffloadRefusesDevicesNotDocked) {
    f.make_all_ready();
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());  // ZD-CAM-01 out
    for (auto [serial, id] : {std::pair{"NO-SUCH", MessageId::DeviceUnknown},
                              std::pair{"ZD-CAM-01", MessageId::DeviceNotDocked},    // out
                              std::pair{"ZD-CAM-02", MessageId::DeviceNotDocked}}) {  // in service
        const std::string before = f.snapshot();
        const auto seq = f.last_audit_seq();
        auto r = offloaded(f, serial);
        ASSERT_FALSE(r.ok()) << serial;
        EXPECT_EQ(r.error().id, id) << log_line(r.error());
        EXPECT_EQ(f.snapshot(), before);
        auto audit = f.audit_after(seq);
        ASSERT_EQ(audit.size(), 1u);
        EXPECT_EQ(audit[0].action, "offload_complete_refused");
    }
}

}  // namespace
}  // namespace custody
