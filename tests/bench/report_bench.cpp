// report_bench: a one-year unit ledger of 50,000 hand-overs (each a checkout and its
// return, with the offload's recordings) made into the usage ledger PDF (R5), against
// the same rows exported as CSV through the same query (what `custodyctl ledger --format
// csv` does), in the same run on the same database. See README.md beside this file.

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include "db/ledger_query.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/csv.h"
#include "reports/report_run.h"
#include "tests/bench/count_option.h"
#include "tests/bench/stats.h"
#include "tests/support/store_fixture.h"

namespace custody::bench {
namespace {

struct Options {
    std::int64_t entries = 50000;  // hand-overs: PDF rows
    int samples = 3;
};

struct BenchFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void expect(bool ok, const std::string& what) {
    if (!ok) throw BenchFailure(what);
}

void usage(std::ostream& out) {
    out << "usage: report_bench [--entries N] [--samples N]\n"
           "  --entries  hand-overs in the year, each a checkout and a return (default 50000)\n"
           "  --samples  runs of each measurement; the median is reported (default 3)\n";
}

// 2026-01-01 00:00 in Asia/Shanghai.
constexpr std::int64_t kYearStartMs = 1767196800000;

void run_row(db::Statement& s, const char* what) {
    auto r = s.run();
    if (!r) throw BenchFailure(std::string(what) + ": " + render(r.error(), Lang::En) + " " + r.error().detail);
}

// Writes the year's rows straight into the tables: the services would take hours to make
// 50,000 hand-overs, and the report reads only the tables.
void fill_year(test::StoreFixture& fx, std::int64_t n) {
    auto& c = fx.store().connection();
    expect(c.exec("BEGIN").ok(), "begin");
    auto ids = [&](const std::string& sql) {
        std::vector<std::int64_t> v;
        auto q = c.prepare(sql);
        expect(q.ok(), sql);
        while (true) {
            auto r = q->step();
            expect(r.ok(), sql);
            if (!*r) break;
            v.push_back(q->i64(0));
        }
        return v;
    };
    const auto officers = ids("SELECT o.id FROM officers o JOIN units u ON u.id = o.unit_id WHERE u.code = 'ZD01'");
    const auto devices = ids("SELECT d.id FROM devices d JOIN units u ON u.id = d.unit_id WHERE u.code = 'ZD01'");
    expect(!officers.empty() && !devices.empty(), "the fixture's unit has officers and devices");
    auto entry = c.prepare("INSERT INTO custody_entries(kind, device_id, officer_id, partner_id, slot, at_ms, closes_id) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
    auto job = c.prepare("INSERT INTO offload_jobs(device_id, slot, return_entry_id, checkout_entry_id, started_at_ms, "
                         "state, archive_dir, finished_at_ms) VALUES (?, ?, ?, ?, ?, 'complete', ?, ?)");
    auto rec = c.prepare("INSERT INTO recordings(job_id, device_id, source_path, bytes, state, sha256, archive_path, "
                         "media_kind, container, codec, duration_ms, media_started_at_ms) "
                         "VALUES (?, ?, ?, ?, 'wiped', ?, ?, 'video', 'mp4', 'h264', ?, ?)");
    expect(entry.ok() && job.ok() && rec.ok(), "prepare");
    const std::int64_t step = 365LL * 24 * 3600 * 1000 / n;
    const std::string hash(64, 'a');
    for (std::int64_t i = 0; i < n; ++i) {
        const std::int64_t at = kYearStartMs + i * step;
        const std::int64_t device = devices[static_cast<std::size_t>(i) % devices.size()];
        const std::int64_t officer = officers[static_cast<std::size_t>(i) % officers.size()];
        const int slot = static_cast<int>(i % 2) + 1;
        const std::optional<std::int64_t> none;
        std::optional<std::int64_t> partner;  // R10: every third shift two carry the camera
        if (i % 3 == 0) partner = officers[static_cast<std::size_t>(i + 1) % officers.size()];
        entry->bind(1, "checkout").bind(2, device).bind(3, officer).bind(4, partner).bind(5, slot).bind(6, at).bind(7, none);
        run_row(*entry, "checkout row");
        const std::int64_t checkout = c.last_insert_rowid();
        entry->bind(1, "return").bind(2, device).bind(3, officer).bind(4, none).bind(5, slot).bind(6, at + step / 2).bind(7, checkout);
        run_row(*entry, "return row");
        const std::int64_t back = c.last_insert_rowid();
        const std::string dir = "/archive/" + std::to_string(i);
        job->bind(1, device).bind(2, slot).bind(3, back).bind(4, checkout).bind(5, at + step / 2).bind(6, dir)
            .bind(7, at + step / 2 + 60000);
        run_row(*job, "job row");
        const std::int64_t job_id = c.last_insert_rowid();
        for (int k = 0; k < 2; ++k) {
            const std::string name = "VID_" + std::to_string(k) + ".MP4";
            rec->bind(1, job_id).bind(2, device).bind(3, "DCIM/" + name).bind(4, std::int64_t{150000000} + i)
                .bind(5, hash).bind(6, dir + "/" + name).bind(7, std::int64_t{600000} + k * 1000)
                .bind(8, at + 3600000 * (k + 1));
            run_row(*rec, "recording row");
        }
    }
    expect(c.exec("COMMIT").ok(), "commit");
}

void fsync_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    expect(fd >= 0 && ::fsync(fd) == 0, "fsync " + path);
    ::close(fd);
}

// The baseline: the same year of the same unit's ledger through the same query, as CSV.
std::int64_t export_csv(const std::string& db_path, const std::string& out) {
    auto c = db::Connection::open(db_path, db::Connection::Mode::ReadOnly);
    expect(c.ok(), "open");
    std::ofstream f(out, std::ios::trunc);
    std::int64_t lines = 0;
    db::LedgerFilter filter;
    filter.from = Timestamp{kYearStartMs};
    filter.to = Timestamp{kYearStartMs + 365LL * 24 * 3600 * 1000};
    auto s = db::for_each_ledger_line(**c, filter, [&](const db::LedgerLine& l) -> Status {
        f << l.entry.id << ',' << format_local(l.entry.at) << ',' << csv_escape(l.device_serial) << ','
          << csv_escape(l.officer_number) << ',' << csv_escape(l.officer_name) << ',' << csv_escape(l.partner_name) << ','
          << (l.entry.slot ? std::to_string(*l.entry.slot) : "") << '\n';
        ++lines;
        return {};
    });
    expect(s.ok(), "ledger query");
    f.close();
    expect(static_cast<bool>(f), "write " + out);
    fsync_file(out);
    return lines;
}

int run(const Options& o) {
    expect(apply_time_zone("Asia/Shanghai").ok(), "time zone");
    test::StoreFixture fx;
    fx.register_agency();
    auto t0 = SteadyClock::now();
    fill_year(fx, o.entries);
    const double fill_s = ms_since(t0, SteadyClock::now()) / 1000;
    fx.close();
    const std::string db = fx.db_path();

    Samples csv, pdf;
    std::int64_t csv_lines = 0;
    reports::MadeReport made;
    for (int s = 0; s < o.samples; ++s) {
        auto a = SteadyClock::now();
        csv_lines = export_csv(db, fx.dir().file("ledger.csv"));
        csv.add(ms_since(a, SteadyClock::now()));
        reports::ReportRequest r;
        r.kind = reports::ReportKind::Ledger;
        r.scope.unit_code = "ZD01";
        r.scope.from = Timestamp{kYearStartMs};
        r.scope.to = Timestamp{kYearStartMs + 365LL * 24 * 3600 * 1000};
        auto b = SteadyClock::now();
        auto m = reports::make_report(db, r, fx.dir().file("ledger.pdf"), SystemClock().now());
        pdf.add(ms_since(b, SteadyClock::now()));
        expect(m.ok(), m.ok() ? "" : "report: " + render(m.error(), Lang::En) + " " + m.error().detail);
        made = *m;
    }
    expect(csv_lines == 2 * o.entries, "the CSV has every checkout and return");
    const double pdf_mb = static_cast<double>(std::filesystem::file_size(fx.dir().file("ledger.pdf"))) / 1e6;
    const double csv_mb = static_cast<double>(std::filesystem::file_size(fx.dir().file("ledger.csv"))) / 1e6;
    // Rows per page bound the page count: a page that lost its rows would show here.
    expect(made.finished.pages * 40 >= o.entries, "the PDF has a page for every 40 rows at most");

#ifdef NDEBUG
    const char* build = "optimised";
#else
    const char* build = "debug (figures are not representative)";
#endif
    std::printf("\nreport_bench: one unit's usage ledger for a year (R5) as PDF, against the same rows as CSV\n");
    std::printf("  build: %s; %lld hand-overs (%lld ledger entries, %lld recordings) written in %.1f s\n", build,
                static_cast<long long>(o.entries), static_cast<long long>(2 * o.entries),
                static_cast<long long>(2 * o.entries), fill_s);
    std::printf("  median of %d runs, each reading the database afresh and fsyncing its file\n\n", o.samples);
    std::printf("  %-34s %9s %9s %8s\n", "", "time (s)", "size (MB)", "pages");
    std::printf("  %-34s %9.2f %9.2f %8s\n", "baseline: ledger query to CSV", csv.pct(50) / 1000, csv_mb, "-");
    std::printf("  %-34s %9.2f %9.2f %8d\n", "usage ledger PDF (libharu)", pdf.pct(50) / 1000, pdf_mb,
                made.finished.pages);
    std::printf("\n  PDF / CSV time: %.1fx   goal for 50,000 entries: under 3 s and under 5 MB: %s\n",
                pdf.pct(50) / csv.pct(50),
                o.entries < 50000 ? "not measured (fewer entries)"
                : (pdf.pct(50) < 3000 && pdf_mb < 5.0) ? "met" : "NOT met");
    return 0;
}

}  // namespace
}  // namespace custody::bench

int main(int argc, char** argv) {
    using namespace custody::bench;
    Options o;
    try {
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            if (a == "--entries") o.entries = count_option(i, argc, argv, "--entries");
            else if (a == "--samples") o.samples = static_cast<int>(count_option(i, argc, argv, "--samples"));
            else if (a == "--help" || a == "-h") {
                usage(std::cout);
                return 0;
            } else {
                throw std::invalid_argument("unknown option " + a);
            }
        }
        if (o.entries < 1 || o.samples < 1) throw std::invalid_argument("--entries and --samples must be at least 1");
    } catch (const std::invalid_argument& e) {
        std::cerr << "report_bench: " << e.what() << '\n';
        usage(std::cerr);
        return 2;
    }
    try {
        return run(o);
    } catch (const BenchFailure& e) {
        std::cerr << "report_bench: FAILED: " << e.what() << '\n';
        return 1;
    }
}
