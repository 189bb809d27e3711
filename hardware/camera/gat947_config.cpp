#include "hardware/camera/gat947_config.h"

#include "hardware/camera/usb_block_devices.h"

namespace custody::camera {

Status check_slot(const Gat947Slot& s) {
    const std::string slot = std::to_string(s.slot);
    if (s.mount_path.empty() == s.usb_port.empty())
        return fail(Error(MessageId::CameraSlotVolumeMisconfigured, {slot},
                          s.mount_path.empty() ? "neither is set"
                                               : "both are set: " + s.mount_path + " and " + s.usb_port));
    // A typo here would otherwise look, at every return, like a camera that never switched.
    if (!s.usb_port.empty() && !is_usb_port_name(s.usb_port))
        return fail(Error(MessageId::CameraUsbPortInvalid, {slot, s.usb_port}));
    return {};
}

}  // namespace custody::camera
