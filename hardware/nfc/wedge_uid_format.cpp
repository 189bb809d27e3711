#include "hardware/nfc/wedge_uid_format.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "kiosk/core/badge.h"

namespace custody::nfc {

namespace {

bool is_card_uid_length(std::size_t hex_digits) { return hex_digits == 8 || hex_digits == 14 || hex_digits == 20; }

std::string hex_of(const std::vector<std::uint8_t>& bytes) {
    std::string s;
    char two[3];
    for (std::uint8_t b : bytes) {
        std::snprintf(two, sizeof two, "%02X", b);
        s += two;
    }
    return s;
}

std::vector<std::uint8_t> bytes_of_number(std::uint32_t n, Decimal10ByteOrder order) {
    std::vector<std::uint8_t> b{static_cast<std::uint8_t>(n >> 24), static_cast<std::uint8_t>(n >> 16),
                                static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
    if (order == Decimal10ByteOrder::LittleEndian) return {b[3], b[2], b[1], b[0]};
    return b;
}

}  // namespace

std::optional<WedgeUidFormat> parse_wedge_uid_format(std::string_view name) {
    if (name == "hex") return WedgeUidFormat::Hex;
    if (name == "decimal10") return WedgeUidFormat::Decimal10;
    return std::nullopt;
}

std::optional<Decimal10ByteOrder> parse_decimal10_byte_order(std::string_view name) {
    if (name == "little") return Decimal10ByteOrder::LittleEndian;
    if (name == "big") return Decimal10ByteOrder::BigEndian;
    return std::nullopt;
}

std::string_view format_name(WedgeUidFormat format) { return format == WedgeUidFormat::Hex ? "hex" : "decimal10"; }

Result<std::string> uid_from_typed_text(std::string_view typed, WedgeUidFormat format, Decimal10ByteOrder order) {
    const std::string text(typed);
    const Error unreadable(MessageId::ReaderUidUnreadable, {text, std::string(format_name(format))});
    if (format == WedgeUidFormat::Hex) {
        for (char c : typed)
            if (!std::isxdigit(static_cast<unsigned char>(c))) return fail(unreadable);
        if (!is_card_uid_length(typed.size())) return fail(Error(MessageId::ReaderUidWrongLength, {text}));
        return normalise_badge_uid(text);
    }
    if (typed.size() != 10) return fail(unreadable);
    std::uint64_t n = 0;
    for (char c : typed) {
        if (c < '0' || c > '9') return fail(unreadable);
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (n > 0xFFFFFFFFu) return fail(unreadable);
    return hex_of(bytes_of_number(static_cast<std::uint32_t>(n), order));
}

Result<std::string, std::string> typed_text_for_uid(std::string_view uid, WedgeUidFormat format,
                                                    Decimal10ByteOrder order) {
    const std::string hex = normalise_badge_uid(std::string(uid));
    if (!is_card_uid_length(hex.size())) return fail(std::string("not a 4, 7 or 10-byte UID"));
    if (format == WedgeUidFormat::Hex) return hex;
    if (hex.size() != 8) return fail(std::string("decimal10 carries 4-byte UIDs only"));
    std::uint32_t first_first = static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16));
    std::uint32_t n = first_first;
    if (order == Decimal10ByteOrder::LittleEndian) {
        n = ((first_first & 0xFFu) << 24) | ((first_first & 0xFF00u) << 8) | ((first_first >> 8) & 0xFF00u) |
            (first_first >> 24);
    }
    char ten[11];
    std::snprintf(ten, sizeof ten, "%010u", static_cast<unsigned>(n));
    return std::string(ten);
}

}  // namespace custody::nfc
