// The health check of a docked camera through the real GA/T 947.4 adapter and simulator
// library, recorded in a real SQLite store (R7, R8, R9).
#include <gtest/gtest.h>

#include <cstdlib>

#include "kiosk/core/device_inspection.h"
#include "tests/hardware/dock/dock_fixture.h"

namespace custody::test {
namespace {

class DeviceInspectionTest : public DockFixture {
protected:
    // The simulated camera keeps real time; the store's clock is set to it here, at the
    // check, so a slow start of the fixture on a busy machine is not read as clock drift.
    void clocks_agree() { store_.clock().set(SystemClock().now()); }

    Result<InspectionReport> dock_check(int slot, const SlotStatus& cabinet) {
        clocks_agree();
        auto cam = open(slot);
        if (!cam) return fail(Error(MessageId::CameraNotFound, {std::to_string(slot)}));
        return DeviceInspection(store_.store(), store_.clock())
            .inspect(*cam, {slot, InspectionPurpose::Docking, cabinet, std::nullopt, "kiosk"});
    }
    Result<InspectionReport> issue_check(int slot, const std::string& officer_number) {
        clocks_agree();
        auto cam = open(slot);
        if (!cam) return fail(Error(MessageId::CameraNotFound, {std::to_string(slot)}));
        return DeviceInspection(store_.store(), store_.clock())
            .inspect(*cam, {slot, InspectionPurpose::Issue, charging(slot), officer(officer_number), "kiosk"});
    }
    static bool has(const std::vector<Error>& errors, MessageId id) {
        for (const auto& e : errors)
            if (e.id == id) return true;
        return false;
    }
};

TEST_F(DeviceInspectionTest, DockingStoresTheCamerasOwnReadingsAndClearsTheBinding_R7_R8) {
    camera(1).set("user_no", "100001");
    camera(1).record_media();
    const auto health_before = store_.count("health_checks");
    const auto seq = store_.last_audit_seq();

    auto r = dock_check(1, charging(1));
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_TRUE(r->faults.empty()) << log_line(r->faults.front());
    EXPECT_EQ(r->findings.identity.serial, kCam1);
    EXPECT_EQ(r->findings.identity.firmware, "V2.1.0");
    EXPECT_EQ(r->reading.battery_pct, 95);
    EXPECT_EQ(r->findings.storage.total_mb, 32768);
    EXPECT_LT(r->reading.free_storage_mb, 32768);  // the recordings take their share
    ASSERT_TRUE(r->findings.clock_offset_found_s.has_value());
    EXPECT_LE(std::llabs(*r->findings.clock_offset_found_s), 2);
    EXPECT_FALSE(r->findings.clock_set);
    EXPECT_EQ(r->device.status, DeviceStatus::InService);

    // The camera names nobody now, but still its unit.
    EXPECT_EQ(camera(1).get("user_no"), "000000");
    EXPECT_EQ(camera(1).get("unit_no"), "ZD01");
    EXPECT_EQ(camera(1).get("unit_name_gbk"), gbk_hex("治安大队"));

    EXPECT_EQ(store_.count("health_checks"), health_before + 1);
    EXPECT_EQ(store_.scalar("SELECT battery_pct FROM health_checks ORDER BY id DESC LIMIT 1"), 95);
    auto audit = store_.audit_after(seq);
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.back().action, "health_check");
    EXPECT_NE(audit.back().detail.find("purpose=docking"), std::string::npos) << audit.back().detail;
    EXPECT_NE(audit.back().detail.find("binding=000000"), std::string::npos) << audit.back().detail;
    EXPECT_NE(audit.back().detail.find("charge=charging 1500mA"), std::string::npos) << audit.back().detail;
}

TEST_F(DeviceInspectionTest, AClockFarOffIsSetAndTheOffsetFoundIsAudited_R7) {
    camera(1).set("clock_offset_s", "-3600");
    const auto seq = store_.last_audit_seq();
    auto r = dock_check(1, charging(1));
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_TRUE(r->findings.clock_offset_found_s.has_value());
    EXPECT_NEAR(static_cast<double>(*r->findings.clock_offset_found_s), -3600, 2);
    EXPECT_TRUE(r->findings.clock_set);
    EXPECT_LE(std::llabs(r->reading.clock_offset_s), 2);
    EXPECT_EQ(camera(1).get("clock_offset_s"), "0");
    EXPECT_TRUE(r->faults.empty());
    EXPECT_EQ(r->device.status, DeviceStatus::InService);
    auto audit = store_.audit_after(seq);
    ASSERT_FALSE(audit.empty());
    EXPECT_NE(audit.back().detail.find("clock_set=1"), std::string::npos) << audit.back().detail;
    EXPECT_NE(audit.back().detail.find("clock_found_s=-36"), std::string::npos) << audit.back().detail;
}

TEST_F(DeviceInspectionTest, ClockWithinToleranceIsLeftAlone_R7) {
    camera(1).set("clock_offset_s", "3");  // the default tolerance is 5 s
    auto r = dock_check(1, charging(1));
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_FALSE(r->findings.clock_set);
    EXPECT_EQ(camera(1).get("clock_offset_s"), "3");
    EXPECT_NEAR(static_cast<double>(r->reading.clock_offset_s), 3, 2);
}

TEST_F(DeviceInspectionTest, FirmwareOffTheApprovedListQuarantines_R7_R9) {
    store_.set_profile("approved_firmware", "V2.0.9,V2.2.0");
    auto r = dock_check(1, charging(1));
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_EQ(r->faults.size(), 1u);
    EXPECT_EQ(r->faults[0].id, MessageId::FirmwareNotApproved);
    EXPECT_EQ(r->device.status, DeviceStatus::Quarantined);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Quarantined);
    EXPECT_NE(r->reading.fault.find("V2.1.0"), std::string::npos) << r->reading.fault;
    // A quarantined camera still names nobody: it is on its way to repair, not to duty.
    EXPECT_EQ(camera(1).get("user_no"), "000000");
}

TEST_F(DeviceInspectionTest, FirmwareOnTheApprovedListPasses_R7) {
    store_.set_profile("approved_firmware", "V2.0.9,V2.1.0");
    auto r = dock_check(1, charging(1));
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_TRUE(r->faults.empty());
    EXPECT_EQ(r->device.status, DeviceStatus::InService);
}

TEST_F(DeviceInspectionTest, StorageThatCannotBeReadIsAFault_R9) {
    camera(1).set("fault_storage_error", "1");
    auto r = dock_check(1, charging(1));
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_FALSE(r->faults.empty());
    EXPECT_EQ(r->faults[0].id, MessageId::CameraCheckFailed);
    ASSERT_TRUE(r->faults[0].cause);
    EXPECT_EQ(r->faults[0].cause->id, MessageId::CameraStorageError);
    EXPECT_EQ(r->device.status, DeviceStatus::Quarantined);
    EXPECT_NE(r->reading.fault.find("存储"), std::string::npos) << r->reading.fault;
}

TEST_F(DeviceInspectionTest, ACameraThatRefusesThePasswordIsAFault_R9) {
    camera(1).set("fault_wrong_password", "1");
    auto r = dock_check(1, charging(1));
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_FALSE(r->faults.empty());
    ASSERT_TRUE(r->faults[0].cause);
    EXPECT_EQ(r->faults[0].cause->id, MessageId::CameraWrongPassword);
    EXPECT_EQ(r->device.status, DeviceStatus::Quarantined);
    EXPECT_FALSE(r->findings.binding.has_value());
}

TEST_F(DeviceInspectionTest, ACameraPulledOutMidCheckRecordsNothing) {
    auto cam = open(1);
    ASSERT_TRUE(cam);
    camera(1).set("fault_unplugged", "1");
    const auto before = store_.snapshot();
    auto r = DeviceInspection(store_.store(), store_.clock())
                 .inspect(*cam, {1, InspectionPurpose::Docking, charging(1), std::nullopt, "kiosk"});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::CameraUnplugged);
    EXPECT_EQ(store_.snapshot(), before);
}

TEST_F(DeviceInspectionTest, AnOverheatingSlotQuarantinesWithOneReason_R8_R9) {
    SlotStatus hot = charging(1);
    hot.charge = ChargeState::Fault;
    hot.charge_ma = 0;
    hot.temperature_dc = 650;
    auto r = dock_check(1, hot);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_EQ(r->faults.size(), 1u) << r->reading.fault;
    EXPECT_EQ(r->faults[0].id, MessageId::SlotOverTemperature);
    EXPECT_NE(r->reading.fault.find("65.0"), std::string::npos) << r->reading.fault;
    EXPECT_EQ(r->device.status, DeviceStatus::Quarantined);
}

TEST_F(DeviceInspectionTest, NoChargeCurrentIntoABatteryNotFullIsAFault_R8) {
    SlotStatus dead = charging(1);
    dead.charge_ma = 0;
    auto r = dock_check(1, dead);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_EQ(r->faults.size(), 1u);
    EXPECT_EQ(r->faults[0].id, MessageId::SlotNoChargeCurrent);
    EXPECT_EQ(r->device.status, DeviceStatus::Quarantined);
}

TEST_F(DeviceInspectionTest, AFullCameraOnAnIdleChargerIsFine_R8) {
    camera(1).set("battery_pct", "100");
    SlotStatus full = charging(1);
    full.charge = ChargeState::Full;
    full.charge_ma = 0;
    auto r = dock_check(1, full);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_TRUE(r->faults.empty());
}

TEST_F(DeviceInspectionTest, AnotherCameraThanTheLedgerSaysIsRefusedAndAudited) {
    camera(1).set("serial", "DSJ0009");
    const auto health_before = store_.count("health_checks");
    const auto seq = store_.last_audit_seq();
    auto r = dock_check(1, charging(1));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::SlotHoldsOtherDevice);
    EXPECT_EQ(r.error().args, (std::vector<std::string>{"1", "DSJ0009", kCam1}));
    EXPECT_EQ(store_.count("health_checks"), health_before);
    auto audit = store_.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "inspection_refused");
}

TEST_F(DeviceInspectionTest, BeforeIssueTheOfficerIsWrittenIntoTheCamera_R7) {
    auto r = issue_check(1, agency::kZhang);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_TRUE(r->problems.empty()) << log_line(r->problems.front());
    EXPECT_EQ(camera(1).get("user_no"), agency::kZhang);
    EXPECT_EQ(camera(1).get("user_name_gbk"), gbk_hex("张伟"));
    EXPECT_EQ(camera(1).get("unit_no"), "ZD01");
    ASSERT_TRUE(r->findings.binding.has_value());
    EXPECT_EQ(r->findings.binding->officer_name, "张伟");
}

TEST_F(DeviceInspectionTest, BeforeIssueALowBatteryIsAProblemNotAFaultAndBindsNobody_R7_R8) {
    camera(1).set("battery_pct", "40");
    auto r = issue_check(1, agency::kZhang);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_EQ(r->problems.size(), 1u);
    EXPECT_EQ(r->problems[0].id, MessageId::CheckBatteryLow);
    EXPECT_TRUE(r->faults.empty());
    EXPECT_EQ(r->device.status, DeviceStatus::InService);
    EXPECT_EQ(camera(1).get("user_no"), "000000");
}

TEST_F(DeviceInspectionTest, BeforeIssueAFullStorageIsAProblem_R7) {
    camera(1).set("storage_total_mb", "4096");  // below the profile's 8192 MB minimum
    auto r = issue_check(1, agency::kZhang);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_EQ(r->problems.size(), 1u);
    EXPECT_EQ(r->problems[0].id, MessageId::CheckStorageLow);
}

TEST_F(DeviceInspectionTest, ANameTooLongForTheCameraIsLeftOutNotCut) {
    store_.import(RegistryKind::Officers,
                  "number,name,unit_code,role,active\n"
                  "100005,欧阳诸葛司马上官长孙宇文慕容令狐东方十七,ZD01,officer,1\n");
    auto r = issue_check(1, "100005");
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_TRUE(r->problems.empty());
    EXPECT_EQ(camera(1).get("user_no"), "100005");
    EXPECT_EQ(camera(1).get("user_name_gbk"), "");
    EXPECT_EQ(camera(1).get("unit_no"), "ZD01");
    ASSERT_TRUE(r->findings.binding.has_value());
    EXPECT_TRUE(r->findings.binding->officer_name.empty());
}

TEST_F(DeviceInspectionTest, ASlotWithoutADeviceInTheLedgerIsAnError) {
    store_.import(RegistryKind::Devices,
                  "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\n"
                  "DSJ0004,body_camera,海康威视,DSJ-K1,V2.1.0,ZD01,100004,\n");
    auto cam = open(1);
    ASSERT_TRUE(cam);
    auto r = DeviceInspection(store_.store(), store_.clock())
                 .inspect(*cam, {5, InspectionPurpose::Docking, charging(5), std::nullopt, "kiosk"});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::CameraNotDocked);
}

}  // namespace
}  // namespace custody::test
