#include "kiosk/service/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>

#include "kiosk/core/log.h"

namespace custody::service {

namespace {
void notify(const char* state) {
    if (int rc = sd_notify(0, state); rc < 0)
        log_event(LogLevel::Warning, std::string("systemd notification ") + state + " failed: error " + std::to_string(-rc));
}
}  // namespace

void notify_ready() { notify("READY=1"); }
void notify_watchdog() { notify("WATCHDOG=1"); }
void notify_stopping() { notify("STOPPING=1"); }

std::optional<std::chrono::milliseconds> watchdog_ping_interval() {
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!usec || !*usec || !std::getenv("NOTIFY_SOCKET")) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(usec, &end, 10);
    if (errno || *end || v == 0) return std::nullopt;
    return std::chrono::milliseconds(std::max<unsigned long long>(1, v / 2000));
}

}  // namespace custody::service
