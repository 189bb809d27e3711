#pragma once
// One dlopen'd GA/T 947.4 vendor library and its entry points. The standard calls carry
// no device argument, so the library has one "current device"; the mutex serialises the
// slots sharing a library and `selected` remembers which one Init_Device last opened.

#include <memory>
#include <mutex>
#include <string>

#include "hardware/camera/gat947_abi.h"
#include "kiosk/core/result.h"

namespace custody::camera {

struct VendorLibrary {
    // The standard subset: every one must resolve.
    decltype(&::Init_Device) init_device = nullptr;
    decltype(&::GetIDCode) get_id_code = nullptr;
    decltype(&::SetMSDC) set_msdc = nullptr;
    decltype(&::SyncDevTime) sync_dev_time = nullptr;
    decltype(&::ReadDeviceResolution) read_resolution = nullptr;
    decltype(&::ReadDeviceBatteryDumpEnergy) read_battery = nullptr;
    decltype(&::GetZFYInfo) get_zfy_info = nullptr;
    decltype(&::WriteZFYInfo) write_zfy_info = nullptr;
    // Vendor extensions: null when the library lacks them.
    decltype(&::ReadDevTime) read_dev_time = nullptr;
    decltype(&::ReadFirmwareVersion) read_firmware = nullptr;
    decltype(&::ReadDeviceStorage) read_storage = nullptr;

    std::string path;
    std::mutex mutex;
    std::string selected;  // the Init_Device code of the device currently open, guarded by mutex

    ~VendorLibrary();
    VendorLibrary() = default;
    VendorLibrary(const VendorLibrary&) = delete;
    VendorLibrary& operator=(const VendorLibrary&) = delete;

    void* handle = nullptr;
};

// dlopen (RTLD_NOW | RTLD_LOCAL) and dlsym; CameraLibraryMissing carries dlerror's text.
Result<std::shared_ptr<VendorLibrary>> load_vendor_library(const std::string& path);

}  // namespace custody::camera
