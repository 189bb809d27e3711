#include "reports/offload_receipt.h"

#include <algorithm>

#include "kiosk/core/agency_time.h"
#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
constexpr float kTableSize = 6.5f;

std::string when(const std::optional<Timestamp>& t) { return t ? format_local(*t) : std::string(); }

std::string length_text(const ReceiptFile& f, Lang lang) {
    if (f.duration_ms) return duration_text(*f.duration_ms, lang);
    return f.kind == MediaKind::Photo ? tr(lang, "—（照片）", "— (photo)") : "";
}

std::string name_of(RecordingState s, Lang lang) {
    const auto& n = named(kRecordingStates, s);
    return std::string(lang == Lang::Zh ? n.zh : n.en);
}

// R15 in the words the officer and the keeper sign under.
std::string wipe_text(const OffloadReceipt& r, Lang lang) {
    if (r.files.empty())
        return tr(lang, "设备上没有录音录像文件，无需清除。", "The camera held no files: there was nothing to clear.");
    std::optional<Timestamp> last;
    std::size_t wiped = 0;
    for (const auto& f : r.files) {
        if (f.state != RecordingState::Wiped) continue;
        ++wiped;
        if (f.wiped_at && (!last || *last < *f.wiped_at)) last = f.wiped_at;
    }
    const std::string n = std::to_string(r.files.size());
    if (wiped == r.files.size()) {
        std::string at = last ? format_local(*last) : std::string(tr(lang, "（时间未记录）", "(time not recorded)"));
        return lang == Lang::Zh ? "已清除：设备上的 " + n + " 个文件于 " + at +
                                      " 清除，在全部文件存入档案并校验 SHA-256 之后（R15）。"
                                : "Cleared: the camera's copy (" + n + (r.files.size() == 1 ? " file" : " files") +
                                      ") was cleared at " + at +
                                      ", after every file was in the archive with its SHA-256 checked (R15).";
    }
    std::string states;
    for (const auto& s : kRecordingStates) {
        std::size_t count = 0;
        for (const auto& f : r.files) count += f.state == s.value ? 1 : 0;
        if (count == 0) continue;
        states += (states.empty() ? "" : tr(lang, "，", ", ")) + name_of(s.value, lang) + tr(lang, " ", ": ") +
                  std::to_string(count) + tr(lang, " 个", "");
    }
    return lang == Lang::Zh
               ? "未清除：设备上的录音录像尚未清除（共 " + n + " 个文件：" + states +
                     "）。全部文件存入档案并校验后才会清除（R15），在此之前设备上的文件保留。"
               : "Not cleared: the camera's copy has not been cleared (" + n + " files: " + states +
                     "). It is cleared only once every file is in the archive and checked (R15); until then the "
                     "files stay on the camera.";
}

std::string job_state_text(const OffloadReceipt& r, Lang lang) {
    const auto& n = named(kOffloadJobStates, r.state);
    std::string s(lang == Lang::Zh ? n.zh : n.en);
    const std::string& why = lang == Lang::Zh ? r.failure_zh : r.failure_en;
    if (r.state != OffloadJobState::Complete && !why.empty()) s += tr(lang, "：", ": ") + why;
    if (r.attempts > 1)
        s += std::string(tr(lang, "（第 ", " (attempt ")) + std::to_string(r.attempts) + tr(lang, " 次）", ")");
    return s;
}

std::string coverage_text(const OffloadReceipt& r, Lang lang) {
    if (!r.custody_ms || !r.recorded_ms) return "";
    std::string s = std::string(tr(lang, "领用 ", "Out ")) + duration_text(*r.custody_ms, lang) +
                    tr(lang, "，录制 ", ", recorded ") + duration_text(*r.recorded_ms, lang);
    if (r.longest_gap_ms)
        s += std::string(tr(lang, "，最长未录像 ", ", longest gap ")) + duration_text(*r.longest_gap_ms, lang);
    return s;
}

// R13: a gap beyond the profile's limit needs the officer's written reasons.
std::string interruption_text(const OffloadReceipt& r, Lang lang) {
    if (r.interruption_records.empty())
        return tr(lang, "领用期间未录像时间超过规定：民警须补填执法记录中断情况说明，由单位负责人审核（R13）。",
                  "More of the time out went unrecorded than allowed: the officer owes an interruption record, "
                  "reviewed by the unit head (R13).");
    std::string ids;
    for (Id id : r.interruption_records) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    return std::string(tr(lang, "领用期间未录像时间超过规定，已填写执法记录中断情况说明（编号 ",
                          "More of the time out went unrecorded than allowed; the interruption record (")) +
           ids + tr(lang, "，R13）。", ", R13) has been made.");
}
}  // namespace

ReportHeading offload_receipt_heading(const OffloadReceipt& r, Lang lang) {
    return {r.agency, r.unit, tr(lang, "录像导出回执", "Offload receipt"),
            std::string(tr(lang, "导出任务 ", "Offload job ")) + std::to_string(r.job_id) + "  ·  " + r.device_serial +
                (r.returned_at ? "  ·  " + format_local(*r.returned_at) : std::string())};
}

void compose_offload_receipt(ReportPages& pages, const OffloadReceipt& r) {
    const Lang lang = pages.lang();
    const std::string officer = r.officer.empty() ? tr(lang, "（非领用归还）", "(unexpected return)") : r.officer;
    form_row(pages, {{tr(lang, "归还民警", "Returned by"), officer, 1},
                     {tr(lang, "同行民警", "Partner"), r.partner, 1},
                     {tr(lang, "所属单位", "Unit"), r.unit, 1}});
    form_row(pages, {{tr(lang, "设备编号", "Device"), r.device_serial, 1},
                     {tr(lang, "品牌型号", "Brand and model"), r.device_model, 1},
                     {tr(lang, "归还柜位", "Slot"), std::to_string(r.slot), 1}});
    form_row(pages, {{tr(lang, "领用时间", "Taken out"), when(r.checked_out_at), 1},
                     {tr(lang, "归还时间", "Returned"), when(r.returned_at), 1},
                     {tr(lang, "导出开始", "Offload started"), format_local(r.started_at), 1},
                     {tr(lang, "导出完成", "Offload finished"), when(r.finished_at), 1}});
    form_row(pages, {{tr(lang, "导出状态", "Offload state"), job_state_text(r, lang), 1},
                     {tr(lang, "录制情况", "Recording"), coverage_text(r, lang), 2}});

    std::int64_t bytes = 0;
    for (const auto& f : r.files) bytes += f.bytes;
    pages.section(std::string(tr(lang, "导出文件（", "Files (")) + std::to_string(r.files.size()) +
                  tr(lang, " 个，共 ", ", ") + bytes_text(bytes) + tr(lang, "）", ")"));
    // A whole SHA-256 on one line, to be compared with the archive's SHA256SUMS at a glance.
    float sha = pages.doc().text_width(std::string(64, '0'), kTableSize);
    for (const auto& f : r.files) sha = std::max(sha, pages.doc().text_width(f.sha256, kTableSize));
    sha += 1.5f * kTableSize;
    const float rest = pages.width() - sha;
    {
        ReportTable t(pages,
                      {{tr(lang, "序号", "No."), rest * 0.065f, Align::Right},
                       {tr(lang, "设备上的文件", "File on the camera"), rest * 0.615f},
                       {tr(lang, "大小", "Size"), rest * 0.13f, Align::Right},
                       {tr(lang, "时长", "Length"), rest * 0.19f},
                       {"SHA-256", sha}},
                      kTableSize);
        std::size_t n = 0;
        for (const auto& f : r.files)
            t.row({std::to_string(++n), f.name, bytes_text(f.bytes), length_text(f, lang),
                   f.sha256.empty() ? name_of(f.state, lang) : f.sha256});
        if (r.files.empty())
            t.full_row(tr(lang, "本次归还设备上没有录音录像文件。", "The camera held no files."), false);
    }

    pages.section(tr(lang, "设备清除确认（R15）", "Clearing the camera (R15)"));
    pages.paragraph(wipe_text(r, lang), 9.5f);
    if (r.interruption_needed) pages.paragraph(interruption_text(r, lang), 9);
    signature_row(
        pages, {tr(lang, "归还民警签名", "Officer's signature"), tr(lang, "保管员签名", "Keeper's signature")}, mm(24));
}

}  // namespace custody::reports
