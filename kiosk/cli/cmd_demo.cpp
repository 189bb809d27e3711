#include <filesystem>

#include "db/sqlite.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/demo_agency.h"
#include "kiosk/core/agency_time.h"

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

Status remove_demo_files(const db::StorePaths& paths) {
    for (const std::string& f : {paths.db, paths.db + "-wal", paths.db + "-shm", paths.key, paths.db + ".head",
                                 paths.db + ".head.lock"}) {
        std::error_code ec;
        std::filesystem::remove(f, ec);
        if (ec) return fail(Error(MessageId::FileUnwritable, {f, ec.message()}));
    }
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
    if (std::filesystem::exists(ctx.paths.db)) {
        auto demo = is_replaceable_demo(ctx.paths.db);
        if (!demo) return ctx.report(demo.error());
        if (!*demo) return ctx.report(Error(MessageId::DemoWouldOverwrite, {ctx.paths.db}));
        if (auto s = remove_demo_files(ctx.paths); !s) return ctx.report(s.error());
    }

    db::InitOptions opt;
    opt.actor = "demo";
    opt.profile.agency_name = "示范市公安局交通警察支队";
    if (auto s = apply_time_zone(opt.profile.time_zone); !s) return ctx.report(s.error());
    const Timestamp now = ctx.clock.now();
    auto today = parse_local(format_local_date(now));
    ManualClock sim(Timestamp{today->ms - (days + 1) * kMsPerDay});
    auto store = db::SqliteStore::initialise(ctx.paths, sim, opt);
    if (!store) return ctx.report(store.error());
    auto stats = run_demo_month(**store, sim, make_demo_agency(), days, now, seed);
    if (!stats) return ctx.report(stats.error());

    if (ctx.zh()) {
        ctx.out << "演示数据库已建立：" << ctx.paths.db << "\n  " << opt.profile.agency_name << "，4 个单位，40 名民警，24 台执法记录仪，"
                << days << " 天记录：领用 " << stats->checkouts << " 次，归还 " << stats->returns << " 次，拒绝 "
                << stats->refusals << " 次（均已记入审计）。\n";
        if (!stats->try_badge.empty())
            ctx.out << "  试一试：custodyctl --db " << ctx.paths.db << " checkout --badge " << stats->try_badge << '\n';
    } else {
        ctx.out << "Demo database created: " << ctx.paths.db << "\n  4 units, 40 officers, 24 body-worn cameras, "
                << days << " days: " << stats->checkouts << " checkouts, " << stats->returns << " returns, "
                << stats->refusals << " refusals (all audited).\n";
        if (!stats->try_badge.empty())
            ctx.out << "  Try: custodyctl --db " << ctx.paths.db << " checkout --badge " << stats->try_badge << '\n';
    }
    return kExitOk;
}

}  // namespace custody::cli
