#pragma once
// A worksheet part's <sheetData> as text rows.

#include <string>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/xlsx/number_format.h"
#include "kiosk/xlsx/xlsx_sheet.h"
#include "kiosk/xlsx/zip_reader.h"

namespace custody::xlsx {

// What the cells refer to outside the worksheet.
struct SheetContext {
    const std::vector<std::string>& shared_strings;
    const CellStyles& styles;
    bool date1904 = false;
};

Result<std::vector<SheetRow>> read_worksheet_rows(const ZipReader& zip, const std::string& part,
                                                  const SheetContext& context);

}  // namespace custody::xlsx
