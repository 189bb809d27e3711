// R9: a custodian takes a faulty device out of service and puts it back; a fault report
// at return quarantines at once and marks damage for a compensation case (R26). Release
// does not skip the pre-use check (R7).
#include <gtest/gtest.h>

#include "kiosk/core/checkout.h"
#include "kiosk/core/device_quarantine.h"
#include "kiosk/core/fault_report.h"
#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::StoreFixture;

class DeviceQuarantineTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.make_all_ready();
    }
    DeviceQuarantine q() { return DeviceQuarantine(f.store(), f.clock()); }
    FaultReport reports() { return FaultReport(f.store(), f.clock()); }
    void expect_refused(const Status& s, MessageId id, const std::string& action) {
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().id, id) << log_line(s.error());
        auto audit = f.audit_after(f.last_audit_seq() - 1);
        EXPECT_EQ(audit.back().action, action);
    }
    StoreFixture f;
};

TEST_F(DeviceQuarantineTest, QuarantinedDeviceIsNotIssued_R9) {
    ASSERT_TRUE(q().quarantine("ZD-CAM-01", "屏幕裂纹", "100004").ok());
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::Quarantined);
    auto audit = f.audit_after(f.last_audit_seq() - 1);
    EXPECT_EQ(audit.back().action, "quarantine");
    EXPECT_NE(audit.back().detail.find("屏幕裂纹"), std::string::npos);
    auto g = test::checkout(f, kZhangBadge);
    ASSERT_TRUE(g.ok()) << log_line(g.error());
    EXPECT_EQ(g->device.serial, "ZD-CAM-02");
}

TEST_F(DeviceQuarantineTest, QuarantineRefusesUnknownAlreadyQuarantinedOutAndNoReason_R9) {
    expect_refused(q().quarantine("NOPE", "x", "100004"), MessageId::DeviceUnknown, "quarantine_refused");
    expect_refused(q().quarantine("ZD-CAM-01", "  ", "100004"), MessageId::QuarantineReasonMissing, "quarantine_refused");
    ASSERT_TRUE(q().quarantine("ZD-CAM-01", "lens", "100004").ok());
    expect_refused(q().quarantine("ZD-CAM-01", "lens", "100004"), MessageId::DeviceAlreadyQuarantined,
                   "quarantine_refused");
    auto g = test::checkout(f, kZhangBadge);
    ASSERT_TRUE(g.ok());
    expect_refused(q().quarantine(g->device.serial, "lens", "100004"), MessageId::QuarantineNotPossible,
                   "quarantine_refused");
}

TEST_F(DeviceQuarantineTest, ReleasePutsADockedDeviceBackInServiceStillSubjectToThePreUseCheck_R7_R9) {
    ASSERT_TRUE(q().quarantine("ZD-CAM-01", "lens", "100004").ok());
    ASSERT_TRUE(q().quarantine("ZD-CAM-02", "lens", "100004").ok());
    f.clock().advance_ms(13 * kMsPerHour);  // the last health reading is stale now
    ASSERT_TRUE(q().release("ZD-CAM-01", "100004").ok());
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::InService);
    auto g = test::checkout(f, kZhangBadge);
    ASSERT_FALSE(g.ok()) << "released, but not checked since";
    EXPECT_EQ(g.error().id, MessageId::NoReadyDevice);
    f.make_ready("ZD-CAM-01");
    g = test::checkout(f, kZhangBadge);
    ASSERT_TRUE(g.ok()) << log_line(g.error());
    EXPECT_EQ(g->device.serial, "ZD-CAM-01");
}

TEST_F(DeviceQuarantineTest, ReleaseRefusesADeviceThatIsNotQuarantinedOrNotInASlot_R9) {
    expect_refused(q().release("ZD-CAM-01", "100004"), MessageId::DeviceNotQuarantined, "release_refused");
    expect_refused(q().release("NOPE", "100004"), MessageId::DeviceUnknown, "release_refused");
    Device d = f.device("ZD-CAM-01");
    d.status = DeviceStatus::Quarantined;
    d.slot.reset();
    f.put_device(d);
    expect_refused(q().release("ZD-CAM-01", "100004"), MessageId::ReleaseNeedsSlot, "release_refused");
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::Quarantined);
}

TEST_F(DeviceQuarantineTest, FaultReportAtReturnQuarantinesAndMarksDamageForCompensation_R9_R26) {
    auto g = test::checkout(f, kZhangBadge);
    ASSERT_TRUE(g.ok());
    ASSERT_TRUE(test::give_back(f, g->device.serial, g->slot).ok());
    auto id = reports().file({g->device.serial, FaultKind::LensDamaged, kZhang, "镜头有划痕"});
    ASSERT_TRUE(id.ok()) << log_line(id.error());
    EXPECT_EQ(f.device(g->device.serial).status, DeviceStatus::Quarantined);
    auto open = reports().open_reports();
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open->size(), 1u);
    EXPECT_EQ((*open)[0].id, *id);
    EXPECT_EQ((*open)[0].kind, FaultKind::LensDamaged);
    EXPECT_EQ((*open)[0].reported_by, kZhang);
    EXPECT_EQ((*open)[0].note, "镜头有划痕");
    EXPECT_TRUE((*open)[0].compensation_case);
    auto audit = f.audit_after(f.last_audit_seq() - 2);
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "fault_reported");
    EXPECT_EQ(audit[1].action, "quarantine");
}

TEST_F(DeviceQuarantineTest, AFaultThatIsNotDamageNeedsNoCompensationCase_R26) {
    auto id = reports().file({"ZD-CAM-02", FaultKind::WillNotRecord, kZhang, ""});
    ASSERT_TRUE(id.ok()) << log_line(id.error());
    auto open = reports().open_reports();
    ASSERT_EQ(open->size(), 1u);
    EXPECT_FALSE((*open)[0].compensation_case);
}

TEST_F(DeviceQuarantineTest, ReleaseClosesTheDevicesOpenFaultReports_R9) {
    ASSERT_TRUE(reports().file({"ZD-CAM-01", FaultKind::CasingDamaged, kZhang, ""}).ok());
    ASSERT_TRUE(reports().file({"ZD-CAM-01", FaultKind::AccessoryMissing, "100004", "夹子丢失"}).ok());
    ASSERT_TRUE(reports().file({"ZD-CAM-02", FaultKind::BatteryProblem, kLi, ""}).ok());
    ASSERT_TRUE(q().release("ZD-CAM-01", "100004").ok());
    auto open = reports().open_reports();
    ASSERT_EQ(open->size(), 1u);
    EXPECT_EQ((*open)[0].device_serial, "ZD-CAM-02");
}

TEST_F(DeviceQuarantineTest, FaultReportRefusals_R9) {
    auto file = [&](FaultReportRequest r) -> Status {
        auto id = reports().file(r);
        if (!id) return fail(id.error());
        return {};
    };
    expect_refused(file({"NOPE", FaultKind::LensDamaged, kZhang, ""}), MessageId::DeviceUnknown, "fault_report_refused");
    expect_refused(file({"ZD-CAM-01", FaultKind::LensDamaged, "999999", ""}), MessageId::OfficerUnknown,
                   "fault_report_refused");
    expect_refused(file({"ZD-CAM-01", FaultKind::Other, kZhang, " "}), MessageId::FaultNoteMissing,
                   "fault_report_refused");
    auto g = test::checkout(f, kZhangBadge);
    ASSERT_TRUE(g.ok());
    expect_refused(file({g->device.serial, FaultKind::LensDamaged, kZhang, ""}), MessageId::FaultReportNotPossible,
                   "fault_report_refused");
    EXPECT_EQ(f.count("fault_reports"), 0);
}

TEST_F(DeviceQuarantineTest, FaultKindsHaveChineseAndEnglishNames) {
    for (const auto& k : kFaultKinds) {
        EXPECT_FALSE(k.zh.empty());
        EXPECT_NE(k.zh, k.en);
        EXPECT_EQ(parse_named(kFaultKinds, k.code), k.value);
        EXPECT_EQ(parse_named(kFaultKinds, k.zh), k.value);
    }
}

}  // namespace
}  // namespace custody
