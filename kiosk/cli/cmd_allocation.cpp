// custodyctl allocation: each unit's officers and devices against its allocation class
// (R2: class A one device per 2 officers, class B per 5, from the profile).
#include "db/allocation_query.h"
#include "db/sqlite_store.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/text_table.h"

namespace custody::cli {

int cmd_allocation(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    if (!a->positional.empty()) return ctx.report(usage("unexpected " + a->positional.front()));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto profile = (*tx)->profile();
    if (!profile) return ctx.report(profile.error());
    auto counts = db::unit_headcounts((*store)->connection());
    if (!counts) return ctx.report(counts.error());

    TextTable t({ctx.pick("单位代码", "Unit"), ctx.pick("单位名称", "Name"), ctx.pick("配备类别", "Class"),
                 ctx.pick("执法人员", "Officers"), ctx.pick("标准", "Standard"), ctx.pick("应配", "Required"),
                 ctx.pick("在册设备", "Devices"), ctx.pick("缺口", "Shortfall"), ctx.pick("富余", "Surplus"),
                 ctx.pick("达标", "Meets")});
    int short_units = 0;
    for (const auto& c : *counts) {
        const UnitAllocation u = allocation_of(c, *profile);
        if (!u.meets_standard()) ++short_units;
        const auto& cls = named(kAllocationClasses, u.unit.allocation);
        t.add({u.unit.code, u.unit.name, std::string(ctx.zh() ? cls.zh : cls.en),
               std::to_string(u.officers),
               ctx.zh() ? "每 " + std::to_string(u.officers_per_device) + " 人 1 台"
                        : "1 per " + std::to_string(u.officers_per_device),
               std::to_string(u.required), std::to_string(u.devices), std::to_string(u.shortfall),
               std::to_string(u.surplus), u.meets_standard() ? ctx.pick("是", "yes") : ctx.pick("否", "no")});
    }
    t.print(ctx.out);
    const std::string units = std::to_string(counts->size()), below = std::to_string(short_units);
    ctx.out << (ctx.zh() ? units + " 个单位，" + below + " 个未达配备标准（R2）。"
                         : units + " units, " + below + " below the allocation standard (R2).")
            << '\n';
    return kExitOk;
}

}  // namespace custody::cli
