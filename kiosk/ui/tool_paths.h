#pragma once
// Where the kiosk finds the programs it starts in --demo: beside its own executable
// once installed, else where the build put them.

#include <string>

namespace custody::ui {

std::string custodyctl_program();
std::string badge_sim_program();
std::string cabinet_sim_program();
std::string camera_sim_program();
std::string gat947_sim_library();

}  // namespace custody::ui
