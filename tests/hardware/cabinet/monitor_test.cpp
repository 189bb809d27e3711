// CabinetMonitor over the real adapter and simulator: control-side changes arrive as
// events, and an unlock counts only once a poll shows the door open.
#include <gtest/gtest.h>

#include "kiosk/core/cabinet_monitor.h"
#include "tests/hardware/cabinet/cabinet_fixture.h"
#include "tests/hardware/cabinet/recording_listener.h"

namespace custody::test {
namespace {

using namespace std::chrono_literals;

TEST_F(CabinetTcpTest, MonitorReportsOnlineThenEverySlot) {
    RecordingListener events;
    CabinetMonitor monitor(*cabinet, events);
    monitor.start();
    auto online = events.wait_for(is_online);
    ASSERT_TRUE(online);
    EXPECT_EQ(online->identity.slot_count, 4);
    for (int n = 1; n <= 4; ++n) {
        EXPECT_TRUE(events.wait_for([n](const CabinetEvent& e) {
            return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == n;
        })) << "slot " << n;
    }
    EXPECT_TRUE(monitor.online());
}

TEST_F(CabinetTcpTest, DockingInTheSimulatorArrivesAsASlotEvent) {
    RecordingListener events;
    CabinetMonitor monitor(*cabinet, events);
    monitor.start();
    ASSERT_TRUE(events.wait_for([](const CabinetEvent& e) {
        return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == 4;
    }));
    std::size_t mark = events.size();
    ASSERT_EQ(sim->command("dock 2"), "ok");
    auto docked = events.wait_for(
        [](const CabinetEvent& e) {
            return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == 2 && e.slot.camera_present;
        },
        mark);
    ASSERT_TRUE(docked);
    EXPECT_EQ(docked->slot.charge, ChargeState::Charging);

    mark = events.size();
    ASSERT_EQ(sim->command("open 2"), "ok");
    EXPECT_TRUE(events.wait_for(
        [](const CabinetEvent& e) { return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == 2 && !e.slot.door_closed; },
        mark));
}

TEST_F(CabinetTcpTest, UnlockIsConfirmedByTheDoorOpening) {
    RecordingListener events;
    CabinetMonitor monitor(*cabinet, events, 20ms);
    monitor.start();
    ASSERT_TRUE(events.wait_for(is_online));
    auto r = monitor.unlock_and_confirm(1, 5s);
    ASSERT_TRUE(r) << log_line(r.error());
    std::string status = sim->command("status 1");
    EXPECT_NE(status.find("pulses=1"), std::string::npos) << status;
    EXPECT_NE(status.find("door=open"), std::string::npos) << status;
    bool seen_open = false;
    for (const auto& s : monitor.slots()) {
        if (s.slot == 1) seen_open = !s.door_closed;
    }
    EXPECT_TRUE(seen_open);
}

TEST_F(CabinetTcpTest, UnlockWithoutAPollingMonitorIsNotConfirmed) {
    // Nobody reads the door, so nobody may claim it opened.
    RecordingListener events;
    CabinetMonitor monitor(*cabinet, events);
    auto r = monitor.unlock_and_confirm(1, 100ms);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().id, MessageId::UnlockNotConfirmed);
}

TEST_F(CabinetTcpTest, UnlockOfAnUnknownSlotFailsBeforePulsing) {
    RecordingListener events;
    CabinetMonitor monitor(*cabinet, events);
    monitor.start();
    auto r = monitor.unlock_and_confirm(9, 1s);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().id, MessageId::CabinetSlotUnknown);
}

TEST(CabinetCharging, CurveRisesToFullAndTapers) {
    // 20000x: the ~2 h CC/CV charge of a 3000 mAh pack takes well under a second.
    SimulatorProcess sim(CABINET_SIM_PATH, {"--slots", "2", "--tcp", "127.0.0.1:0", "--time-scale", "20000"});
    ModbusCabinetController cabinet(tcp_link(sim.tcp_port()));
    ASSERT_EQ(sim.command("dock 1"), "ok");
    RecordingListener events;
    CabinetMonitor monitor(cabinet, events, 10ms);
    monitor.start();
    auto full = events.wait_for([](const CabinetEvent& e) {
        return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == 1 && e.slot.charge == ChargeState::Full;
    });
    ASSERT_TRUE(full);
    EXPECT_EQ(full->slot.charge_mv, 4200);
    EXPECT_EQ(full->slot.charge_ma, 0);
    // On the way: constant current first, then constant voltage with less current.
    EXPECT_TRUE(events.wait_for([](const CabinetEvent& e) {
        return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.charge == ChargeState::Charging &&
               e.slot.charge_ma == 1500 && e.slot.charge_mv < 4200;
    }));
    EXPECT_TRUE(events.wait_for([](const CabinetEvent& e) {
        return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.charge == ChargeState::Charging &&
               e.slot.charge_mv == 4200 && e.slot.charge_ma < 1500 && e.slot.charge_ma >= 100;
    }));
}

}  // namespace
}  // namespace custody::test
