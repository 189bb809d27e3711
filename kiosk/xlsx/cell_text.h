#pragma once
// A stored cell value as the text a person saw in Excel.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/xlsx/number_format.h"

namespace custody::xlsx {

// Excel's limits: XFD columns, 1048576 rows.
constexpr std::size_t kMaxColumns = 16384;
constexpr int kMaxRows = 1048576;

// The 0-based column of a reference such as "B3" or "AA10"; nullopt when it is none.
std::optional<std::size_t> column_of(std::string_view ref);
// "A", "Z", "AA" for 0, 25, 26.
std::string column_name(std::size_t column);

// A number as written, without a needless fraction or exponent: "3", "12.5", "1200"
// (for 1.2E+3). nullopt when `v` is not a number.
std::optional<std::string> number_text(std::string_view v);

// A serial number in a date or time format: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or
// "HH:MM:SS". nullopt outside the dates Excel can show (before day 1, after 9999).
std::optional<std::string> serial_text(double serial, NumberKind kind, bool date1904);

// Undoes the _xHHHH_ escapes OOXML uses for characters XML cannot carry (e.g. _x000D_).
std::string unescape_xstring(std::string_view s);
// Text that merely looks like such an escape ("_x0041_") would be shown decoded by
// Excel; escaping its underscore (_x005F_) keeps it as typed.
std::string protect_xstring(std::string_view s);

}  // namespace custody::xlsx
