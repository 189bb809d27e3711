#include "reports/usage_ledger.h"

#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

ReportHeading usage_ledger_heading(const UsageLedger& l, Lang lang) {
    return {l.agency, l.unit, tr(lang, "执法记录仪使用台账", "Body-worn camera usage ledger"),
            period_text(l.from, l.to, lang) + tr(lang, "（R5）", " (R5)")};
}

void compose_usage_ledger(ReportPages& pages, const UsageLedger& l) {
    const Lang lang = pages.lang();
    int recordings = 0;
    std::int64_t recorded = 0;
    for (const auto& line : l.lines) {
        recordings += line.recordings;
        recorded += line.recorded_ms;
    }
    pages.paragraph(std::string(tr(lang, "领用 ", "")) + std::to_string(l.lines.size()) +
                    tr(lang, " 次，录音录像 ", " uses, ") + std::to_string(recordings) +
                    tr(lang, " 个，合计时长 ", " recordings, ") + duration_text(recorded, lang) +
                    tr(lang, "。", " recorded in total."));
    ReportTable t(pages,
                  {{tr(lang, "序号", "No."), 0.5f, Align::Right},
                   {tr(lang, "设备编号", "Device"), 1.2f},
                   {tr(lang, "品牌型号", "Brand / model"), 1.3f},
                   {tr(lang, "领用人", "Taken by"), 1.3f},
                   {tr(lang, "同行民警", "Partner"), 1.1f},
                   {tr(lang, "领用时间", "Issued"), 1.35f},
                   {tr(lang, "归还时间", "Returned"), 1.35f},
                   {tr(lang, "录制情况", "Recorded"), 1.5f}},
                  7.5f);
    std::size_t n = 0;
    for (const auto& line : l.lines) {
        std::string returned = hand_over_text(line.returned_at, line.returned_slot, lang);
        if (line.voided) returned = tr(lang, "领用作废（未取出）", "voided (not taken)");
        else if (!line.returned_at) returned = tr(lang, "未归还", "not returned");
        std::string recorded_text;
        if (line.recordings > 0)
            recorded_text = std::to_string(line.recordings) + tr(lang, " 个，", " files, ") +
                            duration_text(line.recorded_ms, lang) + tr(lang, "，", ", ") + bytes_text(line.bytes);
        else if (line.offloaded)
            recorded_text = tr(lang, "无录制", "nothing recorded");
        else if (line.returned_at && !line.voided)
            recorded_text = tr(lang, "待导出", "offload pending");
        std::string officer = line.officer.empty() ? tr(lang, "（非领用归还）", "(unexpected return)") : line.officer;
        t.row({std::to_string(++n), line.device_serial, line.device_model, officer, line.partner,
               hand_over_text(line.issued_at, line.issued_slot, lang), returned, recorded_text});
    }
    if (l.lines.empty()) t.full_row(tr(lang, "本期间无领用记录。", "No device was used in this period."), false);
}

}  // namespace custody::reports
