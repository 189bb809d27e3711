// Registry look-ups and single changes: devices, badges, officers, the agency profile.
#include "kiosk/cli/commands.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/pre_use_check.h"
#include "kiosk/core/registry_changes.h"

namespace custody::cli {

int cmd_devices(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto profile = (*tx)->profile();
    if (!profile) return ctx.report(profile.error());
    auto docked = (*tx)->docked_devices();
    if (!docked) return ctx.report(docked.error());
    auto out = (*tx)->open_checkouts();
    if (!out) return ctx.report(out.error());
    TextTable t({ctx.pick("柜位", "Slot"), ctx.pick("设备", "Device"), ctx.pick("品牌型号", "Brand/model"),
                 ctx.pick("状态", "Status"), ctx.pick("电量", "Battery"), ctx.pick("使用前检查（R7）", "Pre-use check (R7)")});
    const Timestamp now = ctx.clock.now();
    for (const auto& d : *docked) {
        std::string check;
        for (const auto& e : pre_use_problems(d, *profile, now)) check += (check.empty() ? "" : "; ") + render(e, ctx.lang);
        if (check.empty()) check = ctx.pick("通过", "passed");
        // The slot shows why its footage is still on the camera (R14, R15).
        auto job = (*tx)->unfinished_job_of(d.device.id);
        if (!job) return ctx.report(job.error());
        if (*job && (*job)->state == OffloadJobState::Failed)
            check += ctx.pick("；导出失败：", "; offload failed: ") + (ctx.zh() ? (*job)->failure_zh : (*job)->failure_en);
        const auto& st = named(kDeviceStatuses, d.device.status);
        t.add({std::to_string(d.slot), d.device.serial, d.device.brand + " " + d.device.model,
               std::string(ctx.zh() ? st.zh : st.en), d.health ? std::to_string(d.health->battery_pct) + "%" : "-",
               check});
    }
    for (const auto& o : *out) {
        const auto& st = named(kDeviceStatuses, o.device.status);
        std::string who;
        if (o.entry.officer_id) {
            auto officer = (*tx)->officer(*o.entry.officer_id);
            if (!officer) return ctx.report(officer.error());
            if (*officer) who = (*officer)->name + " " + (*officer)->number;
        }
        t.add({"-", o.device.serial, o.device.brand + " " + o.device.model, std::string(ctx.zh() ? st.zh : st.en), "-",
               who + (ctx.zh() ? "，领用于 " : ", since ") + format_local(o.entry.at)});
    }
    t.print(ctx.out);
    return kExitOk;
}

int cmd_badge(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"reason"}, {});
    if (!a) return ctx.report(a.error());
    if (a->positional.size() != 2 || a->positional[0] != "revoke")
        return ctx.report(usage("badge revoke UID [--reason TEXT]"));
    std::string uid = normalise_badge_uid(a->positional[1]);
    if (uid.empty()) uid = a->positional[1];
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    if (auto s = revoke_badge(**store, ctx.clock, uid, a->get("reason").value_or(""), "custodyctl"); !s)
        return ctx.report(s.error());
    ctx.out << ctx.pick("已注销卡号 ", "Revoked badge ") << uid << '\n';
    return kExitOk;
}

int cmd_officer(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    if (a->positional.size() != 2 || (a->positional[0] != "activate" && a->positional[0] != "deactivate"))
        return ctx.report(usage("officer activate|deactivate NUMBER"));
    bool active = a->positional[0] == "activate";
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    if (auto s = set_officer_active(**store, a->positional[1], active, "custodyctl"); !s) return ctx.report(s.error());
    ctx.out << a->positional[1] << (active ? ctx.pick(" 已启用\n", " activated\n") : ctx.pick(" 已停用\n", " deactivated\n"));
    return kExitOk;
}

int cmd_profile(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    const auto& pos = a->positional;
    bool show = pos.empty() || (pos.size() == 1 && pos[0] == "show");
    bool set = pos.size() == 3 && pos[0] == "set";
    if (!show && !set) return ctx.report(usage("profile [show] | profile set KEY VALUE"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    AgencyProfile profile;
    if (set) {
        auto p = change_profile(**store, pos[1], pos[2], "custodyctl");
        if (!p) return ctx.report(p.error());
        profile = *p;
    } else {
        auto tx = (*store)->begin();
        if (!tx) return ctx.report(tx.error());
        auto p = (*tx)->profile();
        if (!p) return ctx.report(p.error());
        profile = *p;
    }
    auto settings = to_settings(profile);
    TextTable t({ctx.pick("策略项", "Setting"), ctx.pick("说明", "Meaning"), ctx.pick("值", "Value")});
    for (const auto& k : profile_keys()) t.add({k.key, ctx.zh() ? k.zh : k.en, settings[k.key]});
    t.print(ctx.out);
    return kExitOk;
}

}  // namespace custody::cli
