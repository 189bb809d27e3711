// DiskArchive::copy_in: the verified copy of one recording off a camera (R15).

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <string_view>

#include "kiosk/archive/archive_path.h"
#include "kiosk/archive/disk_archive.h"
#include "kiosk/archive/durable_dirs.h"
#include "kiosk/archive/hashing_copy.h"
#include "kiosk/archive/posix_errors.h"
#include "kiosk/archive/unique_fd.h"

namespace custody::archive {
namespace {

// Until disarmed, removes both the temporary file and the target: a failed copy_in
// leaves nothing at its path, not even an older copy it was replacing.
class Leftovers {
public:
    Leftovers(std::string part, std::string target, std::string folder)
        : part_(std::move(part)), target_(std::move(target)), folder_(std::move(folder)) {}
    ~Leftovers() {
        if (!armed_) return;
        bool removed = ::unlink(part_.c_str()) == 0;
        removed = (::unlink(target_.c_str()) == 0) || removed;
        if (removed) (void)fsync_dir(folder_);
    }
    Leftovers(const Leftovers&) = delete;
    Leftovers& operator=(const Leftovers&) = delete;
    void disarm() { armed_ = false; }

private:
    std::string part_, target_, folder_;
    bool armed_ = true;
};

Error source_error(const std::string& source, int e, std::string_view step) {
    return Error(MessageId::SourceReadError, {source, errno_text(e)},
                 source + ": " + std::string(step) + ": " + errno_text(e));
}

// The camera's file was unplugged, unmounted or deleted: its path no longer resolves.
bool path_gone(int e) { return e == ENOENT || e == ENOTDIR || e == ENODEV || e == ENXIO; }

// After a read failed: the reason a custodian can act on is that the camera went away.
Error read_failure(const std::string& source, int e) {
    struct stat st {};
    if (::stat(source.c_str(), &st) != 0 && path_gone(errno))
        return Error(MessageId::SourceVanished, {source}, source + ": read: " + errno_text(e));
    return source_error(source, e, "read");
}

bool same_mtime(const struct stat& a, const struct stat& b) {
    return a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

// The source as it was when the copy began against what is there now.
std::optional<Error> source_moved(const std::string& source, int fd, const struct stat& before, std::int64_t read) {
    struct stat now {};
    if (::stat(source.c_str(), &now) != 0) {
        const int e = errno;
        if (path_gone(e)) return Error(MessageId::SourceVanished, {source}, source + ": gone after the copy");
        return source_error(source, e, "stat");
    }
    if (now.st_dev != before.st_dev || now.st_ino != before.st_ino)
        return Error(MessageId::SourceChanged, {source}, source + ": replaced by another file during the copy");
    struct stat after {};
    if (::fstat(fd, &after) != 0) return source_error(source, errno, "fstat");
    if (after.st_size != before.st_size || read != before.st_size || !same_mtime(after, before))
        return Error(MessageId::SourceChanged, {source},
                     source + ": " + std::to_string(before.st_size) + " bytes at the start, " +
                         std::to_string(after.st_size) + " at the end, " + std::to_string(read) + " read");
    return std::nullopt;
}

}  // namespace

Result<ArchivedCopy> DiskArchive::copy_in(const std::string& source, const std::string& relative,
                                          const ByteProgress& progress) {
    const std::string target = absolute(relative);
    const std::string part = target + kPartSuffix;
    const std::string folder = folder_of(relative);
    Leftovers leftovers(part, target, folder);

    // O_NONBLOCK only so that a FIFO or device node in the source cannot hang the open.
    UniqueFd src(::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!src) {
        const int e = errno;
        if (path_gone(e)) return fail(Error(MessageId::SourceVanished, {source}, source + ": open: " + errno_text(e)));
        return fail(source_error(source, e, "open"));
    }
    struct stat before {};
    if (::fstat(src.get(), &before) != 0) return fail(source_error(source, errno, "fstat"));
    if (!S_ISREG(before.st_mode)) {
        if (S_ISDIR(before.st_mode)) return fail(source_error(source, EISDIR, "open"));
        return fail(Error(MessageId::SourceReadError, {source, "not a regular file"}, source));
    }
    (void)::fcntl(src.get(), F_SETFL, 0);
    (void)posix_fadvise(src.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    const std::int64_t size = before.st_size;

    if (int e = make_dirs(root_, parent_of(relative)); e != 0)
        return fail(archive_write_failure(relative, "mkdir", e, size));
    if (::unlink(part.c_str()) != 0 && errno != ENOENT) {
        const int e = errno;
        return fail(archive_write_failure(relative, "unlink stale " + part, e, size));
    }
    UniqueFd out(::open(part.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644));
    if (!out) {
        const int e = errno;
        return fail(archive_write_failure(relative, "create " + part, e, size));
    }

    HashingCopy copy = hashing_copy(src.get(), out.get(), progress);
    if (copy.write_errno != 0)
        return fail(archive_write_failure(relative, copy.write_step, copy.write_errno,
                                          std::max(size, copy.bytes_read) - copy.bytes_written));
    if (copy.read_errno != 0) return fail(read_failure(source, copy.read_errno));
    if (auto moved = source_moved(source, src.get(), before, copy.bytes_read)) return fail(*moved);
    src.reset();

    // Read-only before it gets its final name, so the fsync below also makes the mode
    // durable and the target is never writable.
    if (::fchmod(out.get(), 0444) != 0) return fail(archive_write_failure(relative, "chmod", errno, 0));
    // Delayed allocation may report a full disk only now; how much of the file made it
    // is unknown, so the whole file is what must fit.
    if (::fsync(out.get()) != 0) return fail(archive_write_failure(relative, "fsync", errno, copy.bytes_read));
    if (::rename(part.c_str(), target.c_str()) != 0) return fail(archive_write_failure(relative, "rename", errno, 0));
    if (int e = fsync_dir(folder); e != 0) return fail(archive_write_failure(relative, "fsync folder", e, 0));
    // Clean pages only now (after fsync), so the advice drops all of them and the read
    // below comes from the disk rather than from what was just written.
    (void)posix_fadvise(out.get(), 0, 0, POSIX_FADV_DONTNEED);
    if (int e = out.close_checked(); e != 0) return fail(archive_write_failure(relative, "close", e, copy.bytes_read));

    UniqueFd back(::open(target.c_str(), O_RDONLY | O_CLOEXEC));
    if (!back) return fail(archive_write_failure(relative, "open to read back", errno, 0));
    (void)posix_fadvise(back.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    FileDigest reread = digest_file(back.get());
    (void)posix_fadvise(back.get(), 0, 0, POSIX_FADV_DONTNEED);
    if (reread.read_errno != 0) return fail(archive_write_failure(relative, "read back", reread.read_errno, 0));
    if (reread.sha256 != copy.sha256 || reread.bytes != copy.bytes_read)
        return fail(Error(MessageId::ArchiveVerifyMismatch, {relative},
                          relative + ": copied " + copy.sha256 + " (" + std::to_string(copy.bytes_read) +
                              " bytes), read back " + reread.sha256 + " (" + std::to_string(reread.bytes) + " bytes)"));

    leftovers.disarm();
    return ArchivedCopy{copy.sha256, copy.bytes_read};
}

}  // namespace custody::archive
