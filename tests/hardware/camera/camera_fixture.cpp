#include "tests/hardware/camera/camera_fixture.h"

#include <fstream>

#include "tests/support/run_command.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

// ffmpeg is a project dependency (installed by the deps script): a missing one fails.
void ffmpeg(const std::vector<std::string>& args, const fs::path& out) {
    std::vector<std::string> argv = {"ffmpeg", "-hide_banner", "-loglevel", "error", "-y"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(out.string());
    auto r = run_command(argv);
    ASSERT_EQ(r.exit_code, 0) << "ffmpeg failed: " << r.err;
    ASSERT_GT(fs::file_size(out), 0u);
}

void write_state(const fs::path& dir, const std::map<std::string, std::string>& state) {
    std::ofstream out(dir / "state.ini", std::ios::trunc);
    out << "[device]\n";
    for (const auto& [k, v] : state) out << k << '=' << v << '\n';
}

}  // namespace

void CameraFixture::SetUp() {
    slot_dir_ = make_slot("slot1", kSerial);
    auto media = volume() / "DCIM" / "100MEDIA";
    fs::create_directories(media);
    ffmpeg({"-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=10", "-c:v", "mpeg4"}, media / "VID0001.MP4");
    ffmpeg({"-f", "lavfi", "-i", "sine=duration=1"}, volume() / "AUDIO" / "AUD0001.WAV");
    ffmpeg({"-f", "lavfi", "-i", "testsrc=size=160x120", "-frames:v", "1"}, media / "IMG0001.JPG");
    std::ofstream(volume() / ".hidden_index") << "not a recording";
    link_ = std::make_unique<camera::Gat947CameraLink>(std::vector<camera::Gat947Slot>{slot_config(1, slot_dir_)});
}

fs::path CameraFixture::make_slot(const std::string& name, const std::string& serial) {
    fs::path dir = tmp_.path() / name;
    fs::create_directories(dir / "volume" / "AUDIO");
    write_state(dir, {{"serial", serial},
                      {"id_code", kIdCode},
                      {"firmware", "V2.1.0"},
                      {"password", kPassword},
                      {"battery_pct", "87"},
                      {"clock_offset_s", "0"},
                      {"storage_total_mb", "32768"},
                      {"user_no", "000001"},
                      {"user_name_gbk", ""},
                      {"unit_no", ""},
                      {"unit_name_gbk", ""},
                      {"fault_wrong_password", "0"},
                      {"fault_storage_error", "0"},
                      {"fault_unplugged", "0"}});
    return dir;
}

camera::Gat947Slot CameraFixture::slot_config(int slot, const fs::path& dir) const {
    camera::Gat947Slot s;
    s.slot = slot;
    s.vendor.library_path = GAT947_SIM_PATH;
    s.init_code = std::string(kIdCode) + "@" + dir.string();
    s.mount_path = (dir / "volume").string();
    s.password = kPassword;
    s.mount_timeout = std::chrono::milliseconds(0);
    return s;
}

std::unique_ptr<DockedCamera> CameraFixture::open_camera() {
    auto cam = link_->open(1);
    if (!cam.ok()) {
        ADD_FAILURE() << log_line(cam.error());
        return nullptr;
    }
    return std::move(cam).value();
}

std::map<std::string, std::string> CameraFixture::read_state() const {
    std::map<std::string, std::string> state;
    std::ifstream in(slot_dir_ / "state.ini");
    std::string line;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (eq != std::string::npos) state[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return state;
}

void CameraFixture::set_state(const std::string& key, const std::string& value) {
    auto state = read_state();
    state[key] = value;
    write_state(slot_dir_, state);
}

}  // namespace custody::test
