#include "hardware/camera/usb_block_devices.h"

#include <libudev.h>
#include <sys/sysmacros.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace custody::camera {
namespace {

struct UdevUnref {
    void operator()(udev* u) const { udev_unref(u); }
    void operator()(udev_enumerate* e) const { udev_enumerate_unref(e); }
    void operator()(udev_device* d) const { udev_device_unref(d); }
};
template <class T>
using UdevPtr = std::unique_ptr<T, UdevUnref>;

Error lookup_failed(const char* call, int err) {
    return Error(MessageId::UsbDeviceLookupFailed, {std::strerror(err)}, std::string(call) + " failed");
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

bool is_usb_port_name(std::string_view port) {
    auto dash = port.find('-');
    if (dash == std::string_view::npos || !all_digits(port.substr(0, dash))) return false;
    std::string_view rest = port.substr(dash + 1);
    for (;;) {
        auto dot = rest.find('.');
        if (!all_digits(rest.substr(0, dot))) return false;
        if (dot == std::string_view::npos) return true;
        rest = rest.substr(dot + 1);
    }
}

Result<std::vector<BlockDevice>> list_block_devices() {
    UdevPtr<udev> ctx(udev_new());
    if (!ctx) return fail(lookup_failed("udev_new", errno));
    UdevPtr<udev_enumerate> scan(udev_enumerate_new(ctx.get()));
    if (!scan) return fail(lookup_failed("udev_enumerate_new", errno));
    if (int rc = udev_enumerate_add_match_subsystem(scan.get(), "block"); rc < 0)
        return fail(lookup_failed("udev_enumerate_add_match_subsystem", -rc));
    if (int rc = udev_enumerate_scan_devices(scan.get()); rc < 0)
        return fail(lookup_failed("udev_enumerate_scan_devices", -rc));

    std::vector<BlockDevice> devices;
    udev_list_entry* entry = nullptr;
    udev_list_entry_foreach(entry, udev_enumerate_get_list_entry(scan.get())) {
        const char* syspath = udev_list_entry_get_name(entry);
        errno = 0;
        UdevPtr<udev_device> dev(udev_device_new_from_syspath(ctx.get(), syspath));
        if (!dev) {
            // Unplugged between the scan and now: it is simply not there any more.
            if (errno == ENODEV || errno == ENOENT) continue;
            Error e = lookup_failed("udev_device_new_from_syspath", errno != 0 ? errno : EIO);
            e.detail += std::string(" for ") + syspath;
            return fail(std::move(e));
        }
        BlockDevice b;
        if (const char* name = udev_device_get_sysname(dev.get())) b.sysname = name;
        if (const char* node = udev_device_get_devnode(dev.get())) b.devnode = node;
        dev_t num = udev_device_get_devnum(dev.get());
        b.major = major(num);
        b.minor = minor(num);
        const char* type = udev_device_get_devtype(dev.get());
        b.partition = type != nullptr && std::strcmp(type, "partition") == 0;
        // The nearest usb_device is the camera itself, not a hub further up; it belongs to
        // `dev` and goes with it.
        if (udev_device* usb = udev_device_get_parent_with_subsystem_devtype(dev.get(), "usb", "usb_device"))
            if (const char* port = udev_device_get_sysname(usb)) b.usb_port = port;
        devices.push_back(std::move(b));
    }
    return devices;
}

}  // namespace custody::camera
