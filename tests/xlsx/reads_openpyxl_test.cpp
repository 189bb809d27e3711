// A workbook made by openpyxl the way Excel stores a finance clerk's typing: real
// numbers, booleans and date cells, not text. read_sheet gives what the clerk saw.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/xlsx/xlsx_sheet.h"
#include "tests/support/temp_dir.h"
#include "tests/xlsx/workbook_tools.h"

namespace custody {
namespace {

// argv: path, epoch ("1900" or "1904"), "iso" to store dates as ISO text (t="d"),
// and the early date of row 4 as YYYY-MM-DD.
const char* kMakeWorkbook = R"(
import sys, datetime, openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904
path, epoch, dates, early = sys.argv[1:5]
wb = openpyxl.Workbook(iso_dates=(dates == "iso"))
if epoch == "1904":
    wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "资产卡片"
ws.append(["编号", "名称", "数量", "单价", "在用", "购置日期"])
ws.cell(row=2, column=1, value="ZC-0001")
ws.cell(row=2, column=2, value="执法记录仪 DSJ-V9")
ws.cell(row=2, column=3, value=3)
ws.cell(row=2, column=4, value=12.5)
ws.cell(row=2, column=5, value=True)
ws.cell(row=2, column=6, value=datetime.date(2024, 2, 29))
# Row 3: only a styled empty cell, which a sheet keeps as <c r="C3" s=".."/>.
ws.cell(row=3, column=3).font = Font(bold=True)
# Row 4: column B left out.
ws.cell(row=4, column=1, value="ZC-0002")
ws.cell(row=4, column=3, value=1.2e3)
ws.cell(row=4, column=4, value=0.1)
ws.cell(row=4, column=5, value=False)
c = ws.cell(row=4, column=6, value=datetime.date.fromisoformat(early))
c.number_format = "mm-dd-yy"  # Excel's built-in short date, numFmtId 14
ws.cell(row=5, column=1, value="ZC-0003")
c = ws.cell(row=5, column=6, value=datetime.datetime(2024, 3, 1, 8, 30, 15))
c.number_format = "yyyy-mm-dd hh:mm:ss"
c = ws.cell(row=5, column=7, value=datetime.date(2024, 12, 31))
c.number_format = 'yyyy"年"m"月"d"日"'
ws.cell(row=5, column=8, value=-7)
ws.cell(row=5, column=9, value=3280.5).number_format = "#,##0.00"
other = wb.create_sheet("其他")
other["A1"] = "不应读取"
wb.save(path)
)";

void make_workbook(const std::string& path, const std::string& epoch, const std::string& dates,
                   const std::string& early) {
    auto r = test::run_python(kMakeWorkbook, {path, epoch, dates, early});
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

std::vector<SheetRow> expected(const std::string& early) {
    return {
        {1, {"编号", "名称", "数量", "单价", "在用", "购置日期"}},
        {2, {"ZC-0001", "执法记录仪 DSJ-V9", "3", "12.5", "TRUE", "2024-02-29"}},
        {4, {"ZC-0002", "", "1200", "0.1", "FALSE", early}},
        {5, {"ZC-0003", "", "", "", "", "2024-03-01 08:30:15", "2024-12-31", "-7", "3280.5"}},
    };
}

Result<std::vector<SheetRow>> made_and_read(const std::string& epoch, const std::string& dates,
                                            const std::string& early) {
    test::TempDir dir;
    const std::string path = dir.file("openpyxl.xlsx");
    make_workbook(path, epoch, dates, early);
    return read_sheet(path);
}

TEST(XlsxReadsOpenpyxl, NumbersBooleansDatesGapsAndLineNumbers) {
    auto read = made_and_read("1900", "serial", "1900-01-15");
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    EXPECT_EQ(*read, expected("1900-01-15"));
}

TEST(XlsxReadsOpenpyxl, DatesAroundExcelsFalseLeapDay) {
    // Serials 59 and 61 sit either side of Excel's 1900-02-29 (60).
    for (const std::string day : {"1900-02-28", "1900-03-01", "1900-01-01"}) {
        auto read = made_and_read("1900", "serial", day);
        ASSERT_TRUE(read.ok()) << log_line(read.error());
        EXPECT_EQ(*read, expected(day)) << day;
    }
}

TEST(XlsxReadsOpenpyxl, The1904DateSystem) {
    auto read = made_and_read("1904", "serial", "1904-01-01");
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    EXPECT_EQ(*read, expected("1904-01-01"));
}

TEST(XlsxReadsOpenpyxl, DatesStoredAsIsoText) {
    auto read = made_and_read("1900", "iso", "1950-06-30");
    ASSERT_TRUE(read.ok()) << log_line(read.error());
    EXPECT_EQ(*read, expected("1950-06-30"));
}

}  // namespace
}  // namespace custody
