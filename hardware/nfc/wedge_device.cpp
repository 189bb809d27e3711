#include "hardware/nfc/wedge_device.h"

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "kiosk/core/log.h"

namespace custody::nfc {

DeviceFd::~DeviceFd() {
    if (fd_ >= 0) ::close(fd_);
}

DeviceFd& DeviceFd::operator=(DeviceFd&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = o.fd_;
        o.fd_ = -1;
    }
    return *this;
}

Result<DeviceFd> open_wedge_device(const std::string& path, bool require_exclusive) {
    DeviceFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        const int err = errno;
        const MessageId id = err == EACCES || err == EPERM ? MessageId::ReaderNoPermission
                                                           : MessageId::ReaderDeviceUnavailable;
        return fail(Error(id, {path, std::strerror(err)}, "open: errno " + std::to_string(err)));
    }
    // Stamps from the monotonic clock keep the inter-key and debounce arithmetic right when
    // the wall clock is set. Only an evdev node takes it (anything else answers ENOTTY), and
    // the arithmetic tolerates a wall clock stepping back, so a refusal changes nothing.
    int clock = CLOCK_MONOTONIC;
    (void)::ioctl(fd.get(), EVIOCSCLOCKID, &clock);

    if (::ioctl(fd.get(), EVIOCGRAB, 1) != 0) {
        const int err = errno;
        Error e(MessageId::ReaderGrabFailed, {path, std::strerror(err)}, "EVIOCGRAB: errno " + std::to_string(err));
        if (require_exclusive) return fail(e);
        log_event(LogLevel::Warning, log_line(e));
    }
    return fd;
}

}  // namespace custody::nfc
