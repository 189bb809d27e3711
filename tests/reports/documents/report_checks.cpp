#include "tests/reports/documents/report_checks.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "db/sqlite.h"
#include "kiosk/core/agency_time.h"
#include "tests/support/pdf_probe.h"

namespace custody::test {

std::string db_text(const std::string& db, const std::string& sql) {
    auto c = db::Connection::open(db, db::Connection::Mode::ReadOnly);
    if (!c) throw std::runtime_error("cannot open " + db);
    auto q = (*c)->prepare(sql);
    if (!q) throw std::runtime_error("bad query: " + sql);
    auto r = q->step();
    if (!r || !*r) return "";
    return q->text(0);
}

reports::AuditPosition newest_audit(const std::string& db) {
    return {std::stoll(db_text(db, "SELECT coalesce(max(seq), 0) FROM audit_log")),
            db_text(db, "SELECT lower(hex(hash)) FROM audit_log ORDER BY seq DESC LIMIT 1")};
}

ReportFile make_report_file(const std::string& db, const reports::ReportRequest& r, const std::string& dir,
                            const std::string& name) {
    auto tz = apply_time_zone("Asia/Shanghai");
    if (!tz) throw std::runtime_error("no Asia/Shanghai zone");
    ReportFile f;
    f.path = dir + "/" + name + ".pdf";
    auto made = reports::make_report(db, r, f.path, SystemClock().now());
    if (!made) throw std::runtime_error("report not made: " + render(made.error(), Lang::En) + " " + made.error().detail);
    f.made = *made;
    f.text = pdf_text(f.path);
    f.compact = without_whitespace(f.text);
    return f;
}

void expect_page_frame(const ReportFile& f, const std::string& db) {
    const int pages = pdf_pages(f.path);
    EXPECT_EQ(pages, f.made.finished.pages);
    const auto audit = newest_audit(db);
    ASSERT_FALSE(audit.head_hex.empty());
    for (int p = 1; p <= pages; ++p) {
        const std::string page = pdf_text_compact(f.path, p, p);
        const std::string zh = "第" + std::to_string(p) + "页共" + std::to_string(pages) + "页";
        const std::string en = "Page" + std::to_string(p) + "of" + std::to_string(pages);
        EXPECT_TRUE(page.find(zh) != std::string::npos || page.find(en) != std::string::npos) << "page " << p;
        EXPECT_NE(page.find(f.made.finished.document_id), std::string::npos) << "page " << p;
        EXPECT_NE(page.find("#" + std::to_string(audit.seq)), std::string::npos) << "page " << p;
        EXPECT_NE(page.find(audit.head_hex), std::string::npos) << "page " << p;
        EXPECT_NE(page.find(f.made.finished.content_sha256), std::string::npos) << "page " << p;
    }
    const std::string fonts = pdf_fonts(f.path);
    EXPECT_NE(fonts.find("WenQuanYiZenHei"), std::string::npos) << fonts;
    EXPECT_NE(fonts.find(" yes yes yes"), std::string::npos) << "embedded, subset, with a Unicode map:\n" << fonts;
}

void keep_sample(const ReportFile& f, const std::string& name) {
    std::filesystem::create_directories(REPORT_SAMPLES_DIR);
    const std::string png = std::string(REPORT_SAMPLES_DIR) + "/" + name + ".png";
    render_pdf_page(f.path, 1, png, 70);
    EXPECT_GT(std::filesystem::file_size(png), 10000u) << "page 1 rendered nearly blank";
}

}  // namespace custody::test
