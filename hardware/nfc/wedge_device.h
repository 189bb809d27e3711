#pragma once
// Opening a keyboard-wedge reader's evdev node for the adapter: non-blocking, and grabbed
// (EVIOCGRAB) so the card numbers it types reach the kiosk only, never the desktop or a
// focused text field as keystrokes.

#include <string>

#include "kiosk/core/result.h"

namespace custody::nfc {

// Closes the descriptor it owns; the kernel drops the grab with it.
class DeviceFd {
public:
    DeviceFd() = default;
    explicit DeviceFd(int fd) : fd_(fd) {}
    ~DeviceFd();
    DeviceFd(DeviceFd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    DeviceFd& operator=(DeviceFd&& o) noexcept;
    DeviceFd(const DeviceFd&) = delete;
    DeviceFd& operator=(const DeviceFd&) = delete;
    int get() const { return fd_; }

private:
    int fd_ = -1;
};

// Fails with ReaderNoPermission, ReaderDeviceUnavailable, or (when `require_exclusive`)
// ReaderGrabFailed; a grab that fails when not required is logged and the node is read anyway.
Result<DeviceFd> open_wedge_device(const std::string& path, bool require_exclusive);

}  // namespace custody::nfc
