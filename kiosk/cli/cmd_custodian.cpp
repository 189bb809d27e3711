// custodyctl pin | reconcile | quarantine | release | fault: what custodian mode does on
// the kiosk, from the command line (R3, R9, R26).
#include <iostream>

#include "hardware/cabinet/modbus_cabinet_controller.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/hw_options.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/custodian_login.h"
#include "kiosk/core/device_quarantine.h"
#include "kiosk/core/fault_report.h"
#include "kiosk/core/inventory_reconciliation.h"

namespace custody::cli {

namespace {

// The PIN comes on standard input, never on the command line, where `ps` and the shell
// history would show it.
std::string read_pin(std::istream& in) {
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return line;
}

template <class Table, class E>
std::string shown(const CliContext& ctx, const Table& table, E v) {
    const auto& n = named(table, v);
    return std::string(ctx.zh() ? n.zh : n.en);
}

void print_reconciliation(CliContext& ctx, const Reconciliation& r) {
    TextTable t({ctx.pick("柜位", "Slot"), ctx.pick("设备", "Device"), ctx.pick("台账状态", "Ledger"),
                 ctx.pick("核对结果", "Finding")});
    for (const auto& l : r.lines) {
        t.add({l.slot ? std::to_string(l.slot) : "-", l.device ? l.device->serial : ctx.pick("（未知设备）", "(unknown)"),
               shown(ctx, kInventoryStates, l.state), shown(ctx, kDiscrepancies, l.discrepancy)});
    }
    t.print(ctx.out);
    ctx.out << ctx.pick("在柜 ", "in slot ") << r.in_slot << ctx.pick("，领出 ", ", out ") << r.out
            << ctx.pick("，维修 ", ", in repair ") << r.in_repair << ctx.pick("，隔离 ", ", quarantined ") << r.quarantined
            << ctx.pick("，待导出 ", ", pending offload ") << r.pending_offload << ctx.pick("，丢失 ", ", lost ") << r.lost
            << '\n';
    if (r.discrepancies == 0) ctx.out << ctx.text(MessageId::ReconciliationClean, {std::to_string(r.expected)}) << '\n';
    else
        ctx.out << ctx.text(MessageId::ReconciliationFound, {std::to_string(r.expected), std::to_string(r.discrepancies)})
                << '\n';
}

}  // namespace

int cmd_pin(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string use = "pin set --officer NUMBER  (the PIN on standard input)";
    if (words.empty() || words.front() != "set") return ctx.report(usage(use));
    auto a = parse_args({words.begin() + 1, words.end()}, {"officer"}, {});
    if (!a) return ctx.report(a.error());
    if (!a->get("officer") || !a->positional.empty()) return ctx.report(usage(use));
    const std::string pin = read_pin(std::cin);
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    if (auto s = CustodianLogin(**store, ctx.clock).set_pin(*a->get("officer"), pin, "custodyctl"); !s)
        return ctx.report(s.error());
    ctx.out << ctx.pick("已设置保管员密码：警号 ", "Custodian PIN set for officer ") << *a->get("officer") << '\n';
    return kExitOk;
}

int cmd_reconcile(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, kHardwareOptions, {"save"});
    if (!a) return ctx.report(a.error());
    if (!a->positional.empty()) return ctx.report(usage("reconcile [--save] [--config kiosk.conf]"));
    auto hw = hardware_config(*a);
    if (!hw) return ctx.report(hw.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    InventoryReconciliation inv(**store, ctx.clock);
    std::vector<SlotStatus> readings;
    CabinetSource source = CabinetSource::Read;
    if (hw->cabinet) {
        ModbusCabinetController board(*hw->cabinet);
        auto slots = board.read_slots();
        if (!slots) return ctx.report(slots.error());
        readings = std::move(*slots);
    } else {
        auto ledger = inv.ledger_readings();
        if (!ledger) return ctx.report(ledger.error());
        readings = std::move(*ledger);
        source = CabinetSource::Ledger;
        ctx.out << ctx.text(MessageId::ReconciliationWithoutCabinet) << '\n';
    }
    auto r = a->has("save") ? inv.save(readings, "custodyctl", source) : inv.preview(readings, source);
    if (!r) return ctx.report(r.error());
    print_reconciliation(ctx, *r);
    if (r->id) ctx.out << ctx.pick("盘点记录已保存：编号 ", "Reconciliation saved: record ") << r->id << '\n';
    else ctx.out << ctx.pick("（预览，未保存：加 --save 保存）\n", "(preview, not saved: add --save to keep it)\n");
    return kExitOk;
}

int cmd_quarantine(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"device", "reason"}, {});
    if (!a) return ctx.report(a.error());
    if (!a->get("device") || !a->positional.empty()) return ctx.report(usage("quarantine --device SERIAL --reason TEXT"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    // A missing reason goes to the service, which refuses it on the record (R9).
    if (auto s = DeviceQuarantine(**store, ctx.clock).quarantine(*a->get("device"), a->get("reason").value_or(""),
                                                                  "custodyctl");
        !s)
        return ctx.report(s.error());
    ctx.out << ctx.pick("设备已隔离，停止使用（R9）：", "Device quarantined, out of service (R9): ") << *a->get("device")
            << '\n';
    return kExitOk;
}

int cmd_release(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"device"}, {});
    if (!a) return ctx.report(a.error());
    if (!a->get("device") || !a->positional.empty()) return ctx.report(usage("release --device SERIAL"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    if (auto s = DeviceQuarantine(**store, ctx.clock).release(*a->get("device"), "custodyctl"); !s)
        return ctx.report(s.error());
    ctx.out << ctx.pick("设备已解除隔离：", "Device released from quarantine: ") << *a->get("device")
            << ctx.pick("；领用前仍须通过使用前检查（R7）\n", "; it still has to pass the pre-use check before issue (R7)\n");
    return kExitOk;
}

int cmd_fault(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string use = "fault --device SERIAL --kind KIND --by NUMBER [--note TEXT]; KIND: " + allowed_codes(kFaultKinds);
    auto a = parse_args(words, {"device", "kind", "by", "note"}, {});
    if (!a) return ctx.report(a.error());
    if (!a->get("device") || !a->get("kind") || !a->get("by") || !a->positional.empty()) return ctx.report(usage(use));
    auto kind = parse_named(kFaultKinds, *a->get("kind"));
    if (!kind) return ctx.report(Error(MessageId::FaultKindUnknown, {*a->get("kind"), allowed_codes(kFaultKinds)}));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto id = FaultReport(**store, ctx.clock).file({*a->get("device"), *kind, *a->get("by"), a->get("note").value_or("")});
    if (!id) return ctx.report(id.error());
    ctx.out << ctx.pick("已登记故障报告 ", "Fault report ") << *id << ctx.pick("：", " filed: ") << *a->get("device") << ", "
            << shown(ctx, kFaultKinds, *kind) << ctx.pick("；设备已隔离（R9）", "; the device is quarantined (R9)");
    if (needs_compensation_case(*kind))
        ctx.out << ctx.pick("；需立赔偿案（R26）", "; a compensation case is needed (R26)");
    ctx.out << '\n';
    return kExitOk;
}

}  // namespace custody::cli
