#pragma once
// What every `custodyctl hw` command reads: kiosk.conf (--config, else the default
// location), with command-line overrides so an installer can try a device before
// writing it into the file.

#include <string>
#include <vector>

#include "hardware/config/hardware_config.h"
#include "kiosk/cli/args.h"

namespace custody::cli {

// The option names the overrides take; each hw command adds its own.
inline const std::set<std::string> kHardwareOptions = {"config", "reader", "connstring", "device", "cabinet"};

Result<config::HardwareConfig> hardware_config(const Args& a);

}  // namespace custody::cli
