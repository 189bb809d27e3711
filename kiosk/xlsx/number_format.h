#pragma once
// Which cells hold dates. A date in a workbook is a plain serial number; only the
// number format of the cell's style (xl/styles.xml) says that Excel shows it as a date.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/xlsx/zip_reader.h"

namespace custody::xlsx {

enum class NumberKind { Plain, Date, DateTime, Time };

// Excel's built-in formats by id, the zh-CN locale's date ones (27-36, 50-58) included.
NumberKind builtin_format_kind(int id);
// A format code such as yyyy-mm-dd, yyyy"年"m"月"d"日" or h:mm, judged by its first section.
NumberKind format_code_kind(std::string_view code);

class CellStyles {
public:
    // The kind of a cell whose s attribute is `xf`; unknown styles are Plain.
    NumberKind kind(std::size_t xf) const { return xf < kinds_.size() ? kinds_[xf] : NumberKind::Plain; }
    void add(NumberKind k) { kinds_.push_back(k); }

private:
    std::vector<NumberKind> kinds_;  // by index into <cellXfs>
};

// An empty `part` (no styles) gives no dates.
Result<CellStyles> read_cell_styles(const ZipReader& zip, const std::string& part);

}  // namespace custody::xlsx
