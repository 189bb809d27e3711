#pragma once
// custody-kiosk's command line.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/core/result.h"

namespace custody::ui {

struct KioskOptions {
    bool demo = false;
    bool help = false;
    std::string db_path;       // default: the same place custodyctl uses
    std::string config_path;   // default: config::default_config_path()
    std::string archive_root;  // default: $CUSTODY_ARCHIVE, else <db dir>/archive
    std::optional<bool> full_screen;  // default: full screen, windowed in --demo
    int width = 0, height = 0;        // default: the display's size, 1280x800 in --demo
    std::optional<Lang> lang;
};

Result<KioskOptions> parse_kiosk_options(const std::vector<std::string>& args);
std::string kiosk_usage();

}  // namespace custody::ui
