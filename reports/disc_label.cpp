#include "reports/disc_label.h"

#include <cmath>
#include <stdexcept>

#include "kiosk/core/agency_time.h"
#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
constexpr float kDiscRadius = mm(kDiscDiameterMm / 2);
// Text keeps 4 mm inside the rim, and 4 mm outside the clamping ring, which a drive's
// clamp presses on and which is left blank.
constexpr float kTextOuter = kDiscRadius - mm(4);
constexpr float kTextInner = mm(kDiscClampDiameterMm / 2) + mm(4);
constexpr float kSleeve = mm(kSleeveSideMm);
constexpr float kGap = mm(4);  // between the label and the sleeve, to cut between them

std::string copy_text(int number, std::size_t of, Lang lang) {
    return lang == Lang::Zh ? "第 " + std::to_string(number) + " 份 共 " + std::to_string(of) + " 份"
                            : "Copy " + std::to_string(number) + " of " + std::to_string(of);
}

struct RingLine {
    std::string text;
    float size;
    bool blank = false;  // a label followed by a line to write on
};

// Half the width the label can print on at distance d from the centre.
float half_chord(float d) { return d >= kTextOuter ? 0 : std::sqrt(kTextOuter * kTextOuter - d * d); }

// Lays lines on one half of the disc, from the clamping ring outward (dir +1: upwards,
// -1: downwards), each centred and wrapped to the ring's width at its row, `spacing`
// times its size apart. Returns false if a row would run off the rim; such rows are not
// drawn (the sleeve carries every field in full).
bool ring_lines(PdfDocument& doc, float cx, float cy, int dir, const std::vector<RingLine>& lines, float spacing,
                bool draw) {
    float d = kTextInner;  // the edge of the next row nearer the centre
    for (const auto& line : lines) {
        const float width = 2 * half_chord(d + line.size);
        auto pieces = line.blank ? std::vector<std::string>{line.text} : doc.wrap(line.text, line.size, width);
        for (const auto& piece : pieces) {
            const float far = d + line.size;
            if (far > kTextOuter) return false;
            const float w = 2 * half_chord(far);
            const float baseline = dir > 0 ? cy + d + line.size * 0.15f : cy - d - line.size * 0.85f;
            if (draw && line.blank) {
                const float x = cx - w / 2 + mm(2);
                doc.text(x, baseline, piece, line.size);
                doc.line(x + doc.text_width(piece, line.size) + 1, baseline - 1, cx + w / 2 - mm(2), baseline - 1,
                         0.4f);
            } else if (draw) {
                doc.text(cx, baseline, piece, line.size, Align::Center);
            }
            d += line.size * spacing;
        }
    }
    return true;
}

// Spreads the lines over the half as far as they go, closer together when they are many,
// in smaller type when even that is not enough; only text that does not fit at half size
// is left to the sleeve, which carries every field in full.
void ring_half(PdfDocument& doc, float cx, float cy, int dir, const std::vector<RingLine>& lines) {
    constexpr float kSpacings[] = {2.4f, 2.1f, 1.8f, 1.55f, 1.3f};
    for (float spacing : kSpacings) {
        if (ring_lines(doc, cx, cy, dir, lines, spacing, false)) {
            ring_lines(doc, cx, cy, dir, lines, spacing, true);
            return;
        }
    }
    // Still too much (a long activity name): smaller type rather than rows left off.
    for (float scale = 0.9f; scale > 0.45f; scale -= 0.1f) {
        std::vector<RingLine> smaller = lines;
        for (auto& l : smaller) l.size *= scale;
        if (ring_lines(doc, cx, cy, dir, smaller, kSpacings[std::size(kSpacings) - 1], false)) {
            ring_lines(doc, cx, cy, dir, smaller, kSpacings[std::size(kSpacings) - 1], true);
            return;
        }
    }
    ring_lines(doc, cx, cy, dir, lines, kSpacings[std::size(kSpacings) - 1], true);
}

// The label, at real size: the rim, the clamping ring and the centre hole are the lines
// to cut and to keep clear.
void disc_label(PdfDocument& doc, const DiscLabels& dl, const DiscCopy& copy, float cx, float cy, Lang lang) {
    doc.circle(cx, cy, kDiscRadius, 0.8f);
    doc.circle(cx, cy, mm(kDiscClampDiameterMm / 2), 0.3f);
    doc.circle(cx, cy, mm(kDiscHoleDiameterMm / 2), 0.8f);
    const std::string unit = std::string(tr(lang, "制作单位：", "Unit: ")) + dl.producing_unit;
    ring_half(doc, cx, cy, +1,
              {{std::string(tr(lang, "案件编号 ", "Case ")) + dl.case_number, 9.5f},
               {unit, 8},
               {dl.agency, 8.5f},
               {tr(lang, "执法音像证据光盘", "A/V evidence disc"), 13}});
    const std::string name_label = tr(lang, "名称：", "Name: ");
    RingLine name = dl.activity.empty() ? RingLine{name_label, 8, true} : RingLine{name_label + dl.activity, 8};
    ring_half(doc, cx, cy, -1,
              {name,
               {std::string(tr(lang, "制作人 ", "Maker ")) + dl.maker + "   " + format_local_date(dl.made_at), 8},
               {copy_text(copy.number, dl.copies.size(), lang) + tr(lang, " · 文件 ", " · files: ") +
                    std::to_string(dl.files) + tr(lang, " 个", ""),
                8},
               {tr(lang, "镜像 SHA-256", "Image SHA-256"), 6},
               {dl.iso_sha256.substr(0, 32), 6},
               {dl.iso_sha256.size() > 32 ? dl.iso_sha256.substr(32) : "", 6}});
}

// The sleeve: the same fields in full, each on a ruled line, and lines to write on for
// what the kiosk does not know.
void disc_sleeve(PdfDocument& doc, const DiscLabels& dl, const DiscCopy& copy, float x0, float top, Lang lang) {
    doc.rect(x0, top - kSleeve, kSleeve, kSleeve, 0.8f);
    const float cx = x0 + kSleeve / 2;
    const float inner = mm(8);
    float y = top - mm(13);
    doc.text(cx, y, tr(lang, "执法音像证据光盘", "Law-enforcement audio and video evidence disc"), 14, Align::Center);
    y -= mm(6.5f);
    doc.text(cx, y, dl.agency, 10, Align::Center);
    y -= mm(6);
    doc.text(cx, y, copy_text(copy.number, dl.copies.size(), lang), 10, Align::Center);
    y -= mm(4);

    const float label_x = x0 + inner;
    const float value_x = x0 + inner + mm(29);
    const float end_x = x0 + kSleeve - inner;
    auto field = [&](const std::string& label, const std::string& value, float size = 9, int blank_lines = 1) {
        auto lines = value.empty() ? std::vector<std::string>(static_cast<std::size_t>(blank_lines), "")
                                   : doc.wrap(value, size, end_x - value_x);
        doc.text(label_x, y - mm(6.5f), label, 8.5f);
        for (const auto& l : lines) {
            y -= mm(6.5f);
            doc.text(value_x, y, l, size);
            doc.line(value_x, y - 2, end_x, y - 2, 0.3f, 0.4f);
        }
    };
    field(tr(lang, "制作单位", "Producing unit"), dl.producing_unit);
    field(tr(lang, "活动或案件名称", "Activity or case"), dl.activity, 9, 2);
    field(tr(lang, "案件编号", "Case number"), dl.case_number);
    field(tr(lang, "制作人", "Maker"), dl.maker);
    field(tr(lang, "提取人", "Extractor"), dl.extractor);
    field(tr(lang, "制作日期", "Date made"), format_local_date(dl.made_at));
    field(tr(lang, "文件数量", "Files"), std::to_string(dl.files));
    field(tr(lang, "镜像文件", "Disc image"), dl.iso_name);
    y -= mm(7);
    doc.text(label_x, y, tr(lang, "镜像 SHA-256（sha256sum 核对）", "Image SHA-256 (check with sha256sum)"), 8.5f);
    y -= mm(5);
    doc.text(label_x, y, dl.iso_sha256, 7.5f);
    doc.text(cx, top - kSleeve + mm(5),
             std::string(tr(lang, "导出编号 ", "Export ")) + std::to_string(dl.export_id) +
                 tr(lang, " · 随案卷保存（R19、R20）", " · kept with the case file (R19, R20)"),
             7, Align::Center);
}

// Notes beside the drawings, in the margin the disc and the sleeve leave free.
void margin_note(PdfDocument& doc, float x, float y, const std::string& title, const std::string& text) {
    doc.text(x, y, title, 8);
    for (const auto& l : doc.wrap(text, 6.5f, mm(28))) {
        y -= 9;
        doc.text(x, y, l, 6.5f);
    }
}

void copy_page(ReportPages& pages, const DiscLabels& dl, const DiscCopy& copy) {
    const Lang lang = pages.lang();
    PdfDocument& doc = pages.doc();
    const float height = mm(1) + 2 * kDiscRadius + kGap + kSleeve;
    // A fresh page's body is 255 mm tall (A4 less the page head and foot), so one copy
    // fits on every page after the first, whose title block leaves only 229 mm.
    if (!pages.fits(height)) throw std::logic_error("a disc label and sleeve must fit on a fresh A4 page");
    const float top = pages.y();
    const float cx = doc.page_width() / 2;
    const float cy = top - mm(1) - kDiscRadius;
    disc_label(doc, dl, copy, cx, cy, lang);
    margin_note(doc, pages.left(), top - mm(3),
                std::string(tr(lang, "光盘标签 ", "Disc label, ")) + copy_text(copy.number, dl.copies.size(), lang),
                tr(lang, "实际尺寸：外径 120 mm，中心孔 15 mm，中心 36 mm 夹持区不印字。沿外圆及中心孔剪下。",
                   "Real size: 120 mm across, 15 mm centre hole, the 36 mm clamping ring left blank. Cut along "
                   "the outer circle and the hole."));
    const float sleeve_top = cy - kDiscRadius - kGap;
    disc_sleeve(doc, dl, copy, cx - kSleeve / 2, sleeve_top, lang);
    margin_note(doc, pages.left(), sleeve_top - mm(3), tr(lang, "光盘封套", "Disc sleeve"),
                tr(lang, "125 mm × 125 mm，沿边框剪下。", "125 mm × 125 mm; cut along the frame."));
    pages.advance(height);
}
}  // namespace

ReportHeading disc_labels_heading(const DiscLabels& d, Lang lang) {
    return {d.agency, d.producing_unit, tr(lang, "执法音像证据光盘标签及封套", "Evidence disc labels and sleeves"),
            std::string(tr(lang, "案件编号 ", "Case ")) + d.case_number + tr(lang, "  ·  导出编号 ", "  ·  export ") +
                std::to_string(d.export_id) + tr(lang, "（R20）", " (R20)")};
}

void compose_disc_labels(ReportPages& pages, const DiscLabels& d) {
    const Lang lang = pages.lang();
    form_row(pages, {{tr(lang, "案件编号", "Case number"), d.case_number, 2},
                     {tr(lang, "活动或案件名称", "Activity or case name"), d.activity, 3}});
    form_row(pages, {{tr(lang, "制作单位", "Producing unit"), d.producing_unit, 2},
                     {tr(lang, "制作人", "Maker"), d.maker, 1},
                     {tr(lang, "提取人", "Extractor"), d.extractor, 1},
                     {tr(lang, "制作时间", "Made"), format_local(d.made_at), 1.4f}});
    form_row(pages, {{tr(lang, "文件数量", "Files"), std::to_string(d.files), 1},
                     {tr(lang, "镜像文件", "Disc image"), d.iso_name, 4}});
    form_row(pages,
             {{tr(lang, "镜像 SHA-256（sha256sum 核对）", "Image SHA-256 (check with sha256sum)"), d.iso_sha256, 1}});
    pages.section(tr(lang, "光盘份数（R20：刻录两份）", "Copies (R20: burnt in two copies)"));
    {
        ReportTable t(pages, {{tr(lang, "份次", "Copy"), 1},
                              {tr(lang, "登记的标签内容", "Label as recorded"), 4},
                              {tr(lang, "登记时间", "Recorded"), 1.3f},
                              {tr(lang, "登记人", "Recorded by"), 0.8f}});
        for (const auto& c : d.copies)
            t.row({copy_text(c.number, d.copies.size(), lang),
                   c.recorded_label.empty() ? tr(lang, "尚未登记", "not yet recorded") : c.recorded_label,
                   c.recorded_at ? format_local(*c.recorded_at) : "", c.recorded_by});
    }
    pages.paragraph(tr(lang,
                       "自第 2 页起每页一份：上为光盘标签，下为封套，均按实际尺寸印制。打印时请选择“实际大小”，不要缩放"
                       "以适合纸张。标签贴于光盘印刷面，封套与光盘一并随案卷归档。",
                       "From page 2, one copy a page: the disc label above, the sleeve below, both at real size. Print "
                       "at actual size, not scaled to fit the paper. The label goes on the disc's printable side; the "
                       "sleeve is filed with the disc and the case file."));
    for (const auto& c : d.copies) {
        pages.new_page();
        copy_page(pages, d, c);
    }
}

}  // namespace custody::reports
