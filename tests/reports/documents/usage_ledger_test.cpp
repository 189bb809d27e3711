// The usage ledger 台账 (R5) as a PDF: every hand-over of the period, with the page frame
// that ties the paper to the audit chain (issue 6).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/reports/documents/report_checks.h"
#include "tests/support/checkout_helpers.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace custody::test {
namespace {

using reports::ReportKind;
using reports::ReportRequest;

ReportRequest ledger(Lang lang = Lang::Zh) {
    ReportRequest r;
    r.kind = ReportKind::Ledger;
    r.lang = lang;
    return r;
}

TEST(UsageLedgerReport, ListsTheNewestMonthsHandOversWithTheirOfficersAndRecordings) {
    TempDir dir;
    auto f = make_report_file(REPORT_DEMO_DB, ledger(), dir.path().string(), "ledger");
    EXPECT_NE(f.compact.find("执法记录仪使用台账"), std::string::npos);
    EXPECT_NE(f.compact.find(without_whitespace(db_text(REPORT_DEMO_DB, "SELECT value FROM agency_profile WHERE key='agency_name'"))),
              std::string::npos);
    // The demo's newest entry falls in the month shown; its checkouts are all listed.
    const std::string month = db_text(REPORT_DEMO_DB,
                                      "SELECT strftime('%Y-%m', max(at_ms) / 1000, 'unixepoch', '+8 hours') FROM custody_entries");
    EXPECT_NE(f.compact.find("期间：" + month + "-01"), std::string::npos) << f.text.substr(0, 400);
    const std::string in_month =
        "FROM custody_entries c JOIN devices d ON d.id = c.device_id LEFT JOIN officers o ON o.id = c.officer_id "
        "WHERE c.kind IN ('checkout', 'unexpected_return') AND strftime('%Y-%m', c.at_ms / 1000, 'unixepoch', '+8 hours') = '" +
        month + "'";
    const std::string uses = db_text(REPORT_DEMO_DB, "SELECT count(*) " + in_month);
    ASSERT_NE(uses, "0");
    EXPECT_NE(f.compact.find("领用" + uses + "次"), std::string::npos);
    const std::string first_serial = db_text(REPORT_DEMO_DB, "SELECT d.serial " + in_month + " ORDER BY c.at_ms LIMIT 1");
    const std::string first_name = db_text(REPORT_DEMO_DB, "SELECT o.name " + in_month + " ORDER BY c.at_ms LIMIT 1");
    const std::string last_name = db_text(REPORT_DEMO_DB, "SELECT o.name " + in_month + " ORDER BY c.at_ms DESC LIMIT 1");
    EXPECT_NE(f.compact.find(first_serial), std::string::npos);
    EXPECT_NE(f.compact.find(first_name), std::string::npos);
    EXPECT_NE(f.compact.find(last_name), std::string::npos);
    // The demo leaves a camera out since three days before its last day: "not returned"
    // shows exactly when that checkout falls in the month shown (early in a month it
    // falls in the month before).
    const std::string open_in_month = db_text(
        REPORT_DEMO_DB, "SELECT count(*) FROM devices d JOIN custody_entries c ON c.id = d.open_checkout_id "
                        "WHERE strftime('%Y-%m', c.at_ms / 1000, 'unixepoch', '+8 hours') = '" + month + "'");
    EXPECT_EQ(f.compact.find("未归还") != std::string::npos, open_in_month != "0") << open_in_month;
    EXPECT_EQ(f.made.finished.replaced.size(), 0u);
    expect_page_frame(f, REPORT_DEMO_DB);
    keep_sample(f, "ledger");
}

TEST(UsageLedgerReport, MadeAgainFromTheSameDataItHasTheSameContentDigest) {
    TempDir dir;
    auto a = make_report_file(REPORT_DEMO_DB, ledger(), dir.path().string(), "a");
    auto b = make_report_file(REPORT_DEMO_DB, ledger(), dir.path().string(), "b");
    EXPECT_EQ(a.made.finished.content_sha256, b.made.finished.content_sha256);
    EXPECT_EQ(a.made.finished.content_sha256.size(), 64u);
    auto en = make_report_file(REPORT_DEMO_DB, ledger(Lang::En), dir.path().string(), "en");
    EXPECT_NE(a.made.finished.content_sha256, en.made.finished.content_sha256) << "the digest follows the text";
}

TEST(UsageLedgerReport, InEnglishOnRequest) {
    TempDir dir;
    auto f = make_report_file(REPORT_DEMO_DB, ledger(Lang::En), dir.path().string(), "ledger-en");
    EXPECT_NE(f.text.find("Body-worn camera usage ledger"), std::string::npos);
    EXPECT_NE(f.compact.find("Page1of"), std::string::npos);
    EXPECT_EQ(f.compact.find("第1页"), std::string::npos);
    expect_page_frame(f, REPORT_DEMO_DB);
}

TEST(UsageLedgerReport, ALongLedgerRunsOverPagesAndRepeatsItsHeaderRowOnEach) {
    TempDir dir;
    ReportRequest r = ledger();
    r.scope.from = Timestamp{0};  // to now: the whole ledger
    auto f = make_report_file(REPORT_DEMO_DB, r, dir.path().string(), "ledger-all");
    const int pages = pdf_pages(f.path);
    ASSERT_GE(pages, 5) << "a month of the demo agency fills several pages";
    for (int p = 1; p <= pages; ++p) {
        const std::string page = pdf_text_compact(f.path, p, p);
        EXPECT_NE(page.find("设备编号"), std::string::npos) << "page " << p << " lacks the header row";
        EXPECT_NE(page.find("领用时间"), std::string::npos) << "page " << p;
    }
    // Every hand-over is there once: the last row's number is the count.
    const std::string uses =
        db_text(REPORT_DEMO_DB, "SELECT count(*) FROM custody_entries WHERE kind IN ('checkout', 'unexpected_return')");
    EXPECT_NE(f.compact.find("领用" + uses + "次"), std::string::npos);
    const std::string last = pdf_text(f.path, pages, pages);
    bool numbered = false;  // the row number stands alone, not inside a longer number
    for (auto at = last.find(uses); at != std::string::npos && !numbered; at = last.find(uses, at + 1))
        numbered = (at == 0 || !std::isdigit(static_cast<unsigned char>(last[at - 1]))) &&
                   (at + uses.size() == last.size() || !std::isdigit(static_cast<unsigned char>(last[at + uses.size()])));
    EXPECT_TRUE(numbered) << "row " << uses << " is on the last page";
    expect_page_frame(f, REPORT_DEMO_DB);
}

TEST(UsageLedgerReport, ACharacterTheFontCannotShowIsMarkedAndNamedNotDropped) {
    StoreFixture fx;
    fx.register_agency();
    // 𠮷 (U+20BB7, CJK Extension B) appears in real names; libharu's UTF-8 encoder cannot
    // write characters above U+FFFF.
    fx.import(RegistryKind::Officers, "number,name,unit_code,role,active\n100009,𠮷祥,ZD01,officer,1\n");
    fx.import(RegistryKind::Badges, "uid,officer_number\n04A23B19,100009\n");
    fx.make_all_ready();
    auto grant = checkout(fx, "04A23B19");
    ASSERT_TRUE(grant.ok()) << render(grant.error(), Lang::En);
    fx.close();
    TempDir dir;
    ReportRequest r = ledger();
    r.scope.to = Timestamp{kShiftStart.ms + kMsPerDay};  // from the first entry
    auto f = make_report_file(fx.db_path(), r, dir.path().string(), "ledger-ext-b");
    ASSERT_EQ(f.made.finished.replaced.size(), 1u);
    EXPECT_EQ(f.made.finished.replaced[0], U'\U00020BB7');
    EXPECT_NE(f.compact.find("〓祥（100009）"), std::string::npos) << f.text;
    EXPECT_NE(f.compact.find("U+20BB7"), std::string::npos) << "the page foot names the character";
}

TEST(UsageLedgerReport, AnUnknownUnitIsRefusedAndLeavesTheOldFileAsItWas) {
    TempDir dir;
    const std::string out = dir.file("ledger.pdf");
    { std::ofstream(out) << "the report printed yesterday"; }
    ReportRequest r = ledger();
    r.scope.unit_code = "NOPE99";
    auto made = reports::make_report(REPORT_DEMO_DB, r, out, SystemClock().now());
    ASSERT_FALSE(made.ok());
    EXPECT_EQ(made.error().id, MessageId::ReportUnitUnknown);
    std::ifstream in(out);
    std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(kept, "the report printed yesterday");
    EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
}

TEST(UsageLedgerReport, WithoutTheFontTheErrorNamesThePackageToInstall) {
    TempDir dir;
    auto r = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "ledger", "--out", dir.file("l.pdf")},
                         {{"CUSTODY_REPORT_FONT", dir.file("no-such-font.ttc")}});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("fonts-wqy-zenhei"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("apt-get install"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("l.pdf")));
}

TEST(UsageLedgerReport, CustodyctlSavesItAndRefusesAnUnknownKind) {
    TempDir dir;
    auto ok = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "ledger", "--out", dir.file("l.pdf")});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_NE(ok.out.find("报表已保存"), std::string::npos) << ok.out;
    EXPECT_GT(pdf_pages(dir.file("l.pdf")), 0);
    auto bad = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "--lang", "en", "report", "ledgr", "--out",
                            dir.file("x.pdf")});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("evidence-form"), std::string::npos) << "lists the kinds: " << bad.err;
    auto month = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "ledger", "--month", "2026-13",
                              "--out", dir.file("y.pdf")});
    EXPECT_EQ(month.exit_code, 2) << month.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.pdf")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("y.pdf")));
}

}  // namespace
}  // namespace custody::test
