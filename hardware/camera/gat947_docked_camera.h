#pragma once
// The DockedCamera behind a GA/T 947.4 vendor library: each call selects the slot's device
// in the (shared) library, makes the vendor call and turns both result codes into Errors.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "hardware/camera/gat947_config.h"
#include "hardware/camera/vendor_library.h"
#include "kiosk/core/camera_link.h"

namespace custody::camera {

class Gat947DockedCamera final : public DockedCamera {
public:
    Gat947DockedCamera(std::shared_ptr<VendorLibrary> lib, Gat947Slot slot);

    // Init_Device for this slot; CameraNotFound when nothing answers.
    Status open();

    Result<CameraIdentity> identify() override;
    Status authenticate(const std::string& password) override;
    Result<OfficerBinding> read_binding() override;
    Status write_binding(const OfficerBinding& b) override;
    Result<Timestamp> read_clock() override;
    Status sync_clock() override;
    Result<int> battery_pct() override;
    Result<CameraStorage> storage() override;
    Result<std::string> mass_storage_path() override;
    Result<std::vector<RecordingFile>> recordings() override;
    Status delete_recording(const RecordingFile& f) override;

private:
    // Takes the library's lock and makes this slot its current device (Init_Device again
    // when another slot used the library since). Every vendor call happens under it.
    Status enter(std::unique_lock<std::mutex>& lock);
    Status select_locked();
    Result<ZFY_INFO> read_info_locked();
    Error failure(const char* call, int rv, int iret) const;
    Error unsupported(const char* call) const;
    // Polls, up to mount_timeout, for the slot's volume after SetMSDC.
    Result<std::string> wait_for_volume() const;
    // One look for it: the configured directory, or the disk under the configured port.
    Result<std::string> look_for_volume() const;
    // CameraUnplugged if the volume found by mass_storage_path() is gone.
    Status volume_still_there(const std::string& root) const;
    bool succeeded(int rv) const { return rv == slot_.vendor.codes.bc_success; }

    std::shared_ptr<VendorLibrary> lib_;
    Gat947Slot slot_;
    std::string name_;  // how messages name this camera: the slot number
    std::string password_;
    std::optional<std::string> mounted_;  // the volume, once SetMSDC has switched to it
};

}  // namespace custody::camera
