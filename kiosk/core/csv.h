#pragma once
// RFC 4180 CSV as spreadsheet programs write it: UTF-8 (a leading BOM is dropped), CRLF
// or LF, quoted fields with "" escapes and embedded line breaks. Blank lines are skipped.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace custody {

struct CsvRow {
    int line = 0;  // physical line where the record starts, 1-based
    std::vector<std::string> fields;
};

// Fails with the first malformed line: ImportRejected's cause names what is wrong.
Result<std::vector<CsvRow>> parse_csv(std::string_view text, const std::string& source_name);

bool valid_utf8(std::string_view s);
std::string csv_escape(const std::string& field);

}  // namespace custody
