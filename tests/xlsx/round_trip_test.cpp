// What write_sheet writes, read_sheet gives back cell for cell, with the sheet's own row
// numbers: the asset-card export and import agree with each other.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kiosk/xlsx/xlsx_sheet.h"
#include "tests/support/temp_dir.h"
#include "tests/xlsx/workbook_tools.h"

namespace custody {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows asset_cards(int count) {
    Rows rows = {{"资产编号", "名称 Name", "规格型号", "使用部门", "备注"}};
    for (int i = 1; i <= count; ++i) {
        std::string n = std::to_string(i);
        // Every seventh card has no model and every fifth no remark: gaps in the middle
        // and at the end of a row.
        rows.push_back({"ZC-" + std::string(4 - n.size(), '0') + n, i % 2 ? "执法记录仪" : "Body camera DSJ-V9",
                        i % 7 == 0 ? "" : "DSJ-V" + n, "城关派出所", i % 5 == 0 ? "" : "第 " + n + " 台"});
    }
    return rows;
}

Result<std::vector<SheetRow>> write_and_read(const std::string& path, const Rows& rows) {
    SheetWriteOptions opt;
    opt.sheet_name = "资产卡片";
    opt.column_widths = {14, 24, 16, 18, 30};
    auto w = write_sheet(path, rows, opt);
    if (!w) return fail(w.error());
    return read_sheet(path);
}

TEST(XlsxRoundTrip, ChineseAndEnglishTextWithGapsComesBackCellForCell) {
    test::TempDir dir;
    const std::string path = dir.file("卡片.xlsx");
    Rows rows = {{"资产编号", "名称", "", "备注"},
                 {"ZC-0001", "执法记录仪 DSJ-V9", "", "城关派出所 / Chengguan"},
                 {"ZC-0002", "", "3", ""},
                 {"", "", "", "只有最后一列"}};
    auto read = write_and_read(path, rows);
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    EXPECT_EQ(*read, test::expected_rows(rows));
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(XlsxRoundTrip, TwoHundredCardsKeepTheirLineNumbers) {
    test::TempDir dir;
    const std::string path = dir.file("cards.xlsx");
    Rows rows = asset_cards(200);
    auto read = write_and_read(path, rows);
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    ASSERT_EQ(read->size(), 201u);
    EXPECT_EQ(*read, test::expected_rows(rows));
    EXPECT_EQ(read->back().line, 201);
    EXPECT_EQ(read->back().cells[0], "ZC-0200");
}

TEST(XlsxRoundTrip, BlankRowsAreSkippedButLaterRowsKeepTheirNumbers) {
    test::TempDir dir;
    const std::string path = dir.file("gaps.xlsx");
    Rows rows = {{"编号", "名称"}, {"ZC-1", "甲"}, {}, {"", "", ""}, {"ZC-2", "乙"}};
    auto read = write_and_read(path, rows);
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    std::vector<SheetRow> expected = {{1, {"编号", "名称"}}, {2, {"ZC-1", "甲"}}, {5, {"ZC-2", "乙"}}};
    EXPECT_EQ(*read, expected);
}

TEST(XlsxRoundTrip, TextThatLooksLikeNumbersOrFormulasStaysText) {
    test::TempDir dir;
    const std::string path = dir.file("text.xlsx");
    // A finance sheet's codes and amounts are text: leading zeros, a trailing zero, an
    // apparent formula, spaces at the ends, a line break, a tab, a control character
    // (stored escaped) and text that looks like such an escape must all survive.
    Rows rows = {{"编号"},
                 {"007", "1.50", "=SUM(A1:A2)", "  两端空格  ", "第一行\n第二行", "TRUE", "2024-02-29", "tab\there",
                  "bell\x07", "_x0041_"}};
    auto read = write_and_read(path, rows);
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    EXPECT_EQ(*read, test::expected_rows(rows));
}

TEST(XlsxRoundTrip, WritingAgainReplacesTheWholeFile) {
    test::TempDir dir;
    const std::string path = dir.file("cards.xlsx");
    ASSERT_TRUE(write_and_read(path, asset_cards(50)).ok());
    Rows smaller = {{"资产编号"}, {"ZC-9999"}};
    auto read = write_and_read(path, smaller);
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    EXPECT_EQ(*read, test::expected_rows(smaller));
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(XlsxRoundTrip, AnEmptySheetReadsAsNoRows) {
    test::TempDir dir;
    const std::string path = dir.file("empty.xlsx");
    auto read = write_and_read(path, {});
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    EXPECT_TRUE(read->empty());
}

}  // namespace
}  // namespace custody
