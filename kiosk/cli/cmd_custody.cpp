// The kiosk's two flows and the health reading, from the command line.
#include <algorithm>

#include "kiosk/cli/commands.h"
#include "kiosk/cli/footage_session.h"
#include "kiosk/cli/hw_options.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "kiosk/core/health_check.h"

namespace custody::cli {

int cmd_checkout(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"badge", "partner"}, {});
    if (!a) return ctx.report(a.error());
    auto badge = a->get("badge");
    if (!badge) return ctx.report(usage("checkout --badge UID [--partner UID]"));
    // Text that is not a UID is passed on as typed, so the refusal names what was entered.
    auto uid = [](const std::string& typed) {
        std::string n = normalise_badge_uid(typed);
        return n.empty() ? typed : n;
    };
    CheckoutRequest req{uid(*badge), std::nullopt, std::nullopt};
    if (auto p = a->get("partner")) req.partner_badge_uid = uid(*p);
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    Checkout checkout(**store, ctx.clock);
    auto grant = checkout.run(req);
    if (!grant) return ctx.report(grant.error());
    ctx.out << (ctx.zh() ? "领用成功：" : "Checked out: ") << grant->officer.name << " (" << grant->officer.number
            << ") " << ctx.pick("领取", "takes") << ' ' << grant->device.serial << ' ' << ctx.pick("柜位", "slot")
            << ' ' << grant->slot;
    if (grant->partner) ctx.out << ctx.pick("，同行：", ", partner: ") << grant->partner->name;
    ctx.out << ctx.pick("，台账编号 ", ", ledger entry ") << grant->entry_id << '\n';
    return kExitOk;
}

int cmd_return(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"device", "slot", "config"}, {});
    if (!a) return ctx.report(a.error());
    int slot = 0;
    auto device = a->get("device");
    if (!device || !parse_number(a->get("slot"), slot))
        return ctx.report(usage("return --device SERIAL --slot N [--config kiosk.conf]"));
    // Read before the return is recorded: a broken kiosk.conf should not leave a return
    // without its offload.
    auto hw = hardware_config(*a);
    if (!hw) return ctx.report(hw.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    Return ret(**store, ctx.clock);
    auto r = ret.run({*device, slot, "custodyctl"});
    if (!r) return ctx.report(r.error());
    if (r->unexpected) {
        ctx.out << ctx.pick("非领用归还：", "Unexpected return: ") << r->device.serial << ' ' << ctx.pick("柜位", "slot")
                << ' ' << r->slot << ctx.pick("（该设备未登记为领出，已记录）", " (the device was not out; recorded)");
    } else {
        ctx.out << ctx.pick("归还成功：", "Returned: ") << r->device.serial << ' ' << ctx.pick("柜位", "slot") << ' '
                << r->slot;
        if (r->officer) ctx.out << ", " << r->officer->name << " (" << r->officer->number << ")";
        if (r->checked_out_at) ctx.out << ctx.pick("，领用于 ", ", out since ") << format_local(*r->checked_out_at);
    }
    const bool camera_here = std::any_of(hw->cameras.begin(), hw->cameras.end(),
                                         [&](const camera::Gat947Slot& c) { return c.slot == slot; });
    if (!camera_here) {
        ctx.out << ctx.pick("；待导出（kiosk.conf 未配置该柜位的执法记录仪）", "; pending offload (kiosk.conf has no camera in this slot)")
                << '\n';
        return kExitOk;
    }
    ctx.out << '\n';
    return offload_slot(ctx, **store, *hw, slot, r->entry_id);
}

int cmd_health(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"device", "battery", "free-mb", "clock-offset", "fault"}, {});
    if (!a) return ctx.report(a.error());
    HealthInput in;
    in.actor = "custodyctl";
    auto device = a->get("device");
    if (!device || !parse_number(a->get("battery"), in.battery_pct) ||
        !parse_number(a->get("free-mb"), in.free_storage_mb) || in.battery_pct < 0 || in.battery_pct > 100)
        return ctx.report(usage("health --device SERIAL --battery 0..100 --free-mb N [--clock-offset S] [--fault TEXT]"));
    if (a->get("clock-offset") && !parse_number(a->get("clock-offset"), in.clock_offset_s))
        return ctx.report(usage("--clock-offset takes whole seconds, e.g. -3"));
    in.device_serial = *device;
    in.fault = a->get("fault").value_or("");
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    HealthCheck check(**store, ctx.clock);
    auto d = check.record(in);
    if (!d) return ctx.report(d.error());
    ctx.out << ctx.pick("已记录健康检查：", "Health check recorded: ") << d->serial << " — "
            << (ctx.zh() ? named(kDeviceStatuses, d->status).zh : named(kDeviceStatuses, d->status).en) << '\n';
    return kExitOk;
}

}  // namespace custody::cli
