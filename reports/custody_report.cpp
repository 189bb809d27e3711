#include "reports/custody_report.h"

#include "kiosk/core/agency_time.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
std::string offload_result(const UsageLedgerLine& u, Lang lang) {
    if (u.voided) return tr(lang, "领用作废，未取出", "voided, not taken");
    if (!u.returned_at) return tr(lang, "使用中", "in use");
    if (!u.offloaded) {
        const std::string& why = lang == Lang::Zh ? u.offload_failure_zh : u.offload_failure_en;
        return why.empty() ? tr(lang, "待导出", "offload pending")
                           : std::string(tr(lang, "导出未完成：", "offload stopped: ")) + why;
    }
    if (u.recordings == 0) return tr(lang, "已导出，无录制", "offloaded, nothing recorded");
    std::string s = std::to_string(u.recordings) + tr(lang, " 个文件，", " files, ") + duration_text(u.recorded_ms, lang) +
                    tr(lang, "，", ", ") + bytes_text(u.bytes) + tr(lang, "，", ", ");
    if (u.verified == u.recordings) s += tr(lang, "全部哈希校验通过", "all hash-verified");
    else s += std::to_string(u.verified) + "/" + std::to_string(u.recordings) + tr(lang, " 已校验", " hash-verified");
    return s;
}
}  // namespace

bool overdue(const UsageLedgerLine& use, std::int64_t deadline_hours, Timestamp now) {
    if (!use.issued_at || use.voided) return false;
    const Timestamp end = use.returned_at.value_or(now);
    return end.ms - use.issued_at->ms > deadline_hours * kMsPerHour;
}

ReportHeading custody_report_heading(const CustodyReport& r, Lang lang) {
    return {r.agency, r.unit, tr(lang, "执法记录仪保管使用报告", "Body-worn camera custody report"),
            r.subject + "  " + period_text(r.from, r.to, lang)};
}

void compose_custody_report(ReportPages& pages, const CustodyReport& r) {
    const Lang lang = pages.lang();
    int returns = 0, files = 0, verified = 0, late = 0, pending = 0;
    std::int64_t recorded = 0, bytes = 0;
    for (const auto& u : r.uses) {
        if (u.returned_at && !u.voided) ++returns;
        if (u.returned_at && !u.voided && !u.offloaded) ++pending;
        files += u.recordings;
        verified += u.verified;
        recorded += u.recorded_ms;
        bytes += u.bytes;
        if (overdue(u, r.offload_deadline_hours, r.now)) ++late;
    }
    pages.section(tr(lang, "概况", "Summary"));
    pages.paragraph(
        std::string(tr(lang, "领用 ", "Checkouts: ")) + std::to_string(r.uses.size()) + tr(lang, " 次，归还 ", "; returns: ") +
        std::to_string(returns) + tr(lang, " 次；导出文件 ", "; files offloaded: ") + std::to_string(files) +
        tr(lang, " 个（其中 ", " (") + std::to_string(verified) + tr(lang, " 个哈希校验通过），合计时长 ", " hash-verified), ") +
        duration_text(recorded, lang) + tr(lang, "，", ", ") + bytes_text(bytes) + tr(lang, "；待导出 ", "; offloads pending: ") +
        std::to_string(pending) + tr(lang, " 次；超过导出时限（", "; past the offload deadline (") +
        std::to_string(r.offload_deadline_hours) + tr(lang, " 小时，R14）", " h, R14): ") + std::to_string(late) +
        tr(lang, " 次；报告故障 ", "; faults reported: ") + std::to_string(r.faults.size()) + tr(lang, " 起。", "."));

    pages.section(tr(lang, "领用与归还", "Checkouts and returns"));
    {
        ReportTable t(pages,
                      {{tr(lang, "领用", "Issued"), 1.25f},
                       {tr(lang, "民警", "Officer"), 1.1f},
                       {tr(lang, "同行民警", "Partner"), 1.0f},
                       {tr(lang, "设备", "Device"), 0.9f},
                       {tr(lang, "归还", "Returned"), 1.25f},
                       {tr(lang, "导出结果", "Offload"), 2.2f},
                       {tr(lang, "超时限", "Late"), 0.55f, Align::Center}},
                      7.5f);
        for (const auto& u : r.uses) {
            std::string officer = u.officer.empty() ? tr(lang, "（非领用归还）", "(unexpected return)") : u.officer;
            std::string back = u.voided ? std::string() : hand_over_text(u.returned_at, u.returned_slot, lang);
            if (!u.returned_at) back = tr(lang, "未归还", "not returned");
            t.row({hand_over_text(u.issued_at, u.issued_slot, lang), officer, u.partner, u.device_serial, back,
                   offload_result(u, lang), overdue(u, r.offload_deadline_hours, r.now) ? tr(lang, "超时", "late") : ""});
        }
        if (r.uses.empty()) t.full_row(tr(lang, "本期间无领用记录。", "No checkout in this period."), false);
    }

    pages.section(tr(lang, "故障报告（R9）", "Faults reported (R9)"));
    ReportTable f(pages,
                  {{tr(lang, "时间", "Time"), 1.2f},
                   {tr(lang, "设备", "Device"), 1.0f},
                   {tr(lang, "故障", "Fault"), 1.0f},
                   {tr(lang, "报告人", "Reported by"), 1.1f},
                   {tr(lang, "情况", "Note"), 2.0f},
                   {tr(lang, "处理", "Status"), 1.4f}},
                  7.5f);
    for (const auto& x : r.faults) {
        std::string status = x.closed ? tr(lang, "已解除隔离", "released") : tr(lang, "隔离待修", "quarantined");
        if (x.compensation_case) status += tr(lang, "；需立赔偿案（R26）", "; compensation case (R26)");
        f.row({minute_text(x.at), x.device_serial, lang == Lang::Zh ? x.kind_zh : x.kind_en, x.reported_by, x.note, status});
    }
    if (r.faults.empty()) f.full_row(tr(lang, "本期间无故障报告。", "No fault was reported in this period."), false);
}

}  // namespace custody::reports
