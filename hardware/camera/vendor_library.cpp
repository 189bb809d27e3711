#include "hardware/camera/vendor_library.h"

#include <dlfcn.h>

namespace custody::camera {
namespace {

Error missing(const std::string& path, const char* why) {
    return Error(MessageId::CameraLibraryMissing, {path, why != nullptr ? why : "unknown dlerror"});
}

template <class F>
bool resolve(void* handle, const char* name, F& out, std::string& error) {
    dlerror();
    void* sym = dlsym(handle, name);
    if (const char* e = dlerror(); e != nullptr || sym == nullptr) {
        error = e != nullptr ? e : std::string(name) + ": null symbol";
        return false;
    }
    out = reinterpret_cast<F>(sym);
    return true;
}

}  // namespace

VendorLibrary::~VendorLibrary() {
    if (handle != nullptr) dlclose(handle);
}

Result<std::shared_ptr<VendorLibrary>> load_vendor_library(const std::string& path) {
    auto lib = std::make_shared<VendorLibrary>();
    lib->path = path;
    // RTLD_LOCAL: two vendors' libraries may export the same standard names.
    lib->handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (lib->handle == nullptr) return fail(missing(path, dlerror()));
    std::string error;
    void* h = lib->handle;
    bool ok = resolve(h, "Init_Device", lib->init_device, error) &&
              resolve(h, "GetIDCode", lib->get_id_code, error) &&
              resolve(h, "SetMSDC", lib->set_msdc, error) &&
              resolve(h, "SyncDevTime", lib->sync_dev_time, error) &&
              resolve(h, "ReadDeviceResolution", lib->read_resolution, error) &&
              resolve(h, "ReadDeviceBatteryDumpEnergy", lib->read_battery, error) &&
              resolve(h, "GetZFYInfo", lib->get_zfy_info, error) &&
              resolve(h, "WriteZFYInfo", lib->write_zfy_info, error);
    if (!ok) return fail(missing(path, error.c_str()));
    std::string ignored;
    resolve(h, "ReadDevTime", lib->read_dev_time, ignored);
    resolve(h, "ReadFirmwareVersion", lib->read_firmware, ignored);
    resolve(h, "ReadDeviceStorage", lib->read_storage, ignored);
    return lib;
}

}  // namespace custody::camera
