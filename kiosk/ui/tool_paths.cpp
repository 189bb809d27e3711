#include "kiosk/ui/tool_paths.h"

#include <filesystem>
#include <system_error>

namespace custody::ui {

namespace {

namespace fs = std::filesystem;

std::string beside_me_or(const std::string& name, const char* built) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& candidate : {self.parent_path() / name, self.parent_path() / "../lib/custody-kiosk" / name}) {
            if (fs::exists(candidate, ec)) return candidate.lexically_normal().string();
        }
    }
    return built;
}

}  // namespace

std::string custodyctl_program() { return beside_me_or("custodyctl", CUSTODY_BUILD_CUSTODYCTL); }
std::string badge_sim_program() { return beside_me_or("badge-sim", CUSTODY_BUILD_BADGE_SIM); }
std::string cabinet_sim_program() { return beside_me_or("cabinet-sim", CUSTODY_BUILD_CABINET_SIM); }
std::string camera_sim_program() { return beside_me_or("camera-sim", CUSTODY_BUILD_CAMERA_SIM); }
std::string gat947_sim_library() { return beside_me_or("libgat947-sim.so", CUSTODY_BUILD_GAT947_SIM); }

}  // namespace custody::ui
