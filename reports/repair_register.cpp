#include "reports/repair_register.h"

#include <map>

#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
std::string outcome_text(const RepairOrder& o, Lang lang) {
    if (o.outcome) {
        const auto& n = named(kRepairOutcomes, *o.outcome);
        std::string s(lang == Lang::Zh ? n.zh : n.en);
        if (!o.outcome_note.empty()) s += (lang == Lang::Zh ? "：" : ": ") + o.outcome_note;
        return s;
    }
    return o.sent_on ? tr(lang, "在供应商处维修中", "at the supplier") : tr(lang, "待送修", "not sent yet");
}

std::string days_text(const RepairRegisterLine& l, Lang lang) {
    std::string s = std::to_string(l.days_down);
    if (!l.order.returned_on) s += tr(lang, "（未返回）", " (not back)");
    return s;
}

std::vector<TableColumn> columns(Lang lang) {
    return {{tr(lang, "单号", "Order"), 0.45f, Align::Right},
            {tr(lang, "设备编号", "Device"), 1.0f},
            {tr(lang, "品牌型号", "Brand / model"), 1.1f},
            {tr(lang, "故障情况", "Problem"), 1.9f},
            {tr(lang, "维修单位", "Supplier"), 1.4f},
            {tr(lang, "停用日期", "Out of service"), 0.85f},
            {tr(lang, "送修日期", "Sent"), 0.85f},
            {tr(lang, "返回日期", "Back"), 0.85f},
            {tr(lang, "停用天数", "Days out"), 0.7f, Align::Right},
            {tr(lang, "维修费用（元）", "Cost (yuan)"), 0.85f, Align::Right},
            {tr(lang, "维修结果", "Outcome"), 1.5f}};
}

struct DeviceTotal {
    std::string model;
    int orders = 0;
    int days = 0;
    Fen cost = 0;
};
}  // namespace

ReportHeading repair_register_heading(const RepairRegister& r, Lang lang) {
    std::string period = tr(lang, "期间：", "Period: ");
    if (!r.from && !r.to) period += tr(lang, "全部维修单", "every repair order");
    else
        period += (r.from ? date_text(*r.from) : std::string(tr(lang, "最早", "the first"))) + " — " +
                  (r.to ? date_text(*r.to) : date_text(r.today));
    return {r.agency, "", tr(lang, "设备维修登记表", "Equipment repair register"), period + tr(lang, "（R9）", " (R9)")};
}

void compose_repair_register(ReportPages& pages, const RepairRegister& r) {
    const Lang lang = pages.lang();
    pages.paragraph(std::string(tr(lang, "停用天数：自开具维修单（设备停止使用）之日至返回之日；未返回的计至制表日 ",
                                    "Days out of service: from the day the order was opened (the device left "
                                    "service) to the day it came back; one not back yet is counted to ")) +
                    date_text(r.today) +
                    tr(lang, "。维修费用为供应商结算金额，单位元。", ". Costs are the supplier's charge, in yuan."));
    std::map<std::string, DeviceTotal> per_device;
    int days = 0;
    Fen cost = 0;
    {
        ReportTable t(pages, columns(lang), 7.0f);
        for (const auto& l : r.lines) {
            const RepairOrder& o = l.order;
            t.row({std::to_string(o.id), o.device_serial, l.device_model, o.problem, o.supplier.value_or(""),
                   date_text(l.out_of_service), o.sent_on ? date_text(*o.sent_on) : "",
                   o.returned_on ? date_text(*o.returned_on) : "", days_text(l, lang),
                   o.cost ? yuan_grouped(*o.cost) : "", outcome_text(o, lang)});
            DeviceTotal& d = per_device[o.device_serial];
            d.model = l.device_model;
            ++d.orders;
            d.days += l.days_down;
            d.cost += o.cost.value_or(0);
            days += l.days_down;
            cost += o.cost.value_or(0);
        }
        if (r.lines.empty()) t.full_row(tr(lang, "本期间无维修单。", "No repair order in this period."), false);
    }
    pages.section(tr(lang, "按设备汇总", "Per device"));
    {
        ReportTable t(pages,
                      {{tr(lang, "设备编号", "Device"), 1.2f},
                       {tr(lang, "品牌型号", "Brand / model"), 1.5f},
                       {tr(lang, "维修次数", "Orders"), 0.8f, Align::Right},
                       {tr(lang, "停用天数合计", "Days out of service"), 1.0f, Align::Right},
                       {tr(lang, "维修费用合计（元）", "Cost (yuan)"), 1.0f, Align::Right}},
                      8.0f);
        for (const auto& [serial, d] : per_device)
            t.row({serial, d.model, std::to_string(d.orders), std::to_string(d.days), yuan_grouped(d.cost)});
        t.row({tr(lang, "合计", "Total"), std::to_string(per_device.size()) + tr(lang, " 台", " devices"),
               std::to_string(r.lines.size()), std::to_string(days), yuan_grouped(cost)});
    }
    signature_row(pages, {tr(lang, "保管员", "Keeper"), tr(lang, "财务", "Finance"), tr(lang, "单位负责人", "Unit head")});
}

}  // namespace custody::reports
