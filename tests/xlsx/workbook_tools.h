#pragma once
// What the XLSX tests need around read_sheet and write_sheet: Python's openpyxl as a
// second, independent implementation, and zip files assembled part by part.

#include <string>
#include <utility>
#include <vector>

#include "kiosk/xlsx/xlsx_sheet.h"
#include "tests/support/run_command.h"

namespace custody::test {

// Runs `script` with Debian's python3 (where python3-openpyxl is installed) and the
// arguments as sys.argv[1:].
CommandResult run_python(const std::string& script, const std::vector<std::string>& args = {});

// A zip at `path` holding each {part name, content} as written.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& parts);

// The rows read_sheet gives when every row of `rows` is non-blank: line = index + 1,
// trailing empty cells trimmed.
std::vector<SheetRow> expected_rows(const std::vector<std::vector<std::string>>& rows);

// Lines of "key<TAB>value" into pairs, in order.
std::vector<std::pair<std::string, std::string>> tab_lines(const std::string& text);
// "a<TAB>b<TAB>c" into its fields.
std::vector<std::string> split_tabs(const std::string& line);
// Bytes from lowercase hex (Python's bytes.hex()).
std::string from_hex(const std::string& hex);

}  // namespace custody::test

namespace custody {
// For EXPECT_EQ on rows and readable failure messages.
bool operator==(const SheetRow& a, const SheetRow& b);
void PrintTo(const SheetRow& row, std::ostream* os);
}  // namespace custody
