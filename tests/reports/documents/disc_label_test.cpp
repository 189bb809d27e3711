// The disc labels and sleeves of an evidence export (R20): what each copy's label and
// sleeve say, checked against the export record, and the label's real size measured on
// the rendered page, as a ruler on the printout would.
#include "reports/disc_label.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <queue>
#include <vector>

#include "tests/reports/documents/demo_copy.h"
#include "tests/reports/documents/form_checks.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/raw_db.h"
#include "tests/support/run_command.h"
#include "tests/support/store_fixture.h"

namespace custody::test {
namespace {

using reports::ReportKind;
using reports::ReportRequest;

constexpr int kDpi = 100;
constexpr double kMmPerPixel = 25.4 / kDpi;

struct GrayPage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    bool dark(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x] < 200; }
};

// Page `page` as pdftoppm renders it in gray (binary PGM).
GrayPage render_gray(const std::string& pdf, int page, const std::string& stem) {
    auto r = run_command({"pdftoppm", "-q", "-gray", "-r", std::to_string(kDpi), "-f", std::to_string(page), "-l",
                          std::to_string(page), "-singlefile", pdf, stem});
    if (r.exit_code != 0) throw std::runtime_error("pdftoppm failed: " + r.err);
    std::ifstream in(stem + ".pgm", std::ios::binary);
    std::string magic;
    int maxval = 0;
    GrayPage g;
    in >> magic >> g.width >> g.height >> maxval;
    in.get();  // the one whitespace byte before the raster
    if (magic != "P5" || maxval != 255 || g.width <= 0 || g.height <= 0)
        throw std::runtime_error("not an 8-bit binary PGM: " + stem + ".pgm");
    g.pixels.resize(static_cast<std::size_t>(g.width) * g.height);
    in.read(reinterpret_cast<char*>(g.pixels.data()), static_cast<std::streamsize>(g.pixels.size()));
    if (!in) throw std::runtime_error("short PGM raster: " + stem + ".pgm");
    return g;
}

// One connected shape of dark pixels: its bounding box, and how wide it is along its
// top row (a circle touches its box's top at one point, a square along the whole side).
struct Shape {
    int x0, y0, x1, y1;
    int top_x0, top_x1;
    double width_mm() const { return (x1 - x0 + 1) * kMmPerPixel; }
    double height_mm() const { return (y1 - y0 + 1) * kMmPerPixel; }
    bool squareish() const { return std::abs((x1 - x0) - (y1 - y0)) <= 4; }
    bool circle() const { return squareish() && (top_x1 - top_x0) < (x1 - x0) * 0.35; }
    bool square() const { return squareish() && (top_x1 - top_x0) > (x1 - x0) * 0.9; }
    double cx() const { return (x0 + x1) / 2.0; }
    double cy() const { return (y0 + y1) / 2.0; }
};

std::vector<Shape> shapes(const GrayPage& g) {
    std::vector<Shape> found;
    std::vector<bool> seen(g.pixels.size(), false);
    for (int y = 0; y < g.height; ++y) {
        for (int x = 0; x < g.width; ++x) {
            const std::size_t at = static_cast<std::size_t>(y) * g.width + x;
            if (seen[at] || !g.dark(x, y)) continue;
            Shape s{x, y, x, y, x, x};
            std::queue<std::pair<int, int>> todo;
            todo.push({x, y});
            seen[at] = true;
            while (!todo.empty()) {
                auto [px, py] = todo.front();
                todo.pop();
                s.x0 = std::min(s.x0, px);
                s.x1 = std::max(s.x1, px);
                s.y1 = std::max(s.y1, py);
                if (py == s.y0) {
                    s.top_x0 = std::min(s.top_x0, px);
                    s.top_x1 = std::max(s.top_x1, px);
                }
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int nx = px + dx, ny = py + dy;
                        if (nx < 0 || ny < 0 || nx >= g.width || ny >= g.height) continue;
                        const std::size_t n = static_cast<std::size_t>(ny) * g.width + nx;
                        if (seen[n] || !g.dark(nx, ny)) continue;
                        seen[n] = true;
                        todo.push({nx, ny});
                    }
            }
            found.push_back(s);
        }
    }
    return found;
}

const Shape* find_shape(const std::vector<Shape>& all, bool (Shape::*kind)() const, double mm, double tolerance) {
    for (const auto& s : all)
        if ((s.*kind)() && std::abs(s.width_mm() - mm) <= tolerance) return &s;
    return nullptr;
}

std::string producing_unit(const std::string& db, const std::string& case_number) {
    const std::string units =
        "FROM recordings r JOIN devices d ON d.id = r.device_id JOIN units u ON u.id = d.unit_id "
        "WHERE r.case_number = '" +
        case_number + "' AND r.state IN ('committed', 'wiped')";
    if (db_text(db, "SELECT count(DISTINCT u.id) " + units) == "1") return db_text(db, "SELECT u.name " + units);
    return db_text(db, "SELECT value FROM agency_profile WHERE key = 'agency_name'");
}

TEST(DiscLabelReport, R20_EachCopyHasALabelAndASleeveWithUnitMakerDateAndCase) {
    const std::string db = REPORT_DEMO_DB;
    const std::string newest = "FROM evidence_exports ORDER BY made_at_ms DESC, id DESC LIMIT 1";
    const std::string case_number = db_text(db, "SELECT case_number " + newest);
    ASSERT_FALSE(case_number.empty()) << "the demo exports a case";
    const std::string maker = db_text(db, "SELECT maker " + newest);
    const std::string extractor = db_text(db, "SELECT extractor " + newest);
    const std::string sha = db_text(db, "SELECT iso_sha256 " + newest);
    const std::string files = db_text(db, "SELECT recordings " + newest);
    const std::string date = db_text(db, "SELECT date(made_at_ms / 1000, 'unixepoch', '+8 hours') " + newest);
    const std::string export_id = db_text(db, "SELECT id " + newest);
    const std::string unit = producing_unit(db, case_number);
    const int copies = std::max(2, std::stoi(db_text(db,
                                                     "SELECT coalesce(max(copy_number), 0) FROM evidence_copies "
                                                     "WHERE export_id = " +
                                                         export_id)));
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::DiscLabel), dir.path().string(), "disc-label");
    ASSERT_EQ(f.made.finished.pages, 1 + copies) << "the export on page 1, then one page a copy";
    // Page 1: the export and every recorded copy with the label it was recorded with.
    const std::string first = pdf_text_compact(f.path, 1, 1);
    EXPECT_NE(first.find("导出编号" + export_id), std::string::npos);
    EXPECT_NE(first.find(sha), std::string::npos);
    for (int c = 1; c <= std::stoi(db_text(db, "SELECT count(*) FROM evidence_copies WHERE export_id = " + export_id));
         ++c)
        EXPECT_NE(
            first.find(without_whitespace(db_text(db, "SELECT label FROM evidence_copies WHERE export_id = " +
                                                          export_id + " AND copy_number = " + std::to_string(c)))),
            std::string::npos)
            << "copy " << c;
    for (int c = 1; c <= copies; ++c) {
        const std::string page = pdf_text_compact(f.path, c + 1, c + 1);
        const std::string copy = "第" + std::to_string(c) + "份共" + std::to_string(copies) + "份";
        EXPECT_NE(page.find(copy), std::string::npos) << page;
        EXPECT_NE(page.find("执法音像证据光盘"), std::string::npos);
        EXPECT_NE(page.find("制作单位" + unit), std::string::npos) << "sleeve, page " << c + 1;
        EXPECT_NE(page.find("制作单位：" + unit), std::string::npos) << "label, page " << c + 1;
        EXPECT_NE(page.find("案件编号" + case_number), std::string::npos);
        EXPECT_NE(page.find("制作人" + maker), std::string::npos);
        EXPECT_NE(page.find("提取人" + extractor), std::string::npos);
        EXPECT_NE(page.find("制作日期" + date), std::string::npos);
        EXPECT_NE(page.find("文件数量" + files), std::string::npos);
        EXPECT_NE(page.find(sha), std::string::npos) << "the image's SHA-256 in full on the sleeve";
        // No activity was given: a line to write it on, nothing made up.
        EXPECT_NE(page.find("活动或案件名称案件编号"), std::string::npos) << page;
    }
    expect_page_frame(f, db);
    keep_sample(f, "disc-label");
    render_pdf_page(f.path, 2, std::string(REPORT_SAMPLES_DIR) + "/disc-label-copy.png", 70);
}

TEST(DiscLabelReport, R20_TheLabelIsARealSize120MmDiscAndTheSleeve125MmBetweenHeadAndFoot) {
    TempDir dir;
    auto f = make_report_file(REPORT_DEMO_DB, request_of(ReportKind::DiscLabel), dir.path().string(), "size");
    for (int page = 2; page <= f.made.finished.pages; ++page) {
        const GrayPage g = render_gray(f.path, page, dir.file("page" + std::to_string(page)));
        ASSERT_NEAR(g.width * kMmPerPixel, 210.0, 1.0) << "A4 at " << kDpi << " dpi";
        const auto all = shapes(g);
        const Shape* disc = find_shape(all, &Shape::circle, reports::kDiscDiameterMm, 1.5);
        ASSERT_NE(disc, nullptr) << "no circle 120 mm across on page " << page;
        EXPECT_NEAR(disc->width_mm(), 120.0, 1.5);
        EXPECT_NEAR(disc->height_mm(), 120.0, 1.5);
        const Shape* hole = find_shape(all, &Shape::circle, reports::kDiscHoleDiameterMm, 1.0);
        ASSERT_NE(hole, nullptr) << "no 15 mm centre hole on page " << page;
        EXPECT_NEAR(hole->cx(), disc->cx(), 2.0);
        EXPECT_NEAR(hole->cy(), disc->cy(), 2.0);
        const Shape* clamp = find_shape(all, &Shape::circle, reports::kDiscClampDiameterMm, 1.5);
        ASSERT_NE(clamp, nullptr) << "no 36 mm clamping ring on page " << page;
        // Between the hole and the clamping ring's line nothing is printed.
        int printed = 0;
        for (int y = clamp->y0; y <= clamp->y1; ++y)
            for (int x = clamp->x0; x <= clamp->x1; ++x) {
                const double r = std::hypot(x - disc->cx(), y - disc->cy()) * kMmPerPixel;
                if (r > reports::kDiscHoleDiameterMm / 2 + 1 && r < reports::kDiscClampDiameterMm / 2 - 1 &&
                    g.dark(x, y))
                    ++printed;
            }
        EXPECT_EQ(printed, 0) << "the clamping ring is left blank";
        const Shape* sleeve = find_shape(all, &Shape::square, reports::kSleeveSideMm, 1.5);
        ASSERT_NE(sleeve, nullptr) << "no 125 mm sleeve on page " << page;
        EXPECT_NEAR(sleeve->height_mm(), 125.0, 1.5);
        EXPECT_GT(sleeve->y0, disc->y1) << "the sleeve is below the label";
        // The page head's rule and the foot's: the widest thin lines, the first and the last.
        std::vector<const Shape*> rules;
        for (const auto& s : all)
            if (s.width_mm() > 150 && s.height_mm() < 1.5) rules.push_back(&s);
        ASSERT_GE(rules.size(), 2u);
        auto by_y = [](const Shape* a, const Shape* b) { return a->y0 < b->y0; };
        const Shape* head = *std::min_element(rules.begin(), rules.end(), by_y);
        const Shape* foot = *std::max_element(rules.begin(), rules.end(), by_y);
        EXPECT_GT(disc->y0, head->y1) << "the label starts below the page head";
        EXPECT_LT(sleeve->y1, foot->y0) << "the sleeve ends above the page foot";
    }
}

TEST(DiscLabelReport, R20_InEnglishWithTheActivityOnLabelAndSleeve) {
    ReportRequest r = request_of(ReportKind::DiscLabel, Lang::En);
    r.activity = "Drink-driving check, Renmin Road";
    TempDir dir;
    auto f = make_report_file(REPORT_DEMO_DB, r, dir.path().string(), "disc-label-en");
    EXPECT_NE(f.text.find("Evidence disc labels and sleeves"), std::string::npos);
    const std::string page = pdf_text_compact(f.path, 2, 2);
    EXPECT_NE(page.find("Copy1of2"), std::string::npos) << page;
    EXPECT_NE(page.find("Name:" + without_whitespace(r.activity)), std::string::npos) << "on the label: " << page;
    EXPECT_NE(page.find("Activityorcase" + without_whitespace(r.activity)), std::string::npos) << "on the sleeve";
    EXPECT_NE(pdf_text_compact(f.path, 3, 3).find("Copy2of2"), std::string::npos);
    EXPECT_EQ(page.find("制作人"), std::string::npos) << "English throughout";
    EXPECT_EQ(page.find("封套"), std::string::npos);
    expect_page_frame(f, REPORT_DEMO_DB);
}

TEST(DiscLabelReport, R20_TheNewestExportOfACaseAndTwoCopiesBeforeAnyIsRecorded) {
    TempDir dir;
    const std::string db = copy_demo_db(dir);
    const std::string case_number = db_text(db, "SELECT case_number FROM evidence_exports ORDER BY id LIMIT 1");
    const std::string sha(64, 'a');
    {
        // The case exported again (a disc was lost), its copies not yet burnt.
        RawDb raw(db);
        raw.must(
            "INSERT INTO evidence_exports(case_number, folder, iso_path, iso_sha256, maker, extractor, made_at_ms, "
            "recordings) SELECT case_number, folder || '-2', replace(iso_path, '.iso', '-2.iso'), '" +
            sha + "', maker, extractor, made_at_ms + 86400000, recordings FROM evidence_exports ORDER BY id LIMIT 1");
    }
    const std::string again = db_text(db, "SELECT max(id) FROM evidence_exports");
    ReportRequest r = request_of(ReportKind::DiscLabel);
    r.case_number = case_number;
    auto f = make_report_file(db, r, dir.path().string(), "again");
    EXPECT_NE(f.compact.find("导出编号" + again), std::string::npos);
    EXPECT_NE(f.compact.find(sha), std::string::npos);
    EXPECT_EQ(f.made.finished.pages, 3) << "two copies (R20), though none is recorded yet";
    const std::string first = pdf_text_compact(f.path, 1, 1);
    EXPECT_NE(first.find("第1份共2份尚未登记"), std::string::npos) << first;
    EXPECT_NE(first.find("第2份共2份尚未登记"), std::string::npos);

    ReportRequest older = request_of(ReportKind::DiscLabel);
    older.export_id = std::stoll(db_text(db, "SELECT min(id) FROM evidence_exports"));
    auto o = make_report_file(db, older, dir.path().string(), "older");
    EXPECT_NE(o.compact.find(db_text(db, "SELECT iso_sha256 FROM evidence_exports ORDER BY id LIMIT 1")),
              std::string::npos);
    EXPECT_EQ(o.compact.find(sha), std::string::npos);
}

TEST(DiscLabelReport, R20_UnknownExportsAndCasesAreRefused) {
    ReportRequest r = request_of(ReportKind::DiscLabel);
    r.export_id = std::stoll(db_text(REPORT_DEMO_DB, "SELECT coalesce(max(id), 0) + 1 FROM evidence_exports"));
    expect_refused(REPORT_DEMO_DB, r, MessageId::EvidenceExportUnknown);
    r = request_of(ReportKind::DiscLabel);
    r.case_number = "JT-1999-0000";
    expect_refused(REPORT_DEMO_DB, r, MessageId::ReportCaseNotExported);
    StoreFixture fx;
    fx.register_agency();
    fx.close();
    expect_refused(fx.db_path(), request_of(ReportKind::DiscLabel), MessageId::ReportNoEvidenceExport);
}

TEST(DiscLabelReport, R20_CustodyctlMakesItWithOnlyOut) {
    TempDir dir;
    auto r = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "disc-label", "--out", dir.file("d.pdf")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(pdf_pages(dir.file("d.pdf")), 3);
    auto bad = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "--lang", "en", "report", "disc-label", "--case",
                            "JT-1999-0000", "--out", dir.file("x.pdf")});
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.err.find("JT-1999-0000"), std::string::npos) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.pdf")));
}

}  // namespace
}  // namespace custody::test
