// cabinet-sim: a charging cabinet's controller board served over Modbus TCP or RTU (a
// pty), driven from standard input. First line of output: where it listens.

#include <arpa/inet.h>
#include <fcntl.h>
#include <modbus/modbus.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "hardware/cabinet/cabinet_register_map.h"
#include "hardware/cabinet/sim/cabinet_model.h"
#include "hardware/cabinet/sim/register_bridge.h"
#include "hardware/cabinet/sim/sim_commands.h"
#include "hardware/cabinet/sim/wire_pacer.h"

using namespace custody::sim;

namespace {

volatile sig_atomic_t g_terminate = 0;
void on_signal(int) { g_terminate = 1; }

struct Options {
    int slots = 4;
    bool tcp = false;
    std::string host = "127.0.0.1";
    int port = 0;
    std::string rtu;  // device path or "auto"
    int baud = 115200;
    int unit = custody::cabinet_map::kDefaultUnitId;
    double time_scale = 1.0;
    bool pace_wire = false;
    SimIdentity identity;
};

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr,
                 "cabinet-sim: %s\n"
                 "usage: cabinet-sim [--slots N] (--tcp HOST:PORT | --rtu PTY|auto [--pace-wire]) [--baud B]\n"
                 "                   [--unit ID] [--time-scale K] [--serial TEXT]\n"
                 "  --pace-wire  RTU only: deliver each reply when it would arrive over a real line at\n"
                 "               --baud (10 bits per character, 8N1: the request, the reply, and the\n"
                 "               3.5-character silence after each frame), so a pty keeps the timing\n"
                 "               of an RS-485 line\n",
                 why.c_str());
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options o;
    bool have_link = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--slots") o.slots = std::stoi(next());
            else if (a == "--tcp") {
                std::string v = next();
                auto colon = v.rfind(':');
                if (colon == std::string::npos) usage("--tcp takes HOST:PORT");
                o.tcp = true;
                o.host = v.substr(0, colon);
                o.port = std::stoi(v.substr(colon + 1));
                have_link = true;
            } else if (a == "--rtu") {
                o.rtu = next();
                have_link = true;
            } else if (a == "--baud") o.baud = std::stoi(next());
            else if (a == "--unit") o.unit = std::stoi(next());
            else if (a == "--time-scale") o.time_scale = std::stod(next());
            else if (a == "--pace-wire") o.pace_wire = true;
            else if (a == "--serial") o.identity.serial = next().substr(0, 16);
            else usage("unknown option " + a);
        } catch (const std::logic_error&) {
            usage("bad value for " + a);
        }
    }
    if (!have_link) usage("choose --tcp or --rtu");
    if (o.slots < 1 || o.slots > custody::cabinet_map::kMaxSlots) usage("--slots must be 1..30");
    if (o.time_scale <= 0) usage("--time-scale must be positive");
    if (o.baud <= 0) usage("--baud must be positive");
    // Over TCP the network has its own timing; there is no serial line to imitate.
    if (o.pace_wire && o.tcp) usage("--pace-wire paces a serial line: use it with --rtu, not --tcp");
    return o;
}

// A pty whose slave side plays the serial port. We keep the slave open ourselves:
// otherwise the master reads EIO whenever no client has the port open.
struct Pty {
    int master = -1, slave = -1;
    std::string path;
};

Pty open_pty() {
    Pty p;
    p.master = posix_openpt(O_RDWR | O_NOCTTY);
    if (p.master < 0 || grantpt(p.master) != 0 || unlockpt(p.master) != 0) {
        std::perror("cabinet-sim: posix_openpt");
        std::exit(1);
    }
    p.path = ptsname(p.master);
    p.slave = open(p.path.c_str(), O_RDWR | O_NOCTTY);
    if (p.slave < 0) {
        std::perror("cabinet-sim: open pty slave");
        std::exit(1);
    }
    termios t{};
    tcgetattr(p.slave, &t);
    cfmakeraw(&t);
    tcsetattr(p.slave, TCSANOW, &t);
    return p;
}

void reply_line(const std::string& text) {
    std::fprintf(stdout, "%s\n", text.c_str());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    Options opt = parse(argc, argv);

    struct sigaction sa {};
    sa.sa_handler = on_signal;  // no SA_RESTART: poll() must return so we can clean up
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    signal(SIGPIPE, SIG_IGN);  // a client hanging up must not kill the cabinet

    CabinetModel model(opt.slots);
    modbus_mapping_t* mapping = new_cabinet_mapping();
    publish_identity(mapping, model, opt.identity);
    publish_slots(mapping, model);

    modbus_t* ctx = nullptr;
    int listen_fd = -1;
    int serial_fd = -1;
    Pty pty;
    if (opt.tcp) {
        ctx = modbus_new_tcp(opt.host.c_str(), opt.port);
        if (ctx == nullptr || (listen_fd = modbus_tcp_listen(ctx, 8)) < 0) {
            std::fprintf(stderr, "cabinet-sim: cannot listen on %s:%d: %s\n", opt.host.c_str(), opt.port,
                         modbus_strerror(errno));
            return 1;
        }
        sockaddr_in addr{};
        socklen_t len = sizeof addr;
        getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
        reply_line("tcp:" + opt.host + ":" + std::to_string(ntohs(addr.sin_port)));
    } else if (opt.rtu == "auto") {
        pty = open_pty();
        ctx = modbus_new_rtu(pty.path.c_str(), opt.baud, 'N', 8, 1);
        modbus_set_socket(ctx, pty.master);  // serve on the master side; clients open the slave
        serial_fd = pty.master;
        reply_line(pty.path);
    } else {
        ctx = modbus_new_rtu(opt.rtu.c_str(), opt.baud, 'N', 8, 1);
        if (ctx == nullptr || modbus_connect(ctx) == -1) {
            std::fprintf(stderr, "cabinet-sim: cannot open %s: %s\n", opt.rtu.c_str(), modbus_strerror(errno));
            return 1;
        }
        serial_fd = modbus_get_socket(ctx);
        reply_line(opt.rtu);
    }
    modbus_set_slave(ctx, opt.unit);

    // libmodbus writes a reply straight to its fd; for pacing it writes into this pipe
    // instead, and the pacer hands the bytes on to the line.
    std::unique_ptr<WirePacer> pacer;
    int capture[2] = {-1, -1};
    if (opt.pace_wire) {
        if (pipe2(capture, O_CLOEXEC | O_NONBLOCK) != 0) {
            std::perror("cabinet-sim: pipe2");
            return 1;
        }
        pacer = std::make_unique<WirePacer>(opt.baud);
        // The default 50 us timer slack would make every paced character that much late.
        prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    }

    std::vector<int> clients;
    std::string pending;  // stdin bytes not yet making a full line
    bool stdin_open = true;
    bool quit = false;
    auto last = std::chrono::steady_clock::now();
    std::uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH > MODBUS_RTU_MAX_ADU_LENGTH ? MODBUS_TCP_MAX_ADU_LENGTH
                                                                             : MODBUS_RTU_MAX_ADU_LENGTH];

    while (!quit && !g_terminate) {
        std::vector<pollfd> fds;
        if (stdin_open) fds.push_back({STDIN_FILENO, POLLIN, 0});
        if (listen_fd >= 0) fds.push_back({listen_fd, POLLIN, 0});
        if (serial_fd >= 0) fds.push_back({serial_fd, POLLIN, 0});
        for (int c : clients) fds.push_back({c, POLLIN, 0});
        // A short tick keeps the charging curve moving between requests.
        int ready = poll(fds.data(), fds.size(), 10);
        if (ready < 0 && errno != EINTR) {
            std::perror("cabinet-sim: poll");
            break;
        }

        auto now = std::chrono::steady_clock::now();
        model.advance(std::chrono::duration<double>(now - last).count() * opt.time_scale);
        last = now;
        publish_slots(mapping, model);
        if (ready <= 0) continue;

        for (const pollfd& p : fds) {
            if (p.revents == 0) continue;
            if (p.fd == STDIN_FILENO) {
                char buf[512];
                ssize_t got = read(STDIN_FILENO, buf, sizeof buf);
                // Without a controlling stdin the cabinet keeps serving (e.g. run in the background).
                if (got <= 0) {
                    stdin_open = false;
                    continue;
                }
                pending.append(buf, static_cast<std::size_t>(got));
                std::size_t nl;
                while ((nl = pending.find('\n')) != std::string::npos) {
                    std::string line = pending.substr(0, nl);
                    pending.erase(0, nl + 1);
                    if (line == "wire") {
                        // What the pacer has put on the line, so tests can see it pacing
                        // without timing anything.
                        reply_line(pacer ? "ok baud=" + std::to_string(pacer->baud()) +
                                               " frames=" + std::to_string(pacer->frames()) +
                                               " characters=" + std::to_string(pacer->characters())
                                         : "error wire pacing is off (start with --rtu ... --pace-wire)");
                        continue;
                    }
                    CommandOutcome out = run_command(model, line);
                    publish_slots(mapping, model);
                    reply_line(out.reply);
                    if (out.quit) quit = true;
                }
            } else if (p.fd == listen_fd) {
                int c = accept(listen_fd, nullptr, nullptr);
                if (c >= 0) clients.push_back(c);
            } else {
                modbus_set_socket(ctx, p.fd);
                int rc = modbus_receive(ctx, query);
                if (rc > 0 && pacer) {
                    const auto received = WirePacer::Clock::now();
                    modbus_set_socket(ctx, capture[1]);
                    modbus_reply(ctx, query, rc, mapping);
                    modbus_set_socket(ctx, serial_fd);
                    std::uint8_t reply[MODBUS_RTU_MAX_ADU_LENGTH];
                    ssize_t got = read(capture[0], reply, sizeof reply);
                    // A board applies a write when the request arrives, not when its reply ends.
                    absorb_writes(mapping, model);
                    publish_slots(mapping, model);
                    pacer->deliver(serial_fd, static_cast<std::size_t>(rc), reply,
                                   got > 0 ? static_cast<std::size_t>(got) : 0, received);
                } else if (rc > 0) {
                    modbus_reply(ctx, query, rc, mapping);
                    absorb_writes(mapping, model);
                    publish_slots(mapping, model);
                } else if (rc == -1 && p.fd != serial_fd) {
                    close(p.fd);  // the client hung up (or sent garbage): forget it
                    std::erase(clients, p.fd);
                } else if (rc == -1) {
                    modbus_flush(ctx);  // a garbled RTU frame: drop it, wait for the next
                }
            }
        }
    }

    for (int c : clients) close(c);
    if (listen_fd >= 0) close(listen_fd);
    if (ctx != nullptr) {
        if (!opt.tcp && opt.rtu != "auto") modbus_close(ctx);
        modbus_free(ctx);
    }
    for (int fd : capture)
        if (fd >= 0) close(fd);
    if (pty.master >= 0) close(pty.master);
    if (pty.slave >= 0) close(pty.slave);
    modbus_mapping_free(mapping);
    return 0;
}
