// The allocation table 执法记录仪配备情况表 (R2): each unit's officers and devices against
// its class's standard, counted here from the officers and devices tables and compared
// with what the report prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "tests/reports/documents/form_checks.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/raw_db.h"
#include "tests/support/run_command.h"
#include "tests/support/store_fixture.h"

namespace custody::test {
namespace {

using reports::ReportKind;

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string join(const std::vector<std::string>& w) {
    std::string s;
    for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
    return s;
}

// The laid-out row that starts with `first`.
std::vector<std::string> row_starting(const std::vector<std::string>& lines, const std::string& first) {
    for (const auto& l : lines) {
        auto w = words(l);
        if (!w.empty() && w[0] == first) return w;
    }
    return {};
}

struct Expected {
    std::string code, name, cls;
    int officers = 0, per = 0, required = 0, devices = 0, shortfall = 0, surplus = 0;
};

// R2 from the tables: active people but finance and administrators; recording devices on
// the books (not lost, not disposed, not collectors); one device per N officers, rounded up.
std::vector<Expected> expected_units(const std::string& db) {
    RawDb raw(db);
    const int a = std::stoi(db_text(db, "SELECT coalesce((SELECT value FROM agency_profile WHERE key = "
                                        "'officers_per_device_class_a'), 2)"));
    const int b = std::stoi(db_text(db, "SELECT coalesce((SELECT value FROM agency_profile WHERE key = "
                                        "'officers_per_device_class_b'), 5)"));
    std::vector<Expected> out;
    for (const auto& r : raw.rows(
             "SELECT u.code, u.name, u.allocation_class, "
             "(SELECT count(*) FROM officers o WHERE o.unit_id = u.id AND o.active = 1 AND o.role NOT IN ('finance', "
             "'admin')), (SELECT count(*) FROM devices d WHERE d.unit_id = u.id AND d.status NOT IN ('lost', "
             "'disposed') AND d.kind <> 'collector') FROM units u ORDER BY u.code")) {
        Expected e{r[0], r[1], r[2]};
        e.officers = std::stoi(r[3]);
        e.devices = std::stoi(r[4]);
        e.per = r[2] == "A" ? a : b;
        e.required = (e.officers + e.per - 1) / e.per;
        e.shortfall = std::max(0, e.required - e.devices);
        e.surplus = std::max(0, e.devices - e.required);
        out.push_back(e);
    }
    return out;
}

void expect_units(const ReportFile& f, const std::vector<Expected>& units, Lang lang) {
    const auto lines = layout_lines(f.path);
    int officers = 0, required = 0, devices = 0, shortfall = 0, surplus = 0, meeting = 0;
    for (const auto& u : units) {
        const auto row = row_starting(lines, u.code);
        ASSERT_FALSE(row.empty()) << u.code << "\n" << f.text;
        const std::string cls = lang == Lang::Zh ? (u.cls == "A" ? "甲类" : "乙类") : "class " + u.cls;
        const std::string standard = lang == Lang::Zh ? "每 " + std::to_string(u.per) + " 人 1 台"
                                                      : "1 per " + std::to_string(u.per);
        const std::string meets = u.shortfall == 0 ? (lang == Lang::Zh ? "达标" : "yes") : (lang == Lang::Zh ? "未达标" : "no");
        std::ostringstream want;
        want << u.code << " " << u.name << " " << cls << " " << u.officers << " " << standard << " " << u.required << " "
             << u.devices << " " << u.shortfall << " " << u.surplus << " " << meets;
        // pdftotext joins or splits the words of "每 5 人 1 台" as it likes: the row whole
        // without spaces, and its last five cells one by one.
        EXPECT_EQ(without_whitespace(join(row)), without_whitespace(want.str())) << join(row);
        const auto cells = words(want.str());
        ASSERT_GE(row.size(), 5u);
        EXPECT_EQ(std::vector<std::string>(row.end() - 5, row.end()), std::vector<std::string>(cells.end() - 5, cells.end()))
            << "required, devices, shortfall, surplus, meets: " << join(row);
        officers += u.officers;
        required += u.required;
        devices += u.devices;
        shortfall += u.shortfall;
        surplus += u.surplus;
        if (u.shortfall == 0) ++meeting;
    }
    const auto total = row_starting(lines, lang == Lang::Zh ? "合计" : "Total");
    std::ostringstream want;
    if (lang == Lang::Zh)
        want << "合计 " << units.size() << " 个单位 " << officers << " " << required << " " << devices << " " << shortfall
             << " " << surplus << " " << meeting << " 个达标";
    else
        want << "Total " << units.size() << " units " << officers << " " << required << " " << devices << " " << shortfall
             << " " << surplus << " " << meeting << " meet";
    EXPECT_EQ(without_whitespace(join(total)), without_whitespace(want.str())) << join(total);
    const auto cells = words(want.str());
    ASSERT_GE(total.size(), 6u);
    EXPECT_EQ(std::vector<std::string>(total.end() - 6, total.end()), std::vector<std::string>(cells.end() - 6, cells.end()))
        << "required, devices, shortfall, surplus, units meeting it: " << join(total);
}

TEST(AllocationReport, R2_EveryUnitOfTheDemoAgainstItsStandardWithTotals) {
    const std::string db = REPORT_DEMO_DB;
    const auto units = expected_units(db);
    ASSERT_GE(units.size(), 4u);
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::Allocation), dir.path().string(), "allocation");
    EXPECT_NE(f.compact.find("执法记录仪配备情况表"), std::string::npos);
    EXPECT_NE(f.compact.find("配备标准：甲类单位每2人1台，乙类单位每5人1台"), std::string::npos) << f.text;
    expect_units(f, units, Lang::Zh);
    expect_page_frame(f, db);
    keep_sample(f, "allocation");
}

TEST(AllocationReport, R2_AUnitWithoutDevicesIsBelowTheStandardInEnglish) {
    StoreFixture fx;
    fx.register_agency();  // JT03 has an officer and no device
    fx.close();
    const auto units = expected_units(fx.db_path());
    const auto jt = std::find_if(units.begin(), units.end(), [](const Expected& e) { return e.code == "JT03"; });
    ASSERT_NE(jt, units.end());
    ASSERT_EQ(jt->shortfall, 1);
    TempDir dir;
    auto f = make_report_file(fx.db_path(), request_of(ReportKind::Allocation, Lang::En), dir.path().string(),
                              "allocation-en");
    EXPECT_NE(f.compact.find("Body-worncameraallocation"), std::string::npos);
    expect_units(f, units, Lang::En);
    EXPECT_NE(f.compact.find("Unitsbelowthestandard:1;devicesshort:1."), std::string::npos) << f.text;
    expect_page_frame(f, fx.db_path());
}

}  // namespace
}  // namespace custody::test
