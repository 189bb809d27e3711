// The fixed-asset register 固定资产卡片登记表 and the depreciation schedule
// 固定资产折旧明细表 (R3): every card and figure checked against the demo database's asset
// cards, closed months and stored depreciation lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "db/finance_rows.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/device.h"
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

std::string yuan(const std::string& fen) { return yuan_grouped(std::stoll(fen)); }

AccountingMonth month_from(const std::string& text) {
    auto m = parse_month(text);
    if (!m) throw std::runtime_error("not a month: " + text);
    return *m;
}

ReportRequest request(ReportKind kind, Lang lang, std::optional<AccountingMonth> month = std::nullopt) {
    ReportRequest r = request_of(kind, lang);
    r.month = month;
    return r;
}

// Every card's row: its own facts, its keeper, unit and location, and the figures given.
void expect_card_rows(const ReportFile& f, const std::vector<std::vector<std::string>>& cards,
                      const std::vector<std::pair<std::string, std::string>>& figures, Lang lang) {
    const auto lines = layout_lines(f.path);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const auto& c = cards[i];  // number, serial, category, purchase, in service, original, life, method, keeper,
                                   // unit, location
        const std::string method = lang == Lang::Zh ? (c[7] == "workload" ? "工作量法" : "年限平均法")
                                                    : (c[7] == "workload" ? "workload" : "straight-line");
        const std::string row = row_with(lines, {c[0], c[1], c[3], c[4], yuan(c[5])});
        ASSERT_FALSE(row.empty()) << c[0] << "\n" << f.text;
        EXPECT_NE(row.find(c[6] + " " + method), std::string::npos) << "life and method: " << row;
        EXPECT_NE(row.find(c[8]), std::string::npos) << "keeper: " << row;
        EXPECT_NE(row.find(c[9]), std::string::npos) << "unit: " << row;
        EXPECT_NE(row.find(figures[i].first + " "), std::string::npos) << "accumulated: " << row;
        EXPECT_TRUE(row.ends_with(" " + figures[i].second)) << "net book value last: " << row;
        EXPECT_NE(f.compact.find(without_whitespace(c[2])), std::string::npos) << c[2];
        EXPECT_NE(f.compact.find(without_whitespace(c[10])), std::string::npos) << c[10];
        const auto& status = named(kDeviceStatuses, *parse_named(kDeviceStatuses, c[12]));
        if (lang == Lang::Zh) EXPECT_NE(row.find(std::string(status.zh)), std::string::npos) << "status: " << row;
        else EXPECT_NE(f.compact.find(without_whitespace(std::string(status.en))), std::string::npos) << status.en;
    }
}

const char* kCardsSql =
    "SELECT a.asset_number, d.serial, g.name, a.purchase_date, a.in_service_date, a.original_fen, "
    "a.useful_life_months, a.method, coalesce(k.name || '（' || k.number || '）', ''), u.name, a.location, a.id, "
    "d.status "
    "FROM asset_cards a JOIN devices d ON d.id = a.device_id JOIN units u ON u.id = d.unit_id "
    "JOIN asset_categories g ON g.code = a.category_code LEFT JOIN officers k ON k.id = d.keeper_id "
    "ORDER BY a.asset_number";

TEST(AssetRegisterReport, R3_ByDefaultTheNewestClosedMonthWithEveryCardItsStoredFiguresAndTotals) {
    const std::string db = REPORT_DEMO_DB;
    const std::string month = db_text(db, "SELECT max(month) FROM month_closes");
    ASSERT_FALSE(month.empty()) << "the demo closes the last two months";
    TempDir dir;
    auto f = make_report_file(db, request(ReportKind::AssetRegister, Lang::Zh), dir.path().string(), "asset-register");
    EXPECT_NE(f.compact.find("固定资产卡片登记表"), std::string::npos);
    EXPECT_NE(f.compact.find("截至" + month + "月末（价值日期" + date_text(month_from(month).last_day()) + "）"),
              std::string::npos)
        << f.text;
    EXPECT_NE(f.compact.find("数据来源：" + month + "已结账"), std::string::npos) << f.text;
    const std::string closer = db_text(db, "SELECT o.name || '（' || o.number || '）' FROM month_closes c JOIN officers o "
                                           "ON o.number = c.closed_by WHERE c.month = '" + month + "'");
    ASSERT_FALSE(closer.empty()) << "the demo's finance clerk closes the months";
    EXPECT_NE(f.compact.find(closer + "），累计折旧与账面净值取自结账记录"), std::string::npos) << "who closed it";
    EXPECT_NE(f.compact.find(without_whitespace(convention_text({DepreciationPolicy::Government, 0}, true))),
              std::string::npos);

    RawDb raw(db);
    const auto cards = raw.rows(kCardsSql);
    ASSERT_GT(cards.size(), 10u);
    std::vector<std::pair<std::string, std::string>> figures;
    for (const auto& c : cards) {
        const auto line = raw.rows("SELECT accumulated_fen, net_book_value_fen FROM depreciation_lines WHERE month = '" +
                                   month + "' AND asset_id = " + c[11]);
        ASSERT_EQ(line.size(), 1u) << c[0];
        figures.push_back({yuan(line[0][0]), yuan(line[0][1])});
    }
    expect_card_rows(f, cards, figures, Lang::Zh);
    const auto sums = raw.rows("SELECT count(*), sum(l.original_fen), sum(l.accumulated_fen), sum(l.net_book_value_fen) "
                               "FROM depreciation_lines l WHERE l.month = '" + month + "'");
    ASSERT_EQ(sums[0][0], std::to_string(cards.size()));
    const std::string total = row_with(layout_lines(f.path), {"合计", sums[0][0] + " 项", yuan(sums[0][1])});
    ASSERT_FALSE(total.empty()) << f.text;
    EXPECT_NE(total.find(yuan(sums[0][1])), std::string::npos) << total;
    EXPECT_NE(total.find(yuan(sums[0][2])), std::string::npos) << total;
    EXPECT_TRUE(total.ends_with(" " + yuan(sums[0][3]))) << total;
    EXPECT_NE(f.compact.find("制表（财务）"), std::string::npos);
    expect_page_frame(f, db);
    keep_sample(f, "asset-register");
}

TEST(AssetRegisterReport, R3_AMonthNotClosedIsComputedFromTheLastCloseAndSaysSoInEnglish) {
    const std::string db = REPORT_DEMO_DB;
    const AccountingMonth closed = month_from(db_text(db, "SELECT max(month) FROM month_closes"));
    const AccountingMonth open = closed.next();
    ASSERT_EQ(db_text(db, "SELECT count(*) FROM month_closes WHERE month = '" + month_text(open) + "'"), "0");
    TempDir dir;
    auto f = make_report_file(db, request(ReportKind::AssetRegister, Lang::En, open), dir.path().string(),
                              "asset-register-open");
    EXPECT_NE(f.compact.find("Fixed-assetregister"), std::string::npos);
    EXPECT_NE(f.compact.find(without_whitespace("At the end of " + month_text(open) + " (value date " +
                                                date_text(open.last_day()) + ")")),
              std::string::npos)
        << f.text;
    EXPECT_NE(f.compact.find(without_whitespace(month_text(open) + " is not closed")), std::string::npos) << f.text;
    EXPECT_NE(f.compact.find(without_whitespace("carried on from the latest closed month, " + month_text(closed))),
              std::string::npos)
        << f.text;

    // What closing that month would store, computed through the finance port.
    auto c = db::Connection::open(db, db::Connection::Mode::ReadOnly);
    ASSERT_TRUE(c.ok());
    db::FinanceRows finance(**c, {});
    auto cards = finance.asset_cards();
    ASSERT_TRUE(cards.ok());
    RawDb raw(db);
    const auto rows = raw.rows(kCardsSql);
    ASSERT_EQ(rows.size(), cards->size());
    std::vector<std::pair<std::string, std::string>> figures;
    int moved = 0;
    for (const auto& row : rows) {
        auto card = std::find_if(cards->begin(), cards->end(), [&](const AssetCard& a) { return a.asset_number == row[0]; });
        ASSERT_NE(card, cards->end());
        auto v = value_at_end_of(finance, *card, {DepreciationPolicy::Government, 0}, open);
        ASSERT_TRUE(v.ok());
        EXPECT_FALSE(v->from_closed_month);
        EXPECT_EQ(v->line.accumulated + v->line.net_book_value, card->original_value);
        const std::string stored = db_text(db, "SELECT net_book_value_fen FROM depreciation_lines WHERE month = '" +
                                                   month_text(closed) + "' AND asset_id = " + row[11]);
        if (std::stoll(stored) != v->line.net_book_value) ++moved;
        figures.push_back({yuan_grouped(v->line.accumulated), yuan_grouped(v->line.net_book_value)});
    }
    EXPECT_GT(moved, 0) << "a month later, some card has depreciated further than the close";
    expect_card_rows(f, rows, figures, Lang::En);
    expect_page_frame(f, db);
}

TEST(DepreciationReport, R3_TheNewestClosedMonthAsStoredWithItsClosingAndTotalsEqualToTheClose) {
    const std::string db = REPORT_DEMO_DB;
    const std::string month = db_text(db, "SELECT max(month) FROM month_closes");
    TempDir dir;
    auto f = make_report_file(db, request(ReportKind::Depreciation, Lang::Zh), dir.path().string(), "depreciation");
    EXPECT_NE(f.compact.find("固定资产折旧明细表"), std::string::npos);
    EXPECT_NE(f.compact.find("会计期间" + month + "（价值日期" + date_text(month_from(month).last_day()) + "）"),
              std::string::npos);
    RawDb raw(db);
    const auto close = raw.rows("SELECT o.name || '（' || o.number || '）', " + local_time_sql("c.closed_at_ms") +
                                ", c.assets, c.total_charge_fen FROM month_closes c JOIN officers o ON o.number = "
                                "c.closed_by WHERE c.month = '" + month + "'");
    ASSERT_EQ(close.size(), 1u);
    EXPECT_NE(f.compact.find(without_whitespace("结账：" + month + " 由 " + close[0][0] + " 于 " +
                                                close[0][1].substr(0, 16) + " 结账")),
              std::string::npos)
        << f.text;
    EXPECT_NE(f.compact.find(without_whitespace(convention_text({DepreciationPolicy::Government, 0}, true))),
              std::string::npos);
    EXPECT_NE(f.compact.find("结账记录：" + close[0][2] + "项资产，本月折旧合计" + yuan(close[0][3]) +
                             "元；与下表合计一致"),
              std::string::npos)
        << f.text;

    const auto lines = layout_lines(f.path);
    const auto stored = raw.rows(
        "SELECT a.asset_number, d.serial, l.charge_fen, l.accumulated_fen, l.net_book_value_fen, l.months_charged, "
        "l.method, l.workload_hours, l.workload_used_hours, a.total_workload_hours, l.original_fen "
        "FROM depreciation_lines l JOIN asset_cards a ON a.id = l.asset_id JOIN devices d ON d.id = a.device_id "
        "WHERE l.month = '" + month + "' ORDER BY a.asset_number");
    ASSERT_EQ(std::to_string(stored.size()), close[0][2]);
    bool workload_seen = false;
    for (const auto& l : stored) {
        const std::string row = row_with(lines, {l[0], l[1], yuan(l[10])});
        ASSERT_FALSE(row.empty()) << l[0] << "\n" << f.text;
        EXPECT_NE(row.find(" " + l[5] + " "), std::string::npos) << "months charged: " << row;
        EXPECT_NE(row.find(yuan(l[2]) + " "), std::string::npos) << "charge: " << row;
        EXPECT_NE(row.find(yuan(l[3]) + " "), std::string::npos) << "accumulated: " << row;
        EXPECT_TRUE(row.ends_with(" " + yuan(l[4]))) << "net book value: " << row;
        if (l[6] == "workload") {
            workload_seen = true;
            EXPECT_NE(row.find("工作量法"), std::string::npos) << row;
            EXPECT_NE(f.compact.find(l[7] + "（累计" + l[8] + "/" + l[9] + "）"), std::string::npos)
                << "the month's hours and those used of the total: " << f.text;
        }
    }
    EXPECT_TRUE(workload_seen) << "the demo depreciates one camera by hours of use";
    const auto sums = raw.rows("SELECT sum(charge_fen), sum(accumulated_fen), sum(net_book_value_fen), sum(original_fen) FROM "
                               "depreciation_lines WHERE month = '" + month + "'");
    ASSERT_EQ(sums[0][0], close[0][3]) << "the close's total is the sum of its lines";
    const std::string total = row_with(lines, {"合计", close[0][2] + " 项", yuan(sums[0][3])});
    ASSERT_FALSE(total.empty()) << f.text;
    EXPECT_NE(total.find(yuan(close[0][3]) + " "), std::string::npos) << total;
    EXPECT_NE(total.find(yuan(sums[0][1])), std::string::npos) << total;
    EXPECT_TRUE(total.ends_with(" " + yuan(sums[0][2]))) << total;
    EXPECT_NE(f.compact.find("财务负责人"), std::string::npos);
    expect_page_frame(f, db);
    keep_sample(f, "depreciation");
}

TEST(DepreciationReport, R3_AnEarlierClosedMonthInEnglishTotalsItsOwnClose) {
    const std::string db = REPORT_DEMO_DB;
    const std::string month = db_text(db, "SELECT min(month) FROM month_closes");
    ASSERT_NE(month, db_text(db, "SELECT max(month) FROM month_closes"));
    TempDir dir;
    auto f = make_report_file(db, request(ReportKind::Depreciation, Lang::En, month_from(month)), dir.path().string(),
                              "depreciation-en");
    EXPECT_NE(f.compact.find("Fixed-assetdepreciationschedule"), std::string::npos);
    EXPECT_NE(f.compact.find("Accountingmonth" + month), std::string::npos);
    const std::string total_fen = db_text(db, "SELECT total_charge_fen FROM month_closes WHERE month = '" + month + "'");
    const std::string assets = db_text(db, "SELECT assets FROM month_closes WHERE month = '" + month + "'");
    EXPECT_NE(f.compact.find("Thecloserecords" + assets + "assetsandachargeof" + yuan(total_fen) +
                             "yuan;thetotalsbelowagree."),
              std::string::npos)
        << f.text;
    const std::string original = db_text(db, "SELECT sum(original_fen) FROM depreciation_lines WHERE month = '" + month + "'");
    const std::string total = row_with(layout_lines(f.path), {"Total", assets + " assets", yuan(original)});
    ASSERT_FALSE(total.empty()) << f.text;
    EXPECT_NE(total.find(yuan(total_fen)), std::string::npos) << total;
    EXPECT_NE(f.compact.find("Straight-line:"), std::string::npos) << "the method's rule is stated";
    expect_page_frame(f, db);
}

TEST(DepreciationReport, R3_AMonthNotClosedIsRefusedWithItsMessageAndNothingIsWritten) {
    const std::string db = REPORT_DEMO_DB;
    const AccountingMonth open = month_from(db_text(db, "SELECT max(month) FROM month_closes")).next();
    expect_refused(db, request(ReportKind::Depreciation, Lang::Zh, open), MessageId::ReportMonthNotClosed);
    TempDir dir;
    auto r = run_command({CUSTODYCTL_PATH, "--db", db, "--lang", "en", "report", "depreciation", "--month",
                          month_text(open), "--out", dir.file("d.pdf")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(month_text(open) + " is not closed, so it has no depreciation schedule"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("custodyctl assets close-month " + month_text(open)), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("d.pdf")));
    auto period = run_command({CUSTODYCTL_PATH, "--db", db, "report", "depreciation", "--from", "2026-01-01", "--out",
                               dir.file("p.pdf")});
    EXPECT_NE(period.exit_code, 0) << "a schedule is a month, not a period";
    EXPECT_FALSE(std::filesystem::exists(dir.file("p.pdf")));
}

TEST(DepreciationReport, WithoutAnyCardOrCloseBothReportsSayWhatToDoFirst) {
    StoreFixture fx;
    fx.register_agency();
    fx.close();
    expect_refused(fx.db_path(), request(ReportKind::Depreciation, Lang::Zh), MessageId::ReportNoMonthClosed);
    expect_refused(fx.db_path(), request(ReportKind::AssetRegister, Lang::Zh), MessageId::ReportNoAssetCards);
}

}  // namespace
}  // namespace custody::test
