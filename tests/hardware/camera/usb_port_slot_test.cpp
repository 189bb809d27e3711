// A slot configured by USB port instead of a mount path, against libgat947-sim.so and this
// machine's real libudev (which has no USB disk, so only the "no disk" side is reachable).

#include <chrono>

#include "tests/hardware/camera/camera_fixture.h"

namespace custody::test {
namespace {

using UsbPortSlot947 = CameraFixture;

camera::Gat947Slot by_port(camera::Gat947Slot s, const std::string& port) {
    s.mount_path.clear();
    s.usb_port = port;
    return s;
}

TEST_F(UsbPortSlot947, APortWithoutADiskFailsAfterTheTimeout) {
    auto cfg = by_port(slot_config(1, slot_dir_), "9-9.9");
    cfg.mount_timeout = std::chrono::milliseconds(300);
    link_ = std::make_unique<camera::Gat947CameraLink>(std::vector<camera::Gat947Slot>{cfg});
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto start = std::chrono::steady_clock::now();
    auto path = cam->mass_storage_path();
    auto waited = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().id, MessageId::CameraNoDiskAtPort);
    EXPECT_EQ(path.error().args, (std::vector<std::string>{"1", "9-9.9"}));
    EXPECT_NE(path.error().detail.find("after 300 ms"), std::string::npos) << path.error().detail;
    // It polled until the deadline rather than giving up at the first look.
    EXPECT_GE(waited, std::chrono::milliseconds(300));
    EXPECT_EQ(read_state()["msdc"], "1");  // SetMSDC was sent first
    auto list = cam->recordings();
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error().id, MessageId::CameraNoDiskAtPort);
}

TEST_F(UsbPortSlot947, ExactlyOneVolumeSourceIsConfigured) {
    auto both = slot_config(1, slot_dir_);
    both.usb_port = "1-1.3";
    auto neither = by_port(slot_config(2, slot_dir_), "");
    // The configuration is refused before the vendor library is even looked for.
    neither.vendor.library_path = (tmp_.path() / "libnot-there.so").string();
    camera::Gat947CameraLink link({both, neither});
    for (int slot : {1, 2}) {
        auto cam = link.open(slot);
        ASSERT_FALSE(cam.ok()) << slot;
        EXPECT_EQ(cam.error().id, MessageId::CameraSlotVolumeMisconfigured);
        EXPECT_EQ(cam.error().args.at(0), std::to_string(slot));
    }
}

TEST_F(UsbPortSlot947, AnInterfaceOrPathIsNotAPortName) {
    for (const char* bad : {"1-1.3:1.0", "/sys/bus/usb/devices/1-1.3"}) {
        camera::Gat947CameraLink link({by_port(slot_config(1, slot_dir_), bad)});
        auto cam = link.open(1);
        ASSERT_FALSE(cam.ok()) << bad;
        EXPECT_EQ(cam.error().id, MessageId::CameraUsbPortInvalid);
        EXPECT_EQ(cam.error().args, (std::vector<std::string>{"1", bad}));
    }
}

}  // namespace
}  // namespace custody::test
