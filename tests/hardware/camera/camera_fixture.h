#pragma once
// A docked simulated camera: a slot directory in a temp dir (state.ini + volume/ with a
// real MP4, WAV and JPEG made by ffmpeg) and a Gat947CameraLink configured for it.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "hardware/camera/gat947_camera_link.h"
#include "tests/support/simulated_camera.h"
#include "tests/support/temp_dir.h"

namespace custody::test {

class CameraFixture : public ::testing::Test {
protected:
    static constexpr const char* kPassword = SimulatedCamera::kPassword;
    static constexpr const char* kSerial = "A123456";
    static constexpr const char* kIdCode = SimulatedCamera::kIdCode;

    void SetUp() override;

    // Writes a slot directory with default state; returns its path.
    std::filesystem::path make_slot(const std::string& name, const std::string& serial);
    camera::Gat947Slot slot_config(int slot, const std::filesystem::path& dir) const;
    std::unique_ptr<DockedCamera> open_camera();

    std::map<std::string, std::string> read_state() const;
    void set_state(const std::string& key, const std::string& value);
    std::filesystem::path volume() const { return slot_dir_ / "volume"; }

    TempDir tmp_;
    std::map<std::filesystem::path, std::unique_ptr<SimulatedCamera>> cameras_;  // by slot directory
    std::filesystem::path slot_dir_;
    std::unique_ptr<camera::Gat947CameraLink> link_;
};

}  // namespace custody::test
