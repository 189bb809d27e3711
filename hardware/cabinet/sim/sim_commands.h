#pragma once
// cabinet-sim's control language: one command per line on standard input, one answer
// per line ("ok ..." or "error <reason>"). See docs/hardware/cabinet-modbus.md.

#include <string>

#include "hardware/cabinet/sim/cabinet_model.h"

namespace custody::sim {

struct CommandOutcome {
    std::string reply;  // without the newline
    bool quit = false;
};

CommandOutcome run_command(CabinetModel& model, const std::string& line);

}  // namespace custody::sim
