#include "kiosk/archive/disk_archive.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <string_view>

#include "kiosk/archive/archive_path.h"
#include "kiosk/archive/durable_dirs.h"
#include "kiosk/archive/hashing_copy.h"
#include "kiosk/archive/posix_errors.h"
#include "kiosk/archive/unique_fd.h"

namespace custody::archive {
namespace {

Error unavailable(const std::string& root, const std::string& reason, const std::string& detail = {}) {
    return Error(MessageId::ArchiveUnavailable, {root, reason}, detail);
}

Error read_failure(const std::string& relative, std::string_view step, int e) {
    return Error(MessageId::ArchiveReadError, {relative, errno_text(e)},
                 relative + ": " + std::string(step) + ": " + errno_text(e));
}

// Unlinks `path`: true when something was removed, false when nothing was there.
Result<bool> unlink_if_there(const std::string& relative, const std::string& path) {
    if (::unlink(path.c_str()) == 0) return true;
    const int e = errno;
    if (e == ENOENT) return false;
    return fail(archive_write_failure(relative, "unlink " + path, e, 0));
}

}  // namespace

Result<std::unique_ptr<DiskArchive>> DiskArchive::open(const std::string& root) {
    if (root.empty()) return fail(unavailable(root, "no folder was given"));
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(root, ec);
    if (ec) return fail(unavailable(root, ec.message()));
    std::string normal = abs.lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();

    if (int e = make_dirs("/", normal.substr(1)); e != 0) return fail(unavailable(root, errno_text(e), "mkdir"));
    std::string probe = join(normal, ".custody-probe-XXXXXX");
    int fd = ::mkostemp(probe.data(), O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        return fail(unavailable(root, errno_text(e), "create a file"));
    }
    ::close(fd);
    ::unlink(probe.c_str());
    return std::unique_ptr<DiskArchive>(new DiskArchive(std::move(normal)));
}

std::string DiskArchive::absolute(const std::string& relative) const {
    require_inside(relative);
    return join(root_, relative);
}

std::string DiskArchive::folder_of(const std::string& relative) const {
    std::string parent = parent_of(relative);
    return parent.empty() ? root_ : join(root_, parent);
}

Status DiskArchive::discard(const std::string& relative) {
    const std::string target = absolute(relative);
    auto part = unlink_if_there(relative, target + kPartSuffix);
    if (!part) return fail(part.error());
    auto final_file = unlink_if_there(relative, target);
    if (!final_file) return fail(final_file.error());
    if (*part || *final_file) {
        if (int e = fsync_dir(folder_of(relative)); e != 0)
            return fail(archive_write_failure(relative, "fsync folder", e, 0));
    }
    return {};
}

Result<std::string> DiskArchive::rehash(const std::string& relative) {
    const std::string target = absolute(relative);
    UniqueFd fd(::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!fd) {
        const int e = errno;
        if (e == ENOENT) return fail(Error(MessageId::ArchiveFileMissing, {relative}, target));
        return fail(read_failure(relative, "open", e));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return fail(read_failure(relative, "fstat", errno));
    if (!S_ISREG(st.st_mode)) return fail(read_failure(relative, "open", S_ISDIR(st.st_mode) ? EISDIR : EINVAL));
    // The file is fsynced and read-only, so its pages are clean and really dropped.
    (void)posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED);
    (void)posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    FileDigest d = digest_file(fd.get());
    if (d.read_errno != 0) return fail(read_failure(relative, "read", d.read_errno));
    (void)posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED);
    return d.sha256;
}

Status DiskArchive::remove(const std::string& relative) {
    const std::string target = absolute(relative);
    // A read-only file is unlinked all the same: the folder's permission governs.
    if (::unlink(target.c_str()) != 0) {
        const int e = errno;
        if (e == ENOENT) return fail(Error(MessageId::ArchiveFileMissing, {relative}, target));
        return fail(archive_write_failure(relative, "unlink", e, 0));
    }
    if (int e = fsync_dir(folder_of(relative)); e != 0)
        return fail(archive_write_failure(relative, "fsync folder", e, 0));
    return {};
}

Result<std::int64_t> DiskArchive::free_bytes() {
    struct statvfs vfs {};
    if (::statvfs(root_.c_str(), &vfs) != 0) {
        const int e = errno;
        return fail(unavailable(root_, errno_text(e), "statvfs"));
    }
    return static_cast<std::int64_t>(vfs.f_bavail) * static_cast<std::int64_t>(vfs.f_frsize);
}

}  // namespace custody::archive
