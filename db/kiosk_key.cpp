#include "db/kiosk_key.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace custody::db {

Result<KioskKey> create_kiosk_key(const std::string& path) {
    KioskKey k;
    if (RAND_bytes(k.bytes.data(), static_cast<int>(k.bytes.size())) != 1)
        return fail(Error(MessageId::CryptoUnavailable, {}, "RAND_bytes failed"));
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return fail(Error(MessageId::KeyExists, {path}));
        return fail(Error(MessageId::FileUnwritable, {path, std::strerror(errno)}));
    }
    bool ok = ::write(fd, k.bytes.data(), k.bytes.size()) == static_cast<ssize_t>(k.bytes.size()) && ::fsync(fd) == 0;
    int err = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        return fail(Error(MessageId::FileUnwritable, {path, std::strerror(err)}));
    }
    return k;
}

Result<KioskKey> load_kiosk_key(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(Error(MessageId::KeyMissing, {path}, std::strerror(errno)));
    KioskKey k;
    unsigned char extra = 0;
    ssize_t n = ::read(fd, k.bytes.data(), k.bytes.size());
    ssize_t more = ::read(fd, &extra, 1);
    ::close(fd);
    if (n != static_cast<ssize_t>(k.bytes.size()) || more != 0) return fail(Error(MessageId::KeyInvalid, {path}));
    return k;
}

}  // namespace custody::db
