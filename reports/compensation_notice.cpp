#include "reports/compensation_notice.h"

#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
// How the liable person was found (R5, R4): the ledger's holder with the checkout, or
// the device's keeper when it was not out.
std::string found_text(const CompensationNotice& n, Lang lang) {
    std::string s = name_of(kLiableBases, n.c.liable_basis, lang);
    if (n.c.liable_basis == LiableBasis::LedgerHolder && n.checkout_at)
        s += std::string(tr(lang, "，事发前最近一次领用 ", ", the last checkout before the incident ")) +
             hand_over_text(n.checkout_at, n.checkout_slot, lang);
    return s;
}

std::string decision_text(const CompensationEvent& e, Lang lang) {
    if (!e.approved) return "";
    return *e.approved ? tr(lang, "同意", "approved") : tr(lang, "不同意", "rejected");
}

std::string detail_text(const CompensationEvent& e, Lang lang) {
    if (e.step != CaseStep::Payment) return e.reason;
    return yuan_grouped(e.amount.value_or(0)) + tr(lang, " 元，缴款日期 ", " yuan, paid on ") +
           (e.paid_on ? date_text(*e.paid_on) : "") + tr(lang, "，收据号 ", ", receipt ") + e.receipt_number.value_or("");
}

void steps_table(ReportPages& pages, const CompensationNotice& n) {
    const Lang lang = pages.lang();
    ReportTable t(pages,
                  {{tr(lang, "序号", "No."), 0.45f, Align::Right},
                   {tr(lang, "事项", "Step"), 1.3f},
                   {tr(lang, "经办人", "By"), 1.9f},
                   {tr(lang, "时间", "When"), 1.3f},
                   {tr(lang, "意见", "Decision"), 0.7f},
                   {tr(lang, "理由及说明", "Reason / detail"), 2.7f}},
                  8.0f);
    std::size_t k = 0;
    for (const auto& s : n.steps)
        t.row({std::to_string(++k), name_of(kCaseSteps, s.event.step, lang),
               name_of(kRoles, s.role, lang) + " " + s.by, minute_text(s.event.at), decision_text(s.event, lang),
               detail_text(s.event, lang)});
    if (n.steps.empty()) t.full_row(tr(lang, "尚未办理：待保管员审核。", "Nothing done yet: awaiting the custodian."), false);
}
}  // namespace

ReportHeading compensation_notice_heading(const CompensationNotice& n, Lang lang) {
    return {n.agency, n.officer_unit, tr(lang, "赔偿通知书", "Compensation notice"),
            std::string(tr(lang, "赔偿案件 ", "Compensation case ")) + std::to_string(n.c.id) +
                tr(lang, "  立案时间 ", "  opened ") + minute_text(n.c.opened_at) + tr(lang, "  立案人 ", "  by ") +
                n.opened_by + tr(lang, "（R26）", " (R26)")};
}

void compose_compensation_notice(ReportPages& pages, const CompensationNotice& n) {
    const Lang lang = pages.lang();
    const bool zh = lang == Lang::Zh;
    const CompensationCase& c = n.c;
    const std::string what = c.loss ? tr(lang, "丢失", "loss") : tr(lang, "损坏", "damage");
    pages.paragraph(n.officer + tr(lang, "：", ":"), 10);
    pages.paragraph(std::string(tr(lang, "经核查，执法记录仪 ", "Inquiry found that the body-worn camera ")) +
                    n.device_serial + tr(lang, "（资产编号 ", " (asset ") + n.asset_number +
                    tr(lang, "）于 ", ") suffered ") + (zh ? minute_text(c.incident_at) + " 发生" + what
                                                            : what + " at " + minute_text(c.incident_at)) +
                    tr(lang, "，原因认定为“", ", found to be caused by ") +
                    name_of(kCompensationCauses, c.liability.cause, lang) +
                    tr(lang, "”。依照本机关赔偿规定，应由你赔偿人民币 ", ". Under the agency's rules you are to pay ") +
                    yuan_grouped(c.liability.amount) + tr(lang, " 元，计算如下。", " yuan, calculated below."), 10);
    form_row(pages, {{tr(lang, "责任人", "Liable officer"), n.officer},
                     {tr(lang, "所在单位", "Unit"), n.officer_unit},
                     {tr(lang, "认定依据", "How found"), found_text(n, lang), 2.0f}});
    form_row(pages, {{tr(lang, "设备编号", "Device"), n.device_serial},
                     {tr(lang, "品牌型号", "Brand / model"), n.device_model},
                     {tr(lang, "资产编号", "Asset no."), n.asset_number},
                     {tr(lang, "案件来源", "Source"), name_of(kCaseSources, c.source, lang)}});
    form_row(pages, {{tr(lang, "事发时间", "Incident"), minute_text(c.incident_at)},
                     {tr(lang, "情形", "What"), what},
                     {tr(lang, "原因", "Cause"), name_of(kCompensationCauses, c.liability.cause, lang)},
                     {tr(lang, "情况说明", "Note"), c.note, 2.0f}});

    pages.section(tr(lang, "赔偿金额计算", "Calculation"));
    int k = 0;
    for (const auto& line : calculation_lines(c.liability, n.value, zh))
        pages.paragraph(std::to_string(++k) + ". " + line, 9.5f);
    const DepreciationProfile profile{c.depreciation_policy, n.value.residual_rate_bp};
    pages.paragraph(std::string(tr(lang, "折旧口径：", "Convention: ")) + convention_text(profile, zh) +
                    tr(lang, "。价值日期为事发前一月末，", ". The value date is the end of the month before the "
                                                   "incident; ") +
                    (c.value_from_closed_month ? tr(lang, "数值取自该月结账记录。", "the figure is that month's close.")
                                               : tr(lang, "立案时该月尚未结账，数值为计算值。",
                                                    "that month was not closed when the case opened, so the figure "
                                                    "is computed.")));

    pages.section(tr(lang, "审批及办理经过", "Approval and steps"));
    steps_table(pages, n);
    form_row(pages, {{tr(lang, "应赔金额（元）", "Amount (yuan)"), yuan_grouped(c.liability.amount)},
                     {tr(lang, "已缴（元）", "Paid (yuan)"), yuan_grouped(n.progress.paid)},
                     {tr(lang, "未缴（元）", "Outstanding (yuan)"), yuan_grouped(n.progress.outstanding)},
                     {tr(lang, "当前状态", "Status"), name_of(kCaseStatuses, n.progress.status, lang)}});
    pages.advance(mm(2));
    for (const auto& v : n.violations)
        pages.paragraph(std::string(tr(lang, "本案已登记违规（R25）：第 ", "This case opened violation record ")) +
                        std::to_string(v.id) + tr(lang, " 号，", " (R25): ") + name_of(kViolationKinds, v.kind, lang) +
                        tr(lang, "，登记时间 ", ", recorded ") + minute_text(v.opened_at) + tr(lang, "。", "."));

    pages.advance(mm(2));
    pages.paragraph(tr(lang, "本人已收到本通知书，知悉上述认定及计算。如有异议，可于收到之日起向单位负责人书面提出。",
                       "I have received this notice and know the findings and the calculation above. Any objection "
                       "goes to the unit head in writing from the day of receipt."));
    // One row, so that the acknowledgement and the three approvals stay on one page.
    signature_row(pages, {tr(lang, "当事人签字确认", "Acknowledged by the officer"), tr(lang, "保管员", "Custodian"),
                          tr(lang, "单位负责人", "Unit head"), tr(lang, "财务", "Finance")},
                  mm(26));
}

}  // namespace custody::reports
