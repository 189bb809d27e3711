#pragma once
// kiosk.conf's syntax: "[section]" headers, "key = value" lines, comments on lines that
// start with ';' or '#'. Every entry keeps its line so a mistake can be named exactly.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::config {

struct IniEntry {
    std::string section;
    std::string key;
    std::string value;
    int line = 0;
    int section_line = 0;  // where its [section] header is
};

// ConfigBadLine for a line that is neither a header, an entry, a comment nor blank, and
// for a key set twice in one section.
Result<std::vector<IniEntry>> parse_ini(std::string_view text, const std::string& file_name);

}  // namespace custody::config
