// A workbook assembled part by part, with what other writers (Excel, WPS, .NET
// libraries) put in that ours and openpyxl's do not: the first tab in a part that is not
// sheet1.xml, rich-text and phonetic shared strings, namespace prefixes, cells without
// references, escapes, formulas, errors and the built-in date formats.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/xlsx/xlsx_sheet.h"
#include "tests/support/temp_dir.h"
#include "tests/xlsx/parts.h"
#include "tests/xlsx/workbook_tools.h"

namespace custody {
namespace {

const char* kWorkbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr/>
<sheets>
<sheet name="卡片" sheetId="2" r:id="rId7"/>
<sheet name="说明" sheetId="1" r:id="rId1"/>
</sheets></workbook>)";

const char* kRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/" TargetMode="External"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
</Relationships>)";

const char* kSharedStrings = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>资产编号</t></si>
<si><r><rPr><b/></rPr><t>执法</t></r><r><t xml:space="preserve"> 记录仪</t></r></si>
<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>第一行_x000D_
第二行</t></si>
</sst>)";

// xf 0 General, 1 built-in 14 (short date), 2 a custom date, 3 built-in 22 (date and
// time), 4 built-in 2 (0.00, a plain number), 5 built-in 31 (zh-CN yyyy年m月d日),
// 6 built-in 20 (h:mm), 7 a custom money format with a quoted unit.
const char* kStyles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="2"/><xf numFmtId="31"/><xf numFmtId="20"/><xf numFmtId="165"/></cellXfs>
</styleSheet>)";

// The first tab, with the x: prefix some libraries use.
const char* kCards = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetPr/><x:dimension ref="A2:AA11"/>
<x:sheetData>
<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:r><x:t>甲</x:t></x:r><x:r><x:t>乙</x:t></x:r></x:is></x:c></x:row>
<x:row r="5"><x:c t="s"><x:v>2</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c><x:v>1.2E+3</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A2&amp;""</x:f><x:v>公式结果</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="7"><x:c r="A7" s="1"><x:v>60</x:v></x:c><x:c r="B7" s="2"><x:v>45351</x:v></x:c><x:c r="C7" s="3"><x:v>45351.5</x:v></x:c><x:c r="D7" s="4"><x:v>3.50</x:v></x:c><x:c r="E7" s="5"><x:v>61</x:v></x:c><x:c r="F7" s="1"><x:v>59</x:v></x:c><x:c r="G7"><x:v>-0</x:v></x:c><x:c r="H7" s="1"><x:v>0</x:v></x:c><x:c r="I7" s="6"><x:v>0.75</x:v></x:c><x:c r="J7" s="7"><x:v>3280.5</x:v></x:c></x:row>
<x:row><x:c r="A8" t="s"><x:v>3</x:v></x:c><x:c r="C8"/></x:row>
<x:row r="10"><x:c r="A10" s="1"/><x:c r="B10" t="inlineStr"><x:is><x:t></x:t></x:is></x:c></x:row>
<x:row r="11"><x:c r="AA11" t="inlineStr"><x:is><x:t>第 27 列</x:t></x:is></x:c></x:row>
</x:sheetData>
</x:worksheet>)";

test::Parts hand_made() {
    return {{"[Content_Types].xml", test::kContentTypes},
            {"xl/workbook.xml", kWorkbook},
            {"xl/_rels/workbook.xml.rels", kRels},
            {"xl/strings.xml", kSharedStrings},
            {"xl/styles.xml", kStyles},
            {"xl/worksheets/sheet1.xml", test::worksheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>不应读取</t></is></c></row>)")},
            {"xl/worksheets/sheet2.xml", kCards}};
}

class XlsxHandMade : public testing::Test {
protected:
    void SetUp() override {
        path_ = dir_.file("hand-made.xlsx");
        test::write_zip(path_, hand_made());
        auto r = read_sheet(path_);
        ASSERT_TRUE(r.ok()) << log_line(r.error());
        rows_ = std::move(r.value());
    }
    const SheetRow* line(int n) const {
        for (const auto& r : rows_)
            if (r.line == n) return &r;
        return nullptr;
    }
    test::TempDir dir_;
    std::string path_;
    std::vector<SheetRow> rows_;
};

TEST_F(XlsxHandMade, TheFirstTabIsReadWhateverItsPartIsCalled) {
    std::vector<int> lines;
    for (const auto& r : rows_) lines.push_back(r.line);
    // Row 10 holds only empty cells and is left out.
    EXPECT_EQ(lines, (std::vector<int>{2, 5, 7, 8, 11}));
}

TEST_F(XlsxHandMade, SharedRichAndInlineStrings) {
    ASSERT_NE(line(2), nullptr);
    EXPECT_EQ(line(2)->cells, (std::vector<std::string>{"资产编号", "执法 记录仪", "", "甲乙"}));
}

TEST_F(XlsxHandMade, CellsWithoutReferencesFollowOneAnother) {
    ASSERT_NE(line(5), nullptr);
    // The phonetic guide is not text; a formula gives its cached result.
    EXPECT_EQ(line(5)->cells, (std::vector<std::string>{"東京", "FALSE", "1200", "#N/A", "公式结果", "TRUE"}));
}

TEST_F(XlsxHandMade, NumberFormatsDecideWhatIsADate) {
    ASSERT_NE(line(7), nullptr);
    EXPECT_EQ(line(7)->cells, (std::vector<std::string>{"1900-02-29", "2024-02-29", "2024-02-29 12:00:00", "3.5",
                                                        "1900-03-01", "1900-02-28", "0", "0", "18:00:00", "3280.5"}));
}

TEST_F(XlsxHandMade, EscapesAreUndoneAndARowWithoutNumberFollowsThePrevious) {
    ASSERT_NE(line(8), nullptr);
    EXPECT_EQ(line(8)->cells, (std::vector<std::string>{"第一行\r\n第二行"}));
}

TEST_F(XlsxHandMade, ColumnLettersPlaceACellFarOut) {
    ASSERT_NE(line(11), nullptr);
    std::vector<std::string> expected(27);
    expected[26] = "第 27 列";
    EXPECT_EQ(line(11)->cells, expected);
}

}  // namespace
}  // namespace custody
