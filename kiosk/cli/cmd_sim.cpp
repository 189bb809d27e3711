// custodyctl sim: drives the simulators of a kiosk started with --demo, through the
// control socket beside its database: tap a badge, dock or take out a camera, read a
// cabinet slot, or list the buttons on the screen (with where they are, for xdotool).
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "kiosk/cli/commands.h"

namespace custody::cli {

namespace {

Result<std::string> ask(const std::string& socket_path, const std::string& line) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socket_path.size() >= sizeof addr.sun_path)
        return fail(Error(MessageId::KioskSimNotRunning, {socket_path, "path too long"}));
    std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail(Error(MessageId::KioskSimNotRunning, {socket_path, std::strerror(errno)}));
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        const int e = errno;
        close(fd);
        return fail(Error(MessageId::KioskSimNotRunning, {socket_path, std::strerror(e)}));
    }
    const std::string text = line + "\n";
    std::string answer;
    if (write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())) {
        char buf[4096];
        for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    if (answer.empty()) return fail(Error(MessageId::KioskSimNotRunning, {socket_path, "no answer"}));
    return answer;
}

}  // namespace

int cmd_sim(CliContext& ctx, const std::vector<std::string>& words) {
    std::vector<std::string> rest = words;
    std::string socket_path = std::filesystem::path(ctx.paths.db).parent_path().string() + "/demo-kiosk/sim.sock";
    if (rest.size() >= 2 && rest[0] == "--socket") {
        socket_path = rest[1];
        rest.erase(rest.begin(), rest.begin() + 2);
    }
    static const std::map<std::string, std::size_t> arity = {{"tap", 1}, {"dock", 2}, {"take", 1}, {"cabinet", 1},
                                                             {"screen", 0}};
    const auto it = rest.empty() ? arity.end() : arity.find(rest.front());
    if (it == arity.end() || rest.size() != it->second + 1)
        return ctx.report(usage("sim tap UID | sim dock SLOT SERIAL | sim take SLOT | sim cabinet SLOT | sim screen"));
    std::string line;
    for (const auto& w : rest) line += (line.empty() ? "" : " ") + w;
    auto answer = ask(socket_path, line);
    if (!answer) return ctx.report(answer.error());
    ctx.out << *answer;
    return answer->rfind("error", 0) == 0 ? kExitRefused : kExitOk;
}

}  // namespace custody::cli
