// custody_bench: latency of the custody round trip (checkout, return, health check,
// offload completion) through the real services on a real SQLite file, at a small and a
// large ledger; throughput of db::verify_audit over the large one; and the baselines
// they are judged against (a bare durable SQLite commit, a durable small-file replace,
// bare SHA-256 + HMAC), all measured in the same run. See README.md beside this file.

#include <fcntl.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "db/audit_chain.h"
#include "db/audit_verifier.h"
#include "db/head_anchor.h"
#include "db/sqlite_store.h"
#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "kiosk/core/health_check.h"
#include "kiosk/core/offload_completion.h"
#include "tests/bench/baselines.h"
#include "tests/bench/fleet.h"
#include "tests/bench/count_option.h"
#include "tests/bench/stats.h"

namespace custody::bench {
namespace {

namespace fs = std::filesystem;

constexpr double kCheckoutP99TargetMs = 5.0;
constexpr double kVerifyTargetSeconds = 5.0;
constexpr std::int64_t kVerifyTargetEntries = 1'000'000;
constexpr std::int64_t kStartMs = 1'609'459'200'000;  // 2021-01-01T00:00:00Z

struct Options {
    std::int64_t entries = 1'000'000;
    std::int64_t small = 10'000;
    int samples = 300;
    int warmup = 10;
    std::string dir;
    bool keep = false;
    FleetShape shape;
};

// A service call failed or a result was not what the round trip needs: the run is void.
struct BenchFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail_with(const std::string& what, const Error& e) {
    throw BenchFailure(what + ": " + render(e, Lang::En) + "\n  " + log_line(e));
}

template <class T>
T need(Result<T> r, const std::string& what) {
    if (!r) fail_with(what, r.error());
    return std::move(*r);
}

void need(const Status& s, const std::string& what) {
    if (!s) fail_with(what, s.error());
}

void expect(bool ok, const std::string& what) {
    if (!ok) throw BenchFailure(what);
}

void usage(std::ostream& out) {
    out << "usage: custody_bench [--entries N] [--small N] [--samples N] [--warmup N] [--dir PATH] [--keep]\n"
           "  --entries N   custody ledger entries for the large measurement (default 1000000)\n"
           "  --small N     custody ledger entries for the small measurement (default 10000)\n"
           "  --samples N   measured round trips at each size (default 300)\n"
           "  --warmup N    unmeasured round trips before each measurement (default 10)\n"
           "  --dir PATH    directory for the databases (default: a new temporary directory)\n"
           "  --keep        leave the databases in place afterwards (default: remove them)\n";
}

std::optional<Options> parse_options(int argc, char** argv) {
    Options o;
    auto number = [&](int& i, const char* name) { return count_option(i, argc, argv, name); };
    try {
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            if (a == "--entries") o.entries = number(i, "--entries");
            else if (a == "--small") o.small = number(i, "--small");
            else if (a == "--samples") o.samples = static_cast<int>(number(i, "--samples"));
            else if (a == "--warmup") o.warmup = static_cast<int>(number(i, "--warmup"));
            else if (a == "--keep") o.keep = true;
            else if (a == "--dir") {
                if (i + 1 >= argc) throw std::invalid_argument("--dir needs a value");
                o.dir = argv[++i];
            } else if (a == "--help" || a == "-h") {
                usage(std::cout);
                std::exit(0);
            } else {
                throw std::invalid_argument("unknown option " + a);
            }
        }
        if (o.samples < 1) throw std::invalid_argument("--samples must be at least 1");
        if (o.small < 1 || o.small >= o.entries) throw std::invalid_argument("need 0 < --small < --entries");
    } catch (const std::exception& e) {
        std::cerr << "custody_bench: " << e.what() << "\n";
        usage(std::cerr);
        return std::nullopt;
    }
    return o;
}

// Where the databases live; removes what the bench created unless asked to keep it.
class WorkDir {
public:
    WorkDir(const std::string& requested, bool keep) : keep_(keep) {
        if (requested.empty()) {
            std::string tpl = (fs::temp_directory_path() / "custody_bench.XXXXXX").string();
            if (::mkdtemp(tpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
            path_ = tpl;
            owned_ = true;
        } else {
            path_ = requested;
            fs::create_directories(path_);
            if (fs::exists(db())) throw std::runtime_error(db() + " already exists: choose an empty --dir");
        }
    }
    ~WorkDir() {
        if (keep_) return;
        std::error_code ec;
        if (owned_) {
            fs::remove_all(path_, ec);
            return;
        }
        for (const char* name : {"custody.db", "custody.db-wal", "custody.db-shm", "custody.db.key", "custody.db.head",
                                 "custody.db.head.lock", "custody.db.head.tmp", "floor.db", "floor.db-wal",
                                 "floor.db-shm", "baseline.head", "baseline.head.tmp"})
            fs::remove(path_ / name, ec);
    }
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
    std::string db() const { return (path_ / "custody.db").string(); }
    std::string file(const char* name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
    bool owned_ = false;
    bool keep_;
};

struct Services {
    Checkout checkout;
    Return ret;
    HealthCheck health;
    OffloadCompletion offload;
};

struct Phase {
    std::string label;
    std::int64_t target = 0;
    double gen_seconds = 0;
    double flush_seconds = 0;
    LedgerCounts before_gen, at_measure;
    Samples checkout, ret, health, offload, round_trip, sqlite_floor, file_floor;
    Samples checkout_cpu, ret_cpu, health_cpu, offload_cpu, round_trip_cpu;  // this thread's CPU time
};

void checkpoint(db::SqliteStore& store) {
    // Generation leaves a large WAL behind; a kiosk that has been idle would have
    // checkpointed it. Production pragmas are otherwise untouched.
    need(store.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)"), "wal checkpoint");
}

// Flushes every dirty page of the file system holding `dir` to disk, so that writeback
// left over from generation does not land on the measured fsyncs.
double flush_to_disk(const fs::path& dir) {
    auto t0 = SteadyClock::now();
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool ok = fd >= 0 && ::syncfs(fd) == 0;
    int err = errno;
    if (fd >= 0) ::close(fd);
    if (!ok) throw std::runtime_error("syncfs " + dir.string() + ": " + std::strerror(err));
    return ms_since(t0, SteadyClock::now()) / 1000.0;
}

void generate(Phase& ph, db::SqliteStore& store, Fleet& fleet, const fs::path& dir) {
    db::Connection& c = store.connection();
    ph.before_gen = need(count_rows(c), "count rows");
    std::int64_t ledger = ph.before_gen.custody;
    std::cerr << "[bench] generating history up to " << grouped(ph.target) << " custody entries ..." << std::flush;
    auto t0 = SteadyClock::now();
    need(fleet.grow_ledger(ph.target, ledger), "generate history");
    checkpoint(store);
    ph.gen_seconds = ms_since(t0, SteadyClock::now()) / 1000.0;
    ph.flush_seconds = flush_to_disk(dir);
    ph.at_measure = need(count_rows(c), "count rows");
    std::cerr << " " << fixed(ph.gen_seconds, 1) << " s, flushed to disk in " << fixed(ph.flush_seconds, 1)
              << " s\n";
}

void measure(Phase& ph, Services& s, Fleet& fleet, ManualClock& clock, SqliteFloor& floor,
             const std::string& file_floor_path, const Options& opt) {
    std::cerr << "[bench] measuring " << opt.samples << " round trips at " << grouped(ph.at_measure.custody)
              << " custody entries ..." << std::flush;
    for (int i = 0; i < opt.warmup + opt.samples; ++i) {
        const bool recorded = i >= opt.warmup;
        const FleetOfficer& fo = fleet.next_officer();

        // One timed service call: wall time and this thread's CPU time.
        struct Timed {
            double wall = 0, cpu = 0;
        };
        auto timed = [&](auto&& call) {
            clock.advance_ms(kStepMs);
            double c0 = thread_cpu_ms();
            auto t0 = SteadyClock::now();
            auto result = call();
            Timed t{ms_since(t0, SteadyClock::now()), thread_cpu_ms() - c0};
            return std::pair{std::move(result), t};
        };

        auto [grant, t_out] = timed([&] { return s.checkout.run({fo.badge_uid, std::nullopt, std::nullopt}); });
        CheckoutGrant g = need(std::move(grant), "Checkout::run for " + fo.officer.number);
        expect(g.device.status == DeviceStatus::Out, "checkout did not leave the device out");

        auto [receipt, t_ret] = timed([&] { return s.ret.run({g.device.serial, g.slot, "kiosk"}); });
        ReturnReceipt r = need(std::move(receipt), "Return::run for " + g.device.serial);
        expect(!r.unexpected && r.device.status == DeviceStatus::Docked, "return was not an expected return");

        auto [checked, t_health] =
            timed([&] { return s.health.record({g.device.serial, 97, 61440, 0, "", "kiosk", ""}); });
        Device h = need(std::move(checked), "HealthCheck::record for " + g.device.serial);
        expect(h.status == DeviceStatus::Docked, "health check changed the device status");

        auto [offloaded, t_off] =
            timed([&] { return s.offload.record({g.device.serial, 12, 3'221'225'472, "kiosk"}); });
        Device o = need(std::move(offloaded), "OffloadCompletion::record for " + g.device.serial);
        expect(o.status == DeviceStatus::InService, "offload completion did not make the device ready");

        double sqlite_ms = floor.insert_commit();
        double file_ms = file_replace_fsync(file_floor_path);
        if (!recorded) continue;
        ph.checkout.add(t_out.wall);
        ph.ret.add(t_ret.wall);
        ph.health.add(t_health.wall);
        ph.offload.add(t_off.wall);
        ph.round_trip.add(t_out.wall + t_ret.wall + t_health.wall + t_off.wall);
        ph.checkout_cpu.add(t_out.cpu);
        ph.ret_cpu.add(t_ret.cpu);
        ph.health_cpu.add(t_health.cpu);
        ph.offload_cpu.add(t_off.cpu);
        ph.round_trip_cpu.add(t_out.cpu + t_ret.cpu + t_health.cpu + t_off.cpu);
        ph.sqlite_floor.add(sqlite_ms);
        ph.file_floor.add(file_ms);
    }
    std::cerr << " done\n";
}

// The mean length of canonical_audit() over the newest entries: what verify hashes.
std::size_t mean_canonical_bytes(db::Connection& c) {
    auto q = need(c.prepare("SELECT seq, at_ms, actor, action, subject, detail, record_table, record_id, "
                            "record_digest FROM audit_log ORDER BY seq DESC LIMIT 10000"),
                  "read audit_log");
    std::size_t total = 0, n = 0;
    while (need(q.step(), "read audit_log")) {
        db::AuditEntry e;
        e.seq = q.i64(0);
        e.at_ms = q.i64(1);
        e.actor = q.text(2);
        e.action = q.text(3);
        e.subject = q.text(4);
        e.detail = q.text(5);
        if (!q.is_null(6)) e.record_table = q.text(6);
        e.record_id = q.opt_i64(7);
        if (!q.is_null(8)) {
            auto b = q.blob(8);
            e.record_digest = db::digest_from_blob(b.data(), b.size());
        }
        total += db::canonical_audit(e).size();
        ++n;
    }
    return n ? total / n : 200;
}

struct VerifyResult {
    db::VerifyReport report;
    double seconds = 0;
    LedgerCounts counts;
    std::size_t canonical_bytes = 0;
    CryptoBaseline crypto;
};

VerifyResult run_verify(db::SqliteStore& store, const std::string& db_path) {
    VerifyResult v;
    v.counts = need(count_rows(store.connection()), "count rows");
    std::cerr << "[bench] verifying " << grouped(v.counts.audit) << " audit entries ..." << std::flush;
    auto t0 = SteadyClock::now();
    v.report = need(db::verify_audit(store.connection(), store.key(), db::anchor_path_for(db_path)), "verify_audit");
    v.seconds = ms_since(t0, SteadyClock::now()) / 1000.0;
    std::cerr << " " << fixed(v.seconds, 2) << " s\n";
    if (!v.report.intact()) fail_with("verify_audit reports a broken chain", *v.report.broken);
    expect(v.report.entries == v.counts.audit, "verify_audit checked " + grouped(v.report.entries) + " entries, " +
                                                   "the log holds " + grouped(v.counts.audit));
    expect(v.report.records == v.counts.custody + v.counts.health,
           "verify_audit matched " + grouped(v.report.records) + " records, the ledger holds " +
               grouped(v.counts.custody + v.counts.health));

    v.canonical_bytes = mean_canonical_bytes(store.connection());
    std::cerr << "[bench] crypto baseline over " << grouped(v.report.entries) << " messages ..." << std::flush;
    v.crypto = sha256_hmac_baseline(v.report.entries, v.canonical_bytes);
    std::cerr << " " << fixed(v.crypto.seconds, 2) << " s\n";
    return v;
}

// ---- report

void print_row(const std::string& name, const Samples& a, const Samples& b) {
    auto cells = [](const Samples& s) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%7.2f %7.2f %7.2f %7.2f", s.pct(50), s.pct(90), s.pct(99), s.max());
        return std::string(buf);
    };
    std::printf("  %-36s %s   %s\n", name.c_str(), cells(a).c_str(), cells(b).c_str());
}

void report(const Options& opt, const WorkDir& dir, const Phase& small, const Phase& large, const VerifyResult& v,
            double total_seconds) {
    std::printf("\ncustody_bench: custody core latency and audit verification\n");
#if defined(__OPTIMIZE__) && defined(NDEBUG)
    const char* build = "optimised (Release)";
#else
    const char* build = "NOT an optimised Release build: figures are not representative";
#endif
    std::printf("  build: %s; SQLite %s; %s; %u hardware threads\n", build, sqlite3_libversion(),
                OpenSSL_version(OPENSSL_VERSION), std::thread::hardware_concurrency());
    std::printf("  database: %s (WAL, synchronous=FULL, production pragmas)\n", dir.path().c_str());
    std::printf("  fleet: 1 unit, %d cameras in %d slots, %d officers with badges\n", opt.shape.slots,
                opt.shape.slots, opt.shape.officers);
    std::printf("  samples: %d round trips per size after %d warm-up; percentiles are nearest-rank\n", opt.samples,
                opt.warmup);

    std::printf("\nHistory generation (StoreTx in transactions of %d cycles; a cycle = checkout, return,\n"
                "health reading, offload completion = 2 custody entries, 4 signed audit entries;\n"
                "flush = syncfs of the file system before measuring)\n",
                opt.shape.cycles_per_tx);
    std::printf("  %-6s %16s %14s %12s %9s %18s %9s\n", "size", "custody entries", "audit entries", "health rows",
                "time", "custody entries/s", "flush");
    for (const Phase* p : {&small, &large}) {
        std::int64_t made = p->at_measure.custody - p->before_gen.custody;
        std::printf("  %-6s %16s %14s %12s %7s s %18s %7s s\n", p->label.c_str(),
                    grouped(p->at_measure.custody).c_str(), grouped(p->at_measure.audit).c_str(),
                    grouped(p->at_measure.health).c_str(), fixed(p->gen_seconds, 1).c_str(),
                    grouped(static_cast<std::int64_t>(static_cast<double>(made) / p->gen_seconds)).c_str(),
                    fixed(p->flush_seconds, 1).c_str());
    }

    std::printf("\nLatency in ms; each service call is one durable transaction (WAL commit + head-anchor fsync)\n");
    std::printf("  %-36s %31s   %31s\n", "", ("ledger " + grouped(small.at_measure.custody) + " entries").c_str(),
                ("ledger " + grouped(large.at_measure.custody) + " entries").c_str());
    std::printf("  %-36s %7s %7s %7s %7s   %7s %7s %7s %7s\n", "", "p50", "p90", "p99", "max", "p50", "p90", "p99",
                "max");
    print_row("checkout      (Checkout::run)", small.checkout, large.checkout);
    print_row("return        (Return::run)", small.ret, large.ret);
    print_row("health check  (HealthCheck::record)", small.health, large.health);
    print_row("offload done  (OffloadCompletion)", small.offload, large.offload);
    print_row("round trip    (all four)", small.round_trip, large.round_trip);
    print_row("floor: SQLite INSERT+COMMIT", small.sqlite_floor, large.sqlite_floor);
    print_row("floor: file write+fsync+rename", small.file_floor, large.file_floor);

    std::printf("\nCPU time in ms of the calling thread per call (user + system; excludes waiting for the disk\n"
                "or for a core, so it shows the work done even on a noisy machine)\n");
    std::printf("  %-36s %15s %15s %15s %15s %9s\n", "", "small p50", "small p90", "large p50", "large p90",
                "growth");
    auto cpu_row = [](const char* name, const Samples& a, const Samples& b) {
        std::printf("  %-36s %15.3f %15.3f %15.3f %15.3f %9s\n", name, a.pct(50), a.pct(90), b.pct(50), b.pct(90),
                    ratio(b.pct(50), a.pct(50)).c_str());
    };
    cpu_row("checkout", small.checkout_cpu, large.checkout_cpu);
    cpu_row("return", small.ret_cpu, large.ret_cpu);
    cpu_row("health check", small.health_cpu, large.health_cpu);
    cpu_row("offload done", small.offload_cpu, large.offload_cpu);
    cpu_row("round trip", small.round_trip_cpu, large.round_trip_cpu);

    std::printf("\nRatios                                             %-16s %-16s\n", "small", "large");
    auto ratio_row = [](const char* name, double s, double l) {
        std::printf("  %-48s %-16s %-16s\n", name, ratio(s, 1).c_str(), ratio(l, 1).c_str());
    };
    ratio_row("checkout p50 / SQLite floor p50", small.checkout.pct(50) / small.sqlite_floor.pct(50),
              large.checkout.pct(50) / large.sqlite_floor.pct(50));
    ratio_row("checkout p99 / SQLite floor p99", small.checkout.pct(99) / small.sqlite_floor.pct(99),
              large.checkout.pct(99) / large.sqlite_floor.pct(99));
    ratio_row("checkout p50 / (SQLite + file floor) p50",
              small.checkout.pct(50) / (small.sqlite_floor.pct(50) + small.file_floor.pct(50)),
              large.checkout.pct(50) / (large.sqlite_floor.pct(50) + large.file_floor.pct(50)));
    ratio_row("round trip p50 / SQLite floor p50", small.round_trip.pct(50) / small.sqlite_floor.pct(50),
              large.round_trip.pct(50) / large.sqlite_floor.pct(50));
    std::printf("  growth, large / small ledger (%s x more entries):\n",
                fixed(static_cast<double>(large.at_measure.custody) / static_cast<double>(small.at_measure.custody), 0)
                    .c_str());
    std::printf("    checkout p50 %s, p99 %s; round trip p50 %s, p99 %s; SQLite floor p50 %s\n",
                ratio(large.checkout.pct(50), small.checkout.pct(50)).c_str(),
                ratio(large.checkout.pct(99), small.checkout.pct(99)).c_str(),
                ratio(large.round_trip.pct(50), small.round_trip.pct(50)).c_str(),
                ratio(large.round_trip.pct(99), small.round_trip.pct(99)).c_str(),
                ratio(large.sqlite_floor.pct(50), small.sqlite_floor.pct(50)).c_str());

    const double verify_rate = static_cast<double>(v.report.entries) / v.seconds;
    const double crypto_rate = static_cast<double>(v.crypto.messages) / v.crypto.seconds;
    std::printf("\nVerify: db::verify_audit over the large database, one thread, warm OS page cache\n");
    std::printf("  audit entries checked       %s (chain intact)\n", grouped(v.report.entries).c_str());
    std::printf("  ledger records matched      %s (custody %s + health %s)\n", grouped(v.report.records).c_str(),
                grouped(v.counts.custody).c_str(), grouped(v.counts.health).c_str());
    std::printf("  time                        %s s\n", fixed(v.seconds, 2).c_str());
    std::printf("  throughput                  %s audit entries/s (%s s per 1M entries)\n",
                grouped(static_cast<std::int64_t>(verify_rate)).c_str(), fixed(1e6 / verify_rate, 2).c_str());
    std::printf("  baseline: SHA-256(32 B prev + %zu B) + HMAC-SHA-256, %s messages: %s s, %s msgs/s\n",
                v.canonical_bytes, grouped(v.crypto.messages).c_str(), fixed(v.crypto.seconds, 2).c_str(),
                grouped(static_cast<std::int64_t>(crypto_rate)).c_str());
    std::printf("  verify time / crypto baseline time: %s\n", ratio(v.seconds, v.crypto.seconds).c_str());

    std::printf("\nTargets\n");
    const double p99 = large.checkout.pct(99);
    std::printf("  checkout p99 < %.0f ms at %s entries: %s ms -> %s\n", kCheckoutP99TargetMs,
                grouped(large.at_measure.custody).c_str(), fixed(p99, 2).c_str(),
                p99 < kCheckoutP99TargetMs ? "MET" : "NOT MET");
    const double per_target = static_cast<double>(kVerifyTargetEntries) / verify_rate;
    std::printf("  verify < %.0f s per %s audit entries (one core): %s s -> %s\n", kVerifyTargetSeconds,
                grouped(kVerifyTargetEntries).c_str(), fixed(per_target, 2).c_str(),
                per_target < kVerifyTargetSeconds ? "MET" : "NOT MET");
    std::printf("  verify < %.0f s for the whole %s-custody-entry database (%s audit entries): %s s -> %s\n",
                kVerifyTargetSeconds, grouped(large.at_measure.custody).c_str(), grouped(v.report.entries).c_str(),
                fixed(v.seconds, 2).c_str(), v.seconds < kVerifyTargetSeconds ? "MET" : "NOT MET");
    if (large.at_measure.custody < kVerifyTargetEntries)
        std::printf("  (ledger smaller than 1,000,000 entries: targets are indicative only)\n");
    std::printf("\n  total run time %s s\n", fixed(total_seconds, 1).c_str());
}

int run(const Options& opt) {
    auto start = SteadyClock::now();
    WorkDir dir(opt.dir, opt.keep);
    ManualClock clock(Timestamp{kStartMs});
    const auto paths = db::StorePaths::for_db(dir.db());
    db::InitOptions init;
    init.slots = opt.shape.slots;
    init.actor = "bench";
    auto store = need(db::SqliteStore::initialise(paths, clock, init), "initialise " + paths.db);

    Fleet fleet(*store, clock, opt.shape);
    need(fleet.register_all(), "register fleet");
    Services services{Checkout(*store, clock), Return(*store, clock), HealthCheck(*store, clock),
                      OffloadCompletion(*store)};
    SqliteFloor floor(dir.file("floor.db"));
    const std::string file_floor = dir.file("baseline.head");

    Phase small, large;
    small.label = "small";
    small.target = opt.small;
    large.label = "large";
    large.target = opt.entries;
    for (Phase* p : {&small, &large}) {
        generate(*p, *store, fleet, dir.path());
        measure(*p, services, fleet, clock, floor, file_floor, opt);
    }
    VerifyResult v = run_verify(*store, paths.db);
    report(opt, dir, small, large, v, ms_since(start, SteadyClock::now()) / 1000.0);
    if (opt.keep) std::printf("  databases kept in %s\n", dir.path().c_str());
    return 0;
}

}  // namespace
}  // namespace custody::bench

int main(int argc, char** argv) {
    auto opt = custody::bench::parse_options(argc, argv);
    if (!opt) return 2;
    try {
        return custody::bench::run(*opt);
    } catch (const custody::bench::BenchFailure& e) {
        std::cerr << "\ncustody_bench: FAILED: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "\ncustody_bench: error: " << e.what() << "\n";
        return 1;
    }
}
