#include "reports/evidence_form.h"

#include <algorithm>

#include "kiosk/core/agency_time.h"
#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
constexpr float kTableSize = 6.5f;

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::string when(const std::optional<Timestamp>& t) { return t ? format_local(*t) : std::string(); }

std::string length_text(const EvidenceFormFile& file, Lang lang) {
    if (file.duration_ms) return duration_text(*file.duration_ms, lang);
    return file.kind == MediaKind::Photo ? tr(lang, "—（照片）", "— (photo)") : tr(lang, "未知", "unknown");
}
}  // namespace

ReportHeading evidence_form_heading(const EvidenceForm& f, Lang lang) {
    std::string subtitle;
    if (!f.case_number.empty()) subtitle = std::string(tr(lang, "案件编号 ", "Case ")) + f.case_number + "  ·  ";
    subtitle += std::string(tr(lang, "设备 ", "Device ")) + f.device_serial + tr(lang, "（R21）", " (R21)");
    return {f.agency, f.unit, tr(lang, "同步录音录像摄录情况记录表", "Record of audio and video recording"), subtitle};
}

void compose_evidence_form(ReportPages& pages, const EvidenceForm& f) {
    const Lang lang = pages.lang();
    const char* sep = tr(lang, "、", ", ");
    // Empty values stay empty boxes: a place or an activity the kiosk does not know is
    // written in by the officers, never guessed.
    form_row(pages, {{tr(lang, "执法人员", "Officers"), joined(f.officers, sep), 2},
                     {tr(lang, "摄录人", "Recorded by"), joined(f.recorders, sep), 1}});
    form_row(pages, {{tr(lang, "执法活动或案件名称", "Activity or case name"), f.activity, 2},
                     {tr(lang, "案件编号", "Case number"), f.case_number, 1}});
    form_row(pages, {{tr(lang, "摄录地点", "Place"), f.place, 1}}, mm(14));
    form_row(pages, {{tr(lang, "开始时间", "Start"), when(f.start), 1},
                     {tr(lang, "结束时间", "End"), when(f.end), 1},
                     {tr(lang, "摄录时长", "Length"), duration_text(f.total_ms, lang), 1}});
    form_row(pages, {{tr(lang, "设备品牌型号", "Device brand and model"), f.device_brand + " " + f.device_model, 1},
                     {tr(lang, "设备编号", "Device serial"), f.device_serial, 1},
                     {tr(lang, "录制格式", "Format"), joined(f.formats, sep), 1}});

    pages.section(std::string(tr(lang, "录音录像文件（", "Files (")) + std::to_string(f.files.size()) +
                  tr(lang, " 个，共 ", ", ") + bytes_text(f.total_bytes) + tr(lang, "）", ")"));
    // The hash column is as wide as a whole SHA-256 at the table's size, so each hash
    // prints on one line and can be read off and compared in one go.
    PdfDocument& d = pages.doc();
    float sha = d.text_width(std::string(64, '0'), kTableSize);
    for (const auto& file : f.files) sha = std::max(sha, d.text_width(file.sha256, kTableSize));
    sha += 1.5f * kTableSize;
    const float rest = pages.width() - sha;
    // A camera's file name (24 characters) is read as one word: its column widens to the
    // longest name, up to half of what the hash leaves, and the other columns share the
    // rest in their usual proportions (0.065 : 0.26 : 0.19 : 0.125).
    float name = rest * 0.36f;
    for (const auto& file : f.files) name = std::max(name, d.text_width(file.name, kTableSize) + 1.5f * kTableSize);
    name = std::min(name, rest * 0.5f);
    const float share = (rest - name) / 0.64f;
    bool camera_clock = false;
    {
        ReportTable t(pages,
                      {{tr(lang, "序号", "No."), share * 0.065f, Align::Right},
                       {tr(lang, "文件名", "File"), name},
                       {tr(lang, "开始时间", "Start"), share * 0.26f},
                       {tr(lang, "时长", "Length"), share * 0.19f},
                       {tr(lang, "大小", "Size"), share * 0.125f, Align::Right},
                       {"SHA-256", sha}},
                      kTableSize);
        std::size_t n = 0;
        for (const auto& file : f.files) {
            std::string start = when(file.start);
            if (file.start_by_camera_clock) {
                start += " *";
                camera_clock = true;
            }
            t.row({std::to_string(++n), file.name, start, length_text(file, lang), bytes_text(file.bytes),
                   file.sha256.empty() ? tr(lang, "尚未校验", "not yet verified") : file.sha256});
        }
    }
    std::string note = tr(
        lang,
        "开始时间按本柜时钟记录（已按归还时测得的设备时钟偏差校正）；SHA-256 为存档副本的校验值，可用 sha256sum 核对。",
        "Start times are by the kiosk's clock (corrected for the camera's clock offset measured at "
        "return); each SHA-256 is that of the archive copy and can be checked with sha256sum.");
    if (camera_clock) note += tr(lang, " * 按设备时钟，未经校正。", " * By the camera's clock, not corrected.");
    pages.paragraph(note, 7.5f);

    // R21: signed by the officers, countersigned by the unit head, sealed, filed.
    signature_row(pages,
                  {tr(lang, "执法人员签名", "Officers' signatures"),
                   tr(lang, "单位负责人审核签名", "Unit head's countersignature"), tr(lang, "单位盖章", "Unit seal")});
    pages.advance(mm(2));
    form_row(pages, {{tr(lang, "归档日期", "Filed on"), "", 1},
                     {tr(lang, "档案编号", "File number"), "", 1},
                     {tr(lang, "归档人", "Filed by"), "", 1}});
}

}  // namespace custody::reports
