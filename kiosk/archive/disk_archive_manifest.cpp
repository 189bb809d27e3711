// DiskArchive's SHA256SUMS: written aside and renamed into place, so a crash leaves the
// old manifest or the new one, never half of one.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>

#include "kiosk/archive/archive_path.h"
#include "kiosk/archive/disk_archive.h"
#include "kiosk/archive/durable_dirs.h"
#include "kiosk/archive/manifest_format.h"
#include "kiosk/archive/posix_errors.h"
#include "kiosk/archive/unique_fd.h"

namespace custody::archive {
namespace {

int write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

// Reads a whole small file. 0, or the errno.
int read_all(int fd, std::string& out) {
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (n == 0) return 0;
        out.append(buf, static_cast<std::size_t>(n));
    }
}

}  // namespace

Status DiskArchive::write_manifest(const std::string& job_dir, const std::vector<ManifestLine>& lines) {
    require_inside(job_dir);
    const std::string text = format_manifest(lines);
    const std::string relative = job_dir + "/" + kManifestName;
    const std::string dir = join(root_, job_dir);
    const std::string path = join(dir, kManifestName);
    const std::string part = path + kPartSuffix;
    const auto bytes = static_cast<std::int64_t>(text.size());

    if (int e = make_dirs(root_, job_dir); e != 0) return fail(archive_write_failure(relative, "mkdir", e, bytes));
    if (::unlink(part.c_str()) != 0 && errno != ENOENT) {
        const int e = errno;
        return fail(archive_write_failure(relative, "unlink stale " + part, e, bytes));
    }
    UniqueFd fd(::open(part.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644));
    if (!fd) {
        const int e = errno;
        return fail(archive_write_failure(relative, "create " + part, e, bytes));
    }
    auto failed = [&](std::string_view step, int e) {
        fd.reset();
        ::unlink(part.c_str());
        return fail(archive_write_failure(relative, step, e, bytes));
    };
    if (int e = write_all(fd.get(), text); e != 0) return failed("write", e);
    if (::fchmod(fd.get(), 0444) != 0) return failed("chmod", errno);
    if (::fsync(fd.get()) != 0) return failed("fsync", errno);
    if (int e = fd.close_checked(); e != 0) return failed("close", e);
    // Replaces a read-only SHA256SUMS too: renaming over a file needs only the folder
    // to be writable.
    if (::rename(part.c_str(), path.c_str()) != 0) return failed("rename", errno);
    if (int e = fsync_dir(dir); e != 0) return fail(archive_write_failure(relative, "fsync folder", e, 0));
    return {};
}

Result<std::vector<ManifestLine>> DiskArchive::read_manifest(const std::string& job_dir) {
    require_inside(job_dir);
    const std::string relative = job_dir + "/" + kManifestName;
    const std::string path = join(join(root_, job_dir), kManifestName);
    auto read_error = [&](std::string_view step, int e) {
        return fail(Error(MessageId::ArchiveReadError, {relative, errno_text(e)},
                          relative + ": " + std::string(step) + ": " + errno_text(e)));
    };
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!fd) {
        const int e = errno;
        if (e == ENOENT) return fail(Error(MessageId::ArchiveFileMissing, {relative}, path));
        return read_error("open", e);
    }
    std::string text;
    if (int e = read_all(fd.get(), text); e != 0) return read_error("read", e);
    ParsedManifest parsed = parse_manifest(text);
    if (parsed.bad_line)
        return fail(Error(MessageId::ManifestMalformed, {relative, std::to_string(*parsed.bad_line)}, path));
    return std::move(parsed.lines);
}

}  // namespace custody::archive
