#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "db/sqlite.h"
#include "kiosk/archive/disk_archive.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/demo_agency.h"
#include "kiosk/cli/demo_custodian.h"
#include "kiosk/cli/demo_finance.h"
#include "kiosk/cli/demo_paperwork.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/media/file_media_probe.h"

namespace custody::cli {

namespace {

// A demo database says so in its first audit entry. A custody database with no entry at
// all (an init or demo killed before its first commit) holds nothing to lose either.
// Anything else is real data, or not ours.
Result<bool> is_replaceable_demo(const std::string& path) {
    auto c = db::Connection::open(path, db::Connection::Mode::ReadOnly);
    if (!c) return fail(c.error());
    auto tables = (*c)->prepare("SELECT count(*) FROM sqlite_master");
    if (!tables) return fail(tables.error());
    auto t = tables->step();
    if (!t) return fail(t.error());
    if (tables->i64(0) == 0) return true;
    auto q = (*c)->prepare("SELECT actor FROM audit_log ORDER BY seq LIMIT 1");
    if (!q) return false;  // not our schema: not ours to delete
    auto r = q->step();
    if (!r) return fail(r.error());
    return !*r || q->text(0) == "demo";
}

// The folders of the offload jobs a demo database recorded: where its footage lies in
// the archive. None for a demo from before the offload was real (no such table).
Result<std::vector<std::string>> demo_job_folders(const std::string& path) {
    auto c = db::Connection::open(path, db::Connection::Mode::ReadOnly);
    if (!c) return fail(c.error());
    auto q = (*c)->prepare("SELECT archive_dir FROM offload_jobs WHERE archive_dir <> ''");
    if (!q) return std::vector<std::string>{};
    std::vector<std::string> folders;
    for (;;) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) return folders;
        folders.push_back(q->text(0));
    }
}

// Written into the archive before any footage, so that whoever walks the folder knows
// what it holds, and the next demo knows the folder for its own.
constexpr const char* kDemoArchiveMark = "DEMO-ARCHIVE.txt";
constexpr const char* kDemoArchiveText =
    "此目录中的录像由 custodyctl demo 为演示单位生成，均为虚构，不是执法记录。\n"
    "下次运行演示时，此目录连同演示数据库一起被替换。\n"
    "The recordings in this folder were made up by custodyctl demo for its demo agency;\n"
    "they are not footage of anything. The next demo run replaces this folder along with\n"
    "the demo database.\n";

// The archive the demo is about to fill may be absent or empty, or be an earlier demo's:
// marked as such and holding nothing outside the job folders of the demo database being
// replaced. Anything else may be real footage, or someone's files: the demo stops.
Result<bool> is_replaceable_demo_archive(const std::string& root, const std::vector<std::string>& job_folders) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(root, ec);
    if (!fs::exists(st)) return true;
    if (!fs::is_directory(st)) return false;
    const bool marked = fs::is_regular_file(fs::symlink_status(fs::path(root) / kDemoArchiveMark, ec));
    fs::recursive_directory_iterator it(root, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::file_status s = it->symlink_status(ec);
        if (ec) break;
        if (fs::is_directory(s)) continue;  // a folder holds nothing to lose by itself
        const std::string rel = it->path().lexically_relative(root).generic_string();
        if (rel == kDemoArchiveMark) continue;
        if (!marked) return false;
        const bool in_job = std::any_of(job_folders.begin(), job_folders.end(), [&](const std::string& j) {
            return rel.size() > j.size() && rel.compare(0, j.size(), j) == 0 && rel[j.size()] == '/';
        });
        if (!in_job) return false;
    }
    if (ec) return fail(Error(MessageId::FileUnreadable, {root, ec.message()}));
    return true;
}

// Empties the archive folder but keeps it: it may be a mount point.
Status clear_demo_archive(const std::string& root) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(root, ec))) return {};
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code rm;
        fs::remove_all(it->path(), rm);
        if (rm) return fail(Error(MessageId::FileUnwritable, {it->path().string(), rm.message()}));
    }
    if (ec) return fail(Error(MessageId::FileUnwritable, {root, ec.message()}));
    return {};
}

Status mark_demo_archive(const std::string& root) {
    const std::string path = root + "/" + kDemoArchiveMark;
    std::ofstream out(path, std::ios::trunc);
    out << kDemoArchiveText;
    out.close();
    if (!out) return fail(Error(MessageId::FileUnwritable, {path, "write failed"}));
    return {};
}

// The stand-in cameras' volumes: scratch space beside the demo database, empty again
// once every camera is wiped, and gone when the demo ends. What a killed demo leaves
// there is cleared by the next one, with the rest of the old demo.
class ScratchFolder {
public:
    static Result<ScratchFolder> make(const std::string& path) {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
        if (!ec) std::filesystem::create_directory(path, ec);
        if (ec) return fail(Error(MessageId::FileUnwritable, {path, ec.message()}));
        return ScratchFolder(path);
    }
    ScratchFolder(ScratchFolder&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
    ScratchFolder& operator=(ScratchFolder&&) = delete;
    ~ScratchFolder() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }

private:
    explicit ScratchFolder(std::string path) : path_(std::move(path)) {}
    std::string path_;
};

std::string megabytes(std::int64_t bytes) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / (1024.0 * 1024.0);
    return s.str();
}

Status remove_demo_files(const db::StorePaths& paths) {
    for (const std::string& f : {paths.db, paths.db + "-wal", paths.db + "-shm", paths.key, paths.db + ".head",
                                 paths.db + ".head.lock"}) {
        std::error_code ec;
        std::filesystem::remove(f, ec);
        if (ec) return fail(Error(MessageId::FileUnwritable, {f, ec.message()}));
    }
    // The demo case's evidence package and disc image (demo_paperwork.h).
    std::error_code ec;
    std::filesystem::remove_all(paths.db + ".evidence", ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {paths.db + ".evidence", ec.message()}));
    return {};
}

}  // namespace

int cmd_demo(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"days", "seed"}, {});
    if (!a) return ctx.report(a.error());
    int days = 30;
    std::uint32_t seed = 20261122;
    if (a->get("days") && (!parse_number(a->get("days"), days) || days < 7 || days > 366))
        return ctx.report(usage("--days takes a number from 7 to 366"));
    if (a->get("seed") && !parse_number(a->get("seed"), seed)) return ctx.report(usage("--seed takes a number"));
    const bool old_demo = std::filesystem::exists(ctx.paths.db);
    std::vector<std::string> old_footage;
    if (old_demo) {
        auto demo = is_replaceable_demo(ctx.paths.db);
        if (!demo) return ctx.report(demo.error());
        if (!*demo) return ctx.report(Error(MessageId::DemoWouldOverwrite, {ctx.paths.db}));
        auto folders = demo_job_folders(ctx.paths.db);
        if (!folders) return ctx.report(folders.error());
        old_footage = std::move(*folders);
    }
    // Both are checked before either is touched: a refused archive leaves the old demo whole.
    auto replaceable = is_replaceable_demo_archive(ctx.archive_root, old_footage);
    if (!replaceable) return ctx.report(replaceable.error());
    if (!*replaceable) return ctx.report(Error(MessageId::DemoArchiveInUse, {ctx.archive_root}));
    // The archive first: should the database's removal fail, the next run still finds
    // the old database naming the job folders, and nothing is stranded.
    if (auto s = clear_demo_archive(ctx.archive_root); !s) return ctx.report(s.error());
    if (old_demo)
        if (auto s = remove_demo_files(ctx.paths); !s) return ctx.report(s.error());
    auto archive = archive::DiskArchive::open(ctx.archive_root);
    if (!archive) return ctx.report(archive.error());
    if (auto s = mark_demo_archive(ctx.archive_root); !s) return ctx.report(s.error());
    auto cameras = ScratchFolder::make(ctx.paths.db + ".cameras");
    if (!cameras) return ctx.report(cameras.error());

    db::InitOptions opt;
    opt.actor = "demo";
    opt.profile.agency_name = "示范市公安局交通警察支队";
    if (auto s = apply_time_zone(opt.profile.time_zone); !s) return ctx.report(s.error());
    const Timestamp now = ctx.clock.now();
    auto today = parse_local(format_local_date(now));
    ManualClock sim(Timestamp{today->ms - (days + 1) * kMsPerDay});
    auto store = db::SqliteStore::initialise(ctx.paths, sim, opt);
    if (!store) return ctx.report(store.error());
    media::FileMediaProbe probe(opt.profile.time_zone);
    DemoFootage footage{**archive, probe, cameras->path()};
    auto stats = run_demo_month(**store, sim, make_demo_agency(), footage, days, now, seed);
    if (!stats) return ctx.report(stats.error());
    auto custodian = run_demo_custodian(**store, sim, make_demo_agency());
    if (!custodian) return ctx.report(custodian.error());
    auto paperwork = run_demo_paperwork(**store, sim, **archive, make_demo_agency(), ctx.paths.db + ".evidence");
    if (!paperwork) return ctx.report(paperwork.error());
    auto finance = run_demo_finance(**store, sim, make_demo_agency());
    if (!finance) return ctx.report(finance.error());
    const std::string gap = std::to_string(opt.profile.coverage_gap_minutes);

    if (ctx.zh()) {
        ctx.out << "演示数据库已建立：" << ctx.paths.db << "\n  " << opt.profile.agency_name << "，4 个单位，40 名民警，24 台执法记录仪，"
                << days << " 天记录：领用 " << stats->checkouts << " 次，归还 " << stats->returns << " 次，拒绝 "
                << stats->refusals << " 次（均已记入审计）。\n";
        ctx.out << "  录像存档：" << ctx.archive_root << "，" << stats->offloads << " 次导出共 " << stats->files
                << " 个文件（" << megabytes(stats->bytes) << " MB，演示生成的音频和照片），均已校验、列入 SHA256SUMS 并从设备清除；"
                << stats->interruption_records << " 次领用期间未录像超过 " << gap << " 分钟，需补填中断情况说明（R13）。\n";
        ctx.out << "  保管员模式：" << custodian->pins << " 名保管员和单位负责人的保管员密码均为 " << kDemoCustodianPin
                << "；" << custodian->interruptions_reviewed << " 份中断情况说明已审核，" << custodian->interruptions_pending
                << " 份待单位负责人审核（custodyctl interruption pending）。\n";
        if (!paperwork->case_number.empty())
            ctx.out << "  证据：案件 " << paperwork->case_number << " 的 " << paperwork->evidence_files
                    << " 个文件已导出（导出编号 " << paperwork->export_id << "）并登记两份光盘（R19、R20）；";
        ctx.out << "盘点记录 " << paperwork->reconciliation_id << " 已保存。报表：custodyctl --db " << ctx.paths.db
                << " report ledger --out 台账.pdf\n";
        ctx.out << "  财务：" << finance->cards << " 张固定资产卡片，已结账 " << finance->months_closed << " 个月，维修单 "
                << finance->repairs << " 张，赔偿案件 " << finance->cases << " 件（custodyctl assets list、repair list、"
                << "compensation list）；财务人员 " << kDemoFinanceNumber << "（卡号 " << kDemoFinanceBadge
                << "，密码 " << kDemoCustodianPin << "，终端“保管员”入口进入财务页面）。\n";
        if (!stats->try_badge.empty())
            ctx.out << "  试一试：custodyctl --db " << ctx.paths.db << " checkout --badge " << stats->try_badge << '\n';
    } else {
        ctx.out << "Demo database created: " << ctx.paths.db << "\n  4 units, 40 officers, 24 body-worn cameras, "
                << days << " days: " << stats->checkouts << " checkouts, " << stats->returns << " returns, "
                << stats->refusals << " refusals (all audited).\n";
        ctx.out << "  Footage archive: " << ctx.archive_root << ", " << stats->files << " files ("
                << megabytes(stats->bytes) << " MB of made-up audio and photos) from " << stats->offloads
                << " offloads, each verified, listed in SHA256SUMS and wiped from the camera; "
                << stats->interruption_records << " custody periods went unrecorded for over " << gap
                << " min and need an interruption record (R13).\n";
        ctx.out << "  Custodian mode: the " << custodian->pins << " keepers and unit heads all have the custodian PIN "
                << kDemoCustodianPin << "; " << custodian->interruptions_reviewed << " interruption records reviewed, "
                << custodian->interruptions_pending << " awaiting the unit head (custodyctl interruption pending).\n";
        if (!paperwork->case_number.empty())
            ctx.out << "  Evidence: " << paperwork->evidence_files << " files of case " << paperwork->case_number
                    << " exported (export " << paperwork->export_id << ") with two discs recorded (R19, R20); ";
        ctx.out << "reconciliation " << paperwork->reconciliation_id << " saved. Reports: custodyctl --db " << ctx.paths.db
                << " report ledger --out ledger.pdf\n";
        ctx.out << "  Finance: " << finance->cards << " asset cards, " << finance->months_closed << " months closed, "
                << finance->repairs << " repair orders, " << finance->cases << " compensation cases (custodyctl assets "
                << "list, repair list, compensation list); finance clerk " << kDemoFinanceNumber << " (badge "
                << kDemoFinanceBadge << ", PIN " << kDemoCustodianPin << ", the kiosk's custodian button opens the finance screen).\n";
        if (!stats->try_badge.empty())
            ctx.out << "  Try: custodyctl --db " << ctx.paths.db << " checkout --badge " << stats->try_badge << '\n';
    }
    return kExitOk;
}

}  // namespace custody::cli
