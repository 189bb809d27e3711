#include "tests/hardware/camera/camera_fixture.h"

#include <fstream>

namespace fs = std::filesystem;

namespace custody::test {

void CameraFixture::SetUp() {
    slot_dir_ = make_slot("slot1", kSerial);
    cameras_.at(slot_dir_)->record_media();
    std::ofstream(volume() / ".hidden_index") << "not a recording";
    link_ = std::make_unique<camera::Gat947CameraLink>(std::vector<camera::Gat947Slot>{slot_config(1, slot_dir_)});
}

fs::path CameraFixture::make_slot(const std::string& name, const std::string& serial) {
    fs::path dir = tmp_.path() / name;
    auto cam = std::make_unique<SimulatedCamera>(dir, serial);
    fs::create_directories(cam->volume() / "AUDIO");
    // Values the tests below compare against.
    cam->set("battery_pct", "87");
    cam->set("user_no", "000001");
    cameras_[dir] = std::move(cam);
    return dir;
}

camera::Gat947Slot CameraFixture::slot_config(int slot, const fs::path& dir) const {
    return cameras_.at(dir)->slot_config(slot, GAT947_SIM_PATH);
}

std::unique_ptr<DockedCamera> CameraFixture::open_camera() {
    auto cam = link_->open(1);
    if (!cam.ok()) {
        ADD_FAILURE() << log_line(cam.error());
        return nullptr;
    }
    return std::move(cam).value();
}

std::map<std::string, std::string> CameraFixture::read_state() const { return cameras_.at(slot_dir_)->state(); }

void CameraFixture::set_state(const std::string& key, const std::string& value) {
    cameras_.at(slot_dir_)->set(key, value);
}

}  // namespace custody::test
