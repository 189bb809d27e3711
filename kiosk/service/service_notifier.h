#pragma once
// The kiosk tells systemd it is up (READY=1, for Type=notify) and keeps pinging the
// unit's watchdog (WATCHDOG=1) from its UI loop, so a hung screen is restarted like a
// crashed one. The kiosk runs as xinit's grandchild, not as the unit's main process, so
// the watchdog interval is read from $WATCHDOG_USEC without sd_watchdog_enabled()'s
// check that this process is the one meant (the unit sets NotifyAccess=all).

#include <chrono>
#include <optional>

namespace custody::service {

// Nothing happens outside systemd ($NOTIFY_SOCKET unset).
void notify_ready();
void notify_watchdog();
void notify_stopping();
// How often to ping: half the unit's WatchdogSec; nullopt when there is no watchdog.
std::optional<std::chrono::milliseconds> watchdog_ping_interval();

}  // namespace custody::service
