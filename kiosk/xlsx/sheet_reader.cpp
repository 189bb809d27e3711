// read_sheet: the zip, then where its parts are, then the tables the cells refer to,
// then the cells.
#include "kiosk/xlsx/number_format.h"
#include "kiosk/xlsx/shared_strings.h"
#include "kiosk/xlsx/workbook_index.h"
#include "kiosk/xlsx/worksheet_rows.h"
#include "kiosk/xlsx/xlsx_sheet.h"
#include "kiosk/xlsx/zip_reader.h"

namespace custody {

Result<std::vector<SheetRow>> read_sheet(const std::string& path) {
    auto zip = xlsx::ZipReader::open(path);
    if (!zip) return fail(zip.error());
    auto index = xlsx::index_workbook(*zip);
    if (!index) return fail(index.error());
    auto strings = xlsx::read_shared_strings(*zip, index->shared_strings_part);
    if (!strings) return fail(strings.error());
    auto styles = xlsx::read_cell_styles(*zip, index->styles_part);
    if (!styles) return fail(styles.error());
    return xlsx::read_worksheet_rows(*zip, index->sheet_part, {*strings, *styles, index->date1904});
}

}  // namespace custody
