// custodyctl offload: carry on with (or retry) a docked camera's offload, and list jobs.
#include "kiosk/cli/commands.h"
#include "kiosk/cli/footage_session.h"
#include "kiosk/cli/hw_options.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"

namespace custody::cli {

namespace {

int list_jobs(CliContext& ctx) {
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto begun = (*store)->begin();
    if (!begun) return ctx.report(begun.error());
    auto jobs = (*begun)->recent_jobs(50);
    if (!jobs) return ctx.report(jobs.error());
    TextTable t({ctx.pick("任务", "Job"), ctx.pick("设备", "Device"), ctx.pick("柜位", "Slot"),
                 ctx.pick("开始", "Started"), ctx.pick("状态", "State"), ctx.pick("文件", "Files"),
                 ctx.pick("原因", "Reason")});
    for (const auto& j : *jobs) {
        auto rows = (*begun)->recordings_of_job(j.id);
        if (!rows) return ctx.report(rows.error());
        const auto& state = named(kOffloadJobStates, j.state);
        t.add({std::to_string(j.id), j.device_serial, std::to_string(j.slot), format_local(j.started_at),
               std::string(ctx.zh() ? state.zh : state.en), std::to_string(rows->size()),
               ctx.zh() ? j.failure_zh : j.failure_en});
    }
    t.print(ctx.out);
    return kExitOk;
}

}  // namespace

int cmd_offload(CliContext& ctx, const std::vector<std::string>& words) {
    if (!words.empty() && words.front() == "jobs") return list_jobs(ctx);
    auto a = parse_args(words, {"slot", "config"}, {});
    if (!a) return ctx.report(a.error());
    int slot = 0;
    if (!parse_number(a->get("slot"), slot) || slot < 1)
        return ctx.report(usage("offload --slot N [--config kiosk.conf] | offload jobs"));
    auto hw = hardware_config(*a);
    if (!hw) return ctx.report(hw.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    return offload_slot(ctx, **store, *hw, slot, std::nullopt);
}

}  // namespace custody::cli
