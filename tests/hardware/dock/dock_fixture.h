#pragma once
// A real SQLite store with the standard agency, and three simulated cameras in slots 1-3
// reached through the real GA/T 947.4 adapter (dlopen of libgat947-sim.so). The store's
// clock starts at the real time: the simulated camera keeps real time plus its offset.

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "hardware/cabinet/modbus_cabinet_controller.h"
#include "hardware/camera/gat947_camera_link.h"
#include "kiosk/core/cabinet_monitor.h"
#include "tests/support/simulated_camera.h"
#include "tests/support/simulator_process.h"
#include "tests/support/store_fixture.h"

namespace custody::test {

// Serials fit ZFY_INFO's 8-byte field. Slots 1-2 belong to ZD01, slot 3 to XJ02.
inline constexpr const char* kCam1 = "DSJ0001";
inline constexpr const char* kCam2 = "DSJ0002";
inline constexpr const char* kCam3 = "DSJ0003";

class DockFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // cabinet-sim with three slots on loopback TCP, the real Modbus adapter, and a
    // monitor reporting to `listener` (not yet started).
    void start_cabinet(CabinetListener& listener);
    // Waits (up to 10 s, bounding a hang only) until a poll shows a slot matching `pred`.
    bool cabinet_shows(const std::function<bool(const SlotStatus&)>& pred);

    SimulatedCamera& camera(int slot) { return *cameras_.at(static_cast<std::size_t>(slot - 1)); }
    // What a healthy slot reads while charging a docked camera.
    static SlotStatus charging(int slot);
    std::unique_ptr<DockedCamera> open(int slot);
    Officer officer(const std::string& number);

    StoreFixture store_;
    TempDir camera_dirs_;
    std::vector<std::unique_ptr<SimulatedCamera>> cameras_;
    std::unique_ptr<camera::Gat947CameraLink> link_;
    std::unique_ptr<SimulatorProcess> sim_;
    std::unique_ptr<ModbusCabinetController> cabinet_;
    std::unique_ptr<CabinetMonitor> monitor_;
};

}  // namespace custody::test
