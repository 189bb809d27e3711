#pragma once
// How an integrator describes a slot's camera to Gat947CameraLink: which vendor library
// speaks to it, what that vendor's result codes mean, how Init_Device selects the device,
// and where its volume appears after SetMSDC. See docs/hardware/camera-gat947.md.

#include <chrono>
#include <string>

#include "kiosk/core/result.h"

namespace custody::camera {

// The vendor header defines BC_SUCCESS and the iRet detail codes; they differ between
// vendors, so they are configuration. The defaults are the simulator's (gat947_abi.h).
struct Gat947Codes {
    int bc_success = 1;
    int ok = 0;
    int wrong_password = 1;
    int no_device = 2;
    int unplugged = 3;
    int storage = 4;
};

struct Gat947Vendor {
    std::string library_path;    // dlopen'd once per distinct path, RTLD_LOCAL
    std::string encoding = "GBK";  // of ZFY_INFO's text fields, as iconv names it
    Gat947Codes codes;
};

struct Gat947Slot {
    int slot = 0;
    Gat947Vendor vendor;
    // Init_Device's IDCode: the maker+model code. For the simulator, "CODE@/slot/dir"
    // (a vendor extension) also selects the slot's state directory.
    std::string init_code;
    // Where the camera's volume is found once SetMSDC has switched it to a USB disk: set
    // exactly one of these two (check_slot, called by Gat947CameraLink::open, refuses both
    // or neither, so a half-edited configuration is not silently read one way).
    // A directory the system mounts the slot's disk on, e.g. by an fstab entry on its
    // /dev/disk/by-path name.
    std::string mount_path;
    // The USB port the slot's cable is wired to, as sysfs names it ("1-1.3", "2-1.4.2"):
    // the disk under it is found with libudev, its mount point in /proc/self/mountinfo.
    std::string usb_port;
    // The device password used until authenticate() is called (6 characters).
    std::string password;
    // A real camera re-enumerates and the desktop automounter mounts it; wait this long.
    std::chrono::milliseconds mount_timeout{15000};
};

// CameraSlotVolumeMisconfigured unless exactly one of mount_path and usb_port is set;
// CameraUsbPortInvalid if usb_port is not a sysfs port name.
Status check_slot(const Gat947Slot& s);

}  // namespace custody::camera
