// custodyctl repair: repair orders through the ledger (R9) — open, send to the supplier,
// take back (repaired / replaced into a slot, written off with the disposal approved),
// list with downtime and cost.
#include "kiosk/cli/commands.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/asset_card_import.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/repairs.h"

namespace custody::cli {

namespace {

const char* kRepairUsage =
    "repair open --device SERIAL --problem TEXT [--fault-report ID] | send ORDER --supplier NAME [--on DATE] | "
    "return ORDER --outcome repaired|replaced|written_off [--on DATE] [--cost YUAN] [--slot N] [--note TEXT] "
    "[--approver NUMBER] | list";

Result<CivilDate> date_or_today(const CliContext& ctx, const Args& a) {
    auto text = a.get("on");
    if (!text) return local_date_of(ctx.clock.now());
    auto d = parse_sheet_date(*text);
    if (!d) return fail(Error(MessageId::AssetDateMalformed, {"--on", *text}));
    return *d;
}

Result<Id> order_number(const Args& a) {
    Id id = 0;
    if (a.positional.size() != 2 || !parse_number(std::optional(a.positional[1]), id)) return fail(usage(kRepairUsage));
    return id;
}

void print_order(CliContext& ctx, const RepairOrder& r) {
    ctx.out << ctx.pick("维修单 ", "Repair order ") << r.id << ctx.pick("：设备 ", ": device ") << r.device_serial;
    if (r.outcome) {
        const auto& n = named(kRepairOutcomes, *r.outcome);
        ctx.out << ctx.pick("，", ", ") << (ctx.zh() ? n.zh : n.en);
    } else if (r.sent_on) {
        ctx.out << ctx.pick("，已送修 ", ", sent to ") << r.supplier.value_or("") << " " << date_text(*r.sent_on);
    } else {
        ctx.out << ctx.pick("，已开单，设备停用待送修", ", opened; the device is out of service");
    }
    ctx.out << '\n';
}

int repair_list(CliContext& ctx) {
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto orders = (*tx)->finance().repair_orders();
    if (!orders) return ctx.report(orders.error());
    TextTable t({ctx.pick("单号", "Order"), ctx.pick("设备", "Device"), ctx.pick("故障", "Problem"),
                 ctx.pick("供应商", "Supplier"), ctx.pick("送修", "Sent"), ctx.pick("返回", "Back"),
                 ctx.pick("停用天数", "Days down"), ctx.pick("费用", "Cost"), ctx.pick("结果", "Outcome")});
    const CivilDate today = local_date_of(ctx.clock.now());
    for (const auto& r : *orders) {
        const CivilDate opened = local_date_of(r.opened_at);
        const CivilDate until = r.returned_on.value_or(today);
        std::string outcome = "-";
        if (r.outcome) {
            const auto& n = named(kRepairOutcomes, *r.outcome);
            outcome = std::string(ctx.zh() ? n.zh : n.en);
        }
        t.add({std::to_string(r.id), r.device_serial, r.problem, r.supplier.value_or("-"),
               r.sent_on ? date_text(*r.sent_on) : "-", r.returned_on ? date_text(*r.returned_on) : "-",
               std::to_string(days_between(opened, until)), r.cost ? yuan_grouped(*r.cost) : "-", outcome});
    }
    t.print(ctx.out);
    return kExitOk;
}

}  // namespace

int cmd_repair(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"device", "problem", "fault-report", "supplier", "on", "outcome", "cost", "slot", "note",
                                "approver", "reason"},
                        {});
    if (!a) return ctx.report(a.error());
    if (a->positional.empty()) return ctx.report(usage(kRepairUsage));
    const std::string& what = a->positional[0];
    if (what == "list") return repair_list(ctx);
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    Repairs repairs(**store, ctx.clock, "custodyctl");
    Result<RepairOrder> done = fail(usage(kRepairUsage));
    if (what == "open") {
        if (!a->get("device") || !a->get("problem")) return ctx.report(usage(kRepairUsage));
        RepairOpening o{*a->get("device"), *a->get("problem"), std::nullopt};
        if (a->get("fault-report")) {
            Id id = 0;
            if (!parse_number(a->get("fault-report"), id)) return ctx.report(usage("--fault-report ID"));
            o.fault_report_id = id;
        }
        done = repairs.open(o);
    } else if (what == "send") {
        auto id = order_number(*a);
        if (!id) return ctx.report(id.error());
        auto on = date_or_today(ctx, *a);
        if (!on) return ctx.report(on.error());
        done = repairs.send(*id, a->get("supplier").value_or(""), *on);
    } else if (what == "return") {
        auto id = order_number(*a);
        if (!id) return ctx.report(id.error());
        auto on = date_or_today(ctx, *a);
        if (!on) return ctx.report(on.error());
        auto outcome = parse_named(kRepairOutcomes, a->get("outcome").value_or(""));
        if (!outcome)
            return ctx.report(Error(MessageId::CsvBadValue,
                                    {"--outcome", a->get("outcome").value_or(""), allowed_codes(kRepairOutcomes)}));
        RepairReturn r;
        r.order_id = *id;
        r.returned_on = *on;
        r.outcome = *outcome;
        r.note = a->get("note").value_or("");
        r.approver_number = a->get("approver").value_or("");
        r.asset_disposal_reason = a->get("reason").value_or("");
        if (a->get("cost")) {
            auto cost = parse_yuan(*a->get("cost"));
            if (!cost) return ctx.report(cost.error());
            r.cost = *cost;
        }
        if (a->get("slot")) {
            int slot = 0;
            if (!parse_number(a->get("slot"), slot)) return ctx.report(usage("--slot N"));
            r.slot = slot;
        }
        done = repairs.give_back(r);
    } else {
        return ctx.report(usage(kRepairUsage));
    }
    if (!done) return ctx.report(done.error());
    print_order(ctx, *done);
    return kExitOk;
}

}  // namespace custody::cli
