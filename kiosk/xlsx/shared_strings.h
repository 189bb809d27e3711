#pragma once
// xl/sharedStrings.xml: the workbook's table of text, which cells of type "s" index.

#include <string>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/xlsx/zip_reader.h"

namespace custody::xlsx {

// A rich-text string (<si><r><t>..</t></r>...</si>) is its runs joined; phonetic
// guides (<rPh>) are not part of the text. An empty `part` gives no strings.
Result<std::vector<std::string>> read_shared_strings(const ZipReader& zip, const std::string& part);

}  // namespace custody::xlsx
