// custodyctl hw cabinet | hw dock: one poll of the cabinet board, and what each docked
// camera reports, read-only: nothing is unlocked, written or switched to USB mode.
#include <cstdlib>

#include "hardware/camera/gat947_camera_link.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/hw_options.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/slot_condition.h"

namespace custody::cli {

namespace {

std::string charge_text(const CliContext& ctx, ChargeState c) {
    switch (c) {
        case ChargeState::Idle: return ctx.pick("空闲", "idle");
        case ChargeState::Charging: return ctx.pick("充电中", "charging");
        case ChargeState::Full: return ctx.pick("已充满", "full");
        case ChargeState::Fault: return ctx.pick("故障", "fault");
    }
    return "?";
}

const char* led_name(LedPattern p) {
    switch (p) {
        case LedPattern::Off: return "off";
        case LedPattern::Green: return "green";
        case LedPattern::GreenBlink: return "green-blink";
        case LedPattern::Amber: return "amber";
        case LedPattern::AmberBlink: return "amber-blink";
        case LedPattern::Red: return "red";
        case LedPattern::RedBlink: return "red-blink";
        case LedPattern::Blue: return "blue";
    }
    return "?";
}

int hw_cabinet(CliContext& ctx, const Args& a) {
    auto c = hardware_config(a);
    if (!c) return ctx.report(c.error());
    if (!c->cabinet) return ctx.report(Error(MessageId::ConfigMissing, {c->source, "[cabinet] link"}));
    ModbusCabinetController board(*c->cabinet);
    auto id = board.identity();
    if (!id) return ctx.report(id.error());
    auto slots = board.read_slots();
    if (!slots) return ctx.report(slots.error());
    ctx.out << ctx.pick("储存柜 ", "Cabinet ") << c->cabinet->describe() << ctx.pick("：序列号 ", ": serial ") << id->serial
            << ctx.pick("，固件 ", ", firmware ") << id->firmware << ctx.pick("，柜位 ", ", slots ") << id->slot_count
            << '\n';
    TextTable t({ctx.pick("柜位", "Slot"), ctx.pick("柜门", "Door"), ctx.pick("设备", "Camera"), ctx.pick("锁", "Lock"),
                 ctx.pick("充电", "Charge"), "mA", "mV", "°C", "LED"});
    for (const auto& s : *slots) {
        t.add({std::to_string(s.slot), s.door_closed ? ctx.pick("关", "closed") : ctx.pick("开", "open"),
               s.camera_present ? ctx.pick("在位", "present") : "-", s.lock_fault ? ctx.pick("故障", "fault") : "ok",
               charge_text(ctx, s.charge), std::to_string(s.charge_ma), std::to_string(s.charge_mv),
               celsius(s.temperature_dc), led_name(s.led)});
    }
    t.print(ctx.out);
    return kExitOk;
}

// Every answer a camera gives, or the reason it gave none, in one row.
std::vector<std::string> camera_row(const CliContext& ctx, int slot, DockedCamera& cam) {
    auto shown = [&](const auto& r, auto text) -> std::string { return r ? text(*r) : render(r.error(), ctx.lang); };
    auto id = cam.identify();
    auto battery = cam.battery_pct();
    auto storage = cam.storage();
    auto clock = cam.read_clock();
    auto binding = cam.read_binding();
    const Timestamp now = ctx.clock.now();
    return {std::to_string(slot), shown(id, [](const CameraIdentity& i) { return i.serial; }),
            shown(id, [](const CameraIdentity& i) { return i.maker_model + " " + i.firmware; }),
            shown(battery, [](int p) { return std::to_string(p) + "%"; }),
            shown(storage, [](const CameraStorage& s) { return std::to_string(s.free_mb) + "/" + std::to_string(s.total_mb) + " MB"; }),
            shown(clock, [&](Timestamp t) { return std::to_string((t.ms - now.ms) / kMsPerSecond) + " s"; }),
            shown(binding, [](const OfficerBinding& b) { return b.officer_number + " " + b.officer_name; })};
}

int hw_dock(CliContext& ctx, const Args& a) {
    auto c = hardware_config(a);
    if (!c) return ctx.report(c.error());
    if (c->cameras.empty()) return ctx.report(Error(MessageId::ConfigMissing, {c->source, "[slot.N]"}));
    int only = 0;
    if (a.get("slot") && (!parse_number(a.get("slot"), only) || only < 1))
        return ctx.report(usage("--slot takes a slot number"));
    camera::Gat947CameraLink link(c->cameras);
    TextTable t({ctx.pick("柜位", "Slot"), ctx.pick("序列号", "Serial"), ctx.pick("型号 固件", "Model firmware"),
                 ctx.pick("电量", "Battery"), ctx.pick("剩余存储", "Free storage"), ctx.pick("时钟偏差", "Clock offset"),
                 ctx.pick("使用人", "Bound to")});
    bool found = false;
    int code = kExitOk;
    for (const auto& slot : c->cameras) {
        if (only != 0 && slot.slot != only) continue;
        found = true;
        auto cam = link.open(slot.slot);
        if (!cam) {
            t.add({std::to_string(slot.slot), render(cam.error(), ctx.lang), "", "", "", "", ""});
            if (only != 0) code = exit_code_for(cam.error().id);
            continue;
        }
        t.add(camera_row(ctx, slot.slot, **cam));
    }
    if (!found) return ctx.report(Error(MessageId::ConfigMissing, {c->source, "[slot." + std::to_string(only) + "]"}));
    t.print(ctx.out);
    return code;
}

}  // namespace

int cmd_hw_cabinet(CliContext& ctx, const std::string& sub, const std::vector<std::string>& words) {
    std::set<std::string> valued = kHardwareOptions;
    valued.insert("slot");
    auto a = parse_args(words, valued, {});
    if (!a) return ctx.report(a.error());
    if (!a->positional.empty()) return ctx.report(usage("unexpected " + a->positional.front()));
    return sub == "cabinet" ? hw_cabinet(ctx, *a) : hw_dock(ctx, *a);
}

}  // namespace custody::cli
