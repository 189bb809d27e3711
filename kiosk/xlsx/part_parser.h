#pragma once
// One XML part of the workbook, streamed out of the zip into expat.

#include <string>

#include "kiosk/core/result.h"
#include "kiosk/xlsx/xml_stream.h"
#include "kiosk/xlsx/zip_reader.h"

namespace custody::xlsx {

// XlsxMalformed {file, part, reason with its line} for XML the handler cannot take;
// XlsxUnreadable when the zip cannot give the part's bytes.
Status parse_part(const ZipReader& zip, const std::string& part, XmlHandler& handler);

}  // namespace custody::xlsx
