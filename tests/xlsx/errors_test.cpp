// Files that are no workbook, or a damaged one, are refused with a message that names
// the file and what is wrong; a failed write leaves no file behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kiosk/xlsx/xlsx_sheet.h"
#include "tests/support/temp_dir.h"
#include "tests/xlsx/parts.h"
#include "tests/xlsx/workbook_tools.h"

namespace custody {
namespace {

namespace fs = std::filesystem;

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The error of reading `path`, which must fail; its English text must name the file.
Error read_error(const std::string& path) {
    auto r = read_sheet(path);
    if (r.ok()) {
        ADD_FAILURE() << path << " was read as " << r->size() << " rows";
        return {};
    }
    EXPECT_NE(render(r.error(), Lang::En).find(path), std::string::npos) << log_line(r.error());
    EXPECT_EQ(r.error().args.empty() ? std::string() : r.error().args[0], path);
    return r.error();
}

TEST(XlsxErrors, ATextFileNamedXlsxIsUnreadable) {
    test::TempDir dir;
    const std::string path = dir.file("资产卡片.xlsx");
    write_file(path, "资产编号,名称\nZC-0001,执法记录仪\n");
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxUnreadable) << log_line(e);
    ASSERT_EQ(e.args.size(), 2u);
    EXPECT_FALSE(e.args[1].empty());
}

TEST(XlsxErrors, AnEmptyFileIsUnreadable) {
    test::TempDir dir;
    const std::string path = dir.file("empty.xlsx");
    write_file(path, "");
    EXPECT_EQ(read_error(path).id, MessageId::XlsxUnreadable);
}

TEST(XlsxErrors, AMissingFileIsUnreadableAndNamed) {
    test::TempDir dir;
    const std::string path = dir.file("不存在.xlsx");
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxUnreadable) << log_line(e);
    EXPECT_NE(render(e, Lang::Zh).find(path), std::string::npos);
}

TEST(XlsxErrors, ACutOffWorkbookIsUnreadable) {
    test::TempDir dir;
    const std::string good = dir.file("good.xlsx");
    ASSERT_TRUE(write_sheet(good, {{"资产编号"}, {"ZC-0001"}}, {}).ok());
    std::string bytes = read_file(good);
    const std::string cut = dir.file("cut.xlsx");
    write_file(cut, bytes.substr(0, bytes.size() / 2));
    EXPECT_EQ(read_error(cut).id, MessageId::XlsxUnreadable);
}

TEST(XlsxErrors, AZipWithoutAWorkbookHasNoSheet) {
    test::TempDir dir;
    const std::string path = dir.file("not-a-workbook.xlsx");
    test::write_zip(path, {{"[Content_Types].xml", test::kContentTypes}, {"word/document.xml", "<document/>"}});
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxNoSheet) << log_line(e);
    ASSERT_EQ(e.args.size(), 2u);
    EXPECT_EQ(e.args[1], "xl/workbook.xml");
}

TEST(XlsxErrors, AWorkbookWhoseSheetPartIsMissingHasNoSheet) {
    test::TempDir dir;
    const std::string path = dir.file("no-sheet-part.xlsx");
    test::Parts parts = test::one_sheet_workbook("");
    parts.pop_back();  // the worksheet itself
    test::write_zip(path, parts);
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxNoSheet) << log_line(e);
    ASSERT_EQ(e.args.size(), 2u);
    EXPECT_EQ(e.args[1], "xl/worksheets/sheet1.xml");
}

TEST(XlsxErrors, AWorkbookListingNoSheetHasNoSheet) {
    test::TempDir dir;
    const std::string path = dir.file("no-sheets.xlsx");
    test::write_zip(path, {{"xl/workbook.xml",
                            R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>)"},
                           {"xl/_rels/workbook.xml.rels", test::kOneSheetRels}});
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxNoSheet) << log_line(e);
}

TEST(XlsxErrors, ATruncatedSheetIsMalformedAndSaysWhereAndWhy) {
    test::TempDir dir;
    const std::string path = dir.file("truncated.xlsx");
    std::string sheet = test::worksheet(R"(
<row r="1"><c r="A1" t="inlineStr"><is><t>资产编号</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>ZC-0001</t></is></c></row>)");
    // Cut inside the closing tag after ZC-0001, as a download that stopped short would.
    test::write_zip(path, test::one_sheet_workbook(sheet.substr(0, sheet.rfind("</t>") + 2)));
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxMalformed) << log_line(e);
    ASSERT_EQ(e.args.size(), 3u);
    EXPECT_EQ(e.args[1], "xl/worksheets/sheet1.xml");
    // expat's own words, with the line it stopped on.
    EXPECT_NE(e.args[2].find("line 4"), std::string::npos) << e.args[2];
    EXPECT_NE(e.args[2].find("unclosed token"), std::string::npos) << e.args[2];
}

TEST(XlsxErrors, BrokenXmlInTheMiddleNamesItsLine) {
    test::TempDir dir;
    const std::string path = dir.file("broken.xlsx");
    test::write_zip(path, test::one_sheet_workbook(test::worksheet(R"(
<row r="1"><c r="A1"><v>1</v></c></row>
<row r="2"><c r="A2"><v>2</v></row>
)")));
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxMalformed) << log_line(e);
    ASSERT_EQ(e.args.size(), 3u);
    // Line 1 is the declaration, 2 opens the sheet, 3 and 4 are the rows.
    EXPECT_NE(e.args[2].find("line 4"), std::string::npos) << e.args[2];
    EXPECT_NE(e.args[2].find("mismatched tag"), std::string::npos) << e.args[2];
}

TEST(XlsxErrors, AMissingSharedStringIsMalformed) {
    test::TempDir dir;
    const std::string path = dir.file("bad-index.xlsx");
    test::write_zip(path, test::one_sheet_workbook(test::worksheet(R"(<row r="1"><c r="A1" t="s"><v>5</v></c></row>)")));
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxMalformed) << log_line(e);
    ASSERT_EQ(e.args.size(), 3u);
    EXPECT_NE(e.args[2].find("shared string \"5\""), std::string::npos) << e.args[2];
}

TEST(XlsxErrors, ABadCellReferenceIsMalformed) {
    test::TempDir dir;
    const std::string path = dir.file("bad-ref.xlsx");
    test::write_zip(path, test::one_sheet_workbook(test::worksheet(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")));
    Error e = read_error(path);
    EXPECT_EQ(e.id, MessageId::XlsxMalformed) << log_line(e);
    ASSERT_EQ(e.args.size(), 3u);
    EXPECT_NE(e.args[2].find("XFE1"), std::string::npos) << e.args[2];
}

TEST(XlsxErrors, WritingIntoAMissingFolderFailsAndLeavesNothing) {
    test::TempDir dir;
    const std::string path = dir.file("没有这个目录/cards.xlsx");
    auto w = write_sheet(path, {{"资产编号"}, {"ZC-0001"}}, {});
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().id, MessageId::XlsxWriteFailed) << log_line(w.error());
    EXPECT_NE(render(w.error(), Lang::En).find(path), std::string::npos) << log_line(w.error());
    EXPECT_FALSE(fs::exists(path));
    EXPECT_FALSE(fs::exists(path + ".partial"));
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(XlsxErrors, AFailedWriteKeepsThePreviousFile) {
    test::TempDir dir;
    const std::string path = dir.file("cards.xlsx");
    ASSERT_TRUE(write_sheet(path, {{"资产编号"}, {"ZC-0001"}}, {}).ok());
    const std::string before = read_file(path);
    // A sheet name Excel forbids: libxlsxwriter refuses it once the partial file exists.
    SheetWriteOptions bad_name;
    bad_name.sheet_name = "资产/卡片";
    auto w = write_sheet(path, {{"资产编号"}, {"ZC-0002"}}, bad_name);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().id, MessageId::XlsxWriteFailed) << log_line(w.error());
    EXPECT_EQ(read_file(path), before);
    EXPECT_FALSE(fs::exists(path + ".partial"));
}

TEST(XlsxErrors, BytesThatAreNotUtf8AreRefusedBeforeWriting) {
    test::TempDir dir;
    const std::string path = dir.file("gbk.xlsx");
    // "治安" saved as GBK, not UTF-8.
    auto w = write_sheet(path, {{"编号", "名称"}, {"ZC-0001", "\xD6\xCE\xB0\xB2"}}, {});
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().id, MessageId::XlsxCellNotText) << log_line(w.error());
    EXPECT_EQ(w.error().args, (std::vector<std::string>{path, "2", "B"}));
    EXPECT_FALSE(fs::exists(path));
    EXPECT_FALSE(fs::exists(path + ".partial"));
}

}  // namespace
}  // namespace custody
