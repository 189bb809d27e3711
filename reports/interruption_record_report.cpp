#include "reports/interruption_record_report.h"

#include "kiosk/core/agency_time.h"
#include "reports/report_form.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
std::string when(const std::optional<Timestamp>& t) { return t ? format_local(*t) : std::string(); }

std::string length(const std::optional<std::int64_t>& ms, Lang lang) {
    return ms ? duration_text(*ms, lang) : std::string();
}

std::string reason_text(InterruptionReason reason, Lang lang) {
    const auto& n = named(kInterruptionReasons, reason);
    return std::string(lang == Lang::Zh ? n.zh : n.en);
}
}  // namespace

ReportHeading interruption_report_heading(const InterruptionReport& r, Lang lang) {
    return {r.agency, r.unit, tr(lang, "执法记录中断情况说明", "Interruption work record"),
            std::string(tr(lang, "记录编号 ", "Record ")) + std::to_string(r.id) + "  ·  " + r.device_serial +
                tr(lang, "（R13）", " (R13)")};
}

void compose_interruption_report(ReportPages& pages, const InterruptionReport& r) {
    const Lang lang = pages.lang();
    form_row(pages, {{tr(lang, "民警", "Officer"), r.officer, 1},
                     {tr(lang, "所属单位", "Unit"), r.unit, 1},
                     {tr(lang, "设备", "Device"), r.device_serial + "  " + r.device_model, 1.3f}});
    pages.section(tr(lang, "领用期间与未录像情况", "Custody period and what was not recorded"));
    // The gap this record explains, as the offload measured it against the checkout.
    std::optional<std::int64_t> unrecorded;
    if (r.custody_ms && r.recorded_ms) unrecorded = *r.custody_ms - *r.recorded_ms;
    form_row(pages, {{tr(lang, "领用时间", "Taken out"), when(r.checked_out_at), 1},
                     {tr(lang, "归还时间", "Returned"), when(r.returned_at), 1},
                     {tr(lang, "领用时长", "Time out"), length(r.custody_ms, lang), 1}});
    form_row(pages, {{tr(lang, "录制时长", "Recorded"), length(r.recorded_ms, lang), 1},
                     {tr(lang, "未录像合计", "Not recorded"), length(unrecorded, lang), 1},
                     {tr(lang, "最长连续未录像", "Longest gap"), length(r.longest_gap_ms, lang), 1}});
    pages.section(tr(lang, "中断原因及依据", "Reason and basis"));
    form_row(pages, {{tr(lang, "中断原因", "Reason"), reason_text(r.reason, lang), 1}});
    form_row(pages, {{tr(lang, "情况经过及依据", "What happened, and on what basis recording stopped"), r.basis, 1}},
             mm(30));
    form_row(pages, {{tr(lang, "说明记录时间", "Recorded at"), format_local(r.recorded_at), 1},
                     {tr(lang, "记录人", "Recorded by"), r.recorded_by, 1},
                     {tr(lang, "导出任务", "Offload job"), std::to_string(r.job_id), 1}});

    pages.section(tr(lang, "单位负责人审核（R13）", "The unit head's review (R13)"));
    if (r.review) {
        const auto& v = *r.review;
        std::string who = v.reviewer;
        const std::string& role = lang == Lang::Zh ? v.role_zh : v.role_en;
        if (!role.empty()) who += (lang == Lang::Zh ? "，" : ", ") + role;
        form_row(pages, {{tr(lang, "审核结论", "Decision"),
                          tr(lang, "已审核，同意归档", "reviewed and accepted for filing"), 1},
                         {tr(lang, "审核人", "Reviewed by"), who, 1},
                         {tr(lang, "审核时间", "Reviewed at"), format_local(v.reviewed_at), 1}});
        form_row(pages, {{tr(lang, "审核意见", "Note"), v.note, 1}}, mm(14));
    } else {
        pages.paragraph(tr(lang, "待单位负责人审核：本说明尚未经单位负责人审核。",
                           "Awaiting the unit head's review: this record has not been reviewed yet."),
                        10);
        form_row(pages, {{tr(lang, "审核意见", "Note"), "", 1}}, mm(22));
    }
    signature_row(pages,
                  {tr(lang, "民警签名", "Officer's signature"), tr(lang, "单位负责人签名", "Unit head's signature")},
                  mm(24));
}

}  // namespace custody::reports
