#pragma once
// The demo's stand-in for a docked body-worn camera. A demo has no camera in the cabinet,
// so this one keeps its "storage" in a folder: the demo records into it what an officer
// would have recorded during the shift (real WAV and JPEG files, see demo_media.h), and
// the real FootageOffload then lists, copies, verifies and wipes them through the same
// DockedCamera port a GA/T 947.4 camera is reached by. Only `custodyctl demo` uses it;
// the kiosk itself always talks to the vendor library (hardware/camera).

#include <cstdint>
#include <string>

#include "kiosk/core/camera_link.h"
#include "kiosk/core/clock.h"

namespace custody::cli {

class DemoCamera final : public DockedCamera {
public:
    // `volume`: the folder standing in for the camera's storage, created when missing.
    // `clock_offset_ms`: the camera's clock minus the kiosk's, for a camera that drifted;
    // its files are named and dated by its own clock, as a real camera's are.
    DemoCamera(CameraIdentity identity, std::string volume, const Clock& clock, std::int64_t clock_offset_ms);

    // An audio recording of `seconds` that started at `start` by the kiosk's clock.
    Result<RecordingFile> record_audio(Timestamp start, int seconds);
    // A photo taken at `at` by the kiosk's clock.
    Result<RecordingFile> take_photo(Timestamp at);

    Result<CameraIdentity> identify() override { return identity_; }
    // The stand-in has no lock to open.
    Status authenticate(const std::string&) override { return {}; }
    Result<OfficerBinding> read_binding() override { return binding_; }
    Status write_binding(const OfficerBinding& b) override {
        binding_ = b;
        return {};
    }
    Result<Timestamp> read_clock() override { return Timestamp{clock_.now().ms + offset_ms_}; }
    Status sync_clock() override {
        offset_ms_ = 0;
        return {};
    }
    // Charged in the cabinet overnight; what it shows at docking matters to no one here.
    Result<int> battery_pct() override { return 60; }
    Result<CameraStorage> storage() override;
    Result<std::string> mass_storage_path() override { return volume_; }
    Result<std::vector<RecordingFile>> recordings() override;
    Status delete_recording(const RecordingFile& f) override;

private:
    // "DCIM/100MEDIA/20261130_161502_0007.WAV": the camera's date and time and its own
    // running file number, as body-worn cameras name their files.
    std::string next_name(Timestamp camera_time, const char* extension);
    Result<RecordingFile> write(const std::string& relative, const std::string& bytes);

    CameraIdentity identity_;
    OfficerBinding binding_;
    std::string volume_;
    const Clock& clock_;
    std::int64_t offset_ms_;
    int file_number_ = 0;
};

}  // namespace custody::cli
