#include "hardware/nfc/simulator_control.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace custody::nfc {

namespace {
volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }
}  // namespace

SimulatorControl::SimulatorControl() {
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGTERM);
    sigaddset(&blocked, SIGINT);
    sigprocmask(SIG_BLOCK, &blocked, &during_wait_);
    sigdelset(&during_wait_, SIGTERM);
    sigdelset(&during_wait_, SIGINT);
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
}

int SimulatorControl::serve(const char* program, const std::function<bool(const std::string&)>& handle) {
    std::string pending;
    bool stdin_open = true;
    bool quit = false;
    while (!quit && g_stop == 0) {
        pollfd in{STDIN_FILENO, POLLIN, 0};
        const int ready = ppoll(&in, stdin_open ? 1 : 0, nullptr, &during_wait_);
        if (ready < 0) {
            if (errno == EINTR) continue;
            std::fprintf(stderr, "%s: ppoll: %s\n", program, std::strerror(errno));
            return 1;
        }
        char buf[512];
        const ssize_t got = read(STDIN_FILENO, buf, sizeof buf);
        if (got <= 0) {
            stdin_open = false;
            continue;
        }
        pending.append(buf, static_cast<std::size_t>(got));
        for (std::size_t nl; !quit && (nl = pending.find('\n')) != std::string::npos;) {
            const std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            quit = !handle(line);
        }
    }
    return 0;
}

}  // namespace custody::nfc
