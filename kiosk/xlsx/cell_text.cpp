#include "kiosk/xlsx/cell_text.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace custody::xlsx {
namespace {

constexpr long long kMillisPerDay = 86'400'000;

std::string two_digits(unsigned v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u", v % 100);
    return buf;
}

// Excel's 1900 system keeps Lotus 1-2-3's leap day: serial 60 is 1900-02-29, a day
// that never was, so serials before it count from one day later.
std::optional<std::string> day_text(long long day, bool date1904) {
    using namespace std::chrono;
    if (!date1904 && day == 60) return "1900-02-29";
    if (!date1904 && day < 1) return std::nullopt;
    sys_days epoch = date1904 ? sys_days(year(1904) / January / 1)
                     : day < 60 ? sys_days(year(1899) / December / 31)
                                : sys_days(year(1899) / December / 30);
    year_month_day ymd(epoch + days(day));
    int y = static_cast<int>(ymd.year());
    if (y > 9999) return std::nullopt;
    char year_digits[16];
    std::snprintf(year_digits, sizeof year_digits, "%04d", y);
    return std::string(year_digits) + "-" + two_digits(static_cast<unsigned>(ymd.month())) + "-" +
           two_digits(static_cast<unsigned>(ymd.day()));
}

std::string time_text(long long seconds) {
    auto s = static_cast<unsigned>(seconds);
    return two_digits(s / 3600) + ":" + two_digits(s / 60 % 60) + ":" + two_digits(s % 60);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The code unit of an _xHHHH_ escape at `s[i]`, or -1.
int escape_at(std::string_view s, std::size_t i) {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    int v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        int h = hex_value(s[k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

}  // namespace

std::optional<std::size_t> column_of(std::string_view ref) {
    std::size_t col = 0, letters = 0;
    for (char c : ref) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
        if (++letters > 3) return std::nullopt;
    }
    if (letters == 0 || col > kMaxColumns) return std::nullopt;
    std::string_view digits = ref.substr(letters);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    return col - 1;
}

std::string column_name(std::size_t column) {
    std::string name;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

std::optional<std::string> number_text(std::string_view v) {
    double d = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return std::nullopt;
    if (d == 0) d = 0;  // -0 reads as 0
    // Shortest digits that read back as the same double: what Excel itself stores.
    char buf[400];
    auto [last, ec2] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    if (ec2 != std::errc()) return std::string(v);
    return std::string(buf, last);
}

std::optional<std::string> serial_text(double serial, NumberKind kind, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 3.0e6) return std::nullopt;
    auto ms = static_cast<long long>(std::llround(serial * static_cast<double>(kMillisPerDay)));
    long long day = ms / kMillisPerDay;
    // Times show whole seconds; 23:59:59.6 rounds into the next day.
    long long seconds = (ms % kMillisPerDay + 500) / 1000;
    if (seconds == 86'400 && kind != NumberKind::Date) {
        ++day;
        seconds = 0;
    }
    if (kind == NumberKind::Time) return time_text(seconds);
    auto date = day_text(day, date1904);
    if (!date || kind == NumberKind::Date) return date;
    return *date + " " + time_text(seconds);
}

std::string unescape_xstring(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        int cp = escape_at(s, i);
        // A lone UTF-16 surrogate is no character: keep the escape as it was.
        if (cp < 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out += s[i];
            continue;
        }
        append_utf8(out, static_cast<unsigned>(cp));
        i += 6;
    }
    return out;
}

std::string protect_xstring(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size() + 7);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (escape_at(s, i) >= 0) out += "_x005F";
        out += s[i];
    }
    return out;
}

}  // namespace custody::xlsx
