#include "kiosk/archive/archive_path.h"

#include <stdexcept>
#include <string_view>

namespace custody::archive {

void require_inside(const std::string& relative) {
    auto refuse = [&](const char* why) {
        throw std::logic_error("archive path \"" + relative + "\" " + why);
    };
    if (relative.empty()) refuse("is empty");
    if (relative.front() == '/') refuse("is absolute");
    if (relative.find('\0') != std::string::npos) refuse("holds a NUL byte");
    std::string_view rest(relative);
    while (!rest.empty()) {
        auto slash = rest.find('/');
        std::string_view part = rest.substr(0, slash);
        if (part == "..") refuse("climbs out of the archive");
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
}

std::string join(const std::string& root, const std::string& relative) {
    if (!root.empty() && root.back() == '/') return root + relative;
    return root + "/" + relative;
}

std::string parent_of(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return "";
    auto end = path.find_last_not_of('/', slash);  // "a//b" is in "a"
    return end == std::string::npos ? "/" : path.substr(0, end + 1);
}

}  // namespace custody::archive
