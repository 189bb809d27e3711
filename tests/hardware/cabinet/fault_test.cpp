// Each fault cabinet-sim can inject shows up through the real adapter as the documented
// state, and a jammed lock is never taken for an open door.
#include <gtest/gtest.h>

#include "kiosk/core/cabinet_monitor.h"
#include "tests/hardware/cabinet/cabinet_fixture.h"
#include "tests/hardware/cabinet/recording_listener.h"

namespace custody::test {
namespace {

using namespace std::chrono_literals;

TEST_F(CabinetTcpTest, JammedLockIsReportedAsUnlockNotConfirmed) {
    ASSERT_EQ(sim->command("fault 3 lock-jammed"), "ok");
    RecordingListener events;
    CabinetMonitor monitor(*cabinet, events, 20ms);
    monitor.start();
    ASSERT_TRUE(events.wait_for(is_online));

    auto r = monitor.unlock_and_confirm(3, 300ms);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().id, MessageId::UnlockNotConfirmed);
    EXPECT_EQ(r.error().args, std::vector<std::string>{"3"});
    monitor.stop();

    std::string status = sim->command("status 3");
    EXPECT_NE(status.find("pulses=1"), std::string::npos) << status;  // the coil was written
    EXPECT_NE(status.find("door=closed"), std::string::npos) << status;
    SlotStatus s = slot(3);
    EXPECT_TRUE(s.door_closed);
    EXPECT_TRUE(s.lock_fault);

    ASSERT_EQ(sim->command("clear 3"), "ok");
    EXPECT_FALSE(slot(3).lock_fault);
}

TEST_F(CabinetTcpTest, OverTemperatureStopsChargingWithAFault) {
    ASSERT_EQ(sim->command("dock 1"), "ok");
    ASSERT_EQ(sim->command("fault 1 over-temp"), "ok");
    SlotStatus s = slot(1);
    EXPECT_TRUE(s.camera_present);
    EXPECT_EQ(s.charge, ChargeState::Fault);
    EXPECT_EQ(s.charge_ma, 0);
    EXPECT_EQ(s.temperature_dc, 650);
}

TEST_F(CabinetTcpTest, NoChargeCurrentShowsAsChargingAtZeroMilliamps) {
    ASSERT_EQ(sim->command("dock 4"), "ok");
    ASSERT_EQ(sim->command("fault 4 no-charge"), "ok");
    SlotStatus s = slot(4);
    EXPECT_TRUE(s.camera_present);
    EXPECT_EQ(s.charge, ChargeState::Charging);
    EXPECT_EQ(s.charge_ma, 0);
    EXPECT_GT(s.charge_mv, 0);
}

TEST_F(CabinetTcpTest, CameraNotRemovedLeavesTheDoorOpenWithTheCameraIn) {
    ASSERT_EQ(sim->command("dock 2"), "ok");
    ASSERT_EQ(sim->command("fault 2 not-removed"), "ok");
    RecordingListener events;
    CabinetMonitor monitor(*cabinet, events, 20ms);
    monitor.start();
    auto r = monitor.unlock_and_confirm(2, 5s);
    ASSERT_TRUE(r) << log_line(r.error());
    EXPECT_EQ(sim->command("remove 2"), "error camera not removed (fault injected)");
    monitor.stop();
    SlotStatus s = slot(2);
    EXPECT_FALSE(s.door_closed);
    EXPECT_TRUE(s.camera_present);
}

}  // namespace
}  // namespace custody::test
