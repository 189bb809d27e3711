// custodyctl maintenance: the nightly job of custody-maintenance.timer. It prints what it
// did for a person running it by hand; under systemd the same findings go to the journal
// with their device and officer fields (kiosk/core/nightly_upkeep.h).

#include "kiosk/cli/commands.h"
#include "kiosk/core/accounting_month.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/money.h"
#include "kiosk/core/nightly_upkeep.h"

namespace custody::cli {

int cmd_maintenance(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    if (!a->positional.empty()) return ctx.report(usage("maintenance takes no arguments"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    const UpkeepReport r = run_nightly_upkeep(**store, ctx.clock);

    for (const auto& m : r.months_closed)
        ctx.out << ctx.text(MessageId::MonthClosedNow, {month_text(m.month), std::to_string(m.assets),
                                                      yuan_grouped(m.total_charge)})
                << '\n';
    if (r.first_close_by_hand)
        ctx.out << ctx.pick("会计月份：尚未结过账，首次结账由财务人员手工进行（custodyctl assets close-month YYYY-MM）",
                            "Accounting months: none closed yet; finance closes the first by hand "
                            "(custodyctl assets close-month YYYY-MM)")
                << '\n';
    else if (r.months_closed.empty())
        ctx.out << ctx.pick("会计月份：无需结账", "Accounting months: nothing to close") << '\n';
    ctx.out << ctx.pick("超过保存期限、待保管员审查的录像：", "Recordings past their retention, awaiting review: ")
            << r.retention_due << (r.retention_due ? ctx.pick("（custodyctl retention due）", " (custodyctl retention due)") : "")
            << '\n';
    ctx.out << ctx.pick("逾期未归还的设备：", "Devices overdue: ") << r.overdue.size() << '\n';
    for (const auto& o : r.overdue)
        ctx.out << "  " << o.device.serial << "  " << (o.officer ? o.officer->number + " " + o.officer->name : "-")
                << "  " << format_local(o.checkout.at) << "  " << o.hours_out << " h\n";
    // A task that failed fails the unit (systemctl --failed shows it); the others ran.
    int code = kExitOk;
    for (const auto& e : r.failures) code = std::max(code, ctx.report(e));
    return code;
}

}  // namespace custody::cli
