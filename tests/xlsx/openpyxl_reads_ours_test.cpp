// A workbook from write_sheet, opened by openpyxl, an implementation that shares no code
// with ours: the cells are the text written, the header is bold on a fill and frozen,
// and the columns have the widths asked for.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "kiosk/xlsx/xlsx_sheet.h"
#include "tests/support/temp_dir.h"
#include "tests/xlsx/workbook_tools.h"

namespace custody {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// One fact a line: "cell <row> <column> <type> <hex of the UTF-8 text>", and the sheet's
// title, frozen pane, header font and fill, and column widths.
const char* kDescribe = R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print("sheets\t%d" % len(wb.worksheets))
print("title\t" + ws.title.encode("utf-8").hex())
print("freeze\t%s" % ws.freeze_panes)
for row in ws.iter_rows():
    for c in row:
        if c.value is not None:
            print("cell\t%d\t%d\t%s\t%s" % (c.row, c.column, c.data_type, str(c.value).encode("utf-8").hex()))
for ref in ("A1", "B1", "C1", "A2", "B3"):
    c = ws[ref]
    print("bold\t%s\t%s" % (ref, bool(c.font.b)))
    print("fill\t%s\t%s" % (ref, c.fill.fill_type))
for letter, dim in sorted(ws.column_dimensions.items()):
    if dim.width:
        print("width\t%s\t%.4f" % (letter, dim.width))
)";

struct Description {
    std::map<std::string, std::string> facts;  // "freeze" -> "A2", "bold A1" -> "True"
    Rows cells;                                // as openpyxl read them, all text
    std::vector<std::string> non_text;         // cells openpyxl did not read as strings
};

Description describe(const std::string& path) {
    auto r = test::run_python(kDescribe, {path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Description d;
    for (const auto& [key, rest] : test::tab_lines(r.out)) {
        auto f = test::split_tabs(rest);
        if (key != "cell") {
            d.facts[f.size() == 1 ? key : key + " " + f[0]] = f.back();
            continue;
        }
        if (f.size() != 4) {
            ADD_FAILURE() << "unexpected line: " << rest;
            continue;
        }
        // row, column, type, hex
        auto row = static_cast<std::size_t>(std::stoul(f[0])), col = static_cast<std::size_t>(std::stoul(f[1]));
        if (d.cells.size() < row) d.cells.resize(row);
        if (d.cells[row - 1].size() < col) d.cells[row - 1].resize(col);
        d.cells[row - 1][col - 1] = test::from_hex(f[3]);
        if (f[2] != "s") d.non_text.push_back(f[0] + ":" + f[1] + " is " + f[2]);
    }
    return d;
}

Rows without_trailing_empties(Rows rows) {
    for (auto& r : rows)
        while (!r.empty() && r.back().empty()) r.pop_back();
    while (!rows.empty() && rows.back().empty()) rows.pop_back();
    return rows;
}

TEST(XlsxOpenpyxlCheck, OpenpyxlReadsTheTextWeWrote) {
    test::TempDir dir;
    const std::string path = dir.file("资产卡片导出.xlsx");
    Rows rows = {{"资产编号", "名称", "数量", "", "备注 Remark"},
                 {"ZC-0001", "执法记录仪 DSJ-V9", "3", "", "城关派出所"},
                 {"ZC-0002", "", "12.5", "2024-02-29", ""},
                 {"007", "=1+1", "TRUE", "第一行\n第二行", "  空格  ", "_x0041_", "tab\there"}};
    for (int i = 0; i < 40; ++i) rows.push_back({"ZC-1" + std::to_string(100 + i), "对讲机", std::to_string(i)});
    ASSERT_TRUE(write_sheet(path, rows, {"资产卡片", {14, 24, 8}, 1}).ok());

    Description d = describe(path);
    // Empty strings are not stored at all, so openpyxl sees None where we wrote "".
    EXPECT_EQ(d.cells, without_trailing_empties(rows));
    EXPECT_TRUE(d.non_text.empty()) << testing::PrintToString(d.non_text);
    EXPECT_EQ(d.facts["sheets"], "1");
    EXPECT_EQ(test::from_hex(d.facts["title"]), "资产卡片");
}

TEST(XlsxOpenpyxlCheck, TheHeaderIsBoldOnAFillAndFrozen) {
    test::TempDir dir;
    const std::string path = dir.file("header.xlsx");
    Rows rows = {{"资产编号", "名称", ""}, {"ZC-0001", "执法记录仪"}, {"ZC-0002", "对讲机", "x"}};
    ASSERT_TRUE(write_sheet(path, rows, {"", {}, 1}).ok());
    Description d = describe(path);
    EXPECT_EQ(d.facts["freeze"], "A2");
    EXPECT_EQ(d.facts["bold A1"], "True");
    EXPECT_EQ(d.facts["bold B1"], "True");
    EXPECT_EQ(d.facts["fill A1"], "solid");
    // The empty header cell still carries the header's style, so the fill is unbroken.
    EXPECT_EQ(d.facts["fill C1"], "solid");
    EXPECT_EQ(d.facts["bold A2"], "False");
    EXPECT_EQ(d.facts["fill A2"], "None");
}

TEST(XlsxOpenpyxlCheck, TwoHeaderRowsFreezeBelowTheSecond) {
    test::TempDir dir;
    const std::string path = dir.file("two-headers.xlsx");
    Rows rows = {{"固定资产卡片"}, {"资产编号", "名称"}, {"ZC-0001", "执法记录仪"}};
    ASSERT_TRUE(write_sheet(path, rows, {"", {}, 2}).ok());
    Description d = describe(path);
    EXPECT_EQ(d.facts["freeze"], "A3");
    EXPECT_EQ(d.facts["bold A2"], "True");
    EXPECT_EQ(d.facts["bold B3"], "False");
}

TEST(XlsxOpenpyxlCheck, NoHeaderRowsMeansNothingFrozenOrBold) {
    test::TempDir dir;
    const std::string path = dir.file("plain.xlsx");
    ASSERT_TRUE(write_sheet(path, {{"a", "b"}, {"c", "d"}}, {"", {}, 0}).ok());
    Description d = describe(path);
    EXPECT_EQ(d.facts["freeze"], "None");
    EXPECT_EQ(d.facts["bold A1"], "False");
}

TEST(XlsxOpenpyxlCheck, ColumnWidthsAreTheOnesAskedFor) {
    test::TempDir dir;
    const std::string path = dir.file("widths.xlsx");
    ASSERT_TRUE(write_sheet(path, {{"资产编号", "名称", "备注"}}, {"", {14, 30, 8.5}, 1}).ok());
    Description d = describe(path);
    // Excel stores a width with the cell padding added (14 -> 14.7109375): within a character.
    const std::map<std::string, double> asked = {{"A", 14}, {"B", 30}, {"C", 8.5}};
    for (const auto& [letter, width] : asked) {
        ASSERT_TRUE(d.facts.count("width " + letter)) << letter;
        double got = std::stod(d.facts["width " + letter]);
        EXPECT_GE(got, width) << letter;
        EXPECT_LT(got, width + 1) << letter;
    }
}

}  // namespace
}  // namespace custody
