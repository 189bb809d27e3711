// offload_bench: the verified offload of docked cameras (DiskArchive::copy_in of every
// recording, then the job's SHA256SUMS) against what a custodian would do by hand with
// coreutils on the same files: `cp -r`, `sync`, `sha256sum`. Both run in the same
// process on the same disk, for 1, 2 and 4 slots offloading at once, with the page cache
// dropped before every run. See README.md beside this file.

#include <fcntl.h>
#include <stdlib.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <openssl/crypto.h>

#include "kiosk/archive/disk_archive.h"
#include "kiosk/archive/io_tuning.h"
#include "tests/bench/count_option.h"
#include "tests/bench/stats.h"
#include "tests/support/run_command.h"

namespace fs = std::filesystem;

namespace custody::bench {
namespace {

constexpr std::int64_t kMiB = 1 << 20;

struct Options {
    std::vector<int> slots{1, 2, 4};
    std::int64_t mib_per_slot = 2048;
    std::int64_t min_file_mib = 64;
    std::int64_t max_file_mib = 512;
    int rounds = 1;
    std::uint64_t seed = 1;
    std::string dir;  // empty: a new folder under the system temp dir
    bool keep = false;
};

struct BenchFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void expect(bool ok, const std::string& what) {
    if (!ok) throw BenchFailure(what);
}

void usage(std::ostream& out) {
    out << "usage: offload_bench [--slots LIST] [--mib-per-slot N] [--min-file-mib N] [--max-file-mib N]\n"
           "                     [--rounds N] [--seed N] [--dir PATH] [--keep]\n"
           "  --slots LIST        slots offloading at once, one measurement each (default 1,2,4)\n"
           "  --mib-per-slot N    footage on each slot's camera, MiB (default 2048)\n"
           "  --min-file-mib N    smallest recording, MiB (default 64)\n"
           "  --max-file-mib N    largest recording, MiB (default 512)\n"
           "  --rounds N          measure every slot count N times, alternating which goes first (default 1)\n"
           "  --seed N            seed of the recordings' sizes and content (default 1)\n"
           "  --dir PATH          where the cameras and the copies go (default: a new temp folder);\n"
           "                      the disk under test. It must not already hold offload_bench files\n"
           "  --keep              leave the generated cameras in place\n";
}

std::vector<int> slot_list(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        std::size_t used = 0;
        int n = 0;
        try {
            n = std::stoi(item, &used);
        } catch (const std::logic_error&) {
            used = 0;
        }
        if (used != item.size() || n < 1 || n > 64) throw std::invalid_argument("--slots: not a slot count: " + item);
        out.push_back(n);
    }
    if (out.empty()) throw std::invalid_argument("--slots needs at least one count");
    return out;
}

std::optional<Options> parse_options(int argc, char** argv) {
    Options o;
    auto number = [&](int& i, const char* name) { return count_option(i, argc, argv, name); };
    try {
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            if (a == "--slots") {
                if (i + 1 >= argc) throw std::invalid_argument("--slots needs a value");
                o.slots = slot_list(argv[++i]);
            } else if (a == "--mib-per-slot") o.mib_per_slot = number(i, "--mib-per-slot");
            else if (a == "--min-file-mib") o.min_file_mib = number(i, "--min-file-mib");
            else if (a == "--max-file-mib") o.max_file_mib = number(i, "--max-file-mib");
            else if (a == "--rounds") o.rounds = static_cast<int>(number(i, "--rounds"));
            else if (a == "--seed") o.seed = static_cast<std::uint64_t>(number(i, "--seed"));
            else if (a == "--dir") {
                if (i + 1 >= argc) throw std::invalid_argument("--dir needs a value");
                o.dir = argv[++i];
            } else if (a == "--keep") o.keep = true;
            else if (a == "--help" || a == "-h") {
                usage(std::cout);
                std::exit(0);
            } else {
                throw std::invalid_argument("unknown option " + a);
            }
        }
        if (o.mib_per_slot < 1) throw std::invalid_argument("--mib-per-slot must be at least 1");
        if (o.min_file_mib < 1 || o.max_file_mib < o.min_file_mib)
            throw std::invalid_argument("need 1 <= --min-file-mib <= --max-file-mib");
        if (o.rounds < 1) throw std::invalid_argument("--rounds must be at least 1");
    } catch (const std::exception& e) {
        std::cerr << "offload_bench: " << e.what() << "\n";
        usage(std::cerr);
        return std::nullopt;
    }
    return o;
}

// ---- the cameras

struct Recording {
    std::string name;  // relative to the camera's volume
    std::int64_t bytes = 0;
};

struct Camera {
    fs::path volume;
    std::vector<Recording> files;
    std::int64_t bytes = 0;
};

// Recording sizes spread evenly over [min, max], the last one cut to make up the total.
std::vector<Recording> plan_recordings(const Options& o, std::mt19937_64& rng) {
    std::uniform_int_distribution<std::int64_t> size(o.min_file_mib * kMiB, o.max_file_mib * kMiB);
    std::vector<Recording> files;
    std::int64_t left = o.mib_per_slot * kMiB;
    for (int n = 1; left > 0; ++n) {
        std::int64_t bytes = std::min(left, size(rng));
        char name[64];
        std::snprintf(name, sizeof name, "DCIM/100MEDIA/VID_%04d.MP4", n);
        files.push_back({name, bytes});
        left -= bytes;
    }
    return files;
}

// Incompressible content, fast enough that making the footage waits on the disk alone.
void write_footage(const fs::path& path, std::int64_t bytes, std::uint64_t seed) {
    fs::create_directories(path.parent_path());
    int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0644);
    expect(fd >= 0, "cannot create " + path.string());
    std::vector<std::uint64_t> block(kMiB / sizeof(std::uint64_t));
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    while (bytes > 0) {
        for (auto& w : block) {  // splitmix64
            std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            w = z ^ (z >> 31);
        }
        auto n = static_cast<std::size_t>(std::min<std::int64_t>(bytes, kMiB));
        expect(::write(fd, block.data(), n) == static_cast<ssize_t>(n), "cannot write " + path.string());
        bytes -= static_cast<std::int64_t>(n);
    }
    ::close(fd);
}

std::vector<Camera> make_cameras(const Options& o, const fs::path& base, int count) {
    std::mt19937_64 rng(o.seed);
    std::vector<Camera> cams(count);
    std::uint64_t file_seed = o.seed * 1000;
    for (int s = 0; s < count; ++s) {
        cams[s].volume = base / ("slot" + std::to_string(s + 1));
        cams[s].files = plan_recordings(o, rng);
        for (const Recording& r : cams[s].files) {
            write_footage(cams[s].volume / r.name, r.bytes, ++file_seed);
            cams[s].bytes += r.bytes;
        }
    }
    return cams;
}

// ---- fair starts

// How the page cache is emptied before each run, the same for both sides.
enum class CacheDrop { DropCaches, Fadvise };

CacheDrop cache_drop_method() {
    return ::access("/proc/sys/vm/drop_caches", W_OK) == 0 ? CacheDrop::DropCaches : CacheDrop::Fadvise;
}

// Everything written so far is flushed first, so no run pays for the previous one's
// writeback, and clean pages are what the drop can actually drop.
void drop_caches(CacheDrop how, const std::vector<Camera>& cams) {
    ::sync();
    if (how == CacheDrop::DropCaches) {
        int fd = ::open("/proc/sys/vm/drop_caches", O_WRONLY | O_CLOEXEC);
        expect(fd >= 0 && ::write(fd, "3", 1) == 1, "cannot write /proc/sys/vm/drop_caches");
        ::close(fd);
        return;
    }
    for (const Camera& c : cams)
        for (const Recording& r : c.files) {
            int fd = ::open((c.volume / r.name).c_str(), O_RDONLY | O_CLOEXEC);
            expect(fd >= 0, "cannot open " + (c.volume / r.name).string());
            (void)posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
            ::close(fd);
        }
}

// ---- the two ways of moving the footage

using Hashes = std::map<std::string, std::string>;  // recording name -> sha256

struct SlotRun {
    Hashes hashes;
    double cp_s = 0, sync_s = 0, sha_s = 0;  // baseline phases
    std::string error;
};

struct Run {
    double seconds = 0;
    std::vector<SlotRun> slots;
};

double seconds_since(SteadyClock::time_point t0) { return ms_since(t0, SteadyClock::now()) / 1000.0; }

// What a custodian types: copy the camera's folder, flush it, hash the copies.
SlotRun baseline_slot(const Camera& cam, const fs::path& dst) {
    SlotRun out;
    auto step = [&](const std::vector<std::string>& argv, double& seconds) {
        auto t0 = SteadyClock::now();
        auto r = test::run_command(argv);
        seconds = seconds_since(t0);
        if (r.exit_code != 0 && out.error.empty()) out.error = argv[0] + " exited " + std::to_string(r.exit_code) + ": " + r.err;
        return r;
    };
    step({"cp", "-r", cam.volume.string(), dst.string()}, out.cp_s);
    if (!out.error.empty()) return out;
    step({"sync"}, out.sync_s);
    auto sums = step({"sh", "-c", "cd \"$1\" && find . -type f -print0 | xargs -0 sha256sum", "sh", dst.string()},
                     out.sha_s);
    std::istringstream lines(sums.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.size() < 68) continue;
        std::string name = line.substr(66);
        if (name.rfind("./", 0) == 0) name.erase(0, 2);
        out.hashes[name] = line.substr(0, 64);
    }
    return out;
}

// The kiosk's offload: every recording through copy_in, then the job's SHA256SUMS.
SlotRun offload_slot(archive::DiskArchive& archive, const Camera& cam, const std::string& job) {
    SlotRun out;
    std::vector<ManifestLine> lines;
    for (const Recording& r : cam.files) {
        auto copy = archive.copy_in((cam.volume / r.name).string(), job + "/" + r.name, {});
        if (!copy) {
            out.error = r.name + ": " + log_line(copy.error());
            return out;
        }
        if (copy->bytes != r.bytes) {
            out.error = r.name + ": copied " + std::to_string(copy->bytes) + " bytes of " + std::to_string(r.bytes);
            return out;
        }
        out.hashes[r.name] = copy->sha256;
        lines.push_back({copy->sha256, r.name});
    }
    auto manifest = archive.write_manifest(job, lines);
    if (!manifest) out.error = "SHA256SUMS: " + log_line(manifest.error());
    return out;
}

template <class PerSlot>
Run run_slots(int n, PerSlot per_slot) {
    Run run;
    run.slots.resize(n);
    std::vector<std::thread> threads;
    auto t0 = SteadyClock::now();
    for (int s = 0; s < n; ++s) threads.emplace_back([&, s] { run.slots[s] = per_slot(s); });
    for (auto& t : threads) t.join();
    run.seconds = seconds_since(t0);
    for (int s = 0; s < n; ++s)
        expect(run.slots[s].error.empty(), "slot " + std::to_string(s + 1) + ": " + run.slots[s].error);
    return run;
}

struct Row {
    int slots = 0;
    int round = 0;
    bool baseline_first = true;
    std::int64_t bytes = 0;
    Run baseline, offload;
};

double mib_per_s(std::int64_t bytes, double s) { return s > 0 ? static_cast<double>(bytes) / kMiB / s : 0; }

double mean_of(const Run& r, double SlotRun::*field) {
    double sum = 0;
    for (const SlotRun& s : r.slots) sum += s.*field;
    return r.slots.empty() ? 0 : sum / static_cast<double>(r.slots.size());
}

std::string shell_out(const std::vector<std::string>& argv) {
    auto r = test::run_command(argv);
    std::string s = r.out;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return r.exit_code == 0 ? s : "?";
}

void report_header(const Options& o, const fs::path& base, const std::vector<Camera>& cams, CacheDrop how,
                   double generate_s) {
    std::printf("\noffload_bench: verified offload (DiskArchive::copy_in + SHA256SUMS) against cp -r + sync + sha256sum\n");
#if defined(__OPTIMIZE__) && defined(NDEBUG)
    const char* build = "optimised (Release)";
#else
    const char* build = "NOT an optimised Release build: figures are not representative";
#endif
    std::printf("  build: %s; %s; %u hardware threads\n", build, OpenSSL_version(OPENSSL_VERSION),
                std::thread::hardware_concurrency());
    std::printf("  copy_in: %zu MiB blocks, %zu in flight, write-behind window %lld MiB\n",
                archive::kBlockBytes / kMiB, archive::kBlocksInFlight,
                static_cast<long long>(archive::kWriteBehindBytes / kMiB));
    std::printf("  disk: %s on %s\n", base.c_str(),
                shell_out({"sh", "-c", "df -h --output=source,fstype,size \"$1\" | tail -n1", "sh", base.string()})
                    .c_str());
    std::printf("  coreutils: %s\n", shell_out({"sh", "-c", "sha256sum --version | head -n1"}).c_str());
    std::printf("  page cache: %s before every run, after sync\n",
                how == CacheDrop::DropCaches ? "emptied with echo 3 > /proc/sys/vm/drop_caches"
                                             : "sources dropped with posix_fadvise(POSIX_FADV_DONTNEED)");
    std::printf("  each camera: %zu recordings, %s MiB (%lld..%lld MiB each); %zu cameras generated in %.1f s\n",
                cams[0].files.size(), grouped(cams[0].bytes / kMiB).c_str(), static_cast<long long>(o.min_file_mib),
                static_cast<long long>(o.max_file_mib), cams.size(), generate_s);
}

void report_rows(const std::vector<Row>& rows) {
    std::printf("\n  Times in s, rates in MiB/s of footage moved. Baseline phases are the mean over the slots.\n\n");
    std::printf("  %-5s %-5s %-9s | %-8s %-8s %-6s %-6s %-9s | %-8s %-8s | %s\n", "slots", "round", "MiB", "baseline",
                "MiB/s", "cp", "sync", "sha256sum", "offload", "MiB/s", "offload / baseline (time)");
    for (const Row& r : rows) {
        std::printf("  %-5d %-5d %-9s | %-8.2f %-8.0f %-6.2f %-6.2f %-9.2f | %-8.2f %-8.0f | %s%s\n", r.slots, r.round,
                    grouped(r.bytes / kMiB).c_str(), r.baseline.seconds, mib_per_s(r.bytes, r.baseline.seconds),
                    mean_of(r.baseline, &SlotRun::cp_s), mean_of(r.baseline, &SlotRun::sync_s),
                    mean_of(r.baseline, &SlotRun::sha_s), r.offload.seconds, mib_per_s(r.bytes, r.offload.seconds),
                    ratio(r.offload.seconds, r.baseline.seconds).c_str(),
                    r.baseline_first ? "" : "  (offload ran first)");
    }
    std::printf("\n  A ratio at or below 1.00x: the verified offload (one read of each recording feeding SHA-256 and\n"
                "  the write, fsync, and a read-back from the disk) took no longer than the unverified copy and a\n"
                "  hash of the copies.\n");
}

int run(const Options& o) {
    auto t_start = SteadyClock::now();
    fs::path base;
    bool own_dir = o.dir.empty();
    if (own_dir) {
        std::string tpl = (fs::temp_directory_path() / "offload-bench-XXXXXX").string();
        expect(::mkdtemp(tpl.data()) != nullptr, "mkdtemp failed");
        base = tpl;
    } else {
        base = fs::absolute(o.dir);
        fs::create_directories(base);
        for (const char* sub : {"cameras", "baseline", "archive"})
            expect(!fs::exists(base / sub), (base / sub).string() + " already exists");
    }
    const int most = *std::max_element(o.slots.begin(), o.slots.end());
    struct statvfs vfs {};
    expect(::statvfs(base.c_str(), &vfs) == 0, "statvfs " + base.string());
    // The cameras, plus one run's copies, plus room for the file system's own use.
    const std::int64_t need = 2 * most * o.mib_per_slot * kMiB + most * o.mib_per_slot * kMiB / 10;
    const auto avail = static_cast<std::int64_t>(vfs.f_bavail) * static_cast<std::int64_t>(vfs.f_frsize);
    expect(avail >= need, base.string() + " has " + grouped(avail / kMiB) + " MiB free; the run needs " +
                              grouped(need / kMiB) + " MiB");

    struct Cleanup {
        fs::path base;
        bool own, keep;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(base / "baseline", ec);
            fs::remove_all(base / "archive", ec);
            if (!keep) fs::remove_all(base / "cameras", ec);
            if (own && !keep) fs::remove(base, ec);
        }
    } cleanup{base, own_dir, o.keep};

    std::fprintf(stderr, "offload_bench: generating %d cameras of %lld MiB in %s\n", most,
                 static_cast<long long>(o.mib_per_slot), base.c_str());
    auto t_gen = SteadyClock::now();
    const std::vector<Camera> cams = make_cameras(o, base / "cameras", most);
    ::sync();
    const double generate_s = seconds_since(t_gen);
    const CacheDrop how = cache_drop_method();

    std::vector<Row> rows;
    for (int round = 1; round <= o.rounds; ++round) {
        for (int n : o.slots) {
            Row row;
            row.slots = n;
            row.round = round;
            row.baseline_first = round % 2 == 1;
            for (int s = 0; s < n; ++s) row.bytes += cams[s].bytes;

            auto baseline = [&] {
                drop_caches(how, cams);
                std::fprintf(stderr, "offload_bench: %d slot(s), round %d: cp -r + sync + sha256sum\n", n, round);
                fs::create_directories(base / "baseline");
                row.baseline = run_slots(n, [&](int s) {
                    return baseline_slot(cams[s], base / "baseline" / ("slot" + std::to_string(s + 1)));
                });
                fs::remove_all(base / "baseline");
            };
            auto offload = [&] {
                drop_caches(how, cams);
                std::fprintf(stderr, "offload_bench: %d slot(s), round %d: DiskArchive::copy_in\n", n, round);
                auto opened = archive::DiskArchive::open((base / "archive").string());
                expect(opened.ok(), opened ? "" : log_line(opened.error()));
                archive::DiskArchive& archive = **opened;
                row.offload = run_slots(n, [&](int s) {
                    return offload_slot(archive, cams[s], "2026/05/01/DSJ-" + std::to_string(s + 1) + "/1");
                });
                fs::remove_all(base / "archive");
            };
            if (row.baseline_first) {
                baseline();
                offload();
            } else {
                offload();
                baseline();
            }
            // Both sides hashed every recording; they must agree file by file.
            for (int s = 0; s < n; ++s) {
                const Hashes& a = row.baseline.slots[s].hashes;
                const Hashes& b = row.offload.slots[s].hashes;
                expect(a.size() == cams[s].files.size(), "slot " + std::to_string(s + 1) + ": sha256sum listed " +
                                                              std::to_string(a.size()) + " files of " +
                                                              std::to_string(cams[s].files.size()));
                expect(a == b, "slot " + std::to_string(s + 1) + ": copy_in and sha256sum disagree on a hash");
            }
            rows.push_back(std::move(row));
        }
    }
    report_header(o, base, cams, how, generate_s);
    report_rows(rows);
    std::printf("\n  every hash agreed between copy_in and sha256sum; total run %.0f s\n", seconds_since(t_start));
    return 0;
}

}  // namespace
}  // namespace custody::bench

int main(int argc, char** argv) {
    auto opt = custody::bench::parse_options(argc, argv);
    if (!opt) return 2;
    try {
        return custody::bench::run(*opt);
    } catch (const std::exception& e) {
        std::cerr << "\noffload_bench: FAILED: " << e.what() << "\n";
        return 1;
    }
}
