#include "reports/reconciliation_report.h"

#include "kiosk/core/agency_time.h"
#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
std::vector<std::string> cells(const ReconciliationLine& l, std::size_t n, Lang lang) {
    return {std::to_string(n), l.slot > 0 ? std::to_string(l.slot) : "",
            l.device ? l.device->serial : tr(lang, "（无法对应）", "(unidentified)"),
            l.device ? l.device->brand + " " + l.device->model : "", name_of(kInventoryStates, l.state, lang),
            name_of(kDiscrepancies, l.discrepancy, lang)};
}

std::vector<TableColumn> columns(Lang lang) {
    return {{tr(lang, "序号", "No."), 0.5f, Align::Right},   {tr(lang, "柜位", "Slot"), 0.5f, Align::Right},
            {tr(lang, "设备编号", "Device"), 1.2f},           {tr(lang, "品牌型号", "Brand / model"), 1.5f},
            {tr(lang, "台账状态", "Ledger state"), 1.0f},      {tr(lang, "核对结果", "Result"), 2.3f}};
}
}  // namespace

ReportHeading reconciliation_report_heading(const ReconciliationReport& r, Lang lang) {
    return {r.agency, "", tr(lang, "执法记录仪盘点报告", "Body-worn camera inventory reconciliation"),
            std::string(tr(lang, "盘点记录 ", "Reconciliation record ")) + std::to_string(r.record.id) +
                tr(lang, "  盘点时间 ", "  made ") + format_local(r.record.at) + tr(lang, "  盘点人 ", "  by ") +
                r.record.by};
}

void compose_reconciliation_report(ReportPages& pages, const ReconciliationReport& r) {
    const Lang lang = pages.lang();
    const Reconciliation& x = r.record;
    form_row(pages, {{tr(lang, "应在（台账）", "Expected (ledger)"), std::to_string(x.expected)},
                     {tr(lang, "在柜", "In slot"), std::to_string(x.in_slot)},
                     {tr(lang, "已领出", "Out"), std::to_string(x.out)},
                     {tr(lang, "维修中", "In repair"), std::to_string(x.in_repair)},
                     {tr(lang, "故障隔离", "Quarantined"), std::to_string(x.quarantined)},
                     {tr(lang, "待导出", "Pending offload"), std::to_string(x.pending_offload)},
                     {tr(lang, "丢失", "Lost"), std::to_string(x.lost)},
                     {tr(lang, "不符", "Discrepancies"), std::to_string(x.discrepancies)}});
    pages.advance(mm(2));
    pages.paragraph(x.cabinet_read ? tr(lang, "柜位状态由储存柜实际读取。", "Slot presence was read from the cabinet.")
                                   : format_message(MessageId::ReconciliationWithoutCabinet, lang, {}));
    pages.section(tr(lang, "不符项", "Discrepancies"));
    {
        ReportTable t(pages, columns(lang), 8);
        std::size_t n = 0;
        for (const auto& l : x.lines)
            if (l.discrepancy != Discrepancy::None) t.row(cells(l, ++n, lang));
        if (n == 0) t.full_row(tr(lang, "无：台账与柜位全部相符。", "None: the ledger and the slots agree."), false);
    }
    pages.section(tr(lang, "逐台核对", "Device by device"));
    {
        ReportTable t(pages, columns(lang), 8);
        std::size_t n = 0;
        for (const auto& l : x.lines) t.row(cells(l, ++n, lang));
    }
    signature_row(pages, {tr(lang, "盘点人", "Reconciled by"), tr(lang, "保管员", "Keeper"),
                          tr(lang, "单位负责人", "Unit head")});
}

}  // namespace custody::reports
