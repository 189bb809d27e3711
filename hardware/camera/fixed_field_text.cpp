#include "hardware/camera/fixed_field_text.h"

#include <iconv.h>

#include <cstring>

namespace custody::camera {
namespace {

std::optional<std::string> convert(const std::string& in, const std::string& from, const std::string& to) {
    iconv_t cd = iconv_open(to.c_str(), from.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string src = in;
    std::string out(src.size() * 4 + 4, '\0');  // enough for any of these encodings
    char* ip = src.data();
    char* op = out.data();
    std::size_t il = src.size(), ol = out.size();
    std::size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == static_cast<std::size_t>(-1) || il != 0) return std::nullopt;
    out.resize(out.size() - ol);
    return out;
}

}  // namespace

std::optional<std::string> encode_field(const std::string& utf8, const std::string& encoding,
                                        std::size_t field_size) {
    auto bytes = convert(utf8, "UTF-8", encoding);
    if (!bytes || bytes->size() + 1 > field_size || bytes->find('\0') != std::string::npos)
        return std::nullopt;
    return bytes;
}

std::optional<std::string> decode_field(const char* field, std::size_t field_size,
                                        const std::string& encoding) {
    return convert(std::string(field, strnlen(field, field_size)), encoding, "UTF-8");
}

}  // namespace custody::camera
