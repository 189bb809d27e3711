// The conversions read_sheet applies to stored values, one by one: column letters,
// numbers as a person reads them, date serials in both date systems, format codes.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/xlsx/cell_text.h"
#include "kiosk/xlsx/number_format.h"

namespace custody::xlsx {
namespace {

TEST(XlsxCellText, ColumnLettersBothWays) {
    EXPECT_EQ(column_of("A1"), 0u);
    EXPECT_EQ(column_of("Z9"), 25u);
    EXPECT_EQ(column_of("AA10"), 26u);
    EXPECT_EQ(column_of("az3"), 51u);
    EXPECT_EQ(column_of("XFD1048576"), 16383u);
    EXPECT_FALSE(column_of("XFE1"));
    EXPECT_FALSE(column_of("AAAA1"));
    EXPECT_FALSE(column_of("12"));
    EXPECT_FALSE(column_of("B"));
    EXPECT_FALSE(column_of("B3x"));
    for (std::size_t c : {0u, 25u, 26u, 51u, 701u, 702u, 16383u}) EXPECT_EQ(column_of(column_name(c) + "1"), c);
    EXPECT_EQ(column_name(701), "ZZ");
    EXPECT_EQ(column_name(702), "AAA");
}

TEST(XlsxCellText, NumbersAsWrittenWithoutNeedlessDigits) {
    EXPECT_EQ(number_text("3"), "3");
    EXPECT_EQ(number_text("3.0"), "3");
    EXPECT_EQ(number_text("12.5"), "12.5");
    EXPECT_EQ(number_text("1.2E+3"), "1200");
    EXPECT_EQ(number_text("1.25E-3"), "0.00125");
    EXPECT_EQ(number_text("-7"), "-7");
    EXPECT_EQ(number_text("-0"), "0");
    EXPECT_EQ(number_text("0.30000000000000004"), "0.30000000000000004");
    EXPECT_EQ(number_text("123456789012345"), "123456789012345");
    EXPECT_FALSE(number_text("12,5"));
    EXPECT_FALSE(number_text("abc"));
    EXPECT_FALSE(number_text(""));
}

TEST(XlsxCellText, DateSerialsIn1900System) {
    EXPECT_EQ(serial_text(1, NumberKind::Date, false), "1900-01-01");
    EXPECT_EQ(serial_text(59, NumberKind::Date, false), "1900-02-28");
    EXPECT_EQ(serial_text(60, NumberKind::Date, false), "1900-02-29");  // Excel's day that never was
    EXPECT_EQ(serial_text(61, NumberKind::Date, false), "1900-03-01");
    EXPECT_EQ(serial_text(45351, NumberKind::Date, false), "2024-02-29");
    EXPECT_EQ(serial_text(45351.99, NumberKind::Date, false), "2024-02-29");
    EXPECT_EQ(serial_text(2958465, NumberKind::Date, false), "9999-12-31");
    EXPECT_FALSE(serial_text(2958466, NumberKind::Date, false));
    EXPECT_FALSE(serial_text(0, NumberKind::Date, false));
    EXPECT_FALSE(serial_text(-1, NumberKind::Date, false));
}

TEST(XlsxCellText, DateSerialsIn1904System) {
    EXPECT_EQ(serial_text(0, NumberKind::Date, true), "1904-01-01");
    EXPECT_EQ(serial_text(43889, NumberKind::Date, true), "2024-02-29");
    EXPECT_EQ(serial_text(60, NumberKind::Date, true), "1904-03-01");
}

TEST(XlsxCellText, TimesRoundToTheSecond) {
    EXPECT_EQ(serial_text(0.5, NumberKind::Time, false), "12:00:00");
    EXPECT_EQ(serial_text(45351.75, NumberKind::DateTime, false), "2024-02-29 18:00:00");
    // 23:59:59.8 is shown as the next midnight.
    EXPECT_EQ(serial_text(45351 + 86399.8 / 86400, NumberKind::DateTime, false), "2024-03-01 00:00:00");
    EXPECT_EQ(serial_text(1.5, NumberKind::Time, false), "12:00:00");
}

TEST(XlsxCellText, BuiltInFormats) {
    EXPECT_EQ(builtin_format_kind(0), NumberKind::Plain);
    EXPECT_EQ(builtin_format_kind(2), NumberKind::Plain);
    EXPECT_EQ(builtin_format_kind(14), NumberKind::Date);
    EXPECT_EQ(builtin_format_kind(17), NumberKind::Date);
    EXPECT_EQ(builtin_format_kind(20), NumberKind::Time);
    EXPECT_EQ(builtin_format_kind(22), NumberKind::DateTime);
    EXPECT_EQ(builtin_format_kind(31), NumberKind::Date);  // zh-CN yyyy"年"m"月"d"日"
    EXPECT_EQ(builtin_format_kind(32), NumberKind::Time);  // zh-CN h"时"mm"分"
    EXPECT_EQ(builtin_format_kind(46), NumberKind::Plain);  // [h]:mm:ss is a duration
    EXPECT_EQ(builtin_format_kind(49), NumberKind::Plain);
}

TEST(XlsxCellText, CustomFormatCodes) {
    EXPECT_EQ(format_code_kind("yyyy-mm-dd"), NumberKind::Date);
    EXPECT_EQ(format_code_kind("yyyy\"年\"m\"月\"d\"日\""), NumberKind::Date);
    EXPECT_EQ(format_code_kind("[$-804]yyyy年m月d日 dddd"), NumberKind::Date);
    EXPECT_EQ(format_code_kind("mmm-yy"), NumberKind::Date);
    EXPECT_EQ(format_code_kind("yyyy/m/d h:mm"), NumberKind::DateTime);
    EXPECT_EQ(format_code_kind("h:mm:ss AM/PM"), NumberKind::Time);
    EXPECT_EQ(format_code_kind("[h]:mm:ss"), NumberKind::Plain);
    EXPECT_EQ(format_code_kind("General"), NumberKind::Plain);
    EXPECT_EQ(format_code_kind("#,##0.00\"元\""), NumberKind::Plain);
    EXPECT_EQ(format_code_kind("0.00_);[Red](0.00)"), NumberKind::Plain);
    EXPECT_EQ(format_code_kind("\"day\"0"), NumberKind::Plain);
    EXPECT_EQ(format_code_kind("0\\d"), NumberKind::Plain);
    EXPECT_EQ(format_code_kind("@"), NumberKind::Plain);
    EXPECT_EQ(format_code_kind("0.00E+00"), NumberKind::Plain);
}

TEST(XlsxCellText, EscapedCharactersAreUndone) {
    EXPECT_EQ(unescape_xstring("a_x000D_b"), "a\rb");
    EXPECT_EQ(unescape_xstring("_x0041__x4E2D_"), "A中");
    EXPECT_EQ(unescape_xstring("_x00_ and _xZZZZ_ stay"), "_x00_ and _xZZZZ_ stay");
    EXPECT_EQ(unescape_xstring("_xD800_"), "_xD800_");
    EXPECT_EQ(unescape_xstring("资产"), "资产");
}

TEST(XlsxCellText, TextThatLooksEscapedIsProtected) {
    EXPECT_EQ(protect_xstring("_x0041_"), "_x005F_x0041_");
    EXPECT_EQ(protect_xstring("a_x00_b"), "a_x00_b");
    for (std::string s : {"_x0041_", "__x000D__", "_x005F_", "x_x4E2D_y", "资产_x"})
        EXPECT_EQ(unescape_xstring(protect_xstring(s)), s) << s;
}

}  // namespace
}  // namespace custody::xlsx
