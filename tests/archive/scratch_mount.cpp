#include "tests/archive/scratch_mount.h"

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace custody::test {
namespace {

std::string errno_reason(const std::string& what) { return what + ": " + std::strerror(errno); }

bool write_proc(const char* path, const std::string& text, std::string& why) {
    std::ofstream f(path);
    f << text;
    f.close();
    if (!f) why = std::string("cannot write ") + path;
    return static_cast<bool>(f);
}

// Once per process: an own mount namespace whose mounts do not propagate back.
std::string enter_private_mount_namespace() {
    if (geteuid() == 0) {
        if (unshare(CLONE_NEWNS) != 0) return errno_reason("unshare(CLONE_NEWNS) as root");
    } else {
        // Like `unshare -rm`: map ourselves to root in a new user namespace, which may
        // mount a tmpfs. Needs a single-threaded process, which a test is here.
        const uid_t uid = geteuid();
        const gid_t gid = getegid();
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return errno_reason("not root, and unshare(CLONE_NEWUSER | CLONE_NEWNS) failed (user namespaces disabled?)");
        std::string why;
        if (!write_proc("/proc/self/setgroups", "deny", why) ||
            !write_proc("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1\n", why) ||
            !write_proc("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1\n", why))
            return why;
    }
    if (mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return errno_reason("making / private in the new mount namespace");
    return "";
}

}  // namespace

std::unique_ptr<ScratchMount> ScratchMount::tmpfs(const std::filesystem::path& dir, const std::string& options,
                                                  std::string& why) {
    static const std::string namespace_error = enter_private_mount_namespace();
    if (!namespace_error.empty()) {
        why = "cannot mount a tmpfs for this test: " + namespace_error;
        return nullptr;
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string data = options;
    unsigned long flags = 0;
    if (data.rfind("ro,", 0) == 0) {
        flags |= MS_RDONLY;
        data.erase(0, 3);
    }
    if (mount("tmpfs", dir.c_str(), "tmpfs", flags, data.c_str()) != 0) {
        why = errno_reason("mount -t tmpfs -o " + options + " tmpfs " + dir.string());
        return nullptr;
    }
    return std::unique_ptr<ScratchMount>(new ScratchMount(dir));
}

ScratchMount::~ScratchMount() {
    if (umount2(dir_.c_str(), 0) != 0) umount2(dir_.c_str(), MNT_DETACH);
}

}  // namespace custody::test
