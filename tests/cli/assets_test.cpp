// R3: asset cards in and out of custodyctl (CSV and XLSX, a bad row rejects the whole
// file), month close with hand-checked figures (Government Accounting Standard No. 3:
// the month added is charged, the month leaving is not), disposal with approval, and the
// closed figures' tamper evidence.
#include <gtest/gtest.h>

#include "tests/cli/finance_fixture.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class AssetsCli : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(make_finance_agency(dir, db)); }
    TempDir dir;
    std::string db = dir.file("custody.db");
};

TEST_F(AssetsCli, ImportedCardsKeepEveryFieldAndDefaults) {
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM asset_cards;"), 4);
    EXPECT_EQ(sql_int(db, "SELECT original_fen FROM asset_cards WHERE asset_number='GA-001';"), 300000);
    EXPECT_EQ(sql_int(db, "SELECT original_fen FROM asset_cards WHERE asset_number='GA-002';"), 299999);
    // The category's life when the file leaves it empty; the category by its Chinese name.
    EXPECT_EQ(sql_int(db, "SELECT useful_life_months FROM asset_cards WHERE asset_number='GA-001';"), 60);
    EXPECT_EQ(sql_text(db, "SELECT category_code FROM asset_cards WHERE asset_number='GA-002';"), "broadcast_av");
    EXPECT_EQ(sql_text(db, "SELECT purchase_date FROM asset_cards WHERE asset_number='GA-002';"), "2026-01-10");
    EXPECT_EQ(sql_text(db, "SELECT method FROM asset_cards WHERE asset_number='GA-004';"), "workload");
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE action='asset_registered' AND record_table='asset_cards';"), 4);
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

struct BadFile {
    const char* row;
    const char* reason;  // part of the English refusal
};

TEST_F(AssetsCli, ABadRowRejectsTheWholeFileWithItsLineAndReason) {
    const std::string header = std::string(kCardsCsv).substr(0, std::string(kCardsCsv).find('\n') + 1);
    // A fresh agency without cards, so that every good row could be imported.
    TempDir other;
    const std::string db2 = other.file("custody.db");
    ASSERT_TRUE(make_small_agency(other, db2));
    const std::string good = "GA-101,CAM-001,broadcast_av,2026-01-10,2026-01-15,3000,财政拨款,海康威视,FP1,,,,,\n";
    const std::string third = "GA-103,CAM-003,broadcast_av,2026-01-10,2026-01-15,3000,财政拨款,警翼,FP3,,,,,\n";
    const BadFile bad[] = {
        {"GA-102,CAM-002,broadcast_av,2025-02-29,2025-03-01,3000,财政拨款,大华,FP2,,,,,\n", "2025-02-29"},
        {"GA-102,CAM-002,broadcast_av,2026-01-10,2026-01-01,3000,财政拨款,大华,FP2,,,,,\n", "before the purchase date"},
        {"GA-102,CAM-002,broadcast_av,2026-01-10,2026-01-15,3000,财政拨款,大华,FP2,,36,,,\n", "below the floor of 60"},
        {"GA-102,CAM-002,broadcast_av,2026-01-10,2026-01-15,12.345,财政拨款,大华,FP2,,,,,\n", "12.345"},
        {"GA-102,CAM-002,broadcast_av,2026-01-10,2026-01-15,0,财政拨款,大华,FP2,,,,,\n", "more than 0"},
        {"GA-102,CAM-009,broadcast_av,2026-01-10,2026-01-15,3000,财政拨款,大华,FP2,,,,,\n", "CAM-009"},
        {"GA-101,CAM-002,broadcast_av,2026-01-10,2026-01-15,3000,财政拨款,大华,FP2,,,,,\n", "line 2"},
        {"GA-102,CAM-002,vehicles,2026-01-10,2026-01-15,3000,财政拨款,大华,FP2,,,,,\n", "not an asset category"},
        {"GA-102,CAM-002,broadcast_av,2026-01-10,2026-01-15,3000,财政拨款,大华,FP2,,,workload,,\n", "workload"},
        {"GA-102,CAM-002,broadcast_av,2026-01-10,2026-01-15,3000,,大华,FP2,,,,,\n", "funding_source"},
        {"GA-102,CAM-002,broadcast_av,2026-01-10,2026-01-15,3000,财政拨款,大华,FP2,,,,,,extra\n", "columns"},
    };
    for (const auto& b : bad) {
        const std::string file = other.file("bad.csv");
        write_file(file, header + good + b.row + third);
        auto r = ctl(db2, {"assets", "import", file});
        EXPECT_EQ(r.exit_code, 1) << b.row;
        EXPECT_TRUE(contains(r.err, "line 3")) << r.err;
        EXPECT_TRUE(contains(r.err, b.reason)) << b.row << " -> " << r.err;
        EXPECT_EQ(sql_int(db2, "SELECT count(*) FROM asset_cards;"), 0) << "half-imported: " << b.row;
    }
    EXPECT_EQ(sql_int(db2, "SELECT count(*) FROM audit_log WHERE action='asset_import_rejected';"),
              static_cast<std::int64_t>(std::size(bad)));
    // The same device twice in one file, and a device that already has a card.
    auto again = ctl(db, {"assets", "import", dir.file("cards.csv")});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_TRUE(contains(again.err, "already has the asset card GA-001")) << again.err;
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM asset_cards;"), 4);
}

TEST_F(AssetsCli, ZhRefusalsAreChinese) {
    const std::string file = dir.file("zh.csv");
    write_file(file, std::string(kCardsCsv).substr(0, std::string(kCardsCsv).find('\n') + 1) +
                         "GA-9,CAM-009,broadcast_av,2026-01-01,2026-01-15,3000,财政拨款,x,F,,,,,\n");
    auto r = ctl(db, {"assets", "import", file}, "zh");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "第 2 行")) << r.err;
    EXPECT_TRUE(contains(r.err, "设备 CAM-009 未登记")) << r.err;
}

TEST_F(AssetsCli, AnXlsxExportIsReadByOpenpyxlAndImportsIntoAnotherDatabase) {
    const std::string xlsx = dir.file("cards.xlsx");
    auto e = ctl(db, {"assets", "export", xlsx, "--month", "2026-10"}, "zh");
    ASSERT_EQ(e.exit_code, 0) << e.err;
    // An independent reader: the finance office's own tools open it.
    auto py = run_command({"/usr/bin/python3", "-c",
                           "import openpyxl,sys\n"
                           "ws=openpyxl.load_workbook(sys.argv[1]).active\n"
                           "print(ws.title)\n"
                           "print(ws['A1'].value, ws['A2'].value, ws['F2'].value, ws['T1'].value, ws['T2'].value)\n"
                           "print(ws.freeze_panes, ws['A1'].font.b)",
                           xlsx});
    ASSERT_EQ(py.exit_code, 0) << py.err;
    EXPECT_TRUE(contains(py.out, "固定资产卡片")) << py.out;
    // Ten months charged by the end of October 2026 (January, the month added, included):
    // 3,000.00 - 10 × 50.00.
    EXPECT_TRUE(contains(py.out, "资产编号 GA-001 3000.00 账面净值（元，2026-10-31） 2500.00")) << py.out;
    EXPECT_TRUE(contains(py.out, "A2 True")) << py.out;

    TempDir other;
    const std::string db2 = other.file("custody.db");
    ASSERT_TRUE(make_small_agency(other, db2));
    auto i = ctl(db2, {"assets", "import", xlsx});
    ASSERT_EQ(i.exit_code, 0) << i.err;
    const char* same = "SELECT group_concat(asset_number||'|'||category_code||'|'||purchase_date||'|'||in_service_date||'|'||"
                       "original_fen||'|'||useful_life_months||'|'||method||'|'||total_workload_hours||'|'||location, ';') "
                       "FROM (SELECT * FROM asset_cards ORDER BY asset_number);";
    EXPECT_EQ(sql_text(db2, same), sql_text(db, same));
}

TEST_F(AssetsCli, AWorkbookTypedInExcelWithRealDateCellsImports) {
    const std::string xlsx = dir.file("typed.xlsx");
    TempDir other;
    const std::string db2 = other.file("custody.db");
    ASSERT_TRUE(make_small_agency(other, db2));
    auto py = run_command({"/usr/bin/python3", "-c",
                           "import openpyxl,datetime,sys\n"
                           "wb=openpyxl.Workbook(); ws=wb.active\n"
                           "ws.append(['资产编号','设备序列号','资产分类','购置日期','投入使用日期','原值（元）','资金来源','供应商','发票号'])\n"
                           "ws.append(['GA-7','CAM-003','公安专用设备',datetime.date(2024,2,29),datetime.date(2024,3,1),2999.99,'财政拨款','警翼',20240229])\n"
                           "ws['D2'].number_format='yyyy/m/d'; ws['E2'].number_format='yyyy-mm-dd'\n"
                           "wb.save(sys.argv[1])",
                           xlsx});
    ASSERT_EQ(py.exit_code, 0) << py.err;
    auto r = ctl(db2, {"assets", "import", xlsx});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql_text(db2, "SELECT purchase_date||' '||in_service_date||' '||original_fen||' '||invoice_number||' '||"
                            "useful_life_months FROM asset_cards;"),
              "2024-02-29 2024-03-01 299999 20240229 36");
}

TEST_F(AssetsCli, CsvExportOpensInExcelAsUtf8AndListsTheFigures) {
    const std::string csv = dir.file("cards.csv.out.csv");
    auto e = ctl(db, {"assets", "export", csv, "--month", "2026-01"});
    ASSERT_EQ(e.exit_code, 0) << e.err;
    const std::string text = read_file(csv);
    ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
    auto rows = parse_csv_output(text.substr(3));
    ASSERT_EQ(rows.size(), 5u);
    const int nbv = column(rows[0], "net_book_value (2026-01-31)");
    ASSERT_GE(nbv, 0);
    EXPECT_EQ(rows[1][static_cast<std::size_t>(nbv)], "2950.00");  // January charged: 3,000.00 - 50.00
    EXPECT_EQ(rows[1][static_cast<std::size_t>(column(rows[0], "figures"))], "computed");
}

TEST_F(AssetsCli, MonthsCloseInOrderOnceAndKeepTheirFigures) {
    auto first = ctl(db, {"assets", "close-month", "2026-08"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    // August: eight months charged, January included.
    EXPECT_EQ(sql_int(db, "SELECT accumulated_fen FROM depreciation_lines l JOIN asset_cards a ON a.id=l.asset_id "
                          "WHERE a.asset_number='GA-001' AND month='2026-08';"),
              40000);
    // 2,999.99 over 60 months: what remains over the months left, half up — 50.00 each
    // month (2,999.99/60 = 49.99983…).
    EXPECT_EQ(sql_int(db, "SELECT charge_fen FROM depreciation_lines l JOIN asset_cards a ON a.id=l.asset_id "
                          "WHERE a.asset_number='GA-002' AND month='2026-08';"),
              5000);
    auto skip = ctl(db, {"assets", "close-month", "2026-10"});
    EXPECT_EQ(skip.exit_code, 1);
    EXPECT_TRUE(contains(skip.err, "the next is 2026-09")) << skip.err;
    ASSERT_EQ(ctl(db, {"assets", "close-month", "2026-09"}).exit_code, 0);
    const auto entries = sql_int(db, "SELECT count(*) FROM audit_log;");
    auto again = ctl(db, {"assets", "close-month", "2026-09"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(contains(again.out, "already closed")) << again.out;
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log;"), entries) << "closing twice changed something";
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM month_closes;"), 2);
    auto before = ctl(db, {"assets", "close-month", "2026-07"});
    EXPECT_EQ(before.exit_code, 1);
    EXPECT_TRUE(contains(before.err, "2026-07 is before 2026-09, which is closed")) << before.err;
    auto future = ctl(db, {"assets", "close-month", "2099-01"});
    EXPECT_EQ(future.exit_code, 1);
    EXPECT_TRUE(contains(future.err, "not over")) << future.err;
    // A later change of life acts from the next month on: September's stored line stays.
    const auto sept = sql_int(db, "SELECT net_book_value_fen FROM depreciation_lines WHERE month='2026-09' AND asset_id=1;");
    auto list = ctl(db, {"assets", "list", "--month", "2026-09"});
    EXPECT_TRUE(contains(list.out, "2,550.00")) << list.out;  // 3,000.00 - 9 × 50.00
    EXPECT_EQ(sept, 255000);
    EXPECT_EQ(sql_int(db, "SELECT total_charge_fen FROM month_closes WHERE month='2026-09';"),
              sql_int(db, "SELECT sum(charge_fen) FROM depreciation_lines WHERE month='2026-09';"));
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST_F(AssetsCli, AClosedFigureEditedBehindTheProgramsBackFailsVerify) {
    ASSERT_EQ(ctl(db, {"assets", "close-month", "2026-08"}).exit_code, 0);
    auto edit = sqlite_shell(db,
                             "DROP TRIGGER depreciation_lines_no_update;"
                             "UPDATE depreciation_lines SET charge_fen=charge_fen+100, accumulated_fen=accumulated_fen+100, "
                             "net_book_value_fen=net_book_value_fen-100 WHERE asset_id=1;");
    ASSERT_EQ(edit.exit_code, 0) << edit.err;
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 3) << v.out;
    EXPECT_TRUE(contains(v.out + v.err, "month_closes")) << v.out << v.err;
}

TEST_F(AssetsCli, AnAssetCardsFixedFactsCannotChangeAndAnEditFailsVerify) {
    auto blocked = sqlite_shell(db, "UPDATE asset_cards SET original_fen=1 WHERE id=1;");
    EXPECT_NE(blocked.exit_code, 0);
    ASSERT_EQ(sqlite_shell(db, "DROP TRIGGER asset_cards_fixed; UPDATE asset_cards SET original_fen=1 WHERE id=1;").exit_code, 0);
    auto v = ctl(db, {"verify"});
    EXPECT_EQ(v.exit_code, 3);
    EXPECT_TRUE(contains(v.out + v.err, "asset_cards")) << v.out << v.err;
}

TEST_F(AssetsCli, DisposalNeedsAnApproverAndStaysOutOfClosedMonths) {
    ASSERT_EQ(ctl(db, {"assets", "close-month", "2026-08"}).exit_code, 0);
    auto officer = ctl(db, {"assets", "dispose", "GA-003", "--on", "2026-09-10", "--reason", "外壳老化", "--approver", "020001"});
    EXPECT_EQ(officer.exit_code, 1);
    EXPECT_TRUE(contains(officer.err, "unit head or finance")) << officer.err;
    auto closed = ctl(db, {"assets", "dispose", "GA-003", "--on", "2026-08-31", "--reason", "外壳老化", "--approver", "020009"});
    EXPECT_EQ(closed.exit_code, 1);
    EXPECT_TRUE(contains(closed.err, "closed month")) << closed.err;
    auto ok = ctl(db, {"assets", "dispose", "GA-003", "--on", "2026-09-10", "--reason", "外壳老化", "--approver", "020009"});
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    // Net book value at the end of August: 3,600.00 - 8 × 60.00.
    EXPECT_EQ(sql_int(db, "SELECT net_book_value_fen FROM asset_disposals;"), 312000);
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='CAM-003';"), "disposed");
    ASSERT_EQ(ctl(db, {"assets", "close-month", "2026-09"}).exit_code, 0);
    // September is the month it leaves: on the register, not charged (政府会计准则第3号).
    EXPECT_EQ(sql_int(db, "SELECT charge_fen FROM depreciation_lines WHERE month='2026-09' AND asset_id=3;"), 0);
    ASSERT_EQ(ctl(db, {"assets", "close-month", "2026-10"}).exit_code, 0);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM depreciation_lines WHERE month='2026-10' AND asset_id=3;"), 0);
    auto twice = ctl(db, {"assets", "dispose", "GA-003", "--on", "2026-11-01", "--reason", "x", "--approver", "020009"});
    EXPECT_EQ(twice.exit_code, 1);
    EXPECT_TRUE(contains(twice.err, "was disposed of on 2026-09-10")) << twice.err;
}

TEST_F(AssetsCli, CategoryLivesNeverGoBelowTheFloor) {
    auto low = ctl(db, {"assets", "category", "broadcast_av", "--life", "48"});
    EXPECT_EQ(low.exit_code, 1);
    EXPECT_TRUE(contains(low.err, "floor of 60")) << low.err;
    ASSERT_EQ(ctl(db, {"assets", "category", "broadcast_av", "--life", "72"}).exit_code, 0);
    EXPECT_EQ(sql_int(db, "SELECT life_months FROM asset_categories WHERE code='broadcast_av';"), 72);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE action='category_life_changed';"), 1);
    // Existing cards keep their life; a new card takes the new default.
    EXPECT_EQ(sql_int(db, "SELECT useful_life_months FROM asset_cards WHERE asset_number='GA-001';"), 60);
}

TEST_F(AssetsCli, ShowListsTheCardAndItsHistory) {
    ASSERT_EQ(ctl(db, {"assets", "move", "GA-001", "--location", "二楼库房"}).exit_code, 0);
    auto r = ctl(db, {"assets", "show", "GA-001"}, "zh");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "广播、电视、电影设备")) << r.out;
    EXPECT_TRUE(contains(r.out, "3,000.00")) << r.out;
    EXPECT_TRUE(contains(r.out, "存放地点变更")) << r.out;
    EXPECT_TRUE(contains(r.out, "二楼库房")) << r.out;
    auto none = ctl(db, {"assets", "show", "GA-999"});
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_TRUE(contains(none.err, "GA-999")) << none.err;
}

}  // namespace
}  // namespace custody::test
