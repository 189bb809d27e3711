#pragma once
// One-sheet XLSX workbooks as finance offices exchange them (fixed-asset cards): every
// cell is text on the way out, and whatever Excel or WPS stored comes back as the text
// a person saw, dates included.

#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody {

struct SheetRow {
    int line = 0;  // the sheet's own row number, 1-based
    std::vector<std::string> cells;
};

struct SheetWriteOptions {
    std::string sheet_name;            // empty: Sheet1
    std::vector<double> column_widths;  // in characters, from column A; missing ones keep Excel's default
    int header_rows = 1;               // bold on a fill and frozen above the scrolling rows; 0 for none
};

// Writes `rows` (UTF-8 text, one string per cell) as the only worksheet of `path`. The
// workbook is written beside it as path + ".partial" and renamed over it once durable,
// so a failure leaves `path` as it was and no partial file behind.
// XlsxWriteFailed {path, reason}; XlsxCellNotText {path, row, column} for bytes that
// are not UTF-8.
Status write_sheet(const std::string& path, const std::vector<std::vector<std::string>>& rows,
                   const SheetWriteOptions& opt);

// Reads the first worksheet (in tab order) as text rows. Blank rows are left out and
// trailing empty cells trimmed; a missing cell before a filled one is "". Numbers read
// as written without a needless ".0" ("3", "12.5"), booleans as TRUE/FALSE, and a
// number in a date format as YYYY-MM-DD (date and time: "YYYY-MM-DD HH:MM:SS", time
// only: "HH:MM:SS").
// XlsxUnreadable {path, reason} (missing, not a zip, damaged zip); XlsxNoSheet {path,
// what is missing}; XlsxMalformed {path, part, reason with its line}.
Result<std::vector<SheetRow>> read_sheet(const std::string& path);

}  // namespace custody
