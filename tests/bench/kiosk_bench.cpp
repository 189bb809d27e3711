// kiosk_bench: the real custody-kiosk binary in --demo, measured from outside as an
// officer and a technician see it, each figure beside a baseline from the same run.
//   - Cold start: posix_spawn of custody-kiosk until its control socket answers
//     "screen idle", against a bare wxWidgets program (kiosk_bench_wx_baseline) that
//     shows one frame and reports its first idle event.
//   - Badge tap to unlock: CLOCK_REALTIME just before "tap UID" goes to the control
//     socket, to the moment cabinet-sim logs the lock pulse of the slot the kiosk
//     issued; against a bare libmodbus write of the same coil to a second cabinet-sim,
//     timed the same way (send -> pulse line).
//   - Resident memory: VmRSS and VmHWM of the kiosk at idle after start and after the
//     tap cycles (checkout, take, dock, offload, the two questions, back to idle).
// Runs under an X server (xvfb-run). See README.md beside this file.

#include <fcntl.h>
#include <modbus/modbus.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/bench/count_option.h"
#include "tests/bench/stats.h"

extern char** environ;

namespace custody::bench {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// Goals from the issue; the report judges against them, the exit status never does.
constexpr double kStartGoalMs = 1500;
constexpr double kTapGoalP99Ms = 150;
constexpr double kRssGoalMB = 120;  // VmRSS, in MB of 10^6 bytes
constexpr double kMiB = 1.048576;   // MB per MiB

// Only bound a step that never completes (a hung kiosk, a lost tap); nothing is judged
// by them. Generous, so that a sanitizer build on a loaded machine still finishes.
constexpr auto kStartGiveUp = 180s;
constexpr auto kStepGiveUp = 60s;
constexpr auto kOffloadGiveUp = 180s;

struct Options {
    int starts = 5;
    int taps = 20;
    bool strict = false;
    std::string dir;
    bool keep = false;
};

struct BenchFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void expect(bool ok, const std::string& what) {
    if (!ok) throw BenchFailure(what);
}

void usage(std::ostream& out) {
    out << "usage: kiosk_bench [--starts N] [--taps N] [--strict] [--dir PATH] [--keep]\n"
           "  --starts N  kiosk (and bare wx) starts to time (default 5)\n"
           "  --taps N    timed badge taps, each a full checkout and return (default 20)\n"
           "  --strict    fail on any refused tap (the smoke test's mode)\n"
           "  --dir PATH  where the demo database goes (must not hold custody.db; default: a new temp dir)\n"
           "  --keep      leave the database and the logs in place\n"
           "Run it under an X server: xvfb-run -a -s \"-screen 0 1720x820x24\" kiosk_bench\n";
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--starts") o.starts = static_cast<int>(count_option(i, argc, argv, "--starts"));
        else if (a == "--taps") o.taps = static_cast<int>(count_option(i, argc, argv, "--taps"));
        else if (a == "--strict") o.strict = true;
        else if (a == "--keep") o.keep = true;
        else if (a == "--dir") {
            if (i + 1 >= argc) throw std::invalid_argument("--dir needs a value");
            o.dir = argv[++i];
        } else if (a == "--help" || a == "-h") {
            usage(std::cout);
            std::exit(0);
        } else throw std::invalid_argument("unknown option " + a);
    }
    if (o.starts < 1) throw std::invalid_argument("--starts must be at least 1");
    return o;
}

long long realtime_us() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000LL + ts.tv_nsec / 1000;
}

// ---- processes

// Starts argv[0]; stdout to `out_fd` (or out_path), stderr appended to err_path.
pid_t spawn(const std::vector<std::string>& args, const std::string& out_path, const std::string& err_path,
            int in_fd = -1, int out_fd = -1) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (in_fd >= 0) posix_spawn_file_actions_adddup2(&fa, in_fd, STDIN_FILENO);
    else posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (out_fd >= 0) posix_spawn_file_actions_adddup2(&fa, out_fd, STDOUT_FILENO);
    else posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    for (auto& w : copy) argv.push_back(w.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, copy.front().c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    expect(rc == 0, "cannot start " + copy.front() + ": " + std::strerror(rc));
    return pid;
}

std::string describe_status(int st) {
    if (WIFEXITED(st)) return "exit " + std::to_string(WEXITSTATUS(st));
    if (WIFSIGNALED(st)) return std::string("killed by signal ") + strsignal(WTERMSIG(st));
    return "status " + std::to_string(st);
}

// Runs a program to its end; true if it exited 0.
bool run(const std::vector<std::string>& args, const std::string& out_path, const std::string& err_path) {
    const pid_t pid = spawn(args, out_path, err_path);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

std::string tail_of(const std::string& path, std::size_t bytes = 3000) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    return s.size() > bytes ? s.substr(s.size() - bytes) : s;
}

struct Memory {
    double rss_mib = 0, hwm_mib = 0;
};

Memory memory_of(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    Memory m;
    std::string key;
    long long kb = 0;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        ls >> key >> kb;
        if (key == "VmRSS:") m.rss_mib = static_cast<double>(kb) / 1024.0;
        if (key == "VmHWM:") m.hwm_mib = static_cast<double>(kb) / 1024.0;
    }
    expect(m.rss_mib > 0, "no VmRSS for pid " + std::to_string(pid));
    return m;
}

// ---- the kiosk and its control socket

// One command line per connection, the answer back. nullopt: nobody listens yet.
std::optional<std::string> ask(const std::string& socket_path, const std::string& line) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    expect(fd >= 0, std::string("socket: ") + std::strerror(errno));
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return std::nullopt;
    }
    const std::string msg = line + "\n";
    std::size_t sent = 0;
    while (sent < msg.size()) {
        const ssize_t n = write(fd, msg.data() + sent, msg.size() - sent);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    std::string answer;
    char buf[4096];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 10000) <= 0) break;
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        answer.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    return answer;
}

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
};

// What `screen` answers.
struct Screen {
    std::string code;
    int checkout_slot = 0;
    std::string checkout_serial;
    std::string offload;  // running | done | failed, on a return
    std::map<std::string, Rect> buttons;
    std::string raw;
};

Screen parse_screen(const std::string& text) {
    Screen s;
    s.raw = text;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string word;
        ls >> word;
        if (word == "screen") ls >> s.code;
        else if (word == "checkout-slot") ls >> s.checkout_slot >> s.checkout_serial;
        else if (word == "return-slot") {
            int slot = 0;
            std::string offload_word;
            ls >> slot >> offload_word >> s.offload;
        } else if (word == "button") {
            std::string name;
            Rect r;
            ls >> name >> r.x >> r.y >> r.w >> r.h;
            s.buttons[name] = r;
        }
    }
    return s;
}

class Kiosk {
public:
    Kiosk(const std::string& db, const std::string& work) : db_(db), work_(work) {
        socket_ = (fs::path(db).parent_path() / "demo-kiosk" / "sim.sock").string();
        expect(socket_.size() < sizeof(sockaddr_un{}.sun_path), "socket path too long: " + socket_);
    }
    ~Kiosk() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Kiosk(const Kiosk&) = delete;
    Kiosk& operator=(const Kiosk&) = delete;

    // Spawns the kiosk and waits for "screen idle"; returns the milliseconds that took.
    double start() {
        const auto t0 = SteadyClock::now();
        pid_ = spawn({CUSTODY_KIOSK_PATH, "--demo", "--db", db_, "--windowed", "--size", "1280x800"},
                     work_ + "/kiosk.out", work_ + "/kiosk.err");
        const auto give_up = t0 + kStartGiveUp;
        for (;;) {
            check_alive("starting");
            if (auto a = ask(socket_, "screen")) {
                const auto t1 = SteadyClock::now();
                if (a->rfind("screen idle\n", 0) == 0) return ms_since(t0, t1);
            }
            expect(SteadyClock::now() < give_up, "the kiosk never showed the idle screen");
            std::this_thread::sleep_for(2ms);
        }
    }

    // Stops the kiosk as systemd would, with SIGTERM.
    void stop() {
        check_alive("before stopping");
        ::kill(pid_, SIGTERM);
        const auto give_up = SteadyClock::now() + kStepGiveUp;
        int st = 0;
        for (;;) {
            const pid_t r = waitpid(pid_, &st, WNOHANG);
            if (r == pid_) break;
            if (SteadyClock::now() > give_up) {
                ::kill(pid_, SIGKILL);
                waitpid(pid_, &st, 0);
                pid_ = -1;
                throw BenchFailure("the kiosk did not end within 60 s of SIGTERM");
            }
            std::this_thread::sleep_for(10ms);
        }
        pid_ = -1;
        // Exit 0 from the kiosk's own handler, or SIGTERM's default action; anything else
        // (a crash on the way out, a non-zero exit) fails the run.
        const bool clean = (WIFEXITED(st) && WEXITSTATUS(st) == 0) || (WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
        expect(clean,
               "the kiosk ended badly on SIGTERM (" + describe_status(st) + "); its stderr:\n" + tail_of(work_ + "/kiosk.err"));
    }

    void check_alive(const std::string& when) {
        int st = 0;
        if (waitpid(pid_, &st, WNOHANG) == pid_) {
            pid_ = -1;
            throw BenchFailure("the kiosk ended " + when + " (" + describe_status(st) + "); its stderr:\n" +
                               tail_of(work_ + "/kiosk.err"));
        }
    }

    std::string command(const std::string& line) {
        check_alive("before \"" + line + "\"");
        auto a = ask(socket_, line);
        expect(a.has_value(), "the control socket refused \"" + line + "\"");
        while (!a->empty() && a->back() == '\n') a->pop_back();
        return *a;
    }
    void expect_ok(const std::string& line) {
        const std::string a = command(line);
        expect(a == "ok", "\"" + line + "\" answered: " + a);
    }
    Screen screen() {
        const std::string a = command("screen");
        expect(a.rfind("screen ", 0) == 0, "\"screen\" answered: " + a);
        return parse_screen(a);
    }
    // Polls the screen until `done` holds (bounded).
    template <class Pred>
    Screen wait_for(const std::string& what, Pred done, std::chrono::seconds bound = kStepGiveUp) {
        const auto give_up = SteadyClock::now() + bound;
        Screen s;
        for (;;) {
            s = screen();
            if (done(s)) return s;
            expect(SteadyClock::now() < give_up, "the screen never showed " + what + "; last:\n" + s.raw);
            std::this_thread::sleep_for(50ms);
        }
    }
    Screen wait_screen(const std::string& code) {
        return wait_for("screen " + code, [&](const Screen& s) { return s.code == code; });
    }

    pid_t pid() const { return pid_; }
    std::string cabinet_log() const { return (fs::path(db_).parent_path() / "demo-kiosk" / "cabinet-sim.log").string(); }

private:
    std::string db_, work_, socket_;
    pid_t pid_ = -1;
};

// ---- the wx baseline

double start_wx_baseline(const std::string& work) {
    int out[2];
    expect(pipe2(out, O_CLOEXEC) == 0, "pipe2 failed");
    const auto t0 = SteadyClock::now();
    const pid_t pid = spawn({KIOSK_BENCH_WX_BASELINE_PATH}, "", work + "/wx-baseline.err", -1, out[1]);
    close(out[1]);
    std::string got;
    std::optional<double> ms;
    char buf[64];
    for (;;) {
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(std::chrono::milliseconds(kStartGiveUp).count())) <= 0) break;
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n <= 0) break;
        got.append(buf, static_cast<std::size_t>(n));
        if (got.find("idle\n") != std::string::npos) {
            ms = ms_since(t0, SteadyClock::now());
            break;
        }
    }
    close(out[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    expect(ms.has_value(), "the bare wx program never reached its first idle event (" + describe_status(st) + "):\n" +
                               tail_of(work + "/wx-baseline.err"));
    expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the bare wx program ended badly: " + describe_status(st));
    return *ms;
}

// ---- cabinet-sim's pulse lines

// Reads the lines "cabinet-sim: pulse slot N at T" appended to a log since the mark.
class PulseLog {
public:
    explicit PulseLog(std::string path) : path_(std::move(path)) {}
    void mark() {
        struct stat st {};
        offset_ = stat(path_.c_str(), &st) == 0 ? st.st_size : 0;
        pending_.clear();
    }
    // The CLOCK_REALTIME microseconds of the first pulse of `slot` since the mark.
    std::optional<long long> find(int slot) {
        read_new();
        std::istringstream in(pending_);
        std::string line;
        while (std::getline(in, line)) {
            int n = 0;
            long long t = 0;
            if (std::sscanf(line.c_str(), "cabinet-sim: pulse slot %d at %lld", &n, &t) == 2 && n == slot) return t;
        }
        return std::nullopt;
    }
    // Any pulse since the mark, of any slot.
    std::vector<int> slots_pulsed() {
        read_new();
        std::vector<int> out;
        std::istringstream in(pending_);
        std::string line;
        while (std::getline(in, line)) {
            int n = 0;
            long long t = 0;
            if (std::sscanf(line.c_str(), "cabinet-sim: pulse slot %d at %lld", &n, &t) == 2) out.push_back(n);
        }
        return out;
    }

private:
    void read_new() {
        const int fd = open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        if (lseek(fd, offset_, SEEK_SET) == offset_) {
            char buf[4096];
            ssize_t n;
            while ((n = read(fd, buf, sizeof buf)) > 0) {
                pending_.append(buf, static_cast<std::size_t>(n));
                offset_ += n;
            }
        }
        close(fd);
    }
    std::string path_;
    off_t offset_ = 0;
    std::string pending_;
};

long long wait_pulse(PulseLog& log, int slot, std::chrono::seconds bound) {
    const auto give_up = SteadyClock::now() + bound;
    for (;;) {
        if (auto t = log.find(slot)) return *t;
        expect(SteadyClock::now() < give_up, "no pulse of slot " + std::to_string(slot) + " reached cabinet-sim");
        std::this_thread::sleep_for(1ms);
    }
}

// The baseline board: a second cabinet-sim like the demo's, written with bare libmodbus.
class DirectBoard {
public:
    DirectBoard(int slots, const std::string& work) : log_(work + "/direct-cabinet-sim.log") {
        int in[2], out[2];
        expect(pipe2(in, O_CLOEXEC) == 0 && pipe2(out, O_CLOEXEC) == 0, "pipe2 failed");
        pid_ = spawn({CABINET_SIM_PATH, "--slots", std::to_string(slots), "--tcp", "127.0.0.1:0", "--serial",
                      "BENCH-DIRECT"},
                     "", work + "/direct-cabinet-sim.log", in[0], out[1]);
        close(in[0]);
        close(out[1]);
        to_sim_ = in[1];
        std::string line;
        char c;
        for (;;) {
            pollfd p{out[0], POLLIN, 0};
            expect(poll(&p, 1, 10000) > 0 && read(out[0], &c, 1) == 1, "cabinet-sim did not say where it listens");
            if (c == '\n') break;
            line += c;
        }
        from_sim_ = out[0];
        expect(line.rfind("tcp:", 0) == 0, "cabinet-sim said: " + line);
        const int port = std::stoi(line.substr(line.rfind(':') + 1));
        ctx_ = modbus_new_tcp("127.0.0.1", port);
        expect(ctx_ != nullptr, "modbus_new_tcp failed");
        modbus_set_slave(ctx_, 1);
        modbus_set_response_timeout(ctx_, 1, 0);
        expect(modbus_connect(ctx_) == 0, std::string("modbus_connect: ") + modbus_strerror(errno));
    }
    ~DirectBoard() {
        if (ctx_) {
            modbus_close(ctx_);
            modbus_free(ctx_);
        }
        close(to_sim_);  // end of its commands: it exits
        ::kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        close(from_sim_);
    }
    DirectBoard(const DirectBoard&) = delete;
    DirectBoard& operator=(const DirectBoard&) = delete;

    // Send -> pulse line, in milliseconds.
    double pulse(int slot) {
        log_.mark();
        const long long t0 = realtime_us();
        expect(modbus_write_bit(ctx_, slot - 1, 1) == 1, std::string("modbus_write_bit: ") + modbus_strerror(errno));
        const long long t1 = wait_pulse(log_, slot, 10s);
        return static_cast<double>(t1 - t0) / 1000.0;
    }

private:
    PulseLog log_;
    pid_t pid_ = -1;
    int to_sim_ = -1, from_sim_ = -1;
    modbus_t* ctx_ = nullptr;
};

// ---- badges

struct Candidate {
    std::string uid, officer;
    int unit = 0;
};

// Officers whom the database shows able to check out: active, role officer, a badge not
// revoked, nothing held. Interleaved by unit, so consecutive taps draw on different
// units' cameras. The kiosk may still refuse one (a camera's health, an overdue offload):
// that is counted, and fails the run only with --strict.
std::vector<Candidate> candidates(const std::string& db) {
    sqlite3* h = nullptr;
    expect(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK, "cannot open " + db);
    const char* sql =
        "SELECT b.uid, o.number, o.unit_id FROM badges b JOIN officers o ON o.id = b.officer_id "
        "WHERE o.active = 1 AND o.role = 'officer' AND b.revoked_at_ms IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM devices d JOIN custody_entries c ON c.id = d.open_checkout_id "
        "                WHERE c.officer_id = o.id OR c.partner_id = o.id) "
        "AND EXISTS (SELECT 1 FROM devices d WHERE d.unit_id = o.unit_id AND d.status = 'in_service' "
        "            AND d.slot IS NOT NULL) "
        "ORDER BY o.unit_id, o.number";
    sqlite3_stmt* st = nullptr;
    expect(sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK, std::string("query: ") + sqlite3_errmsg(h));
    std::map<int, std::vector<Candidate>> by_unit;
    while (sqlite3_step(st) == SQLITE_ROW) {
        Candidate c;
        c.uid = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        c.officer = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        c.unit = sqlite3_column_int(st, 2);
        by_unit[c.unit].push_back(c);
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    std::vector<Candidate> out;
    for (std::size_t round = 0;; ++round) {
        bool any = false;
        for (auto& [unit, list] : by_unit)
            if (round < list.size()) {
                out.push_back(list[round]);
                any = true;
            }
        if (!any) break;
    }
    return out;
}

int count_slots(const std::string& db) {
    sqlite3* h = nullptr;
    expect(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK, "cannot open " + db);
    sqlite3_stmt* st = nullptr;
    expect(sqlite3_prepare_v2(h, "SELECT count(*) FROM dock_slots", -1, &st, nullptr) == SQLITE_OK, "slot query");
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n > 0 ? n : 24;
}

// ---- a tap cycle

void click(const Rect& r) {
    const std::string x = std::to_string(r.x + r.w / 2), y = std::to_string(r.y + r.h / 2);
    expect(run({XDOTOOL_PATH, "mousemove", "--sync", x, y, "click", "1"}, "/dev/null", "/dev/null"),
           "xdotool could not click at " + x + "," + y);
}

struct TapOutcome {
    bool refused = false;
    double ms = 0;  // tap -> pulse
    int slot = 0;
    std::string serial;
};

TapOutcome tap(Kiosk& k, PulseLog& log, const Candidate& c) {
    k.wait_screen("idle");
    log.mark();
    const long long t0 = realtime_us();
    k.expect_ok("tap " + c.uid);
    // Watch the screen at 50 ms (light on the UI thread) until it shows the outcome.
    Screen s = k.wait_for("the outcome of tapping " + c.uid, [](const Screen& now) {
        return now.code == "refused" || (now.code == "checkout-issued" && now.checkout_slot > 0);
    });
    TapOutcome out;
    if (s.code == "refused") {
        const auto pulsed = log.slots_pulsed();
        expect(pulsed.empty(), "a refused tap of " + c.uid + " pulsed slot " +
                                   (pulsed.empty() ? std::string() : std::to_string(pulsed.front())));
        out.refused = true;
        if (auto b = s.buttons.find("back"); b != s.buttons.end()) click(b->second);
        k.wait_screen("idle");
        return out;
    }
    out.slot = s.checkout_slot;
    out.serial = s.checkout_serial;
    const long long t1 = wait_pulse(log, out.slot, 10s);
    out.ms = static_cast<double>(t1 - t0) / 1000.0;
    const auto pulsed = log.slots_pulsed();
    expect(pulsed.size() == 1, "tapping " + c.uid + " pulsed " + std::to_string(pulsed.size()) + " locks, not 1");
    const std::string cab = k.command("cabinet " + std::to_string(out.slot));
    expect(cab.find("door=open") != std::string::npos, "slot " + std::to_string(out.slot) + " did not open: " + cab);
    return out;
}

// The camera leaves the slot and comes back; the officer answers the two questions while
// the offload runs (each answer is a touch, which keeps the kiosk's 30 s back-to-idle
// from firing), taps done once the offload is done, and the kiosk is idle again.
// Returns false if the kiosk went back to idle by itself before done was tapped.
bool take_and_return(Kiosk& k, const TapOutcome& t) {
    const std::string slot = std::to_string(t.slot);
    k.expect_ok("take " + slot);
    k.wait_screen("checkout-taken");
    k.expect_ok("dock " + slot + " " + t.serial);
    k.wait_screen("return");
    // A button is tapped once it has been on the screen for a moment (a click that lands
    // while the screen is still being laid out is lost), and again if it is still there a
    // second later. An answered question's buttons leave the screen.
    std::map<std::string, SteadyClock::time_point> seen, clicked;
    auto press = [&](const Screen& now, const std::string& name) {
        auto b = now.buttons.find(name);
        if (b == now.buttons.end()) return false;
        const auto at = SteadyClock::now();
        auto first = seen.try_emplace(name, at).first->second;
        if (at - first < 300ms) return true;
        if (auto c = clicked.find(name); c != clicked.end() && at - c->second < 1s) return true;
        click(b->second);
        clicked[name] = at;
        return true;
    };
    const auto give_up = SteadyClock::now() + kOffloadGiveUp;
    for (;;) {
        const Screen now = k.screen();
        if (now.code == "idle") return clicked.count("done") > 0;
        expect(now.code == "return", "the return of " + t.serial + " left for screen " + now.code);
        expect(now.offload != "failed", "the offload of " + t.serial + " failed");
        expect(SteadyClock::now() < give_up, "the return of " + t.serial + " never finished; last:\n" + now.raw);
        if (!press(now, "fault-0") && !press(now, "interruption-0") && now.offload == "done") press(now, "done");
        std::this_thread::sleep_for(50ms);
    }
}

// ---- report

std::string ms3(double v) { return fixed(v, v < 10 ? 2 : 1); }

std::string verdict(bool met) { return met ? "MET" : "NOT MET"; }

int run_bench(const Options& opt) {
    expect(std::getenv("DISPLAY") != nullptr, "no DISPLAY: run under xvfb-run (see README.md)");
    setenv("NO_AT_BRIDGE", "1", 0);
    setenv("GDK_BACKEND", "x11", 0);
    // In a sanitizer build GTK's own allocations that live until exit would make every
    // wx program exit 1 from LeakSanitizer; memory errors still fail the children.
    if (const char* a = std::getenv("ASAN_OPTIONS"); a == nullptr || std::strstr(a, "detect_leaks") == nullptr)
        setenv("ASAN_OPTIONS", (std::string(a ? a : "") + (a && *a ? ":" : "") + "detect_leaks=0").c_str(), 1);

    const bool own_dir = opt.dir.empty();
    std::string dir = opt.dir;
    if (own_dir) {
        std::string tmpl = (fs::temp_directory_path() / "kiosk_bench.XXXXXX").string();
        expect(mkdtemp(tmpl.data()) != nullptr, "mkdtemp failed");
        dir = tmpl;
    } else {
        fs::create_directories(dir);
        expect(!fs::exists(fs::path(dir) / "custody.db"), dir + " already holds a custody.db");
    }
    dir = fs::absolute(dir).lexically_normal().string();
    struct Cleanup {
        std::string dir;
        bool remove;
        bool own;
        ~Cleanup() {
            if (!remove) return;
            std::error_code ec;
            if (own) fs::remove_all(dir, ec);
            else
                for (const char* p : {"custody.db", "custody.db-wal", "custody.db-shm", "custody.db.head", "custody.db.head.lock",
                                      "custody.db.key", "custody.db.cameras", "archive", "demo-kiosk", "demo.out",
                                      "demo.err", "kiosk.out", "kiosk.err", "wx-baseline.err", "direct-cabinet-sim.log"})
                    fs::remove_all(fs::path(dir) / p, ec);
        }
    } cleanup{dir, !opt.keep, own_dir};

    const std::string db = dir + "/custody.db";
    std::cerr << "[bench] demo database (custodyctl demo --days 7) in " << dir << " ..." << std::flush;
    expect(run({CUSTODYCTL_PATH, "--db", db, "--lang", "en", "demo", "--days", "7"}, dir + "/demo.out", dir + "/demo.err"),
           "custodyctl demo failed:\n" + tail_of(dir + "/demo.err"));
    std::cerr << " done\n";
    const std::vector<Candidate> badges = candidates(db);
    expect(!badges.empty(), "the demo database has no officer able to check out");
    const int slots = count_slots(db);

    // 1. Starts, each kiosk start beside a bare wx start.
    Samples kiosk_start, wx_start;
    std::vector<Memory> idle_memory;
    std::vector<double> kiosk_runs;
    std::unique_ptr<Kiosk> kiosk;
    for (int i = 0; i < opt.starts; ++i) {
        std::cerr << "[bench] start " << (i + 1) << "/" << opt.starts << ": bare wx ..." << std::flush;
        const double w = start_wx_baseline(dir);
        wx_start.add(w);
        std::cerr << " " << ms3(w) << " ms; kiosk ..." << std::flush;
        kiosk = std::make_unique<Kiosk>(db, dir);
        const double k = kiosk->start();
        kiosk_start.add(k);
        kiosk_runs.push_back(k);
        idle_memory.push_back(memory_of(kiosk->pid()));
        std::cerr << " " << ms3(k) << " ms\n";
        if (i + 1 < opt.starts) {
            kiosk->stop();
            kiosk.reset();
        }
    }
    const Memory at_idle = idle_memory.back();

    // 2. Taps, each a full checkout and return, each beside a direct pulse of the same coil.
    Samples tap_ms, direct_ms;
    int refused = 0, attempts = 0, refused_in_a_row = 0, timed_out_returns = 0;
    std::vector<std::string> refused_badges;
    std::optional<Memory> after_taps;
    if (opt.taps > 0) {
        DirectBoard board(slots, dir);
        PulseLog log(kiosk->cabinet_log());
        std::this_thread::sleep_for(2s);  // the reader and the cabinet link settle, as before any officer
        std::size_t next = 0;
        while (static_cast<int>(tap_ms.size()) < opt.taps) {
            const Candidate& c = badges[next++ % badges.size()];
            ++attempts;
            std::cerr << "[bench] tap " << (tap_ms.size() + 1) << "/" << opt.taps << ": " << c.uid << " (officer "
                      << c.officer << ", unit " << c.unit << ") ..." << std::flush;
            const TapOutcome t = tap(*kiosk, log, c);
            if (t.refused) {
                std::cerr << " refused\n";
                ++refused;
                refused_badges.push_back(c.uid);
                expect(!opt.strict, "the kiosk refused " + c.uid + " (officer " + c.officer +
                                        "), whom the database shows able to check out");
                expect(++refused_in_a_row < static_cast<int>(badges.size()), "every badge was refused in turn");
                continue;
            }
            refused_in_a_row = 0;
            tap_ms.add(t.ms);
            const double d = board.pulse(t.slot);
            direct_ms.add(d);
            std::cerr << " slot " << t.slot << " " << t.serial << ": " << ms3(t.ms) << " ms (direct " << ms3(d)
                      << " ms); return ..." << std::flush;
            if (take_and_return(*kiosk, t)) std::cerr << " idle\n";
            else {
                ++timed_out_returns;
                std::cerr << " idle by the kiosk's 30 s timeout, before done\n";
            }
        }
        after_taps = memory_of(kiosk->pid());
    }
    kiosk->stop();
    kiosk.reset();

    // ---- the report
#ifdef NDEBUG
    const char* build = "optimised build";
#else
    const char* build = "NOT an optimised Release build";
#endif
    std::printf("\nkiosk_bench: custody-kiosk --demo, cold start, badge tap to unlock, memory (%s)\n", build);
    std::printf("  %d start(s), %d timed tap(s) over %d attempt(s), %zu candidate badges, %d slots\n\n", opt.starts,
                static_cast<int>(tap_ms.size()), attempts, badges.size(), slots);

    std::printf("| measurement | median | p90 | p99 | max | baseline median | ÷ baseline (median) | goal |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    std::printf("| start to idle screen, ms (n=%zu) | %s | – | – | %s | %s (bare wx, max %s) | %s | < %.0f ms at max: %s |\n",
                kiosk_start.size(), ms3(kiosk_start.pct(50)).c_str(), ms3(kiosk_start.max()).c_str(),
                ms3(wx_start.pct(50)).c_str(), ms3(wx_start.max()).c_str(),
                ratio(kiosk_start.pct(50), wx_start.pct(50)).c_str(), kStartGoalMs,
                verdict(kiosk_start.max() < kStartGoalMs).c_str());
    if (!tap_ms.empty())
        std::printf("| tap to unlock pulse, ms (n=%zu) | %s | %s | %s | %s | %s (direct FC05, p99 %s) | %s (p99 %s) | p99 < %.0f ms: %s |\n",
                    tap_ms.size(), ms3(tap_ms.pct(50)).c_str(), ms3(tap_ms.pct(90)).c_str(), ms3(tap_ms.pct(99)).c_str(),
                    ms3(tap_ms.max()).c_str(), ms3(direct_ms.pct(50)).c_str(), ms3(direct_ms.pct(99)).c_str(),
                    ratio(tap_ms.pct(50), direct_ms.pct(50)).c_str(), ratio(tap_ms.pct(99), direct_ms.pct(99)).c_str(),
                    kTapGoalP99Ms, verdict(tap_ms.pct(99) < kTapGoalP99Ms).c_str());
    std::printf("\n| kiosk memory | VmRSS MiB | VmHWM MiB | goal |\n|---|---|---|---|\n");
    std::printf("| at idle after start | %s | %s | VmRSS < %.0f MB: %s |\n", fixed(at_idle.rss_mib, 1).c_str(),
                fixed(at_idle.hwm_mib, 1).c_str(), kRssGoalMB, verdict(at_idle.rss_mib * kMiB < kRssGoalMB).c_str());
    if (after_taps)
        std::printf("| after %zu tap cycles | %s | %s | VmRSS < %.0f MB: %s |\n", tap_ms.size(), fixed(after_taps->rss_mib, 1).c_str(),
                    fixed(after_taps->hwm_mib, 1).c_str(), kRssGoalMB,
                    verdict(after_taps->rss_mib * kMiB < kRssGoalMB).c_str());

    std::printf("\n  kiosk starts, ms, in order:");
    for (double v : kiosk_runs) std::printf(" %s", ms3(v).c_str());
    std::printf("\n  refused taps: %d", refused);
    for (const auto& u : refused_badges) std::printf(" %s", u.c_str());
    std::printf("\n  returns ended by the kiosk's 30 s back-to-idle before done was tapped: %d\n", timed_out_returns);
    return 0;
}

}  // namespace
}  // namespace custody::bench

int main(int argc, char** argv) {
    using namespace custody::bench;
    signal(SIGPIPE, SIG_IGN);
    Options opt;
    try {
        opt = parse(argc, argv);
    } catch (const std::invalid_argument& e) {
        std::cerr << "kiosk_bench: " << e.what() << "\n";
        usage(std::cerr);
        return 2;
    }
    try {
        return run_bench(opt);
    } catch (const std::exception& e) {
        std::cerr << "\nkiosk_bench: FAILED: " << e.what() << "\n";
        return 1;
    }
}
