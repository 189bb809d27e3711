#pragma once
// Where the parts of a workbook are: its first worksheet, shared strings and styles,
// found through xl/workbook.xml and its relationships rather than assumed names, since
// the first tab need not be sheet1.xml.

#include <string>

#include "kiosk/core/result.h"
#include "kiosk/xlsx/zip_reader.h"

namespace custody::xlsx {

struct WorkbookIndex {
    std::string sheet_part;           // e.g. xl/worksheets/sheet1.xml
    std::string shared_strings_part;  // empty: the workbook has none
    std::string styles_part;          // empty: the workbook has none
    bool date1904 = false;            // serial numbers count days from 1904-01-01
};

// XlsxNoSheet {file, missing part} when there is no worksheet to read.
Result<WorkbookIndex> index_workbook(const ZipReader& zip);

// A relationship target of a part in `base_dir` ("xl/") as a part name in the zip.
std::string resolve_target(const std::string& base_dir, const std::string& target);

}  // namespace custody::xlsx
