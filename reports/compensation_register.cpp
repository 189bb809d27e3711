#include "reports/compensation_register.h"

#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
// How the amount was reached, with the method, convention and value date it rests on.
std::string basis_text(const CompensationCase& c, Lang lang) {
    const Liability& l = c.liability;
    const std::string valued = std::string(tr(lang, "，价值日期 ", ", value date ")) + date_text(c.value_date) +
                               tr(lang, "，", ", ") + name_of(kDepreciationMethods, c.depreciation_method, lang) +
                               tr(lang, "，", ", ") + name_of(kDepreciationPolicies, c.depreciation_policy, lang) +
                               (c.value_from_closed_month ? tr(lang, "（已结账）", " (closed)")
                                                          : tr(lang, "（计算值）", " (computed)"));
    switch (l.basis) {
        case LiabilityBasis::NetBookValue:
            return std::string(tr(lang, "账面净值 ", "net book value ")) + yuan_grouped(l.basis_amount) + " × " +
                   rate_text(l.rate_bp) + valued;
        case LiabilityBasis::OriginalValue:
            return std::string(tr(lang, "故意损坏，按原值 ", "deliberate damage, the original price ")) +
                   yuan_grouped(l.basis_amount) + valued;
        case LiabilityBasis::None: return tr(lang, "不可抗力，不予赔偿", "force majeure, nothing owed");
    }
    return "";
}

std::string violation_text(const CompensationRegisterLine& l, Lang lang) {
    if (l.violations.empty()) return "—";
    std::string s;
    for (const auto& v : l.violations)
        s += (s.empty() ? "" : tr(lang, "；", "; ")) + std::string(tr(lang, "已登记 第 ", "recorded, no. ")) +
             std::to_string(v.id) + tr(lang, " 号 ", " ") + name_of(kViolationKinds, v.kind, lang);
    return s;
}

std::vector<TableColumn> columns(Lang lang) {
    return {{tr(lang, "案件号", "Case"), 0.45f, Align::Right},
            {tr(lang, "立案日期", "Opened"), 0.85f},
            {tr(lang, "设备编号", "Device"), 1.0f},
            {tr(lang, "资产编号", "Asset no."), 1.1f},
            {tr(lang, "责任人", "Liable officer"), 1.2f},
            {tr(lang, "所在单位", "Unit"), 1.0f},
            {tr(lang, "情形及原因", "What and why"), 0.9f},
            {tr(lang, "计算依据", "Basis"), 2.0f},
            {tr(lang, "应赔（元）", "Amount (yuan)"), 0.85f, Align::Right},
            {tr(lang, "已缴（元）", "Paid (yuan)"), 0.85f, Align::Right},
            {tr(lang, "未缴（元）", "Outstanding (yuan)"), 0.85f, Align::Right},
            {tr(lang, "状态", "Status"), 0.9f},
            {tr(lang, "违规登记（R25）", "Violation (R25)"), 1.4f}};
}
}  // namespace

ReportHeading compensation_register_heading(const CompensationRegister& r, Lang lang) {
    return {r.agency, "", tr(lang, "赔偿案件登记簿", "Compensation case register"),
            std::string(tr(lang, "全部案件 ", "Every case: ")) + std::to_string(r.lines.size()) +
                tr(lang, " 件（R26）", " (R26)")};
}

void compose_compensation_register(ReportPages& pages, const CompensationRegister& r) {
    const Lang lang = pages.lang();
    pages.paragraph(tr(lang, "应赔金额在立案时按资产卡片确定：保管不善或使用不当按价值日期（事发前一月末）的账面净值乘以本机关"
                             "赔偿比例，故意损坏按原值并登记违规（R25），不可抗力不予赔偿；金额单位为元，按分四舍五入。"
                             "已缴、未缴及状态按办理记录计算。",
                       "Each amount was fixed when the case opened, from the asset card: poor keeping or misuse pays the "
                       "net book value at the value date (the end of the month before the incident) times the "
                       "agency's rate; deliberate damage pays the original price and opens a violation record (R25); "
                       "force majeure pays nothing. Amounts are yuan, rounded half up to the fen. Paid, outstanding "
                       "and status are read from the steps recorded."));
    Fen amount = 0, paid = 0, outstanding = 0;
    std::size_t flagged = 0;
    {
        ReportTable t(pages, columns(lang), 6.5f);
        for (const auto& l : r.lines) {
            const CompensationCase& c = l.c;
            amount += c.liability.amount;
            paid += l.progress.paid;
            outstanding += l.progress.outstanding;
            if (!l.violations.empty()) ++flagged;
            const std::string what = std::string(c.loss ? tr(lang, "丢失", "loss") : tr(lang, "损坏", "damage")) +
                                     tr(lang, "·", ", ") + name_of(kCompensationCauses, c.liability.cause, lang);
            t.row({std::to_string(c.id), minute_text(c.opened_at).substr(0, 10), l.device_serial, l.asset_number,
                   l.officer, l.unit, what, basis_text(c, lang), yuan_grouped(c.liability.amount),
                   yuan_grouped(l.progress.paid), yuan_grouped(l.progress.outstanding),
                   name_of(kCaseStatuses, l.progress.status, lang), violation_text(l, lang)});
        }
        if (r.lines.empty()) t.full_row(tr(lang, "尚无赔偿案件。", "No compensation case yet."), false);
        t.row({"", tr(lang, "合计", "Total"), std::to_string(r.lines.size()) + tr(lang, " 件", " cases"), "", "", "", "",
               "", yuan_grouped(amount), yuan_grouped(paid), yuan_grouped(outstanding), "",
               std::to_string(flagged) + tr(lang, " 件登记违规", " with a violation")});
    }
    signature_row(pages, {tr(lang, "制表（财务）", "Prepared by (finance)"), tr(lang, "保管员", "Custodian"),
                          tr(lang, "单位负责人", "Unit head")});
}

}  // namespace custody::reports
