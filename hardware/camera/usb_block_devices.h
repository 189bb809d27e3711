#pragma once
// The machine's block devices as libudev sees them, each with the USB port it hangs off
// (if any). libudev stays behind this header: nothing outside hardware/camera includes it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::camera {

struct BlockDevice {
    std::string sysname;  // "sdb1"
    std::string devnode;  // "/dev/sdb1"; empty if the kernel gave it no node
    unsigned major = 0;
    unsigned minor = 0;
    bool partition = false;  // devtype "partition"; otherwise a whole disk
    // The sysname of the nearest usb_device ancestor: the port path, e.g. "1-1.3".
    std::optional<std::string> usb_port;
};

// Every device of subsystem "block"; UsbDeviceLookupFailed when libudev cannot enumerate.
Result<std::vector<BlockDevice>> list_block_devices();

// Whether `port` is written as sysfs names a USB device's port path: bus, '-', then port
// numbers joined by '.', e.g. "1-1.3" or "2-1.4.2" (not an interface like "1-1.3:1.0").
bool is_usb_port_name(std::string_view port);

}  // namespace custody::camera
