#include "kiosk/ui/sim_control.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace custody::ui {

Result<std::unique_ptr<SimControl>> SimControl::listen(const std::string& socket_path, Handler handler) {
    std::unique_ptr<SimControl> c(new SimControl());
    c->path_ = socket_path;
    c->handler_ = std::move(handler);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socket_path.size() >= sizeof addr.sun_path)
        return fail(Error(MessageId::FileUnwritable, {socket_path, "path too long for a socket"}));
    std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
    unlink(socket_path.c_str());
    c->fd_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c->fd_ < 0 || bind(c->fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(c->fd_, 8) != 0)
        return fail(Error(MessageId::FileUnwritable, {socket_path, std::strerror(errno)}));
    if (pipe2(c->stop_pipe_, O_CLOEXEC) != 0) return fail(Error(MessageId::FileUnwritable, {socket_path, std::strerror(errno)}));
    c->thread_ = std::thread([p = c.get()] { p->serve(); });
    return c;
}

SimControl::~SimControl() {
    if (stop_pipe_[1] >= 0) {
        const char x = 'x';
        [[maybe_unused]] auto n = write(stop_pipe_[1], &x, 1);
    }
    if (thread_.joinable()) thread_.join();
    for (int fd : {fd_, stop_pipe_[0], stop_pipe_[1]})
        if (fd >= 0) close(fd);
    if (!path_.empty()) unlink(path_.c_str());
}

void SimControl::serve() {
    for (;;) {
        pollfd p[2] = {{fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (p[1].revents) return;
        const int client = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        std::string line;
        char buf[512];
        // One line per connection; a client that sends nothing for 5 s is dropped.
        while (line.find('\n') == std::string::npos) {
            pollfd in{client, POLLIN, 0};
            if (poll(&in, 1, 5000) <= 0) break;
            const ssize_t got = read(client, buf, sizeof buf);
            if (got <= 0) break;
            line.append(buf, static_cast<std::size_t>(got));
        }
        if (auto nl = line.find('\n'); nl != std::string::npos) {
            line.resize(nl);
            std::string answer = handler_(line);
            if (answer.empty() || answer.back() != '\n') answer += '\n';
            std::size_t sent = 0;
            while (sent < answer.size()) {
                const ssize_t n = write(client, answer.data() + sent, answer.size() - sent);
                if (n <= 0) break;
                sent += static_cast<std::size_t>(n);
            }
        }
        close(client);
    }
}

}  // namespace custody::ui
