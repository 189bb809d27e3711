#include "reports/allocation_report.h"

#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
std::string standard_text(int per, Lang lang) {
    return lang == Lang::Zh ? "每 " + std::to_string(per) + " 人 1 台" : "1 per " + std::to_string(per);
}
}  // namespace

ReportHeading allocation_report_heading(const AllocationReport& r, Lang lang) {
    return {r.agency, "", tr(lang, "执法记录仪配备情况表", "Body-worn camera allocation"),
            std::string(tr(lang, "统计时间 ", "Counted ")) + minute_text(r.counted_at) + tr(lang, "（R2）", " (R2)")};
}

void compose_allocation_report(ReportPages& pages, const AllocationReport& r) {
    const Lang lang = pages.lang();
    pages.paragraph(std::string(tr(lang, "配备标准：甲类单位", "Standard: a class A unit needs ")) +
                    standard_text(static_cast<int>(r.per_device_a), lang) + tr(lang, "，乙类单位", ", a class B unit ") +
                    standard_text(static_cast<int>(r.per_device_b), lang) +
                    tr(lang, "，应配数向上取整。执法人员：在岗的单位人员，财务与管理员除外；在册设备：本单位的记录设备"
                             "（含维修中），丢失、报废及采集存储设备不计。",
                       ", rounded up. Officers: active people of the unit, finance and administrators excepted; "
                       "devices: the unit's recording devices on its books, in repair included, lost and disposed "
                       "ones and collection or storage equipment not counted."));
    int officers = 0, devices = 0, required = 0, shortfall = 0, surplus = 0, meeting = 0;
    {
        ReportTable t(pages,
                      {{tr(lang, "单位代码", "Unit"), 0.8f},
                       {tr(lang, "单位名称", "Name"), 1.8f},
                       {tr(lang, "配备类别", "Class"), 0.7f},
                       {tr(lang, "执法人员", "Officers"), 0.7f, Align::Right},
                       {tr(lang, "配备标准", "Standard"), 0.9f},
                       {tr(lang, "应配", "Required"), 0.6f, Align::Right},
                       {tr(lang, "在册设备", "Devices"), 0.7f, Align::Right},
                       {tr(lang, "缺口", "Shortfall"), 0.6f, Align::Right},
                       {tr(lang, "富余", "Surplus"), 0.6f, Align::Right},
                       {tr(lang, "是否达标", "Meets"), 0.7f}},
                      8.0f);
        for (const auto& u : r.units) {
            const auto& cls = named(kAllocationClasses, u.unit.allocation);
            officers += u.officers;
            devices += u.devices;
            required += u.required;
            shortfall += u.shortfall;
            surplus += u.surplus;
            if (u.meets_standard()) ++meeting;
            t.row({u.unit.code, u.unit.name, std::string(lang == Lang::Zh ? cls.zh : cls.en), std::to_string(u.officers),
                   standard_text(u.officers_per_device, lang), std::to_string(u.required), std::to_string(u.devices),
                   std::to_string(u.shortfall), std::to_string(u.surplus),
                   u.meets_standard() ? tr(lang, "达标", "yes") : tr(lang, "未达标", "no")});
        }
        t.row({tr(lang, "合计", "Total"), std::to_string(r.units.size()) + tr(lang, " 个单位", " units"), "",
               std::to_string(officers), "", std::to_string(required), std::to_string(devices),
               std::to_string(shortfall), std::to_string(surplus),
               std::to_string(meeting) + tr(lang, " 个达标", " meet")});
    }
    const int below = static_cast<int>(r.units.size()) - meeting;
    pages.paragraph(below == 0 ? std::string(tr(lang, "全部单位达到配备标准。", "Every unit meets the standard."))
                               : std::string(tr(lang, "未达配备标准的单位 ", "Units below the standard: ")) +
                                     std::to_string(below) + tr(lang, " 个，合计缺 ", "; devices short: ") +
                                     std::to_string(shortfall) + tr(lang, " 台。", "."));
    signature_row(pages, {tr(lang, "制表", "Prepared by"), tr(lang, "装备管理部门", "Equipment office"),
                          tr(lang, "机关负责人", "Head of the agency")});
}

}  // namespace custody::reports
