#include "reports/report_pages.h"

#include "reports/qr_mark.h"
#include "reports/report_font.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
constexpr float kHeadSize = 8.5f;
constexpr float kTitleSize = 16.0f;
constexpr float kQrSide = mm(24);
}  // namespace

ReportPages::ReportPages(PdfDocument& doc, ReportHeading heading, Lang lang, Orientation o)
    : doc_(doc), heading_(std::move(heading)), lang_(lang), orientation_(o) {
    doc_.add_page(orientation_);
    page_head();
    // The title block, with room on the right for the QR code drawn at finish().
    const float top = y_;
    doc_.text(doc_.page_width() / 2, top - kTitleSize, heading_.title, kTitleSize, Align::Center);
    float below = top - kTitleSize - mm(3);
    if (!heading_.subtitle.empty()) {
        for (const auto& l : doc_.wrap(heading_.subtitle, 10, width() - 2 * kQrSide)) {
            below -= 12;
            doc_.text(doc_.page_width() / 2, below, l, 10, Align::Center);
        }
    }
    y_ = std::min(below - mm(4), top - kQrSide - mm(2));
}

void ReportPages::page_head() {
    const float top = doc_.page_height() - mm(12);
    doc_.text(left(), top, heading_.agency, kHeadSize);
    std::string right_text = heading_.unit == heading_.agency ? std::string() : heading_.unit;
    if (doc_.page_count() > 1) right_text += (right_text.empty() ? "" : "  ·  ") + heading_.title;
    doc_.text(right(), top, right_text, kHeadSize, Align::Right);
    doc_.line(left(), top - mm(2), right(), top - mm(2), 0.6f);
    y_ = top - mm(6);
}

void ReportPages::new_page() {
    doc_.add_page(orientation_);
    page_head();
    if (on_new_page_) on_new_page_();
}

void ReportPages::ensure(float height) {
    if (!fits(height)) new_page();
}

void ReportPages::section(std::string_view text) {
    ensure(mm(14));
    y_ -= mm(2);
    doc_.text(left(), y_ - 11, text, 11);
    y_ -= 11 + mm(2.5);
}

void ReportPages::paragraph(std::string_view text, float size) {
    const float leading = size * 1.45f;
    for (const auto& l : doc_.wrap(text, size, width())) {
        ensure(leading);
        doc_.text(left(), y_ - size, l, size);
        y_ -= leading;
    }
    y_ -= size * 0.4f;
}

FinishedReport ReportPages::finish(const ReportStamp& stamp) {
    FinishedReport done;
    done.document_id = stamp.document_id;
    done.content_sha256 = doc_.content_digest();
    done.pages = doc_.page_count();
    done.replaced = doc_.replaced_characters();

    std::string missing_note;
    if (!done.replaced.empty()) {
        missing_note = tr(lang_, "〓：字体无法显示的字符 ", "〓: characters the font cannot show: ");
        for (std::size_t i = 0; i < done.replaced.size() && i < 12; ++i)
            missing_note += (i ? " " : "") + code_point_name(done.replaced[i]);
        if (done.replaced.size() > 12) missing_note += " …";
    }
    const std::string generated = std::string(tr(lang_, "生成时间 ", "Generated ")) + stamp.generated_at;
    const std::string document = std::string(tr(lang_, "文档编号 ", "Document ")) + stamp.document_id;
    const std::string chain = std::string(tr(lang_, "审计链位置 #", "Audit chain at #")) + std::to_string(stamp.audit.seq) +
                              tr(lang_, "  链头哈希 ", "  head hash ") + stamp.audit.head_hex;
    const std::string content = std::string(tr(lang_, "内容摘要 SHA-256 ", "Content SHA-256 ")) + done.content_sha256;

    for (int i = 0; i < done.pages; ++i) {
        doc_.select_page(i);
        const float base = mm(8);
        doc_.line(left(), base + mm(12), right(), base + mm(12), 0.4f);
        std::string page = lang_ == Lang::Zh
                               ? "第 " + std::to_string(i + 1) + " 页 共 " + std::to_string(done.pages) + " 页"
                               : "Page " + std::to_string(i + 1) + " of " + std::to_string(done.pages);
        doc_.text(doc_.page_width() / 2, base + mm(8), page, 8.5f, Align::Center);
        doc_.text(left(), base + mm(8), generated, 7);
        doc_.text(right(), base + mm(8), document, 7, Align::Right);
        doc_.text(left(), base + mm(4), chain, 6);
        doc_.text(left(), base + mm(0.8f), content, 6);
        if (!missing_note.empty()) doc_.text(right(), base + mm(0.8f), missing_note, 6, Align::Right);
    }
    doc_.select_page(0);
    const std::string qr = "custody-kiosk report\nid=" + stamp.document_id + "\naudit_seq=" +
                           std::to_string(stamp.audit.seq) + "\naudit_head=" + stamp.audit.head_hex +
                           "\ncontent_sha256=" + done.content_sha256;
    const float qr_top = doc_.page_height() - mm(12) - mm(3);
    auto drawn = draw_qr(doc_, right() - kQrSide, qr_top - kQrSide, kQrSide, qr);
    if (!drawn) throw std::logic_error("QR code for a report id and hashes must fit: " + drawn.error().detail);
    doc_.select_page(done.pages - 1);
    return done;
}

}  // namespace custody::reports
