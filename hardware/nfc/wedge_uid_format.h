#pragma once
// What a keyboard-wedge reader types for a card, and back: the UID in hex as the libnfc
// adapter reports it, or "decimal10", the 4-byte UID as one 10-digit decimal number.
//
// Readers disagree on which end of the UID the decimal number starts from, so the byte
// order is a setting, checked at installation with a badge whose UID is known:
//   LittleEndian: the UID's first byte is the number's least significant byte,
//                 04 A2 3B 11 -> 0x113BA204 -> "0289120772" (the default: what the cheap
//                 13.56 MHz readers we know of type for MIFARE Classic cards);
//   BigEndian:    the first byte is the most significant, 04 A2 3B 11 -> "0077740817".
// A 10-digit number carries four bytes only: a reader in decimal mode cannot report a 7- or
// 10-byte UID (what it types for one is not the UID), so such badges need a hex reader.

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/result.h"

namespace custody::nfc {

enum class WedgeUidFormat { Hex, Decimal10 };
enum class Decimal10ByteOrder { LittleEndian, BigEndian };

std::optional<WedgeUidFormat> parse_wedge_uid_format(std::string_view name);  // "hex", "decimal10"
std::optional<Decimal10ByteOrder> parse_decimal10_byte_order(std::string_view name);  // "little", "big"
std::string_view format_name(WedgeUidFormat format);

// The upper-case hex UID (4, 7 or 10 bytes) for a line a reader typed; an error with
// ReaderUidWrongLength or ReaderUidUnreadable says why the line is not one.
Result<std::string> uid_from_typed_text(std::string_view typed, WedgeUidFormat format, Decimal10ByteOrder order);

// What a reader types for `uid` (hex, separators allowed); the error is a reason for the
// simulator's operator ("not a 4, 7 or 10-byte UID").
Result<std::string, std::string> typed_text_for_uid(std::string_view uid, WedgeUidFormat format,
                                                    Decimal10ByteOrder order);

}  // namespace custody::nfc
