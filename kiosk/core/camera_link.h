#pragma once
// A docked body-worn camera, as the GA/T 947.4 vendor libraries expose it
// (docs/hardware/camera-gat947.md): identity, password login, the officer binding,
// the clock, battery and storage, mass-storage mode, and the recordings on it.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/result.h"

namespace custody {

struct CameraIdentity {
    std::string serial;
    std::string maker_model;  // the IDCode: maker and model
    std::string firmware;
};

struct OfficerBinding {
    std::string officer_number;  // 警号
    std::string officer_name;
    std::string unit_code;
    std::string unit_name;
};

struct CameraStorage {
    std::int64_t total_mb = 0;
    std::int64_t free_mb = 0;
};

struct RecordingFile {
    std::string relative_path;  // as on the camera's volume, e.g. "DCIM/100MEDIA/VID0001.MP4"
    std::int64_t bytes = 0;
};

class DockedCamera {
public:
    virtual ~DockedCamera() = default;
    virtual Result<CameraIdentity> identify() = 0;
    virtual Status authenticate(const std::string& password) = 0;  // 6 characters
    virtual Result<OfficerBinding> read_binding() = 0;
    virtual Status write_binding(const OfficerBinding& b) = 0;
    virtual Result<Timestamp> read_clock() = 0;
    virtual Status sync_clock() = 0;  // the standard call writes the host's clock
    virtual Result<int> battery_pct() = 0;
    virtual Result<CameraStorage> storage() = 0;
    // Switches to USB mass storage; returns where the volume is mounted.
    virtual Result<std::string> mass_storage_path() = 0;
    virtual Result<std::vector<RecordingFile>> recordings() = 0;
    virtual Status delete_recording(const RecordingFile& f) = 0;
};

class CameraLink {
public:
    virtual ~CameraLink() = default;
    // The camera docked in `slot`, or an error if none answers there.
    virtual Result<std::unique_ptr<DockedCamera>> open(int slot) = 0;
};

}  // namespace custody
