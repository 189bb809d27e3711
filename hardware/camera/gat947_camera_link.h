#pragma once
// CameraLink over GA/T 947.4 vendor libraries, one configured library per slot (several
// slots may share one). The standard interface has no slot argument, so the per-slot
// Init_Device code selects the device; see docs/hardware/camera-gat947.md.

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "hardware/camera/gat947_config.h"
#include "hardware/camera/vendor_library.h"
#include "kiosk/core/camera_link.h"

namespace custody::camera {

class Gat947CameraLink final : public CameraLink {
public:
    explicit Gat947CameraLink(std::vector<Gat947Slot> slots);
    Result<std::unique_ptr<DockedCamera>> open(int slot) override;

private:
    Result<std::shared_ptr<VendorLibrary>> library(const std::string& path);

    std::map<int, Gat947Slot> slots_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<VendorLibrary>> libraries_;  // by path, guarded by mutex_
};

}  // namespace custody::camera
