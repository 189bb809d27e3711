// The kiosk's messages to systemd (READY, WATCHDOG, STOPPING) over the real sd_notify
// protocol: a datagram to $NOTIFY_SOCKET, received here.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "kiosk/service/service_notifier.h"
#include "tests/support/temp_dir.h"

namespace custody::service {
namespace {

class NotifySocket {
public:
    explicit NotifySocket(const std::string& path) : fd_(socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
        bound_ = bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        timeval tv{5, 0};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~NotifySocket() {
        unsetenv("NOTIFY_SOCKET");
        close(fd_);
    }
    bool bound() const { return bound_; }
    std::string next() {
        char buf[512];
        const ssize_t n = recv(fd_, buf, sizeof buf, 0);
        return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string("(nothing)");
    }

private:
    int fd_;
    bool bound_ = false;
};

TEST(ServiceNotifier, ToldSystemdReadyWatchdogAndStopping) {
    test::TempDir dir;
    NotifySocket sock(dir.file("notify"));
    ASSERT_TRUE(sock.bound());
    notify_ready();
    EXPECT_EQ(sock.next(), "READY=1");
    notify_watchdog();
    EXPECT_EQ(sock.next(), "WATCHDOG=1");
    notify_stopping();
    EXPECT_EQ(sock.next(), "STOPPING=1");
}

TEST(ServiceNotifier, PingsAtHalfTheUnitsWatchdogInterval) {
    test::TempDir dir;
    unsetenv("WATCHDOG_USEC");
    {
        NotifySocket sock(dir.file("notify"));
        EXPECT_FALSE(watchdog_ping_interval()) << "no WatchdogSec in the unit";
        setenv("WATCHDOG_USEC", "30000000", 1);
        ASSERT_TRUE(watchdog_ping_interval());
        EXPECT_EQ(*watchdog_ping_interval(), std::chrono::milliseconds(15000));
        setenv("WATCHDOG_USEC", "30s", 1);
        EXPECT_FALSE(watchdog_ping_interval()) << "not a number of microseconds";
        setenv("WATCHDOG_USEC", "30000000", 1);
    }
    EXPECT_FALSE(watchdog_ping_interval()) << "not started by systemd: nobody to ping";
    unsetenv("WATCHDOG_USEC");
}

}  // namespace
}  // namespace custody::service
