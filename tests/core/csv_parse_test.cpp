// CSV as spreadsheet programs write it (RFC 4180): BOM, CRLF, quoted fields with ""
// escapes and embedded line breaks, blank lines skipped; each row knows its start line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/core/csv.h"

namespace custody {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRow> parse_ok(std::string_view text) {
    auto r = parse_csv(text, "t.csv");
    if (!r) ADD_FAILURE() << log_line(r.error());
    return r ? *r : std::vector<CsvRow>{};
}

TEST(CsvParse, PlainRowsWithLineNumbers) {
    auto rows = parse_ok("code,name\nZD01,治安大队\nXJ02,刑警大队\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (Fields{"code", "name"}));
    EXPECT_EQ(rows[1].fields, (Fields{"ZD01", "治安大队"}));
    EXPECT_EQ(rows[2].fields, (Fields{"XJ02", "刑警大队"}));
    EXPECT_EQ(rows[0].line, 1);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvParse, LeadingBomIsDropped) {
    auto rows = parse_ok("\xEF\xBB\xBF" "code,name\r\nZD01,治安大队\r\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields[0], "code");
    EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvParse, CrlfLineEndingsLeaveNoCarriageReturn) {
    auto rows = parse_ok("a,b\r\nc,d\r\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields, (Fields{"a", "b"}));
    EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
}

TEST(CsvParse, LastLineWithoutNewline) {
    auto rows = parse_ok("a,b\nc,d");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
}

TEST(CsvParse, EmptyFieldsArePreserved) {
    auto rows = parse_ok("a,,c\n,b\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields, (Fields{"a", "", "c"}));
    EXPECT_EQ(rows[1].fields, (Fields{"", "b"}));
}

TEST(CsvParse, QuotedFieldsWithEscapedQuotesCommasAndLineBreaks) {
    std::string text =
        "serial,note\n"
        "\"X1\",\"他说 \"\"好\"\", ok\"\n"
        "\"X2\",\"two\nlines\"\n"
        "X3,\"\"\n";
    auto rows = parse_ok(text);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1].fields, (Fields{"X1", "他说 \"好\", ok"}));
    EXPECT_EQ(rows[2].fields, (Fields{"X2", "two\nlines"}));
    EXPECT_EQ(rows[3].fields, (Fields{"X3", ""}));
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[2].line, 3);
    EXPECT_EQ(rows[3].line, 5) << "the quoted line break moves the next record to line 5";
}

TEST(CsvParse, BlankLinesAreSkippedButCounted) {
    auto rows = parse_ok("\na\n\n\r\nb\n\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields, (Fields{"a"}));
    EXPECT_EQ(rows[0].line, 2);
    EXPECT_EQ(rows[1].fields, (Fields{"b"}));
    EXPECT_EQ(rows[1].line, 5);
}

TEST(CsvParse, RowsOfBareCommasAreBlankButAQuotedEmptyFieldIsNot) {
    // Spreadsheets pad a sheet's end with ",,," rows.
    auto rows = parse_ok("a,b,c\n1,2,3\n,,\n, ,\n\"\",,\n");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[2].fields, (Fields{"", " ", ""}));
    EXPECT_EQ(rows[2].line, 4);
    EXPECT_EQ(rows[3].fields, (Fields{"", "", ""}));
    EXPECT_EQ(rows[3].line, 5);
}

TEST(CsvParse, EmptyTextGivesNoRows) {
    EXPECT_TRUE(parse_ok("").empty());
    EXPECT_TRUE(parse_ok("\xEF\xBB\xBF").empty());
    EXPECT_TRUE(parse_ok("\n\r\n\n").empty());
}

TEST(CsvParse, EscapeRoundTrips) {
    const Fields fields = {"plain", "with,comma", "say \"hi\"", "two\nlines", "", "中文，全角逗号"};
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += csv_escape(fields[i]);
    }
    EXPECT_EQ(csv_escape("plain"), "plain");
    EXPECT_EQ(csv_escape("say \"hi\""), "\"say \"\"hi\"\"\"");
    auto rows = parse_ok(line + "\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].fields, fields);
}

}  // namespace
}  // namespace custody
