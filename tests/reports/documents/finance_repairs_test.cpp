// The equipment repair register 设备维修登记表 (R9): every repair order of the demo (one
// back from the supplier with its cost, one still there) with its downtime, and the
// per-device totals, checked against repair_orders.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "kiosk/core/money.h"
#include "tests/reports/documents/form_checks.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/raw_db.h"
#include "tests/support/run_command.h"

namespace custody::test {
namespace {

using reports::ReportKind;

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::size_t index_of(const std::vector<std::string>& lines, const std::string& text) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find(text) != std::string::npos) return i;
    return lines.size();
}

// Each order, its days out of service counted on the agency's calendar from the day it was
// opened to the day it came back (today for one still away).
const char* kOrdersSql =
    "SELECT r.id, d.serial, d.brand || ' ' || d.model, r.problem, coalesce(r.supplier, ''), "
    "date(r.opened_at_ms / 1000, 'unixepoch', '+8 hours'), coalesce(r.sent_on, ''), coalesce(r.returned_on, ''), "
    "CAST(julianday(coalesce(r.returned_on, date('now', '+8 hours'))) - "
    "julianday(date(r.opened_at_ms / 1000, 'unixepoch', '+8 hours')) AS INTEGER), coalesce(r.cost_fen, -1), "
    "coalesce(r.outcome, ''), coalesce(r.outcome_note, '') FROM repair_orders r JOIN devices d ON d.id = r.device_id "
    "ORDER BY r.id";

TEST(RepairRegisterReport, R9_EveryOrderWithItsDowntimeCostAndOutcomeAndPerDeviceTotals) {
    const std::string db = REPORT_DEMO_DB;
    RawDb raw(db);
    const auto orders = raw.rows(kOrdersSql);
    ASSERT_GE(orders.size(), 2u) << "the demo has one repair back and one at the supplier";
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::Repairs), dir.path().string(), "repairs");
    EXPECT_NE(f.compact.find("设备维修登记表"), std::string::npos);
    EXPECT_NE(f.compact.find("期间：全部维修单（R9）"), std::string::npos) << f.text;
    const auto lines = layout_lines(f.path);
    const std::size_t summary = index_of(lines, "按设备汇总");
    ASSERT_LT(summary, lines.size()) << f.text;
    int back = 0, away = 0;
    for (const auto& o : orders) {
        const std::string row = row_with(lines, {o[1], o[5]});
        ASSERT_FALSE(row.empty()) << o[1] << "\n" << f.text;
        EXPECT_TRUE(row.find(o[0] + " " + o[1]) != std::string::npos) << "order number first: " << row;
        EXPECT_NE(row.find(o[4]), std::string::npos) << "supplier: " << row;
        EXPECT_NE(row.find(o[6]), std::string::npos) << "sent: " << row;
        EXPECT_NE(f.compact.find(without_whitespace(o[3])), std::string::npos) << "problem: " << o[3];
        if (o[7].empty()) {
            ++away;
            EXPECT_NE(row.find(" " + o[8] + "（未返回）"), std::string::npos) << "days so far: " << row;
            EXPECT_NE(f.compact.find("在供应商处维修中"), std::string::npos);
        } else {
            ++back;
            EXPECT_NE(row.find(o[7]), std::string::npos) << "returned: " << row;
            EXPECT_NE(row.find(" " + o[8] + " "), std::string::npos) << "days: " << row;
            EXPECT_NE(row.find(yuan_grouped(std::stoll(o[9]))), std::string::npos) << "cost: " << row;
            EXPECT_NE(f.compact.find(without_whitespace(std::string(o[10] == "repaired" ? "已修复" : "") + "：" + o[11])),
                      std::string::npos)
                << "outcome and its note";
        }
    }
    EXPECT_EQ(back, 1);
    EXPECT_EQ(away, 1);
    // Per device after the section heading, then the totals.
    const auto devices = raw.rows(
        "SELECT d.serial, count(*), sum(CAST(julianday(coalesce(r.returned_on, date('now', '+8 hours'))) - "
        "julianday(date(r.opened_at_ms / 1000, 'unixepoch', '+8 hours')) AS INTEGER)), coalesce(sum(r.cost_fen), 0) "
        "FROM repair_orders r JOIN devices d ON d.id = r.device_id GROUP BY d.serial ORDER BY d.serial");
    for (const auto& d : devices) {
        const std::string row = row_with(lines, {d[0]}, summary);
        ASSERT_FALSE(row.empty()) << d[0];
        const auto cells = words(row);
        ASSERT_GE(cells.size(), 4u) << row;
        EXPECT_EQ(std::vector<std::string>(cells.end() - 3, cells.end()),
                  (std::vector<std::string>{d[1], d[2], yuan_grouped(std::stoll(d[3]))}))
            << "orders, days out of service, cost: " << row;
    }
    std::string total;  // the row that starts with 合计 (the header has 停用天数合计)
    for (std::size_t i = summary; i < lines.size() && total.empty(); ++i)
        if (auto w = words(lines[i]); !w.empty() && w[0] == "合计") total = lines[i];
    ASSERT_FALSE(total.empty()) << f.text;
    const std::string cost = db_text(db, "SELECT coalesce(sum(cost_fen), 0) FROM repair_orders");
    int days = 0;
    for (const auto& o : orders) days += std::stoi(o[8]);
    const auto cells = words(total);
    ASSERT_GE(cells.size(), 4u) << total;
    EXPECT_EQ(without_whitespace(total).rfind("合计" + std::to_string(devices.size()) + "台", 0), 0u) << total;
    EXPECT_EQ(std::vector<std::string>(cells.end() - 3, cells.end()),
              (std::vector<std::string>{std::to_string(orders.size()), std::to_string(days),
                                        yuan_grouped(std::stoll(cost))}))
        << "orders, days out of service and cost in all: " << total;
    expect_page_frame(f, db);
    keep_sample(f, "repairs");
}

TEST(RepairRegisterReport, R9_APeriodInEnglishThroughCustodyctlLeavesOutWhatFallsOutsideIt) {
    const std::string db = REPORT_DEMO_DB;
    const std::string month =
        db_text(db, "SELECT strftime('%Y-%m', min(opened_at_ms) / 1000, 'unixepoch', '+8 hours') FROM repair_orders");
    TempDir dir;
    auto in = run_command({CUSTODYCTL_PATH, "--db", db, "--lang", "en", "report", "repairs", "--month", month, "--out",
                           dir.file("in.pdf")});
    ASSERT_EQ(in.exit_code, 0) << in.err;
    const std::string text = pdf_text_compact(dir.file("in.pdf"));
    EXPECT_NE(text.find("Equipmentrepairregister"), std::string::npos);
    EXPECT_NE(text.find("Period:" + month + "-01—"), std::string::npos) << text;
    for (const auto& o : RawDb(db).rows(kOrdersSql)) EXPECT_NE(text.find(o[1]), std::string::npos) << o[1];
    EXPECT_NE(text.find("atthesupplier"), std::string::npos);
    EXPECT_NE(text.find("(notback)"), std::string::npos);

    auto before = run_command({CUSTODYCTL_PATH, "--db", db, "--lang", "en", "report", "repairs", "--from", "2020-01-01",
                               "--to", "2020-01-31", "--out", dir.file("before.pdf")});
    ASSERT_EQ(before.exit_code, 0) << before.err;
    const std::string empty = pdf_text_compact(dir.file("before.pdf"));
    EXPECT_NE(empty.find("Period:2020-01-01—2020-01-31"), std::string::npos) << empty;
    EXPECT_NE(empty.find("Norepairorderinthisperiod."), std::string::npos) << empty;
    for (const auto& o : RawDb(db).rows(kOrdersSql)) EXPECT_EQ(empty.find(o[1]), std::string::npos) << o[1];
}

}  // namespace
}  // namespace custody::test
