// Finding a camera's disk by USB port: the rule on given devices and mounts, and the
// enumeration through this machine's real libudev. The machine has no USB bus at all, so a
// disk actually found under a USB port is not exercised here (docs/hardware/camera-gat947.md).

#include "hardware/camera/usb_volume_finder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace fs = std::filesystem;

namespace custody::test {
namespace {

using camera::BlockDevice;
using camera::MountEntry;

BlockDevice disk(const std::string& name, unsigned minor, std::optional<std::string> port) {
    return {name, "/dev/" + name, 8, minor, false, std::move(port)};
}
BlockDevice part(const std::string& name, unsigned minor, std::optional<std::string> port) {
    return {name, "/dev/" + name, 8, minor, true, std::move(port)};
}
MountEntry mount(unsigned minor, const std::string& at, const std::string& source) {
    MountEntry e;
    e.mount_id = static_cast<int>(100 + minor);
    e.parent_id = 27;
    e.major = 8;
    e.minor = minor;
    e.root = "/";
    e.mount_point = at;
    e.fs_type = "vfat";
    e.source = source;
    return e;
}

const std::vector<BlockDevice> kVm = {{"vda", "/dev/vda", 254, 0, false, std::nullopt},
                                      {"loop0", "/dev/loop0", 7, 0, false, std::nullopt}};

TEST(UsbVolumeRule, APartitionIsPreferredOverItsDisk) {
    auto devices = kVm;
    devices.push_back(disk("sdb", 16, "1-1.3"));
    devices.push_back(part("sdb1", 17, "1-1.3"));
    // Even with the whole disk mounted too (a stale superfloppy mount), the partition wins.
    auto v = camera::locate_usb_volume("1", "1-1.3", devices,
                                       {mount(16, "/media/stale", "/dev/sdb"), mount(17, "/media/slot1", "/dev/sdb1")});
    ASSERT_TRUE(v.ok()) << log_line(v.error());
    EXPECT_EQ(v->device, "/dev/sdb1");
    EXPECT_EQ(v->mount_point, "/media/slot1");
}

TEST(UsbVolumeRule, AnUnpartitionedDiskIsUsedWhole) {
    auto devices = kVm;
    devices.push_back(disk("sdc", 32, "2-1.4.2"));
    auto v = camera::locate_usb_volume("2", "2-1.4.2", devices, {mount(32, "/media/slot2", "/dev/sdc")});
    ASSERT_TRUE(v.ok()) << log_line(v.error());
    EXPECT_EQ(v->device, "/dev/sdc");
    EXPECT_EQ(v->mount_point, "/media/slot2");
}

TEST(UsbVolumeRule, TheMountedOneOfSeveralPartitions) {
    auto devices = kVm;
    devices.push_back(part("sdb2", 18, "1-1.3"));
    devices.push_back(part("sdb1", 17, "1-1.3"));
    devices.push_back(disk("sdb", 16, "1-1.3"));
    auto v = camera::locate_usb_volume("1", "1-1.3", devices, {mount(18, "/media/data", "/dev/sdb2")});
    ASSERT_TRUE(v.ok()) << log_line(v.error());
    EXPECT_EQ(v->device, "/dev/sdb2");
}

TEST(UsbVolumeRule, OnlyTheExactPortCounts) {
    auto devices = kVm;
    devices.push_back(part("sdb1", 17, "1-1.3"));
    auto mounts = std::vector<MountEntry>{mount(17, "/media/slot1", "/dev/sdb1")};
    // The hub the camera hangs off, and a neighbouring port, are other slots.
    for (const char* other : {"1-1", "1-1.3.1", "1-1.4"}) {
        auto v = camera::locate_usb_volume("3", other, devices, mounts);
        ASSERT_FALSE(v.ok()) << other;
        EXPECT_EQ(v.error().id, MessageId::CameraNoDiskAtPort);
        EXPECT_EQ(v.error().args, (std::vector<std::string>{"3", other}));
    }
}

TEST(UsbVolumeRule, ADiskNotMountedIsNamed) {
    auto devices = kVm;
    devices.push_back(disk("sdb", 16, "1-1.3"));
    devices.push_back(part("sdb1", 17, "1-1.3"));
    auto v = camera::locate_usb_volume("1", "1-1.3", devices, {mount(33, "/media/other", "/dev/sdc1")});
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.error().id, MessageId::CameraDiskNotMounted);
    EXPECT_EQ(v.error().args, (std::vector<std::string>{"1", "/dev/sdb1", "1-1.3"}));
    EXPECT_TRUE(camera::volume_may_still_appear(v.error()));
    EXPECT_NE(render(v.error(), Lang::Zh).find("/dev/sdb1"), std::string::npos);
}

TEST(UsbVolumeRule, PortNames) {
    for (const char* ok : {"1-1", "1-1.3", "2-1.4.2", "10-12.3"}) EXPECT_TRUE(camera::is_usb_port_name(ok)) << ok;
    for (const char* bad : {"", "1", "1-", "-1", "1-1.", "1-1..3", "1-1.3:1.0", "usb1", "/sys/bus/usb/devices/1-1.3",
                            "1-1.3 ", "a-1"})
        EXPECT_FALSE(camera::is_usb_port_name(bad)) << bad;
}

// What sysfs itself says, read without libudev, to hold the enumeration against.
struct SysfsBlock {
    std::string dev;  // "major:minor"
    bool under_usb = false;
};
std::map<std::string, SysfsBlock> sysfs_block_devices() {
    std::map<std::string, SysfsBlock> out;
    for (const auto& entry : fs::directory_iterator("/sys/class/block")) {
        SysfsBlock b;
        std::ifstream(entry.path() / "dev") >> b.dev;
        b.under_usb = fs::canonical(entry.path()).string().find("/usb") != std::string::npos;
        out.emplace(entry.path().filename().string(), b);
    }
    return out;
}

TEST(UsbBlockDevices, ListsThisMachinesBlockDevicesAsSysfsDoes) {
    auto devices = camera::list_block_devices();
    ASSERT_TRUE(devices.ok()) << log_line(devices.error());
    auto expected = sysfs_block_devices();
    ASSERT_FALSE(expected.empty());
    std::set<std::string> seen;
    for (const BlockDevice& d : *devices) {
        seen.insert(d.sysname);
        auto it = expected.find(d.sysname);
        ASSERT_NE(it, expected.end()) << d.sysname << " is not in /sys/class/block";
        EXPECT_EQ(std::to_string(d.major) + ":" + std::to_string(d.minor), it->second.dev) << d.sysname;
        EXPECT_EQ(d.usb_port.has_value(), it->second.under_usb) << d.sysname;
        EXPECT_EQ(d.devnode, "/dev/" + d.sysname);
    }
    std::set<std::string> names;
    for (const auto& [name, b] : expected) names.insert(name);
    EXPECT_EQ(seen, names);
}

TEST(UsbBlockDevices, AWholeDiskNotOnUsbIsSeenWithNoUsbPort) {
    // Whatever this machine's system disk is called (vda, sda, nvme0n1), it is not on USB.
    auto devices = camera::list_block_devices();
    ASSERT_TRUE(devices.ok()) << log_line(devices.error());
    const BlockDevice* disk = nullptr;
    for (const BlockDevice& d : *devices)
        if (!d.partition && !d.usb_port && d.sysname.rfind("loop", 0) != 0 && d.sysname.rfind("zram", 0) != 0) disk = &d;
    ASSERT_NE(disk, nullptr) << "no block device other than loop and zram devices";
    EXPECT_EQ(disk->devnode, "/dev/" + disk->sysname);
    EXPECT_FALSE(disk->usb_port.has_value());
}

TEST(UsbBlockDevices, ABlockDeviceJoinsTheRealMountTable) {
    // The root directory's device when / is on one, else any listed device the mount table
    // shows mounted whole (a container's root is an overlay, but its volumes are not).
    struct stat st {};
    ASSERT_EQ(stat("/", &st), 0);
    auto devices = camera::list_block_devices();
    ASSERT_TRUE(devices.ok()) << log_line(devices.error());
    auto mounts = camera::read_mount_table();
    ASSERT_TRUE(mounts.ok()) << log_line(mounts.error());
    std::optional<MountEntry> found;
    std::string expected_at;
    for (const BlockDevice& d : *devices) {
        auto m = camera::whole_volume_mount(*mounts, d.major, d.minor, d.devnode);
        if (!m) continue;
        if (d.major == major(st.st_dev) && d.minor == minor(st.st_dev)) {
            found = m;
            expected_at = "/";
            break;
        }
        if (!found) found = m;
    }
    ASSERT_TRUE(found.has_value()) << "no block device of this machine is mounted whole";
    EXPECT_FALSE(found->mount_point.empty());
    if (!expected_at.empty()) {
        EXPECT_EQ(found->mount_point, expected_at);
    }
}

TEST(UsbVolumeFinder, APortWithoutADiskIsTypedAndNamed) {
    auto v = camera::find_usb_volume("4", "9-9.9");
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.error().id, MessageId::CameraNoDiskAtPort);
    EXPECT_EQ(v.error().args, (std::vector<std::string>{"4", "9-9.9"}));
    // Every block device of the machine was looked at and refused.
    auto count = std::to_string(sysfs_block_devices().size());
    EXPECT_EQ(v.error().detail, count + " block devices, none under USB port 9-9.9");
    EXPECT_TRUE(camera::volume_may_still_appear(v.error()));
    EXPECT_NE(render(v.error(), Lang::Zh).find("9-9.9"), std::string::npos);
    EXPECT_NE(render(v.error(), Lang::En).find("another port"), std::string::npos);
}

}  // namespace
}  // namespace custody::test
