#pragma once
// The frame every report page shares: the agency and unit at the head of each page, the
// title block on the first, and at the foot "第 x 页 共 y 页", the generation time, the
// document id and the audit chain's position and head hash at generation, so that a
// printed page can be tied back to the ledger. Body content flows top to bottom; a
// block that does not fit starts a new page.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "kiosk/core/clock.h"
#include "kiosk/core/messages.h"
#include "reports/pdf_document.h"

namespace custody::reports {

struct ReportHeading {
    std::string agency;
    std::string unit;  // the unit the report is about, or the agency as a whole
    std::string title;
    std::string subtitle;  // e.g. the period
};

// Where the audit chain stood when the report's data was read.
struct AuditPosition {
    std::int64_t seq = 0;
    std::string head_hex;
};

struct ReportStamp {
    std::string document_id;
    AuditPosition audit;
    std::string generated_at;  // local time text
};

struct FinishedReport {
    std::string document_id;
    std::string content_sha256;
    int pages = 0;
    std::vector<char32_t> replaced;  // characters the font could not show
};

class ReportPages {
public:
    ReportPages(PdfDocument& doc, ReportHeading heading, Lang lang, Orientation o = Orientation::Portrait);

    PdfDocument& doc() { return doc_; }
    Lang lang() const { return lang_; }
    float left() const { return margin_; }
    float right() const { return doc_.page_width() - margin_; }
    float width() const { return right() - left(); }
    // The top of the next block.
    float y() const { return y_; }
    bool fits(float height) const { return y_ - height >= bottom_; }
    // Starts a new page unless `height` fits on this one.
    void ensure(float height);
    void new_page();
    void advance(float height) { y_ -= height; }
    // Runs at the top of every page after the first, below the page head (a table
    // repeats its header row this way). Empty clears it.
    void on_new_page(std::function<void()> f) { on_new_page_ = std::move(f); }

    void section(std::string_view text);
    void paragraph(std::string_view text, float size = 9.0f);

    // Draws every page's foot and the first page's QR code (document id, audit position
    // and content hash). Call once, after the last block.
    FinishedReport finish(const ReportStamp& stamp);

private:
    void page_head();

    PdfDocument& doc_;
    ReportHeading heading_;
    Lang lang_;
    Orientation orientation_;
    float margin_ = mm(15);
    float bottom_ = mm(24);
    float y_ = 0;
    std::function<void()> on_new_page_;
};

}  // namespace custody::reports
