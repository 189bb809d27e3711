#pragma once
// The XML parts of a small workbook, for the tests that build their own zips.

#include <string>
#include <utility>
#include <vector>

namespace custody::test {

using Parts = std::vector<std::pair<std::string, std::string>>;

inline const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>)";

// A workbook listing one sheet, rId1, at xl/worksheets/sheet1.xml.
inline const char* kOneSheetWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";

inline const char* kOneSheetRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>)";

inline std::string worksheet(const std::string& sheet_data) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           sheet_data + "</sheetData></worksheet>";
}

// The three parts that make a one-sheet workbook around `sheet_xml`.
inline Parts one_sheet_workbook(const std::string& sheet_xml) {
    return {{"[Content_Types].xml", kContentTypes},
            {"xl/workbook.xml", kOneSheetWorkbook},
            {"xl/_rels/workbook.xml.rels", kOneSheetRels},
            {"xl/worksheets/sheet1.xml", sheet_xml}};
}

}  // namespace custody::test
