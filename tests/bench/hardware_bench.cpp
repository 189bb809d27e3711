// hardware_bench: latency of the hardware links as the kiosk uses them, each beside
// baselines measured in the same run.
//   - A badge tap: from Pn532Emulator::place to BadgeEvents::on_tap of the real
//     LibnfcBadgeReader through real libnfc (pn532_uart on a pty), against a bare libnfc
//     select on the same emulator and the reader's poll interval.
//   - A cabinet poll: ModbusCabinetController::read_slots() of a cabinet-sim board over
//     Modbus TCP on loopback, over RTU on a bare pty and over RTU on a pty paced like a
//     real line (--pace-wire), against bare libmodbus requests reading the same tables on
//     the same link and, for the paced line, the wire time of the frames.
// See README.md beside this file.

#include <modbus/modbus.h>
#include <nfc/nfc.h>
#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hardware/cabinet/cabinet_register_map.h"
#include "hardware/cabinet/modbus_cabinet_controller.h"
#include "hardware/nfc/libnfc_badge_reader.h"
#include "hardware/nfc/pn532_emulator.h"
#include "kiosk/core/badge.h"
#include "tests/bench/count_option.h"
#include "tests/bench/stats.h"
#include "tests/support/simulator_process.h"

namespace custody::bench {
namespace {

using namespace std::chrono_literals;
namespace map = cabinet_map;

// Only bounds an operation that never completes (a lost tap, a hung link); it is not a
// performance limit, and nothing is judged by it.
constexpr auto kGiveUp = 10s;

struct Options {
    int samples = 300;
    int warmup = 10;
    int slots = 20;
    int baud = 115200;
    std::chrono::milliseconds poll_interval = nfc::LibnfcReaderConfig{}.poll_interval;
};

// An operation failed or answered wrongly: the run is void.
struct BenchFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void expect(bool ok, const std::string& what) {
    if (!ok) throw BenchFailure(what);
}

template <class T>
T need(Result<T> r, const std::string& what) {
    if (!r) throw BenchFailure(what + ": " + log_line(r.error()));
    return std::move(*r);
}

void usage(std::ostream& out) {
    out << "usage: hardware_bench [--samples N] [--warmup N] [--slots N] [--baud B] [--poll-ms N]\n"
           "  --samples N   measured operations per row (default 300)\n"
           "  --warmup N    unmeasured operations before each measurement (default 10)\n"
           "  --slots N     slots of the simulated cabinet, 1..30 (default 20)\n"
           "  --baud B      RTU line speed, 8N1 (default 115200)\n"
           "  --poll-ms N   the badge reader's poll interval (default: the adapter's, 50)\n";
}

std::optional<Options> parse_options(int argc, char** argv) {
    Options o;
    auto number = [&](int& i, const char* name) { return count_option(i, argc, argv, name); };
    try {
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            if (a == "--samples") o.samples = static_cast<int>(number(i, "--samples"));
            else if (a == "--warmup") o.warmup = static_cast<int>(number(i, "--warmup"));
            else if (a == "--slots") o.slots = static_cast<int>(number(i, "--slots"));
            else if (a == "--baud") o.baud = static_cast<int>(number(i, "--baud"));
            else if (a == "--poll-ms") o.poll_interval = std::chrono::milliseconds(number(i, "--poll-ms"));
            else if (a == "--help" || a == "-h") {
                usage(std::cout);
                std::exit(0);
            } else {
                throw std::invalid_argument("unknown option " + a);
            }
        }
        if (o.samples < 1) throw std::invalid_argument("--samples must be at least 1");
        if (o.slots < 1 || o.slots > map::kMaxSlots) throw std::invalid_argument("--slots must be 1..30");
        if (o.baud < 1) throw std::invalid_argument("--baud must be positive");
        if (o.poll_interval.count() < 1) throw std::invalid_argument("--poll-ms must be at least 1");
    } catch (const std::exception& e) {
        std::cerr << "hardware_bench: " << e.what() << "\n";
        usage(std::cerr);
        return std::nullopt;
    }
    return o;
}

// ---- badge tap

const nfc_modulation kIso14443a{NMT_ISO14443A, NBR_106};

std::string uid_of(const nfc_target& t) {
    std::string s;
    char two[3];
    for (std::size_t i = 0; i < t.nti.nai.szUidLen; ++i) {
        std::snprintf(two, sizeof two, "%02X", t.nti.nai.abtUid[i]);
        s += two;
    }
    return s;
}

// A distinct UID per tap, so a late or repeated report cannot pass for the expected one.
std::string tap_uid(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "04%06X", static_cast<unsigned>(i) & 0xFFFFFF);
    return buf;
}

// libnfc opened the way LibnfcBadgeReader::connect opens it, for the bare baseline.
class BareReader {
public:
    explicit BareReader(const std::string& connstring) {
        nfc_init(&ctx_);
        expect(ctx_ != nullptr, "nfc_init failed");
        dev_ = nfc_open(ctx_, connstring.c_str());
        expect(dev_ != nullptr, "nfc_open " + connstring + " failed");
        expect(nfc_initiator_init(dev_) >= 0 && nfc_device_set_property_bool(dev_, NP_INFINITE_SELECT, false) >= 0,
               "cannot initialise " + connstring + ": " + error());
    }
    ~BareReader() {
        if (dev_) nfc_close(dev_);
        if (ctx_) nfc_exit(ctx_);
    }
    BareReader(const BareReader&) = delete;
    BareReader& operator=(const BareReader&) = delete;

    int select(nfc_target& t) { return nfc_initiator_select_passive_target(dev_, kIso14443a, nullptr, 0, &t); }
    int deselect() { return nfc_initiator_deselect_target(dev_); }
    std::string error() { return dev_ ? nfc_strerror(dev_) : "no device"; }

private:
    nfc_context* ctx_ = nullptr;
    nfc_device* dev_ = nullptr;
};

struct TapFigures {
    Samples tap;           // place() -> on_tap
    Samples select_card;   // bare select with a card on the field
    Samples deselect;      // bare deselect after it
    Samples select_pair;   // the two together: what the reader does before on_tap
    Samples select_empty;  // bare select on an empty field: each idle poll
    double period_ms = 0;  // observed mean time between the reader's selects
};

void measure_bare_selects(nfc::Pn532Emulator& emu, const std::string& connstring, int warmup, int samples,
                          TapFigures& f) {
    BareReader nfc(connstring);
    const std::string uid = "04A23B11";
    for (int i = 0; i < warmup + samples; ++i) {
        expect(emu.place(uid), "emulator refused UID " + uid);
        nfc_target t{};
        auto t0 = SteadyClock::now();
        int n = nfc.select(t);
        auto t1 = SteadyClock::now();
        expect(n == 1, "bare select with a card on the field returned " + std::to_string(n) + ": " + nfc.error());
        expect(uid_of(t) == uid, "bare select read UID " + uid_of(t) + ", expected " + uid);
        int d = nfc.deselect();
        auto t2 = SteadyClock::now();
        expect(d >= 0, "bare deselect failed: " + nfc.error());

        emu.remove();
        auto t3 = SteadyClock::now();
        n = nfc.select(t);
        auto t4 = SteadyClock::now();
        expect(n == 0, "bare select on an empty field returned " + std::to_string(n) + ": " + nfc.error());
        if (i < warmup) continue;
        f.select_card.add(ms_since(t0, t1));
        f.deselect.add(ms_since(t1, t2));
        f.select_pair.add(ms_since(t0, t2));
        f.select_empty.add(ms_since(t3, t4));
    }
}

// Receives the reader's events on its thread and timestamps each tap on arrival.
class TapRecorder final : public BadgeEvents {
public:
    struct Tap {
        std::string uid;
        SteadyClock::time_point at;
    };

    void on_tap(const BadgeTap& tap) override {
        auto at = SteadyClock::now();
        std::lock_guard lock(m_);
        taps_.push_back({tap.uid, at});
        cv_.notify_all();
    }
    void on_reader_state(ReaderState state, const Error& why) override {
        std::lock_guard lock(m_);
        if (state == ReaderState::Online) online_ = true;
        else offline_reason_ = log_line(why);
        cv_.notify_all();
    }
    bool wait_online() {
        std::unique_lock lock(m_);
        return cv_.wait_for(lock, kGiveUp, [&] { return online_ || !offline_reason_.empty(); }) && online_ &&
               offline_reason_.empty();
    }
    std::optional<Tap> wait_tap(std::size_t index) {
        std::unique_lock lock(m_);
        if (!cv_.wait_for(lock, kGiveUp, [&] { return taps_.size() > index; })) return std::nullopt;
        return taps_[index];
    }
    std::size_t tap_count() {
        std::lock_guard lock(m_);
        return taps_.size();
    }
    std::string offline_reason() {
        std::lock_guard lock(m_);
        return offline_reason_;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    std::vector<Tap> taps_;
    bool online_ = false;
    std::string offline_reason_;
};

void wait_selects(const nfc::Pn532Emulator& emu, std::size_t at_least) {
    const auto deadline = SteadyClock::now() + kGiveUp;
    while (emu.selects_answered() < at_least) {
        expect(SteadyClock::now() < deadline, "the badge reader stopped polling");
        std::this_thread::sleep_for(200us);
    }
}

void measure_taps(nfc::Pn532Emulator& emu, const std::string& connstring, const Options& opt, TapFigures& f) {
    nfc::LibnfcReaderConfig config;
    config.connstring = connstring;
    config.poll_interval = opt.poll_interval;
    SystemClock clock;
    TapRecorder events;
    nfc::LibnfcBadgeReader reader(config, clock);
    emu.remove();
    if (auto started = reader.start(events); !started) throw BenchFailure("reader start: " + log_line(started.error()));
    expect(events.wait_online(), "the badge reader did not come online: " + events.offline_reason());

    // A tap lands at a random point of the poll cycle, as an officer's would: the wait
    // before the next select is then spread evenly over one interval.
    std::mt19937 rng(20240601);
    std::uniform_int_distribution<std::int64_t> phase_us(0, opt.poll_interval.count() * 1000 - 1);
    // The observed period runs from one answered select to the last tap's select, so that
    // no partial cycle at either end skews it.
    const std::size_t period_s0 = emu.selects_answered() + 1;
    wait_selects(emu, period_s0);
    const auto period_t0 = SteadyClock::now();
    SteadyClock::time_point period_t1 = period_t0;
    std::size_t period_s1 = period_s0;
    const int total = opt.warmup + opt.samples;
    for (int i = 0; i < total; ++i) {
        emu.remove();
        // Two more answered selects: at least one of them saw the empty field.
        wait_selects(emu, emu.selects_answered() + 2);
        std::this_thread::sleep_for(std::chrono::microseconds(phase_us(rng)));
        const std::string uid = tap_uid(i);
        auto t0 = SteadyClock::now();
        expect(emu.place(uid), "emulator refused UID " + uid);
        auto tap = events.wait_tap(static_cast<std::size_t>(i));
        expect(tap.has_value(), "tap " + std::to_string(i + 1) + " (" + uid + ") never reached on_tap");
        expect(tap->uid == normalise_badge_uid(uid), "on_tap reported " + tap->uid + ", expected " + uid);
        expect(events.offline_reason().empty(), "the badge reader went offline: " + events.offline_reason());
        period_t1 = tap->at;
        period_s1 = emu.selects_answered();
        if (i >= opt.warmup) f.tap.add(ms_since(t0, tap->at));
        if ((i + 1) % 50 == 0) std::cerr << " " << (i + 1) << std::flush;
    }
    if (period_s1 > period_s0) f.period_ms = ms_since(period_t0, period_t1) / static_cast<double>(period_s1 - period_s0);
    reader.stop();
    expect(events.tap_count() == static_cast<std::size_t>(total),
           "on_tap was called " + std::to_string(events.tap_count()) + " times for " + std::to_string(total) +
               " taps");
}

TapFigures run_badge(const Options& opt) {
    auto emu = need(nfc::Pn532Emulator::start(), "start the PN532 emulator");
    const std::string connstring = "pn532_uart:" + emu->path() + ":115200";
    TapFigures f;
    // The bare selects bracket the reader's run, so both see the machine in the same state.
    const int first = opt.samples / 2, second = opt.samples - first;
    std::cerr << "[bench] badge: " << opt.samples << " bare libnfc selects on " << emu->path() << " ..." << std::flush;
    if (first > 0) measure_bare_selects(*emu, connstring, opt.warmup, first, f);
    std::cerr << " half done\n[bench] badge: " << opt.samples << " taps through LibnfcBadgeReader, poll every "
              << opt.poll_interval.count() << " ms ..." << std::flush;
    measure_taps(*emu, connstring, opt, f);
    std::cerr << " done\n[bench] badge: the other half of the bare selects ..." << std::flush;
    measure_bare_selects(*emu, connstring, opt.warmup, second, f);
    std::cerr << " done\n";
    return f;
}

// ---- cabinet poll

enum class Link { Tcp, RtuPty, RtuPaced };

// The three requests read_slots() makes, as ADU sizes on an RTU line: address, function
// code, then for a read request start and count, for a reply a byte count and the data;
// CRC last.
struct PollShape {
    int di_count, ir_count, hr_count;
    int request_chars() const { return 8; }
    int di_reply() const { return 3 + (di_count + 7) / 8 + 2; }
    int ir_reply() const { return 3 + 2 * ir_count + 2; }
    int hr_reply() const { return 3 + 2 * hr_count + 2; }
    int poll_chars() const { return 3 * request_chars() + di_reply() + ir_reply() + hr_reply(); }
};

PollShape shape_for(int slots) {
    return {map::discrete_input_count(slots), slots * map::kSlotBlockStride, slots};
}

// Wire time on an 8N1 line: 10 bits a character, and the 3.5-character silence (t3.5)
// that separates frames. One request-reply pair has one silence between its frames; a poll
// of three back-to-back pairs has six frames and five silences between them.
struct WireTime {
    double char_ms, silence_ms;
    explicit WireTime(int baud) : char_ms(10.0 * 1000.0 / baud), silence_ms(3.5 * char_ms) {}
    double pair(int reply_chars) const { return (8 + reply_chars) * char_ms + silence_ms; }
    double poll(const PollShape& s) const { return s.poll_chars() * char_ms + 5 * silence_ms; }
};

// The same three requests with libmodbus and nothing else.
class BareModbus {
public:
    explicit BareModbus(const CabinetLinkConfig& c) {
        ctx_ = c.kind == CabinetLinkConfig::Kind::Tcp
                   ? modbus_new_tcp_pi(c.host.c_str(), std::to_string(c.port).c_str())
                   : modbus_new_rtu(c.device.c_str(), c.baud, 'N', 8, 1);
        expect(ctx_ != nullptr, "modbus_new for " + c.describe() + ": " + modbus_strerror(errno));
        modbus_set_slave(ctx_, c.unit_id);
        auto ms = c.response_timeout.count();
        modbus_set_response_timeout(ctx_, static_cast<std::uint32_t>(ms / 1000),
                                    static_cast<std::uint32_t>((ms % 1000) * 1000));
        expect(modbus_connect(ctx_) == 0, "modbus_connect " + c.describe() + ": " + modbus_strerror(errno));
    }
    ~BareModbus() {
        modbus_close(ctx_);
        modbus_free(ctx_);
    }
    BareModbus(const BareModbus&) = delete;
    BareModbus& operator=(const BareModbus&) = delete;

    // Times each request; bits[] is kept so the two readers can be compared.
    void poll(const PollShape& s, double (&ms)[3]) {
        auto t0 = SteadyClock::now();
        check(modbus_read_input_bits(ctx_, 0, s.di_count, bits_), s.di_count, "read discrete inputs");
        auto t1 = SteadyClock::now();
        check(modbus_read_input_registers(ctx_, map::kSlotBlockBase, s.ir_count, block_), s.ir_count,
              "read input registers");
        auto t2 = SteadyClock::now();
        check(modbus_read_registers(ctx_, map::kLedBase, s.hr_count, leds_), s.hr_count, "read holding registers");
        auto t3 = SteadyClock::now();
        ms[0] = ms_since(t0, t1);
        ms[1] = ms_since(t1, t2);
        ms[2] = ms_since(t2, t3);
    }
    bool camera_present(int slot) const { return bits_[map::kCameraPresentBase + slot - 1] != 0; }

private:
    static void check(int got, int want, const char* what) {
        expect(got == want, std::string("bare libmodbus ") + what + ": " +
                                (got < 0 ? modbus_strerror(errno) : std::to_string(got) + " values"));
    }
    modbus_t* ctx_ = nullptr;
    std::uint8_t bits_[map::discrete_input_count(map::kMaxSlots)] = {};
    std::uint16_t block_[map::kMaxSlots * map::kSlotBlockStride] = {};
    std::uint16_t leds_[map::kMaxSlots] = {};
};

struct LinkFigures {
    Link link;
    std::string name;
    Samples poll;     // read_slots()
    Samples bare;     // the three bare requests
    Samples bare_req[3];
    std::string wire_report;  // cabinet-sim's own count of what it paced
};

LinkFigures run_link(Link link, const Options& opt) {
    LinkFigures f;
    f.link = link;
    std::vector<std::string> args{"--slots", std::to_string(opt.slots)};
    if (link == Link::Tcp) {
        f.name = "Modbus TCP, loopback";
        args.insert(args.end(), {"--tcp", "127.0.0.1:0"});
    } else {
        f.name = link == Link::RtuPty ? "Modbus RTU, pty (no wire time)"
                                      : "Modbus RTU, pty paced at " + std::to_string(opt.baud) + " baud";
        args.insert(args.end(), {"--rtu", "auto", "--baud", std::to_string(opt.baud)});
        if (link == Link::RtuPaced) args.push_back("--pace-wire");
    }
    test::SimulatorProcess sim(CABINET_SIM_PATH, args);
    // Cameras in every third slot, so the tables hold charging figures, not only zeros.
    for (int s = 1; s <= opt.slots; s += 3) expect(sim.command("dock " + std::to_string(s)) == "ok", "dock slot");

    CabinetLinkConfig config = link == Link::Tcp ? CabinetLinkConfig::tcp("127.0.0.1", sim.tcp_port())
                                                 : CabinetLinkConfig::rtu(sim.address(), opt.baud);
    ModbusCabinetController cabinet(config);
    auto id = need(cabinet.identity(), "identity over " + config.describe());
    expect(id.slot_count == opt.slots, "identity says " + std::to_string(id.slot_count) + " slots");
    BareModbus bare(config);
    const PollShape shape = shape_for(opt.slots);

    // The kiosk polls with the line idle in between; the pause also keeps one reader's
    // frames out of the other's t3.5 on a paced line.
    const auto pause = std::max<std::chrono::microseconds>(
        5ms, std::chrono::microseconds(static_cast<std::int64_t>(2 * WireTime(opt.baud).silence_ms * 1000)));
    std::cerr << "[bench] cabinet: " << opt.samples << " polls over " << f.name << " ..." << std::flush;
    for (int i = 0; i < opt.warmup + opt.samples; ++i) {
        double poll_ms = 0, req_ms[3] = {};
        std::vector<SlotStatus> slots;
        auto adapter = [&] {
            auto t0 = SteadyClock::now();
            auto r = cabinet.read_slots();
            poll_ms = ms_since(t0, SteadyClock::now());
            slots = need(std::move(r), "read_slots over " + config.describe());
        };
        // Alternating the order keeps either reader from always following the other.
        std::this_thread::sleep_for(pause);
        if (i % 2 == 0) adapter();
        else bare.poll(shape, req_ms);
        std::this_thread::sleep_for(pause);
        if (i % 2 == 0) bare.poll(shape, req_ms);
        else adapter();

        expect(slots.size() == static_cast<std::size_t>(opt.slots), "read_slots returned " +
                                                                         std::to_string(slots.size()) + " slots");
        for (const SlotStatus& s : slots) {
            expect(s.camera_present == ((s.slot - 1) % 3 == 0), "slot " + std::to_string(s.slot) + " camera present wrong");
            expect(s.camera_present == bare.camera_present(s.slot),
                   "read_slots and bare libmodbus disagree on slot " + std::to_string(s.slot));
        }
        if (i < opt.warmup) continue;
        f.poll.add(poll_ms);
        f.bare.add(req_ms[0] + req_ms[1] + req_ms[2]);
        for (int r = 0; r < 3; ++r) f.bare_req[r].add(req_ms[r]);
        if ((i + 1) % 100 == 0) std::cerr << " " << (i + 1) << std::flush;
    }
    if (link == Link::RtuPaced) {
        f.wire_report = sim.command("wire");
        expect(f.wire_report.rfind("ok baud=" + std::to_string(opt.baud) + " ", 0) == 0,
               "cabinet-sim did not pace the line: " + f.wire_report);
    }
    std::cerr << " done\n";
    return f;
}

// ---- report

std::string cells(const Samples& s) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%8.3f %8.3f %8.3f %8.3f %8.3f", s.pct(50), s.pct(90), s.pct(99), s.max(), s.mean());
    return buf;
}

void row(const std::string& name, const Samples& s) { std::printf("  %-46s %s\n", name.c_str(), cells(s).c_str()); }

void header(const char* title) {
    std::printf("\n%s\n  %-46s %8s %8s %8s %8s %8s\n", title, "(ms)", "p50", "p90", "p99", "max", "mean");
}

void report(const Options& opt, const TapFigures& t, const std::vector<LinkFigures>& links, double total_s) {
    std::printf("\nhardware_bench: badge tap and cabinet poll latency, against baselines from the same run\n");
#if defined(__OPTIMIZE__) && defined(NDEBUG)
    const char* build = "optimised (Release)";
#else
    const char* build = "NOT an optimised Release build: figures are not representative";
#endif
    std::printf("  build: %s; libnfc %s; libmodbus %s; %u hardware threads\n", build, nfc_version(),
                LIBMODBUS_VERSION_STRING, std::thread::hardware_concurrency());
    std::printf("  samples: %d per row after %d warm-up; percentiles are nearest-rank\n", opt.samples, opt.warmup);

    const double interval = static_cast<double>(opt.poll_interval.count());
    header("Badge tap: Pn532Emulator::place -> LibnfcBadgeReader -> BadgeEvents::on_tap (pn532_uart on a pty)");
    row("tap -> on_tap", t.tap);
    row("baseline: bare select, card on the field", t.select_card);
    row("baseline: bare deselect", t.deselect);
    row("baseline: bare select + deselect", t.select_pair);
    row("baseline: bare select, empty field", t.select_empty);
    const double model = interval / 2 + t.select_pair.pct(50);
    const double observed_model = t.period_ms / 2 + t.select_pair.pct(50);
    // A wait spread evenly over one interval has a standard deviation of interval / sqrt(12).
    const double std_error = interval / std::sqrt(12.0 * static_cast<double>(t.tap.size()));
    std::printf("  poll interval %s ms configured, %s ms observed between the reader's selects\n",
                fixed(interval, 0).c_str(), fixed(t.period_ms, 2).c_str());
    std::printf("  expected mean = interval / 2 + select + deselect p50 = %s ms (with the observed period: %s ms)\n",
                fixed(model, 2).c_str(), fixed(observed_model, 2).c_str());
    std::printf("  tap mean - expected mean       %s ms (standard error of the mean %s ms)\n",
                fixed(t.tap.mean() - model, 2).c_str(), fixed(std_error, 2).c_str());
    std::printf("  tap mean / expected mean       %s (with the observed period: %s)\n", ratio(t.tap.mean(), model).c_str(),
                ratio(t.tap.mean(), observed_model).c_str());
    std::printf("  tap p50 / expected mean        %s\n", ratio(t.tap.pct(50), model).c_str());
    std::printf("  tap p99 / (interval + select + deselect p50)  %s\n",
                ratio(t.tap.pct(99), interval + t.select_pair.pct(50)).c_str());
    std::printf("  tap p50 / bare select p50      %s\n", ratio(t.tap.pct(50), t.select_card.pct(50)).c_str());

    const PollShape s = shape_for(opt.slots);
    const WireTime w(opt.baud);
    std::printf("\nCabinet poll, %d slots: ModbusCabinetController::read_slots() after identity() = FC02 %d inputs,\n"
                "FC04 %d input registers, FC03 %d holding registers; RTU frames %d+%d, %d+%d, %d+%d characters\n",
                opt.slots, s.di_count, s.ir_count, s.hr_count, s.request_chars(), s.di_reply(), s.request_chars(),
                s.ir_reply(), s.request_chars(), s.hr_reply());
    for (const LinkFigures& f : links) {
        header(f.name.c_str());
        row("read_slots()", f.poll);
        row("baseline: bare libmodbus, the same 3 requests", f.bare);
        row("  FC02 read discrete inputs", f.bare_req[0]);
        row("  FC04 read input registers", f.bare_req[1]);
        row("  FC03 read holding registers", f.bare_req[2]);
        std::printf("  read_slots / bare  p50 %s, p99 %s\n", ratio(f.poll.pct(50), f.bare.pct(50)).c_str(),
                    ratio(f.poll.pct(99), f.bare.pct(99)).c_str());
        if (f.link == Link::RtuPaced) {
            const double wire = w.poll(s);
            std::printf("  baseline: wire time = %d characters x %s us + 5 x t3.5 %s us = %s ms\n", s.poll_chars(),
                        fixed(w.char_ms * 1000, 1).c_str(), fixed(w.silence_ms * 1000, 1).c_str(),
                        fixed(wire, 3).c_str());
            // The second and third requests also wait out the silence after the reply before.
            std::printf("    per request in the poll: FC02 %s, FC04 %s, FC03 %s ms\n",
                        fixed(w.pair(s.di_reply()), 3).c_str(), fixed(w.silence_ms + w.pair(s.ir_reply()), 3).c_str(),
                        fixed(w.silence_ms + w.pair(s.hr_reply()), 3).c_str());
            std::printf("    bare per request / wire p50: FC02 %s, FC04 %s, FC03 %s\n",
                        ratio(f.bare_req[0].pct(50), w.pair(s.di_reply())).c_str(),
                        ratio(f.bare_req[1].pct(50), w.silence_ms + w.pair(s.ir_reply())).c_str(),
                        ratio(f.bare_req[2].pct(50), w.silence_ms + w.pair(s.hr_reply())).c_str());
            std::printf("  read_slots / wire  p50 %s, p99 %s;  bare / wire  p50 %s, p99 %s\n",
                        ratio(f.poll.pct(50), wire).c_str(), ratio(f.poll.pct(99), wire).c_str(),
                        ratio(f.bare.pct(50), wire).c_str(), ratio(f.bare.pct(99), wire).c_str());
            std::printf("  read_slots - wire p50 %s ms: what the pty, libmodbus and the adapter add\n",
                        fixed(f.poll.pct(50) - wire, 3).c_str());
            std::printf("  cabinet-sim paced: %s\n", f.wire_report.c_str());
        }
    }
    std::printf("\n  total run time %s s\n", fixed(total_s, 1).c_str());
}

int run(const Options& opt) {
    auto start = SteadyClock::now();
    TapFigures taps = run_badge(opt);
    std::vector<LinkFigures> links;
    for (Link l : {Link::Tcp, Link::RtuPty, Link::RtuPaced}) links.push_back(run_link(l, opt));
    report(opt, taps, links, ms_since(start, SteadyClock::now()) / 1000.0);
    return 0;
}

}  // namespace
}  // namespace custody::bench

int main(int argc, char** argv) {
    auto opt = custody::bench::parse_options(argc, argv);
    if (!opt) return 2;
    // A simulator that dies must show up as a failed operation, not kill the bench.
    signal(SIGPIPE, SIG_IGN);
    try {
        return custody::bench::run(*opt);
    } catch (const std::exception& e) {
        std::cerr << "\nhardware_bench: FAILED: " << e.what() << "\n";
        return 1;
    }
}
