#include "hardware/camera/gat947_camera_link.h"

#include "hardware/camera/gat947_docked_camera.h"

namespace custody::camera {

Gat947CameraLink::Gat947CameraLink(std::vector<Gat947Slot> slots) {
    for (auto& s : slots) slots_.emplace(s.slot, std::move(s));
}

Result<std::shared_ptr<VendorLibrary>> Gat947CameraLink::library(const std::string& path) {
    std::lock_guard lock(mutex_);
    // dlopen of one path yields one instance with one "current device": load it once
    // and let its slots take turns through VendorLibrary::mutex.
    if (auto it = libraries_.find(path); it != libraries_.end()) return it->second;
    auto lib = load_vendor_library(path);
    if (!lib.ok()) return fail(lib.error());
    libraries_.emplace(path, *lib);
    return *lib;
}

Result<std::unique_ptr<DockedCamera>> Gat947CameraLink::open(int slot) {
    auto it = slots_.find(slot);
    if (it == slots_.end())
        return fail(Error(MessageId::CameraNotFound, {std::to_string(slot)},
                          "no camera library configured for this slot"));
    CUSTODY_TRY(check_slot(it->second));
    auto lib = library(it->second.vendor.library_path);
    if (!lib.ok()) return fail(lib.error());
    auto camera = std::make_unique<Gat947DockedCamera>(*lib, it->second);
    CUSTODY_TRY(camera->open());
    return std::unique_ptr<DockedCamera>(std::move(camera));
}

}  // namespace custody::camera
