// The real GA/T 947.4 adapter against libgat947-sim.so: every failure arrives typed.

#include <filesystem>

#include "tests/hardware/camera/camera_fixture.h"

namespace custody::test {
namespace {

using CameraFaults947 = CameraFixture;

TEST_F(CameraFaults947, WrongPasswordIsTyped) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto wrong = cam->authenticate("999999");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().id, MessageId::CameraWrongPassword);
    EXPECT_NE(wrong.error().detail.find("iRet 1"), std::string::npos) << wrong.error().detail;
    auto short_pw = cam->authenticate("12345");
    ASSERT_FALSE(short_pw.ok());
    EXPECT_EQ(short_pw.error().id, MessageId::CameraWrongPassword);
    // A failed login keeps the password that worked.
    EXPECT_TRUE(cam->battery_pct().ok());
}

TEST_F(CameraFaults947, InjectedWrongPasswordFailsEveryCall) {
    set_state("fault_wrong_password", "1");
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto a = cam->authenticate(kPassword);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.error().id, MessageId::CameraWrongPassword);
    auto b = cam->read_binding();
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().id, MessageId::CameraWrongPassword);
}

TEST_F(CameraFaults947, InjectedStorageErrorIsTyped) {
    set_state("fault_storage_error", "1");
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto st = cam->storage();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().id, MessageId::CameraStorageError);
    auto path = cam->mass_storage_path();
    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().id, MessageId::CameraStorageError);
    auto list = cam->recordings();
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error().id, MessageId::CameraStorageError);
    EXPECT_NE(list.error().detail.find("SetMSDC returned 0, iRet 4"), std::string::npos) << list.error().detail;
}

TEST_F(CameraFaults947, UnplugIsTyped) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    set_state("fault_unplugged", "1");
    auto pct = cam->battery_pct();
    ASSERT_FALSE(pct.ok());
    EXPECT_EQ(pct.error().id, MessageId::CameraUnplugged);
    auto list = cam->recordings();
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error().id, MessageId::CameraUnplugged);
    auto reopen = link_->open(1);
    ASSERT_FALSE(reopen.ok());
    EXPECT_EQ(reopen.error().id, MessageId::CameraUnplugged);
}

TEST_F(CameraFaults947, VolumeGoneAfterSwitchIsUnplugged) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    ASSERT_TRUE(cam->mass_storage_path().ok());
    std::filesystem::rename(volume(), slot_dir_ / "volume.gone");
    auto list = cam->recordings();
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error().id, MessageId::CameraUnplugged);
}

TEST_F(CameraFaults947, VolumeThatNeverMountsIsTyped) {
    auto cfg = slot_config(1, slot_dir_);
    cfg.mount_path = (slot_dir_ / "not-mounted").string();
    link_ = std::make_unique<camera::Gat947CameraLink>(std::vector<camera::Gat947Slot>{cfg});
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto path = cam->mass_storage_path();
    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().id, MessageId::CameraVolumeNotMounted);
}

TEST_F(CameraFaults947, MissingLibraryIsTyped) {
    auto cfg = slot_config(1, slot_dir_);
    cfg.vendor.library_path = (tmp_.path() / "libnot-there.so").string();
    camera::Gat947CameraLink link({cfg});
    auto cam = link.open(1);
    ASSERT_FALSE(cam.ok());
    EXPECT_EQ(cam.error().id, MessageId::CameraLibraryMissing);
    EXPECT_EQ(cam.error().args.at(0), cfg.vendor.library_path);
    EXPECT_NE(cam.error().args.at(1).find("libnot-there.so"), std::string::npos) << cam.error().args.at(1);
}

TEST_F(CameraFaults947, LibraryWithoutTheStandardCallsIsTyped) {
    auto cfg = slot_config(1, slot_dir_);
    cfg.vendor.library_path = "libm.so.6";  // loads, but exports none of GA/T 947.4
    camera::Gat947CameraLink link({cfg});
    auto cam = link.open(1);
    ASSERT_FALSE(cam.ok());
    EXPECT_EQ(cam.error().id, MessageId::CameraLibraryMissing);
    EXPECT_NE(cam.error().args.at(1).find("Init_Device"), std::string::npos) << cam.error().args.at(1);
}

TEST_F(CameraFaults947, UnknownSlotOrDeviceIsNotFound) {
    auto none = link_->open(7);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().id, MessageId::CameraNotFound);
    auto cfg = slot_config(1, slot_dir_);
    cfg.init_code = "OTHER-MODEL@" + slot_dir_.string();  // another maker's camera code
    camera::Gat947CameraLink link({cfg});
    auto cam = link.open(1);
    ASSERT_FALSE(cam.ok());
    EXPECT_EQ(cam.error().id, MessageId::CameraNotFound);
}

}  // namespace
}  // namespace custody::test
