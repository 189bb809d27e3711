#include "kiosk/archive/write_behind.h"

#include <fcntl.h>

#include <cerrno>

namespace custody::archive {
namespace {

// A file system without writeback control: fsync alone has to do.
bool not_supported(int e) { return e == EINVAL || e == ENOSYS || e == ESPIPE || e == EOPNOTSUPP; }

}  // namespace

int WriteBehind::written(std::int64_t offset, std::int64_t bytes) {
    if (unsupported_) return 0;
    if (sync_file_range(fd_, offset, bytes, SYNC_FILE_RANGE_WRITE) != 0) {
        if (not_supported(errno)) {
            unsupported_ = true;
            return 0;
        }
        return errno;
    }
    const std::int64_t end = offset + bytes;
    if (end - settled_ <= window_) return 0;
    const std::int64_t upto = end - window_;
    if (sync_file_range(fd_, settled_, upto - settled_,
                        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER) != 0)
        return errno;
    // Clean now, so the advice really drops them: the read-back after fsync must come
    // from the disk, and four slots' footage should not push the kiosk's own pages out.
    (void)posix_fadvise(fd_, settled_, upto - settled_, POSIX_FADV_DONTNEED);
    settled_ = upto;
    return 0;
}

}  // namespace custody::archive
