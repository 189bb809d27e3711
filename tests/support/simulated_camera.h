#pragma once
// A camera docked in a slot of the GA/T 947.4 simulator (libgat947-sim.so): a directory
// holding state.ini, which the library reads on every call, and volume/, the camera's
// storage once it is in USB mode, with real recordings made by ffmpeg.

#include <filesystem>
#include <map>
#include <string>

#include "hardware/camera/gat947_config.h"
#include "kiosk/core/clock.h"

namespace custody::test {

class SimulatedCamera {
public:
    static constexpr const char* kPassword = "123456";
    static constexpr const char* kIdCode = "SIM-DSJ1";
    // The zone the camera's clock is set to: EXIF and BWF times are written in it.
    static constexpr const char* kTimeZone = "Asia/Shanghai";

    // Writes a fresh state: charged, clock right, nobody bound, no faults.
    SimulatedCamera(std::filesystem::path dir, const std::string& serial);

    // An MP4 video, a WAV recording and a JPEG photo, one second each (ffmpeg), started now.
    void record_media();
    // The same three files, each stating `start` as a camera would: the MP4's
    // creation_time (UTC), the WAV's BWF origination date and time and the JPEG's EXIF
    // DateTimeOriginal (both local time in kTimeZone, with no zone, as cameras write them).
    void record_media_at(Timestamp start);
    // An MPEG-4 clip of `seconds` (rounded to its 10 fps frames) at `relative_path` on the
    // volume, stating `start` as its creation_time; the extension picks the container.
    std::filesystem::path record_video(const std::string& relative_path, Timestamp start, double seconds);

    std::map<std::string, std::string> state() const;
    std::string get(const std::string& key) const;
    void set(const std::string& key, const std::string& value);

    // How the kiosk's camera link reaches this camera in `slot` through `library`.
    camera::Gat947Slot slot_config(int slot, const std::string& library) const;

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path volume() const { return dir_ / "volume"; }

private:
    void write(const std::map<std::string, std::string>& state) const;
    std::filesystem::path dir_;
};

// ZFY_INFO's text fields hold GBK; the state file keeps their bytes as hex.
std::string gbk_hex(const std::string& utf8);

}  // namespace custody::test
