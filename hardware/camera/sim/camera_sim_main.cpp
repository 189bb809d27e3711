// camera-sim: makes and changes the slot directories libgat947-sim.so serves a simulated
// camera from, so an integrator can dock one, inject its faults and look at its state
// without editing files by hand. See docs/hardware/camera-gat947.md.
//   camera-sim init DIR --serial S [--id-code C] [--password P] [--firmware F] [--battery N]
//   camera-sim fault DIR wrong-password|clock-off|storage-error|unplug|clear
//   camera-sim set DIR KEY=VALUE...
//   camera-sim show DIR
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "hardware/camera/sim/sim_state.h"

namespace fs = std::filesystem;
using gat947sim::SimState;

namespace {

int usage(const std::string& why) {
    std::fprintf(stderr,
                 "camera-sim: %s\n"
                 "usage: camera-sim init DIR --serial S [--id-code C] [--password P] [--firmware F] [--battery N]\n"
                 "       camera-sim fault DIR wrong-password|clock-off|storage-error|unplug|clear\n"
                 "       camera-sim set DIR KEY=VALUE...\n"
                 "       camera-sim show DIR\n",
                 why.c_str());
    return 2;
}

// The keys the library reads (gat947_sim.cpp); anything else would be silently ignored.
const std::vector<std::string> kKeys = {"serial", "id_code", "firmware", "password", "battery_pct", "clock_offset_s",
                                        "storage_total_mb", "width", "height", "user_no", "user_name_gbk", "unit_no",
                                        "unit_name_gbk", "fault_wrong_password", "fault_storage_error",
                                        "fault_unplugged", "msdc"};

bool known(const std::string& key) {
    for (const auto& k : kKeys)
        if (k == key) return true;
    return false;
}

int save(const SimState& s) {
    if (!s.save()) {
        std::fprintf(stderr, "camera-sim: cannot write %s/state.ini\n", s.dir().c_str());
        return 1;
    }
    return 0;
}

int init(const std::string& dir, int argc, char** argv) {
    std::map<std::string, std::string> opt = {{"--id-code", "SIM-DSJ1"}, {"--password", "123456"},
                                              {"--firmware", "V2.1.0"}, {"--battery", "95"}};
    for (int i = 0; i < argc; i += 2) {
        std::string k = argv[i];
        if (i + 1 >= argc) return usage(k + " needs a value");
        if (k != "--serial" && !opt.count(k)) return usage("unknown option " + k);
        opt[k] = argv[i + 1];
    }
    if (!opt.count("--serial") || opt["--serial"].empty() || opt["--serial"].size() > 7)
        return usage("--serial takes 1 to 7 characters (the camera's 8-byte serial field)");
    if (opt["--password"].size() != 6) return usage("--password takes 6 characters");
    if (fs::exists(fs::path(dir) / "state.ini")) return usage(dir + " already holds a camera");
    std::error_code ec;
    fs::create_directories(fs::path(dir) / "volume", ec);
    if (ec) {
        std::fprintf(stderr, "camera-sim: cannot create %s: %s\n", dir.c_str(), ec.message().c_str());
        return 1;
    }
    SimState s = SimState::fresh(fs::absolute(dir).string());
    for (const auto& [k, v] : std::map<std::string, std::string>{
             {"serial", opt["--serial"]}, {"id_code", opt["--id-code"]}, {"firmware", opt["--firmware"]},
             {"password", opt["--password"]}, {"battery_pct", opt["--battery"]}, {"clock_offset_s", "0"},
             {"storage_total_mb", "32768"}, {"user_no", "000000"}, {"user_name_gbk", ""}, {"unit_no", ""},
             {"unit_name_gbk", ""}, {"fault_wrong_password", "0"}, {"fault_storage_error", "0"},
             {"fault_unplugged", "0"}})
        s.set(k, v);
    if (int rc = save(s); rc != 0) return rc;
    // What kiosk.conf's [slot.N] needs to reach this camera.
    std::printf("init_code = %s@%s\nmount_path = %s/volume\n", opt["--id-code"].c_str(), s.dir().c_str(),
                s.dir().c_str());
    return 0;
}

int fault(SimState& s, const std::string& which) {
    if (which == "wrong-password") s.set("fault_wrong_password", "1");
    else if (which == "clock-off") s.set("clock_offset_s", "3600");
    else if (which == "storage-error") s.set("fault_storage_error", "1");
    else if (which == "unplug") s.set("fault_unplugged", "1");
    else if (which == "clear") {
        for (const char* k : {"fault_wrong_password", "fault_storage_error", "fault_unplugged", "clock_offset_s"})
            s.set(k, "0");
    } else {
        return usage("unknown fault " + which);
    }
    return save(s);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage("a command and a slot directory are needed");
    const std::string cmd = argv[1], dir = argv[2];
    if (cmd == "init") return init(dir, argc - 3, argv + 3);
    auto state = SimState::load(dir);
    if (!state) {
        std::fprintf(stderr, "camera-sim: %s holds no camera (no state.ini): run camera-sim init first\n", dir.c_str());
        return 1;
    }
    if (cmd == "show") {
        if (argc != 3) return usage("show takes only the directory");
        for (const auto& [k, v] : state->values()) std::printf("%s=%s\n", k.c_str(), v.c_str());
        return 0;
    }
    if (cmd == "fault") {
        if (argc != 4) return usage("fault takes one fault name");
        return fault(*state, argv[3]);
    }
    if (cmd == "set") {
        if (argc < 4) return usage("set takes KEY=VALUE pairs");
        for (int i = 3; i < argc; ++i) {
            std::string kv = argv[i];
            auto eq = kv.find('=');
            if (eq == std::string::npos || !known(kv.substr(0, eq))) return usage("not a known KEY=VALUE: " + kv);
            state->set(kv.substr(0, eq), kv.substr(eq + 1));
        }
        return save(*state);
    }
    return usage("unknown command " + cmd);
}
