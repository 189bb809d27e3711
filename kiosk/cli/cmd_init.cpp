
#include "kiosk/cli/commands.h"

namespace custody::cli {

int cmd_init(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"slots", "agency", "time-zone"}, {});
    if (!a) return ctx.report(a.error());
    db::InitOptions opt;
    if (a->get("slots") && (!parse_number(a->get("slots"), opt.slots) || opt.slots < 1 || opt.slots > 200))
        return ctx.report(usage("--slots takes a number from 1 to 200"));
    if (auto s = a->get("agency")) {
        if (auto r = apply_setting(opt.profile, "agency_name", *s); !r) return ctx.report(r.error());
    }
    if (auto s = a->get("time-zone")) {
        if (auto r = apply_setting(opt.profile, "time_zone", *s); !r) return ctx.report(r.error());
    }
    auto store = db::SqliteStore::initialise(ctx.paths, ctx.clock, opt);
    if (!store) {
        // Initialising twice is harmless: say so and succeed.
        if (store.error().id == MessageId::AlreadyInitialised) {
            ctx.out << render(store.error(), ctx.lang) << '\n';
            return kExitOk;
        }
        return ctx.report(store.error());
    }
    ctx.out << ctx.pick("已初始化：", "Initialised: ") << ctx.paths.db << '\n'
            << ctx.pick("签名密钥：", "Signing key: ") << ctx.paths.key
            << ctx.pick("（请另行备份，不要与数据库放在同一备份介质上）", " (back it up separately from the database)")
            << '\n';
    return kExitOk;
}

}  // namespace custody::cli
