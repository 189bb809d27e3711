#include "reports/depreciation_schedule.h"

#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
std::vector<TableColumn> columns(Lang lang) {
    return {{tr(lang, "序号", "No."), 0.45f, Align::Right},
            {tr(lang, "资产编号", "Asset no."), 1.1f},
            {tr(lang, "设备编号", "Device"), 1.05f},
            {tr(lang, "资产分类", "Category"), 1.15f},
            {tr(lang, "折旧方法", "Method"), 0.85f},
            {tr(lang, "原值（元）", "Original (yuan)"), 0.95f, Align::Right},
            {tr(lang, "残值（元）", "Residual (yuan)"), 0.7f, Align::Right},
            {tr(lang, "使用年限（月）", "Life (months)"), 0.65f, Align::Right},
            {tr(lang, "已提月数", "Months charged"), 0.65f, Align::Right},
            {tr(lang, "本月工作量（小时）", "Hours this month"), 1.3f, Align::Right},
            {tr(lang, "本月折旧（元）", "Charge (yuan)"), 0.9f, Align::Right},
            {tr(lang, "累计折旧（元）", "Accumulated (yuan)"), 0.95f, Align::Right},
            {tr(lang, "账面净值（元）", "Net book value (yuan)"), 0.95f, Align::Right}};
}

// The workload method's hours: this month's, then used so far of the card's total.
std::string hours_text(const DepreciationScheduleLine& l, Lang lang) {
    if (l.line.method != DepreciationMethod::Workload) return "—";
    return std::to_string(l.line.workload_hours) + tr(lang, "（累计 ", " (used ") +
           std::to_string(l.line.workload_used_hours) + " / " + std::to_string(l.total_workload_hours) +
           tr(lang, "）", ")");
}
}  // namespace

ReportHeading depreciation_schedule_heading(const DepreciationSchedule& d, Lang lang) {
    return {d.agency, "", tr(lang, "固定资产折旧明细表", "Fixed-asset depreciation schedule"),
            std::string(tr(lang, "会计期间 ", "Accounting month ")) + month_text(d.close.month) +
                tr(lang, "（价值日期 ", " (value date ") + date_text(d.close.month.last_day()) + tr(lang, "）（R3）", ") (R3)")};
}

void compose_depreciation_schedule(ReportPages& pages, const DepreciationSchedule& d) {
    const Lang lang = pages.lang();
    const MonthClose& m = d.close;
    pages.paragraph(std::string(tr(lang, "结账：", "Closed: ")) + month_text(m.month) + tr(lang, " 由 ", " by ") +
                    d.closed_by + tr(lang, " 于 ", " at ") + minute_text(m.closed_at) +
                    tr(lang, " 结账，本表数字均为结账时保存的数值，此后不再改变。",
                       "; every figure below is the one stored at the close and does not change afterwards."));
    pages.paragraph(std::string(tr(lang, "折旧口径：", "Convention: ")) + convention_text(m.profile, lang == Lang::Zh) +
                    tr(lang, "。年限平均法每月折旧 = 尚未计提金额 ÷ 尚余使用月数；工作量法 = 尚未计提金额 × 本月工作小时 ÷ "
                             "尚余工作小时；按分四舍五入，最后一期取余数；工作小时为台账中领出的整小时数。",
                       ". Straight-line: each month's charge is what remains to depreciate ÷ the months left; "
                       "workload: what remains × this month's hours ÷ the hours left; rounded half up to the fen, "
                       "the last month taking the remainder; hours are whole hours out in the usage ledger."));
    Fen original = 0, residual = 0, charge = 0, accumulated = 0, net = 0;
    for (const auto& l : d.lines) {
        original += l.line.original_value;
        residual += l.line.residual_value;
        charge += l.line.charge;
        accumulated += l.line.accumulated;
        net += l.line.net_book_value;
    }
    // The close's own count and total beside the sum of its lines: a printed schedule
    // shows that they agree.
    const bool agree = charge == m.total_charge && static_cast<int>(d.lines.size()) == m.assets;
    pages.paragraph(std::string(tr(lang, "结账记录：", "The close records ")) + std::to_string(m.assets) +
                    tr(lang, " 项资产，本月折旧合计 ", " assets and a charge of ") + yuan_grouped(m.total_charge) +
                    tr(lang, " 元；", " yuan; ") +
                    (agree ? tr(lang, "与下表合计一致。", "the totals below agree.")
                           : tr(lang, "与下表合计不一致，请核查。", "the totals below DO NOT agree: check the close.")));
    {
        ReportTable t(pages, columns(lang), 6.5f);
        std::size_t n = 0;
        for (const auto& l : d.lines) {
            const DepreciationLine& x = l.line;
            t.row({std::to_string(++n), l.asset_number, l.device_serial, l.category,
                   name_of(kDepreciationMethods, x.method, lang), yuan_grouped(x.original_value),
                   yuan_grouped(x.residual_value), std::to_string(x.useful_life_months), std::to_string(x.months_charged),
                   hours_text(l, lang), yuan_grouped(x.charge), yuan_grouped(x.accumulated),
                   yuan_grouped(x.net_book_value)});
        }
        t.row({"", tr(lang, "合计", "Total"), std::to_string(d.lines.size()) + tr(lang, " 项", " assets"), "", "",
               yuan_grouped(original), yuan_grouped(residual), "", "", "", yuan_grouped(charge),
               yuan_grouped(accumulated), yuan_grouped(net)});
    }
    signature_row(pages, {tr(lang, "制表", "Prepared by"), tr(lang, "复核", "Checked by"),
                          tr(lang, "财务负责人", "Head of finance")});
}

}  // namespace custody::reports
