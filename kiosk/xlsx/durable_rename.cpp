#include "kiosk/xlsx/durable_rename.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace custody::xlsx {
namespace {

int fsync_path(const std::string& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return errno;
    int e = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return e;
}

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

RenameFailure publish_durably(const std::string& partial, const std::string& path) {
    int e = fsync_path(partial, O_RDONLY);
    if (e == 0 && ::rename(partial.c_str(), path.c_str()) != 0) e = errno;
    if (e != 0) {
        ::unlink(partial.c_str());
        return {e, path};
    }
    // The new name is durable only once its folder is.
    const std::string folder = folder_of(path);
    if (int d = fsync_path(folder, O_RDONLY | O_DIRECTORY)) return {d, folder};
    return {};
}

}  // namespace custody::xlsx
