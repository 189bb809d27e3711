#include "hardware/camera/mount_table.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

namespace custody::camera {
namespace {

bool is_octal(char c) { return c >= '0' && c <= '7'; }

// The kernel writes space, tab, newline and backslash in paths as \ooo.
std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool escape = s[i] == '\\' && i + 3 < s.size() && is_octal(s[i + 1]) && s[i + 1] <= '3' &&
                      is_octal(s[i + 2]) && is_octal(s[i + 3]);
        if (escape) {
            out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
            i += 3;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        auto at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

template <class N>
bool number(std::string_view s, N& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

std::optional<MountEntry> parse_line(std::string_view line) {
    // id parent major:minor root mount-point options [optional fields...] - type source super-options
    auto f = split(line, ' ');
    std::size_t dash = 6;
    while (dash < f.size() && f[dash] != "-") ++dash;
    if (dash + 3 >= f.size()) return std::nullopt;  // no separator, or fewer than three fields after it
    MountEntry e;
    auto colon = f[2].find(':');
    if (colon == std::string_view::npos || !number(f[0], e.mount_id) || !number(f[1], e.parent_id) ||
        !number(f[2].substr(0, colon), e.major) || !number(f[2].substr(colon + 1), e.minor))
        return std::nullopt;
    e.root = unescape(f[3]);
    e.mount_point = unescape(f[4]);
    for (auto opt : split(f[5], ','))
        if (opt == "ro") e.read_only = true;
    e.fs_type = unescape(f[dash + 1]);
    e.source = unescape(f[dash + 2]);
    return e;
}

}  // namespace

Result<std::vector<MountEntry>> parse_mountinfo(std::string_view text, const std::string& origin) {
    std::vector<MountEntry> table;
    std::size_t line_no = 0;
    for (auto line : split(text, '\n')) {
        ++line_no;
        if (line.empty()) continue;
        auto e = parse_line(line);
        if (!e)
            return fail(Error(MessageId::MountTableUnreadable, {origin, "line " + std::to_string(line_no)},
                              "unexpected layout: " + std::string(line)));
        table.push_back(std::move(*e));
    }
    return table;
}

Result<std::vector<MountEntry>> read_mount_table(const std::string& path) {
    std::ifstream in(path);
    if (!in) return fail(Error(MessageId::MountTableUnreadable, {path, std::strerror(errno)}, "open failed"));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return fail(Error(MessageId::MountTableUnreadable, {path, std::strerror(errno)}, "read failed"));
    return parse_mountinfo(text.str(), path);
}

std::optional<MountEntry> whole_volume_mount(const std::vector<MountEntry>& table, unsigned major, unsigned minor,
                                             std::string_view devnode) {
    const MountEntry* best = nullptr;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const MountEntry& e = table[i];
        // FUSE filesystems (exfat-fuse, ntfs-3g) get an anonymous device number but name
        // the node they read as their source.
        bool same_device = (e.major == major && e.minor == minor) || (!devnode.empty() && e.source == devnode);
        if (!same_device || e.root != "/") continue;
        bool covered = false;
        for (std::size_t j = i + 1; j < table.size() && !covered; ++j) covered = table[j].mount_point == e.mount_point;
        if (covered) continue;
        if (best == nullptr || (best->read_only && !e.read_only)) best = &e;
    }
    if (best == nullptr) return std::nullopt;
    return *best;
}

}  // namespace custody::camera
