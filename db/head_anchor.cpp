#include "db/head_anchor.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace custody::db {

namespace {

Digest anchor_mac(const KioskKey& key, const HeadAnchor& a) {
    return entry_mac(key, sha256("custody-head/1;" + std::to_string(a.seq) + ";" + hex(a.hash)));
}

class FileLock {
public:
    explicit FileLock(const std::string& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~FileLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool held() const { return fd_ >= 0; }

private:
    int fd_;
};

}  // namespace

std::string anchor_path_for(const std::string& db_path) { return db_path + ".head"; }

std::optional<HeadAnchor> read_anchor(const std::string& path, const KioskKey& key) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::string magic, seq, hash_hex, mac_hex;
    in >> magic >> seq >> hash_hex >> mac_hex;
    if (magic != "custody-head/1") return std::nullopt;
    HeadAnchor a;
    try {
        a.seq = std::stoll(seq);
    } catch (...) {
        return std::nullopt;
    }
    auto h = digest_from_hex(hash_hex);
    auto m = digest_from_hex(mac_hex);
    if (!h || !m) return std::nullopt;
    a.hash = *h;
    if (!digests_equal(*m, anchor_mac(key, a))) return std::nullopt;
    return a;
}

namespace {

Status write_anchor(const std::string& path, const KioskKey& key, const HeadAnchor& head) {
    std::string tmp = path + ".tmp";
    std::string body = "custody-head/1 " + std::to_string(head.seq) + " " + hex(head.hash) + " " +
                       hex(anchor_mac(key, head)) + "\n";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return fail(Error(MessageId::FileUnwritable, {tmp, std::strerror(errno)}));
    bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
    int err = errno;
    ::close(fd);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        if (ok) err = errno;
        ::unlink(tmp.c_str());
        return fail(Error(MessageId::FileUnwritable, {path, std::strerror(err)}));
    }
    return {};
}

}  // namespace

Status create_genesis_anchor(const std::string& path, const KioskKey& key) {
    FileLock lock(path + ".lock");
    if (!lock.held()) return fail(Error(MessageId::FileUnwritable, {path + ".lock", std::strerror(errno)}));
    return write_anchor(path, key, HeadAnchor{});
}

Status advance_anchor(const std::string& path, const KioskKey& key, const HeadAnchor& head) {
    FileLock lock(path + ".lock");
    if (!lock.held()) return fail(Error(MessageId::FileUnwritable, {path + ".lock", std::strerror(errno)}));
    auto cur = read_anchor(path, key);
    if (!cur) return fail(Error(MessageId::AuditAnchorMissing, {path}));
    if (cur->seq >= head.seq) return {};
    return write_anchor(path, key, head);
}

}  // namespace custody::db
