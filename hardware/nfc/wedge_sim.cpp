// wedge-sim: a USB keyboard-wedge badge reader, for trying the kiosk without hardware. It
// writes the input_event records the reader's evdev node would deliver into a FIFO, which
// the adapter opens as its device (there is no uinput here, and a FIFO needs no privileges).
// First line of output: the FIFO's path. Then one command per line on stdin:
//   tap HEX       type a card number (in --format) and Enter        -> ok | error <reason>
//   type TEXT     type these digits and letters and Enter, checked by nobody (a reader
//                 set to the wrong format or length)
//   partial TEXT  type these characters without Enter (a reader that stops mid-number)
//   garbage       type half a number, a Tab, the rest and Enter
//   advance MS    stamp later keystrokes MS milliseconds later, as if that much time passed
//   quit          stop
// At the end of input it keeps serving until SIGTERM or SIGINT, so it can run in the
// background. It removes the FIFO when it stops.
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "hardware/nfc/simulator_control.h"
#include "hardware/nfc/wedge_keystrokes.h"
#include "hardware/nfc/wedge_uid_format.h"

using namespace custody::nfc;
using std::chrono::microseconds;

namespace {


[[noreturn]] void usage(const std::string& why) {
    std::cerr << "wedge-sim: " << why << "\n"
              << "usage: wedge-sim --fifo PATH [--format hex|decimal10] [--byte-order little|big]\n";
    std::exit(2);
}

struct Options {
    std::string fifo;
    WedgeUidFormat format = WedgeUidFormat::Hex;
    Decimal10ByteOrder order = Decimal10ByteOrder::LittleEndian;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        if (a == "--fifo") {
            o.fifo = value();
        } else if (a == "--format") {
            auto f = parse_wedge_uid_format(value());
            if (!f) usage("--format is hex or decimal10");
            o.format = *f;
        } else if (a == "--byte-order") {
            auto b = parse_decimal10_byte_order(value());
            if (!b) usage("--byte-order is little or big");
            o.order = *b;
        } else {
            usage("unknown option " + a);
        }
    }
    if (o.fifo.empty()) usage("--fifo is required");
    return o;
}

// The keystrokes' clock: monotonic like a grabbed evdev node's, shifted by `advance`, and
// never going back, so consecutive numbers keep their order even when typed back to back.
class KeystrokeClock {
public:
    microseconds next(std::size_t keys) {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        const microseconds now = std::chrono::seconds(ts.tv_sec) +
                                 std::chrono::duration_cast<microseconds>(std::chrono::nanoseconds(ts.tv_nsec)) +
                                 offset_;
        const microseconds at = std::max(now, last_ + kStep);
        last_ = at + kStep * static_cast<long>(keys);
        return at;
    }
    void advance(std::chrono::milliseconds d) { offset_ += d; }
    static constexpr microseconds kStep{1000};  // a reader types about a key a millisecond or slower

private:
    microseconds offset_{0};
    microseconds last_{0};
};

// The FIFO is opened read-write: the simulator then always counts as a writer, so the
// adapter sees a live device whenever the simulator runs and end of file once it stops,
// and writes never fail for want of a reader. What it types while nobody reads waits in the
// FIFO; the adapter discards it when it opens the device, as evdev would never deliver it.
int open_fifo(const std::string& path) {
    struct stat st {};
    if (lstat(path.c_str(), &st) == 0) {
        // Left behind by a simulator that was killed: serve on it again.
        if (!S_ISFIFO(st.st_mode)) {
            std::cerr << "wedge-sim: " << path << " exists and is not a FIFO\n";
            std::exit(1);
        }
    } else if (mkfifo(path.c_str(), 0600) != 0) {
        std::cerr << "wedge-sim: mkfifo " << path << ": " << std::strerror(errno) << "\n";
        std::exit(1);
    }
    const int fd = open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        std::cerr << "wedge-sim: open " << path << ": " << std::strerror(errno) << "\n";
        std::exit(1);
    }
    return fd;
}

// In whole records of at most PIPE_BUF bytes, which a FIFO writes whole or not at all: the
// stream stays aligned on records, as an evdev node's always is.
std::string write_records(int fd, const std::vector<input_event>& records) {
    constexpr std::size_t kChunk = PIPE_BUF / sizeof(input_event) * sizeof(input_event);
    const auto* p = reinterpret_cast<const unsigned char*>(records.data());
    std::size_t left = records.size() * sizeof(input_event);
    while (left > 0) {
        const ssize_t n = write(fd, p, std::min(left, kChunk));
        if (n > 0) {
            p += n;
            left -= static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) {
            pollfd w{fd, POLLOUT, 0};
            // Full for a whole second: nobody is reading the device.
            if (poll(&w, 1, 1000) > 0) continue;
            return "the FIFO is full: nobody reads the device";
        }
        return std::string("write: ") + std::strerror(errno);
    }
    return {};
}

class Reader {
public:
    Reader(int fd, const Options& o) : fd_(fd), opt_(o) {}

    std::string type(const std::string& text, bool enter) {
        auto keys = wedge::keys_for_text(text, enter);
        if (!keys) return "error only digits and letters can be typed";
        return send(*keys);
    }
    std::string tap(const std::string& uid) {
        auto typed = typed_text_for_uid(uid, opt_.format, opt_.order);
        if (!typed.ok()) return "error " + typed.error();
        return type(*typed, true);
    }
    std::string garbage() {
        auto keys = *wedge::keys_for_text("04A2", false);
        keys.push_back(KEY_TAB);
        auto rest = *wedge::keys_for_text("3B11", true);
        keys.insert(keys.end(), rest.begin(), rest.end());
        return send(keys);
    }
    void advance(std::chrono::milliseconds d) { clock_.advance(d); }

private:
    std::string send(const std::vector<std::uint16_t>& keys) {
        const auto records = wedge::keystroke_records(keys, clock_.next(keys.size()), KeystrokeClock::kStep);
        const std::string err = write_records(fd_, records);
        return err.empty() ? "ok" : "error " + err;
    }
    int fd_;
    const Options& opt_;
    KeystrokeClock clock_;
};

void reply(const std::string& line) {
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

// One command line; false when it says to stop.
bool run_command(Reader& reader, const std::string& line) {
    std::istringstream in(line);
    std::string cmd, arg;
    in >> cmd >> arg;
    if (cmd.empty()) return true;
    if (cmd == "quit") {
        reply("ok");
        return false;
    }
    if (cmd == "tap") {
        reply(reader.tap(arg));
    } else if (cmd == "type") {
        reply(reader.type(arg, true));
    } else if (cmd == "partial") {
        reply(reader.type(arg, false));
    } else if (cmd == "garbage") {
        reply(reader.garbage());
    } else if (cmd == "advance") {
        char* end = nullptr;
        const long ms = std::strtol(arg.c_str(), &end, 10);
        if (arg.empty() || *end != '\0' || ms < 0) {
            reply("error advance takes a number of milliseconds");
        } else {
            reader.advance(std::chrono::milliseconds(ms));
            reply("ok");
        }
    } else {
        reply("error unknown command " + cmd);
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const Options opt = parse(argc, argv);

    custody::nfc::SimulatorControl control;
    signal(SIGPIPE, SIG_IGN);

    const int fd = open_fifo(opt.fifo);
    reply(opt.fifo);  // flushed: a caller waits for this line

    Reader reader(fd, opt);
    const int status = control.serve("wedge-sim", [&](const std::string& line) { return run_command(reader, line); });
    // Gone with the simulator, as a device node goes with its device.
    unlink(opt.fifo.c_str());
    close(fd);
    return status;
}
