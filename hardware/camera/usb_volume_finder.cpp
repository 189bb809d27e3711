#include "hardware/camera/usb_volume_finder.h"

#include <algorithm>
#include <utility>

namespace custody::camera {

Result<UsbVolume> locate_usb_volume(const std::string& camera, const std::string& port,
                                    const std::vector<BlockDevice>& devices, const std::vector<MountEntry>& mounts) {
    std::vector<const BlockDevice*> at_port;
    for (const BlockDevice& d : devices)
        if (d.usb_port == port) at_port.push_back(&d);
    if (at_port.empty())
        return fail(Error(MessageId::CameraNoDiskAtPort, {camera, port},
                          std::to_string(devices.size()) + " block devices, none under USB port " + port));
    std::sort(at_port.begin(), at_port.end(), [](const BlockDevice* a, const BlockDevice* b) {
        if (a->partition != b->partition) return a->partition;
        return std::pair(a->major, a->minor) < std::pair(b->major, b->minor);
    });
    std::string tried;
    for (const BlockDevice* d : at_port) {
        if (auto m = whole_volume_mount(mounts, d->major, d->minor, d->devnode))
            return UsbVolume{d->devnode, m->mount_point};
        tried += (tried.empty() ? "" : ", ") + d->devnode + " (" + std::to_string(d->major) + ":" +
                 std::to_string(d->minor) + ")";
    }
    return fail(Error(MessageId::CameraDiskNotMounted, {camera, at_port.front()->devnode, port},
                      "no whole-volume mount of " + tried));
}

Result<UsbVolume> find_usb_volume(const std::string& camera, const std::string& port) {
    auto devices = list_block_devices();
    if (!devices.ok()) return fail(devices.error());
    auto mounts = read_mount_table();
    if (!mounts.ok()) return fail(mounts.error());
    return locate_usb_volume(camera, port, *devices, *mounts);
}

bool volume_may_still_appear(const Error& e) {
    return e.id == MessageId::CameraNoDiskAtPort || e.id == MessageId::CameraDiskNotMounted ||
           e.id == MessageId::CameraVolumeNotMounted;
}

}  // namespace custody::camera
