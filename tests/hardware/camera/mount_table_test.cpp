// The mountinfo parser and the choice of mount, on fixture text shaped like the kernel's.

#include "hardware/camera/mount_table.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace custody::test {
namespace {

using camera::MountEntry;

// A kiosk with three cameras docked: sdb1 (FAT32) mounted by the automounter under a
// label with a space and bound twice more, sdc1 (exFAT) mounted read-only by the desktop
// and read-write by the kiosk's fstab entry, sdd1 through exfat-fuse, and sdf1 only ever
// bound by a subdirectory.
constexpr const char* kMountInfo =
    "22 27 0:21 / /proc rw,relatime shared:12 - proc proc rw\n"
    "23 27 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw\n"
    "27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard\n"
    "95 27 8:17 / /media/kiosk/ZFY\\040SLOT1 rw,nosuid,nodev,relatime shared:50 - vfat /dev/sdb1 "
    "rw,fmask=0022,dmask=0022,codepage=437,iocharset=utf8,shortname=mixed,errors=remount-ro\n"
    "96 27 8:17 / /srv/offload/slot1 rw,relatime shared:50 - vfat /dev/sdb1 rw,fmask=0022\n"
    "97 27 8:17 /DCIM /srv/dcim-only rw,relatime shared:50 - vfat /dev/sdb1 rw,fmask=0022\n"
    "98 27 8:33 / /run/media/kiosk/CAM\\0402 ro,nosuid,nodev,relatime shared:51 master:3 - exfat /dev/sdc1 ro\n"
    "99 27 8:33 / /media/kiosk/slot2 rw,nosuid,nodev,relatime shared:51 - exfat /dev/sdc1 rw\n"
    "100 27 0:52 / /media/kiosk/tab\\011and\\134slash rw,nosuid,nodev,relatime - fuseblk /dev/sdd1 "
    "rw,user_id=0,group_id=0,allow_other,blksize=4096\n"
    "101 27 8:81 /DCIM/100MEDIA /srv/only-media rw,relatime - vfat /dev/sdf1 rw\n";

std::vector<MountEntry> table(const std::string& text = kMountInfo) {
    auto t = camera::parse_mountinfo(text, "fixture");
    if (!t.ok()) ADD_FAILURE() << log_line(t.error());
    return t.ok() ? *t : std::vector<MountEntry>{};
}

TEST(MountTable, ParsesEveryFieldOfALine) {
    auto t = table();
    ASSERT_EQ(t.size(), 10u);
    const MountEntry& e = t[3];
    EXPECT_EQ(e.mount_id, 95);
    EXPECT_EQ(e.parent_id, 27);
    EXPECT_EQ(e.major, 8u);
    EXPECT_EQ(e.minor, 17u);
    EXPECT_EQ(e.root, "/");
    EXPECT_EQ(e.mount_point, "/media/kiosk/ZFY SLOT1");
    EXPECT_FALSE(e.read_only);
    EXPECT_EQ(e.fs_type, "vfat");
    EXPECT_EQ(e.source, "/dev/sdb1");
    // Zero, one or two optional fields before the separator.
    EXPECT_EQ(t[0].fs_type, "proc");
    EXPECT_TRUE(t[6].read_only);
    EXPECT_EQ(t[6].source, "/dev/sdc1");
    EXPECT_EQ(t[8].source, "/dev/sdd1");
}

TEST(MountTable, DecodesOctalEscapes) {
    auto t = table();
    ASSERT_EQ(t.size(), 10u);
    EXPECT_EQ(t[6].mount_point, "/run/media/kiosk/CAM 2");
    EXPECT_EQ(t[8].mount_point, "/media/kiosk/tab\tand\\slash");
    // A backslash not followed by three octal digits is taken as it stands.
    auto odd = table("1 0 8:1 / /mnt/a\\9b\\04 rw - vfat /dev/sda1 rw\n");
    ASSERT_EQ(odd.size(), 1u);
    EXPECT_EQ(odd[0].mount_point, "/mnt/a\\9b\\04");
}

TEST(MountTable, AMalformedLineIsTypedWithItsLineNumber) {
    auto t = camera::parse_mountinfo("27 1 254:0 / / rw - ext4 /dev/vda rw\n\nnot a mount line\n", "fixture");
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().id, MessageId::MountTableUnreadable);
    EXPECT_EQ(t.error().args.at(0), "fixture");
    EXPECT_EQ(t.error().args.at(1), "line 3");
    auto no_separator = camera::parse_mountinfo("27 1 254:0 / / rw shared:1 ext4 /dev/vda rw\n", "fixture");
    ASSERT_FALSE(no_separator.ok());
    auto bad_number = camera::parse_mountinfo("27 1 254-0 / / rw - ext4 /dev/vda rw\n", "fixture");
    ASSERT_FALSE(bad_number.ok());
}

TEST(MountTable, TheOriginalMountWinsOverItsBindCopies) {
    auto m = camera::whole_volume_mount(table(), 8, 17, "/dev/sdb1");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->mount_point, "/media/kiosk/ZFY SLOT1");
}

TEST(MountTable, ReadWriteWinsWhenOneDeviceIsMountedTwice) {
    auto m = camera::whole_volume_mount(table(), 8, 33, "/dev/sdc1");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->mount_point, "/media/kiosk/slot2");
    // Read-only only: still the whole volume, so it is offered (a wipe fails there, typed).
    auto ro = table("98 27 8:33 / /run/media/kiosk/CAM2 ro,nosuid - exfat /dev/sdc1 ro\n");
    auto only = camera::whole_volume_mount(ro, 8, 33, "/dev/sdc1");
    ASSERT_TRUE(only.has_value());
    EXPECT_TRUE(only->read_only);
}

TEST(MountTable, AFuseMountIsFoundByItsSource) {
    auto m = camera::whole_volume_mount(table(), 8, 49, "/dev/sdd1");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->fs_type, "fuseblk");
    EXPECT_EQ(m->mount_point, "/media/kiosk/tab\tand\\slash");
}

TEST(MountTable, ADeviceNotMountedOrOnlyPartlyHasNoVolume) {
    auto t = table();
    EXPECT_FALSE(camera::whole_volume_mount(t, 8, 65, "/dev/sde1").has_value());
    // Only a subdirectory is visible: offload and wipe would miss the rest of the card.
    EXPECT_FALSE(camera::whole_volume_mount(t, 8, 81, "/dev/sdf1").has_value());
    // Without a node name, nothing is matched by source.
    EXPECT_FALSE(camera::whole_volume_mount(t, 9, 9, "").has_value());
}

TEST(MountTable, AMountCoveredByALaterOneIsSkipped) {
    std::string text = std::string(kMountInfo) +
                       "102 95 0:60 / /media/kiosk/ZFY\\040SLOT1 rw,relatime - tmpfs tmpfs rw\n";
    auto m = camera::whole_volume_mount(table(text), 8, 17, "/dev/sdb1");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->mount_point, "/srv/offload/slot1");
}

TEST(MountTable, ReadsThisMachinesTable) {
    auto t = camera::read_mount_table();
    ASSERT_TRUE(t.ok()) << log_line(t.error());
    // The mount of "/" is the one whose device number is that of "/" itself.
    struct stat st {};
    ASSERT_EQ(stat("/", &st), 0);
    bool found = false;
    for (const MountEntry& e : *t)
        if (e.mount_point == "/" && e.major == major(st.st_dev) && e.minor == minor(st.st_dev)) found = true;
    EXPECT_TRUE(found) << t->size() << " mounts read";
}

TEST(MountTable, AMissingTableIsTyped) {
    auto t = camera::read_mount_table("/proc/self/no-such-mountinfo");
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().id, MessageId::MountTableUnreadable);
    EXPECT_EQ(t.error().args.at(0), "/proc/self/no-such-mountinfo");
}

}  // namespace
}  // namespace custody::test
