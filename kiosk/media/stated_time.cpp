#include "kiosk/media/stated_time.h"

#include <cstddef>

namespace custody::media {
namespace {

// A cursor over fixed-width digit fields: each read either consumes exactly its digits or
// fails the whole parse.
class Fields {
public:
    explicit Fields(std::string_view s) : s_(s) {}
    bool digits(int n, int& out) {
        if (pos_ + static_cast<std::size_t>(n) > s_.size()) return false;
        int v = 0;
        for (int i = 0; i < n; ++i) {
            char c = s_[pos_ + static_cast<std::size_t>(i)];
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        pos_ += static_cast<std::size_t>(n);
        out = v;
        return true;
    }
    bool literal(char c) {
        if (pos_ >= s_.size() || s_[pos_] != c) return false;
        ++pos_;
        return true;
    }
    bool one_of(std::string_view set) {
        if (pos_ >= s_.size() || set.find(s_[pos_]) == std::string_view::npos) return false;
        ++pos_;
        return true;
    }
    bool at(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
    bool done() const { return pos_ == s_.size(); }
    char next() { return s_[pos_++]; }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// Second 60 is a leap second as some clocks write it; it reads as the next second.
std::optional<std::int64_t> civil_ms(int y, int mo, int d, int h, int mi, int s, int ms) {
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 60) return std::nullopt;
    const std::int64_t secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    return secs * 1000 + ms;
}

// "HH:MM:SS" with `sep` between the fields.
bool clock_fields(Fields& f, std::string_view seps, int& h, int& mi, int& s) {
    return f.digits(2, h) && f.one_of(seps) && f.digits(2, mi) && f.one_of(seps) && f.digits(2, s);
}

// ".123456": milliseconds, the rest of the digits dropped (truncated, not rounded, so a
// time never moves into the next second).
bool fraction(Fields& f, int& ms) {
    ms = 0;
    if (!f.literal('.') && !f.literal(',')) return true;
    int n = 0, digit = 0;
    while (f.digits(1, digit)) {
        if (n < 3) ms = ms * 10 + digit;
        ++n;
    }
    if (n == 0) return false;
    for (; n < 3; ++n) ms *= 10;
    return true;
}

// "+08:00", "+0800", "+08", "Z": seconds east of UTC, consuming to the end.
std::optional<int> offset_fields(Fields& f) {
    if (f.literal('Z') || f.literal('z')) return f.done() ? std::optional<int>(0) : std::nullopt;
    if (!f.at('+') && !f.at('-')) return std::nullopt;
    const int sign = f.next() == '-' ? -1 : 1;
    int h = 0, m = 0;
    if (!f.digits(2, h)) return std::nullopt;
    if (!f.done()) {
        f.literal(':');
        if (!f.digits(2, m)) return std::nullopt;
    }
    if (!f.done() || h > 23 || m > 59) return std::nullopt;
    return sign * (h * 3600 + m * 60);
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    // H. Hinnant's algorithm: eras of 400 years, the year starting in March.
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::optional<std::int64_t> parse_iso8601_ms(std::string_view text) {
    Fields f(text);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    if (!(f.digits(4, y) && f.literal('-') && f.digits(2, mo) && f.literal('-') && f.digits(2, d))) return std::nullopt;
    if (!f.one_of("Tt ")) return std::nullopt;
    if (!clock_fields(f, ":", h, mi, s) || !fraction(f, ms)) return std::nullopt;
    int offset = 0;
    if (!f.done()) {
        auto o = offset_fields(f);
        if (!o) return std::nullopt;
        offset = *o;
    }
    auto local = civil_ms(y, mo, d, h, mi, s, ms);
    if (!local) return std::nullopt;
    return *local - std::int64_t{offset} * 1000;
}

std::optional<StatedTime> parse_exif_datetime(std::string_view text) {
    // The ASCII value usually carries its NUL; some writers pad with spaces.
    while (!text.empty() && (text.back() == '\0' || text.back() == ' ')) text.remove_suffix(1);
    Fields f(text);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!(f.digits(4, y) && f.literal(':') && f.digits(2, mo) && f.literal(':') && f.digits(2, d) && f.literal(' ') &&
          clock_fields(f, ":", h, mi, s) && f.done()))
        return std::nullopt;
    auto ms = civil_ms(y, mo, d, h, mi, s, 0);
    if (!ms) return std::nullopt;
    return StatedTime{*ms, true};
}

std::optional<StatedTime> parse_bwf_origination(std::string_view date, std::string_view time) {
    Fields fd(date), ft(time);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!(fd.digits(4, y) && fd.one_of("-:./ ") && fd.digits(2, mo) && fd.one_of("-:./ ") && fd.digits(2, d) &&
          fd.done()))
        return std::nullopt;
    if (!clock_fields(ft, ":-. ", h, mi, s) || !ft.done()) return std::nullopt;
    auto ms = civil_ms(y, mo, d, h, mi, s, 0);
    if (!ms) return std::nullopt;
    return StatedTime{*ms, true};
}

std::optional<int> parse_utc_offset(std::string_view text) {
    while (!text.empty() && (text.back() == '\0' || text.back() == ' ')) text.remove_suffix(1);
    Fields f(text);
    if (f.at('Z') || f.at('z')) return std::nullopt;  // EXIF always writes ±HH:MM
    return offset_fields(f);
}

}  // namespace custody::media
