#include "kiosk/cli/backup_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

#include "kiosk/archive/durable_dirs.h"
#include "kiosk/archive/posix_errors.h"
#include "kiosk/archive/sha256.h"
#include "kiosk/archive/unique_fd.h"

namespace custody::cli::backup {

namespace {

using archive::errno_text;
using archive::UniqueFd;

constexpr std::size_t kChunk = 1 << 20;

std::string parent_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

Error write_failure(const std::string& path, int e) {
    if (archive::out_of_space(e)) return Error(MessageId::BackupNoSpace, {path}, path + ": " + errno_text(e));
    return Error(MessageId::FileUnwritable, {path, errno_text(e)});
}

bool write_all(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// The temporary file, its bytes on disk, then its name: the steps every file of a backup
// or a restore goes through. `fill` writes the content and returns 0 or an errno.
template <class Fill>
Status write_then_rename(const std::string& to, mode_t mode, Fill fill) {
    const std::string part = to + ".part";
    ::unlink(part.c_str());  // left by a run that was killed
    UniqueFd out(::open(part.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600));
    if (!out) return fail(write_failure(part, errno));
    auto undo = [&](Error e) {
        out.reset();
        ::unlink(part.c_str());
        return fail(std::move(e));
    };
    Status filled = fill(out.get());
    if (!filled) return undo(filled.error());
    if (::fsync(out.get()) != 0) return undo(write_failure(to, errno));
    if (::fchmod(out.get(), mode) != 0) return undo(write_failure(to, errno));
    if (int e = out.close_checked()) return undo(write_failure(to, e));
    if (std::rename(part.c_str(), to.c_str()) != 0) {
        const int e = errno;
        ::unlink(part.c_str());
        return fail(write_failure(to, e));
    }
    return fsync_folder(parent_of(to));
}

bool is_hex_digest(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// Inside the folder: relative, no empty, "." or ".." part (a MANIFEST edited to reach
// outside the backup is malformed, not followed).
bool safe_relative(const std::string& p) {
    if (p.empty() || p.front() == '/') return false;
    std::size_t at = 0;
    while (at <= p.size()) {
        auto slash = p.find('/', at);
        if (slash == std::string::npos) slash = p.size();
        const std::string part = p.substr(at, slash - at);
        if (part.empty() || part == "." || part == "..") return false;
        at = slash + 1;
    }
    return true;
}

}  // namespace

Status fsync_folder(const std::string& path) {
    if (int e = archive::fsync_dir(path)) return fail(write_failure(path, e));
    return {};
}

Result<CopiedFile> copy_durably(const std::string& from, const std::string& to, mode_t mode) {
    UniqueFd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!in) return fail(Error(MessageId::FileUnreadable, {from, errno_text(errno)}));
    CopiedFile copied;
    archive::Sha256 hash;
    std::vector<char> buffer(kChunk);
    auto status = write_then_rename(to, mode, [&](int out) -> Status {
        while (true) {
            ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                return fail(Error(MessageId::FileUnreadable, {from, errno_text(errno)}));
            }
            if (n == 0) return {};
            hash.update(buffer.data(), static_cast<std::size_t>(n));
            if (!write_all(out, buffer.data(), static_cast<std::size_t>(n))) return fail(write_failure(to, errno));
            copied.bytes += n;
        }
    });
    if (!status) return fail(status.error());
    copied.sha256 = hash.hex_digest();
    return copied;
}

bool link_durably(const std::string& from, const std::string& to) {
    if (::link(from.c_str(), to.c_str()) != 0) return false;
    if (archive::fsync_dir(parent_of(to)) != 0) {
        ::unlink(to.c_str());
        return false;
    }
    return true;
}

// Reads `fd` to its end in chunks, handing each to `take`.
static Status read_through(int fd, const std::string& path, const std::function<void(const char*, std::size_t)>& take) {
    std::vector<char> buffer(kChunk);
    while (true) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(Error(MessageId::FileUnreadable, {path, errno_text(errno)}));
        }
        if (n == 0) return {};
        take(buffer.data(), static_cast<std::size_t>(n));
    }
}

Result<CopiedFile> hash_file(const std::string& path) {
    UniqueFd in(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!in) return fail(Error(MessageId::FileUnreadable, {path, errno_text(errno)}));
    CopiedFile f;
    archive::Sha256 hash;
    CUSTODY_TRY(read_through(in.get(), path, [&](const char* data, std::size_t n) {
        hash.update(data, n);
        f.bytes += static_cast<std::int64_t>(n);
    }));
    f.sha256 = hash.hex_digest();
    return f;
}

Status write_manifest(const std::string& folder, const std::vector<ManifestEntry>& entries) {
    std::string text;
    for (const auto& e : entries) text += e.sha256 + "  " + e.path + "\n";
    const std::string path = folder + "/" + kManifest;
    return write_then_rename(path, 0444, [&](int out) -> Status {
        if (!write_all(out, text.data(), text.size())) return fail(write_failure(path, errno));
        return {};
    });
}

Result<std::vector<ManifestEntry>> read_manifest(const std::string& folder) {
    const std::string path = folder + "/" + kManifest;
    UniqueFd in(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!in) {
        if (errno == ENOENT) return fail(Error(MessageId::BackupIncomplete, {folder}));
        return fail(Error(MessageId::FileUnreadable, {path, errno_text(errno)}));
    }
    std::string text;
    CUSTODY_TRY(read_through(in.get(), path, [&](const char* data, std::size_t n) { text.append(data, n); }));
    std::vector<ManifestEntry> entries;
    std::size_t at = 0;
    int line = 0;
    while (at < text.size()) {
        ++line;
        auto nl = text.find('\n', at);
        if (nl == std::string::npos) return fail(Error(MessageId::BackupManifestMalformed, {path, std::to_string(line)}));
        const std::string l = text.substr(at, nl - at);
        at = nl + 1;
        ManifestEntry e{l.substr(0, 64), l.size() > 66 ? l.substr(66) : ""};
        if (l.size() <= 66 || l.compare(64, 2, "  ") != 0 || !is_hex_digest(e.sha256) || !safe_relative(e.path))
            return fail(Error(MessageId::BackupManifestMalformed, {path, std::to_string(line)}));
        entries.push_back(std::move(e));
    }
    if (entries.empty()) return fail(Error(MessageId::BackupManifestMalformed, {path, "1"}));
    return entries;
}

std::string utc_stamp(Timestamp now) {
    const std::time_t secs = static_cast<std::time_t>(now.ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

}  // namespace custody::cli::backup
