#pragma once
// The kernel's table of mounts (/proc/self/mountinfo), parsed without touching the system
// so the rules can be tested on fixture text, and the choice of which mount of a block
// device holds a camera's whole volume.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::camera {

inline constexpr const char* kMountInfoPath = "/proc/self/mountinfo";

struct MountEntry {
    int mount_id = 0;
    int parent_id = 0;
    unsigned major = 0;
    unsigned minor = 0;
    std::string root;  // the directory of the filesystem shown here: "/" unless a bind of a subdirectory
    std::string mount_point;
    bool read_only = false;
    std::string fs_type;
    std::string source;  // what was mounted, e.g. "/dev/sdb1"
};

// One entry per line, octal escapes (\040 for a space) decoded. A line that does not have
// the kernel's layout is MountTableUnreadable naming `origin` and the line number.
Result<std::vector<MountEntry>> parse_mountinfo(std::string_view text, const std::string& origin = kMountInfoPath);

// parse_mountinfo of the file at `path`.
Result<std::vector<MountEntry>> read_mount_table(const std::string& path = kMountInfoPath);

// Where the block device `major:minor` (node `devnode`) is mounted whole and visible: a
// mount of a subdirectory only (a bind) would hide recordings from offload and wipe, and one
// covered by a later mount on the same point shows nothing of it. Of the rest, read-write
// before read-only, then the earliest (bind copies come after the original).
std::optional<MountEntry> whole_volume_mount(const std::vector<MountEntry>& table, unsigned major, unsigned minor,
                                             std::string_view devnode);

}  // namespace custody::camera
