#pragma once
// A real SQLite store with the standard agency, and three simulated cameras in slots 1-3
// reached through the real GA/T 947.4 adapter (dlopen of libgat947-sim.so). The store's
// clock starts at the real time: the simulated camera keeps real time plus its offset.

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "hardware/camera/gat947_camera_link.h"
#include "kiosk/core/cabinet_controller.h"
#include "tests/support/simulated_camera.h"
#include "tests/support/store_fixture.h"

namespace custody::test {

// Serials fit ZFY_INFO's 8-byte field. Slots 1-2 belong to ZD01, slot 3 to XJ02.
inline constexpr const char* kCam1 = "DSJ0001";
inline constexpr const char* kCam2 = "DSJ0002";
inline constexpr const char* kCam3 = "DSJ0003";

class DockFixture : public ::testing::Test {
protected:
    void SetUp() override;

    SimulatedCamera& camera(int slot) { return *cameras_.at(static_cast<std::size_t>(slot - 1)); }
    // What a healthy slot reads while charging a docked camera.
    static SlotStatus charging(int slot);
    std::unique_ptr<DockedCamera> open(int slot);
    Officer officer(const std::string& number);

    StoreFixture store_;
    TempDir camera_dirs_;
    std::vector<std::unique_ptr<SimulatedCamera>> cameras_;
    std::unique_ptr<camera::Gat947CameraLink> link_;
};

}  // namespace custody::test
