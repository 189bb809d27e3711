#include "kiosk/archive/durable_dirs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "kiosk/archive/archive_path.h"
#include "kiosk/archive/unique_fd.h"

namespace custody::archive {

int fsync_dir(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd) return errno;
    if (::fsync(fd.get()) != 0) return errno;
    return 0;
}

int make_dirs(const std::string& root, const std::string& relative_dir) {
    std::string parent = root;
    std::size_t pos = 0;
    while (pos < relative_dir.size()) {
        auto slash = relative_dir.find('/', pos);
        if (slash == std::string::npos) slash = relative_dir.size();
        const std::string part = relative_dir.substr(pos, slash - pos);
        pos = slash + 1;
        if (part.empty() || part == ".") continue;
        const std::string dir = join(parent, part);
        if (::mkdir(dir.c_str(), 0755) == 0) {
            if (int e = fsync_dir(dir)) return e;
            if (int e = fsync_dir(parent)) return e;
        } else if (errno == EEXIST) {
            struct stat st {};
            if (::stat(dir.c_str(), &st) != 0) return errno;
            if (!S_ISDIR(st.st_mode)) return ENOTDIR;
        } else {
            return errno;
        }
        parent = dir;
    }
    return 0;
}

}  // namespace custody::archive
