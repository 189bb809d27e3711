#pragma once
// Text in ZFY_INFO's fixed char fields: the device encoding (GBK for the vendors we know,
// configurable per vendor) on one side, UTF-8 in the kiosk on the other.

#include <cstddef>
#include <optional>
#include <string>

namespace custody::camera {

// UTF-8 → device bytes that fit `field_size` with a terminating NUL, or nullopt when the
// text does not fit or cannot be encoded. Never cuts a double-byte character in half:
// the whole text is converted first and then measured.
std::optional<std::string> encode_field(const std::string& utf8, const std::string& encoding,
                                        std::size_t field_size);

// A field's bytes (up to the first NUL, or all of them) → UTF-8, or nullopt if invalid.
std::optional<std::string> decode_field(const char* field, std::size_t field_size,
                                        const std::string& encoding);

}  // namespace custody::camera
