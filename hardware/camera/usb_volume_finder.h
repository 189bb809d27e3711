#pragma once
// Where the volume of a camera cabled to a given USB port is mounted: the block devices
// under that port (libudev) joined with the mount table (/proc/self/mountinfo).

#include <string>
#include <vector>

#include "hardware/camera/mount_table.h"
#include "hardware/camera/usb_block_devices.h"
#include "kiosk/core/result.h"

namespace custody::camera {

struct UsbVolume {
    std::string device;  // the node mounted, e.g. "/dev/sdb1"
    std::string mount_point;
};

// The rule, on given devices and mounts: of the block devices whose USB port is `port`, a
// mounted partition, else a mounted whole disk (cameras may format the disk without a
// partition table); several of either in device-number order. None at the port is
// CameraNoDiskAtPort; some but none mounted is CameraDiskNotMounted naming the first
// partition (or the disk). `camera` names the camera in messages.
Result<UsbVolume> locate_usb_volume(const std::string& camera, const std::string& port,
                                    const std::vector<BlockDevice>& devices, const std::vector<MountEntry>& mounts);

// locate_usb_volume on this machine's block devices and /proc/self/mountinfo.
Result<UsbVolume> find_usb_volume(const std::string& camera, const std::string& port);

// Whether `e` may still clear by itself: after SetMSDC the camera takes a few seconds to
// re-enumerate as a disk and the automounter a little longer to mount it.
bool volume_may_still_appear(const Error& e);

}  // namespace custody::camera
