// Reading the ledger (R5) and the devices out past their deadline (R14).
#include "db/ledger_query.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/date_options.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/csv.h"
#include "kiosk/core/overdue.h"

namespace custody::cli {

namespace {

enum class Format { Table, Csv, Json };

Result<Format> format_of(const Args& a) {
    std::string f = a.get("format").value_or("table");
    if (f == "table") return Format::Table;
    if (f == "csv") return Format::Csv;
    if (f == "json") return Format::Json;
    return fail(usage("--format is table, csv or json"));
}

std::string opt_num(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

}  // namespace

int cmd_ledger(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"officer", "device", "from", "to", "format"}, {});
    if (!a) return ctx.report(a.error());
    auto fmt = format_of(*a);
    if (!fmt) return ctx.report(fmt.error());
    auto store = ctx.open_store();  // applies the agency zone before dates are parsed
    if (!store) return ctx.report(store.error());
    db::LedgerFilter f;
    f.officer_number = a->get("officer");
    f.device_serial = a->get("device");
    auto from = time_option(*a, "from", false);
    auto to = time_option(*a, "to", true);
    if (!from) return ctx.report(from.error());
    if (!to) return ctx.report(to.error());
    f.from = *from;
    f.to = *to;

    TextTable table({ctx.pick("编号", "Entry"), ctx.pick("时间", "Time"), ctx.pick("类型", "Kind"),
                     ctx.pick("设备", "Device"), ctx.pick("民警", "Officer"), ctx.pick("警号", "Number"),
                     ctx.pick("同行民警", "Partner"), ctx.pick("柜位", "Slot"), ctx.pick("单位", "Unit")});
    bool first = true;
    if (*fmt == Format::Csv)
        ctx.out << "entry_id,time_local,time_utc,kind,device_serial,brand,model,officer_number,officer_name,"
                   "partner_number,partner_name,slot,closes_entry,unit\n";
    if (*fmt == Format::Json) ctx.out << "[";
    auto visit = [&](const db::LedgerLine& l) -> Status {
        const auto& kind = named(kCustodyKinds, l.entry.kind);
        std::string local = format_local(l.entry.at);
        switch (*fmt) {
            case Format::Table:
                table.add({std::to_string(l.entry.id), local, std::string(ctx.zh() ? kind.zh : kind.en),
                           l.device_serial, l.officer_name, l.officer_number, l.partner_name, opt_num(l.entry.slot),
                           l.unit_name});
                break;
            case Format::Csv: {
                std::vector<std::string> cells = {std::to_string(l.entry.id), local, format_utc_iso(l.entry.at),
                                                  std::string(kind.code), l.device_serial, l.device_brand,
                                                  l.device_model, l.officer_number, l.officer_name, l.partner_number,
                                                  l.partner_name, opt_num(l.entry.slot),
                                                  l.entry.closes_id ? std::to_string(*l.entry.closes_id) : "",
                                                  l.unit_name};
                for (std::size_t i = 0; i < cells.size(); ++i) ctx.out << (i ? "," : "") << csv_escape(cells[i]);
                ctx.out << '\n';
                break;
            }
            case Format::Json:
                ctx.out << (first ? "\n" : ",\n") << "  {\"entry_id\": " << l.entry.id
                        << ", \"time_utc\": " << json_string(format_utc_iso(l.entry.at))
                        << ", \"time_local\": " << json_string(local) << ", \"kind\": " << json_string(std::string(kind.code))
                        << ", \"device_serial\": " << json_string(l.device_serial)
                        << ", \"officer_number\": " << json_string(l.officer_number)
                        << ", \"officer_name\": " << json_string(l.officer_name)
                        << ", \"partner_number\": " << json_string(l.partner_number)
                        << ", \"slot\": " << (l.entry.slot ? std::to_string(*l.entry.slot) : "null")
                        << ", \"closes_entry\": " << (l.entry.closes_id ? std::to_string(*l.entry.closes_id) : "null")
                        << ", \"unit\": " << json_string(l.unit_name) << "}";
                break;
        }
        first = false;
        return {};
    };
    if (auto s = db::for_each_ledger_line((*store)->connection(), f, visit); !s) return ctx.report(s.error());
    if (*fmt == Format::Json) ctx.out << (first ? "]\n" : "\n]\n");
    if (*fmt == Format::Table) {
        if (table.empty()) ctx.out << ctx.pick("（没有符合条件的台账记录）\n", "(no ledger entries match)\n");
        else table.print(ctx.out);
    }
    return kExitOk;
}

int cmd_overdue(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"format"}, {});
    if (!a) return ctx.report(a.error());
    auto fmt = format_of(*a);
    if (!fmt) return ctx.report(fmt.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto overdue = find_overdue(**store, ctx.clock.now());
    if (!overdue) return ctx.report(overdue.error());
    if (*fmt == Format::Json) {
        ctx.out << "[";
        bool first = true;
        for (const auto& o : *overdue) {
            ctx.out << (first ? "\n" : ",\n") << "  {\"device_serial\": " << json_string(o.device.serial)
                    << ", \"officer_number\": " << json_string(o.officer ? o.officer->number : "")
                    << ", \"officer_name\": " << json_string(o.officer ? o.officer->name : "")
                    << ", \"checked_out_utc\": " << json_string(format_utc_iso(o.checkout.at))
                    << ", \"hours_out\": " << o.hours_out << "}";
            first = false;
        }
        ctx.out << (first ? "]\n" : "\n]\n");
        return kExitOk;
    }
    if (*fmt == Format::Csv) {
        ctx.out << "device_serial,officer_number,officer_name,checked_out_local,hours_out\n";
        for (const auto& o : *overdue)
            ctx.out << csv_escape(o.device.serial) << ',' << csv_escape(o.officer ? o.officer->number : "") << ','
                    << csv_escape(o.officer ? o.officer->name : "") << ',' << format_local(o.checkout.at) << ','
                    << o.hours_out << '\n';
        return kExitOk;
    }
    if (overdue->empty()) {
        ctx.out << ctx.pick("没有超期未归还导出的设备。\n", "No device is overdue for offload.\n");
        return kExitOk;
    }
    TextTable t({ctx.pick("设备", "Device"), ctx.pick("民警", "Officer"), ctx.pick("警号", "Number"),
                 ctx.pick("领用时间", "Checked out"), ctx.pick("已领出（小时）", "Hours out")});
    for (const auto& o : *overdue)
        t.add({o.device.serial, o.officer ? o.officer->name : "", o.officer ? o.officer->number : "",
               format_local(o.checkout.at), std::to_string(o.hours_out)});
    ctx.out << (ctx.zh() ? "超期未归还导出（R14）：" : "Overdue for offload (R14): ") << overdue->size() << '\n';
    t.print(ctx.out);
    return kExitOk;
}

}  // namespace custody::cli
