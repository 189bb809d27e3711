// The custody report: an officer's, a device's or a unit's checkouts and returns, their
// offloads and hash checks, faults and late returns over a period (R5, R9, R10, R14;
// issue 6).
#include <gtest/gtest.h>

#include "tests/reports/documents/demo_copy.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/run_command.h"

namespace custody::test {
namespace {

using reports::ReportKind;
using reports::ReportRequest;

const char* kMonthOfNewest =
    "strftime('%Y-%m', c.at_ms / 1000, 'unixepoch', '+8 hours') = "
    "(SELECT strftime('%Y-%m', max(at_ms) / 1000, 'unixepoch', '+8 hours') FROM custody_entries)";

TEST(CustodyReport, CoversTheNewestMonthWithItsCountsAndLateReturns) {
    TempDir dir;
    ReportRequest r;
    r.kind = ReportKind::Custody;
    auto f = make_report_file(REPORT_DEMO_DB, r, dir.path().string(), "custody");
    EXPECT_NE(f.compact.find("执法记录仪保管使用报告"), std::string::npos);
    EXPECT_NE(f.compact.find("全部单位"), std::string::npos);
    const std::string where = std::string("FROM custody_entries c WHERE c.kind = 'checkout' AND ") + kMonthOfNewest;
    EXPECT_NE(f.compact.find("领用" + db_text(REPORT_DEMO_DB, "SELECT count(*) " + where) + "次"), std::string::npos);
    // Late (R14): back more than the deadline after issue, or out longer than that now.
    const std::string late = db_text(
        REPORT_DEMO_DB,
        "SELECT count(*) FROM custody_entries c LEFT JOIN custody_entries r ON r.closes_id = c.id "
        "WHERE c.kind = 'checkout' AND (r.kind IS NULL OR r.kind <> 'voided') AND " + std::string(kMonthOfNewest) +
            " AND coalesce(r.at_ms, CAST(strftime('%s', 'now') AS INTEGER) * 1000) - c.at_ms > "
            "(SELECT value FROM agency_profile WHERE key = 'offload_deadline_hours') * 3600000");
    EXPECT_NE(f.compact.find("超过导出时限（24小时，R14）" + late + "次"), std::string::npos) << f.text.substr(0, 600);
    EXPECT_NE(f.compact.find("全部哈希校验通过"), std::string::npos);
    EXPECT_NE(f.compact.find("本期间无故障报告"), std::string::npos) << "the demo reports no fault";
    expect_page_frame(f, REPORT_DEMO_DB);
    keep_sample(f, "custody");
}

TEST(CustodyReport, ForOneOfficerListsOnlyTheirUsesAsHolderOrPartner) {
    const std::string number = db_text(REPORT_DEMO_DB,
                                       "SELECT o.number FROM custody_entries c JOIN officers o ON o.id = c.officer_id "
                                       "WHERE c.kind = 'checkout' GROUP BY o.id ORDER BY count(*) DESC LIMIT 1");
    const std::string name = db_text(REPORT_DEMO_DB, "SELECT name FROM officers WHERE number = '" + number + "'");
    TempDir dir;
    ReportRequest r;
    r.kind = ReportKind::Custody;
    r.scope.officer_number = number;
    r.scope.from = Timestamp{0};
    auto f = make_report_file(REPORT_DEMO_DB, r, dir.path().string(), "custody-officer");
    EXPECT_NE(f.compact.find("民警" + name + "（" + number + "）"), std::string::npos);
    const std::string uses = db_text(REPORT_DEMO_DB,
                                     "SELECT count(*) FROM custody_entries c JOIN officers o ON o.id = c.officer_id "
                                     "LEFT JOIN officers p ON p.id = c.partner_id WHERE c.kind = 'checkout' AND "
                                     "(o.number = '" + number + "' OR p.number = '" + number + "')");
    EXPECT_NE(f.compact.find("领用" + uses + "次"), std::string::npos);
    // Every row names the officer: as many mentions as uses, plus the subtitle.
    std::size_t mentions = 0;
    for (auto at = f.compact.find("（" + number + "）"); at != std::string::npos; at = f.compact.find("（" + number + "）", at + 1))
        ++mentions;
    EXPECT_EQ(mentions, std::stoul(uses) + 1);
}

TEST(CustodyReport, AFaultReportedAtReturnIsListedWithItsCompensationCase) {
    TempDir dir;
    const std::string db = copy_demo_db(dir);
    const std::string serial = db_text(db, "SELECT serial FROM devices WHERE status = 'in_service' AND slot IS NOT NULL LIMIT 1");
    const std::string keeper = db_text(db, "SELECT number FROM officers WHERE role = 'keeper' LIMIT 1");
    auto fault = run_command({CUSTODYCTL_PATH, "--db", db, "fault", "--device", serial, "--kind", "lens_damaged", "--by",
                              keeper, "--note", "镜头有裂纹"});
    ASSERT_EQ(fault.exit_code, 0) << fault.err;
    ReportRequest r;
    r.kind = ReportKind::Custody;
    r.scope.device_serial = serial;
    r.scope.from = Timestamp{0};
    auto f = make_report_file(db, r, dir.path().string(), "custody-fault");
    EXPECT_NE(f.compact.find("设备" + serial), std::string::npos);
    EXPECT_NE(f.compact.find("镜头损坏"), std::string::npos);
    EXPECT_NE(f.compact.find("镜头有裂纹"), std::string::npos);
    EXPECT_NE(f.compact.find("隔离待修；需立赔偿案（R26）"), std::string::npos) << f.text;
    EXPECT_NE(f.compact.find("报告故障1起"), std::string::npos);
    expect_page_frame(f, db);
}

TEST(CustodyReport, AnUnknownOfficerIsRefusedByName) {
    TempDir dir;
    auto r = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "custody", "--officer", "999999", "--out",
                          dir.file("c.pdf")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("999999"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("c.pdf")));
}

TEST(CustodyReport, InEnglish) {
    TempDir dir;
    auto r = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "--lang", "en", "report", "custody", "--out",
                          dir.file("c.pdf")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string text = pdf_text(dir.file("c.pdf"));
    EXPECT_NE(text.find("Body-worn camera custody report"), std::string::npos);
    EXPECT_NE(text.find("Checkouts and returns"), std::string::npos);
    EXPECT_NE(text.find("All units"), std::string::npos);
}

}  // namespace
}  // namespace custody::test
