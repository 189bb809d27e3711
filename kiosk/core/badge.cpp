#include "kiosk/core/badge.h"

#include <cctype>

namespace custody {

std::string normalise_badge_uid(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ':' || c == ' ' || c == '-') continue;
        if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    // ISO 14443A UIDs are 4, 7 or 10 bytes; 5-byte legacy tags exist too.
    if (out.size() < 8 || out.size() > 20 || out.size() % 2 != 0) return {};
    return out;
}

}  // namespace custody
